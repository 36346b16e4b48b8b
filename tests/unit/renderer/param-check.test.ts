import { describe, expect, it } from 'vitest';
import { builtinCatalog } from '../../../src-shared/catalog/builtin';
import { checkParams, smsToPayload } from '../../../src-shared/catalog/check';
import { instructionCode, templateWithLabels } from '../../../src-renderer/catalog/param-check';

const NOW = new Date(2026, 10, 25);
const catalog = builtinCatalog();

describe('checkParams', () => {
  it('reports every wrong field at once, each with its bilingual error', () => {
    const { errors, composed } = checkParams(catalog.require('MMXG'), { oldPassword: '12', newPassword: '' }, NOW);
    expect(composed).toBeNull();
    expect(Object.fromEntries(Object.entries(errors).map(([k, e]) => [k, e.code]))).toEqual({
      oldPassword: 'param.password-format',
      newPassword: 'param.missing',
    });
    expect(errors.oldPassword!.zh).toContain('6 位数字');
    expect(errors.oldPassword!.en).toContain('6 digits');
  });

  it('composes the exact SMS, and its redacted form, once every field is right', () => {
    const { errors, composed } = checkParams(catalog.require('MMXG'), { oldPassword: '123456', newPassword: '654321' }, NOW);
    expect(errors).toEqual({});
    expect(composed).toMatchObject({ text: 'MMXG#123456#654321', redacted: 'MMXG#******#******', to: '10086' });
  });

  it('normalises what people type', () => {
    expect(checkParams(catalog.require('ZD'), { month: '2026-9' }, NOW).composed?.text).toBe('ZD202609');
  });

  it('refuses a month in the future', () => {
    expect(checkParams(catalog.require('ZD'), { month: '202612' }, NOW).errors.month?.code).toBe('param.month-future');
  });

  it('composes an instruction without parameters straight away', () => {
    expect(checkParams(catalog.require('YE'), {}, NOW).composed?.text).toBe('YE');
  });
});

describe('instructionCode', () => {
  it.each([
    ['YE', 'YE'],
    ['ZD', 'ZD'],
    ['MMXG', 'MMXG'],
    ['BGYETX', 'BGYETX'],
    ['tywlan', 'tywlan'],
  ])('%s is written %s', (id, code) => {
    expect(instructionCode(catalog.require(id))).toBe(code);
  });
});

describe('smsToPayload', () => {
  it('is the SMSTO form phones open as a new SMS', () => {
    expect(smsToPayload('10086', 'ZD202610')).toBe('SMSTO:10086:ZD202610');
  });
});

describe('templateWithLabels', () => {
  it.each([
    ['ZD', 'zh-Hans', 'ZD‹账单月份（年年年年月月）›'],
    ['MMXG', 'en', 'MMXG#‹Current password›#‹New password›'],
    ['YE', 'zh-Hant', 'YE'],
  ] as const)('%s in %s → %s', (id, lang, text) => {
    expect(templateWithLabels(catalog.require(id), lang)).toBe(text);
  });
});
