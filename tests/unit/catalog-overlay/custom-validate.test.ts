import { describe, expect, it } from 'vitest';
import { validateCustom } from '../../../src-shared/catalog/custom/validate';

const valid = { code: 'CXLLB', name: { 'zh-Hans': '查询流量包' } };

describe('validateCustom accepts', () => {
  it.each([
    [
      'a code and one name: the rest is filled in',
      valid,
      { code: 'CXLLB', template: 'CXLLB', to: '10086', name: { 'zh-Hans': '查询流量包', 'zh-Hant': '查询流量包', en: '查询流量包' }, confirm: false },
    ],
    [
      'an English name, copied into both Chinese forms',
      { code: 'abc', name: { en: 'Data pack' } },
      { code: 'abc', template: 'abc', to: '10086', name: { 'zh-Hans': 'Data pack', 'zh-Hant': 'Data pack', en: 'Data pack' }, confirm: false },
    ],
    [
      'a Traditional name, preferred over English for Simplified',
      { code: 'X1', name: { 'zh-Hant': ' 查詢流量 ', en: 'Data' } },
      { code: 'X1', template: 'X1', to: '10086', name: { 'zh-Hans': '查詢流量', 'zh-Hant': '查詢流量', en: 'Data' }, confirm: false },
    ],
    [
      'parameters, a destination, notes and a confirmation',
      {
        code: 'mmcz',
        template: 'MMCZ#{idNumber}#{password}#{password2}',
        to: '10086999',
        name: { 'zh-Hans': '重置', 'zh-Hant': '', en: 'Reset' },
        notes: { 'zh-Hans': '本地营业厅给的', en: '' },
        confirm: true,
      },
      {
        code: 'mmcz',
        template: 'MMCZ#{idNumber}#{password}#{password2}',
        to: '10086999',
        name: { 'zh-Hans': '重置', 'zh-Hant': '重置', en: 'Reset' },
        notes: { 'zh-Hans': '本地营业厅给的', 'zh-Hant': '本地营业厅给的', en: '本地营业厅给的' },
        confirm: true,
      },
    ],
    ['blank notes as no notes', { ...valid, notes: { en: '  ' } }, expect.not.objectContaining({ notes: expect.anything() })],
    ['an unknown field, dropped', { ...valid, colour: 'red' }, expect.not.objectContaining({ colour: expect.anything() })],
  ])('%s', (_name, input, expected) => {
    const checked = validateCustom(input);
    expect(checked).toEqual({ ok: true, value: expected });
  });

  it('gives back the same entry when its own output is checked again', () => {
    const first = validateCustom({ ...valid, template: 'CXLLB{month}', notes: { en: 'x' } });
    expect(first.ok && validateCustom(first.value)).toEqual(first);
  });
});

describe('validateCustom refuses, field by field, in Chinese and English', () => {
  it.each([
    ['not an object', 'YE', { entry: 'custom.entry-type' }],
    ['null', null, { entry: 'custom.entry-type' }],
    ['a missing code', { name: valid.name }, { code: 'custom.code-format' }],
    ['a code with a dash', { ...valid, code: 'CX-LL' }, { code: 'custom.code-format' }],
    ['a code of 17 characters', { ...valid, code: 'A'.repeat(17) }, { code: 'custom.code-format' }],
    ['a Chinese code', { ...valid, code: '余额' }, { code: 'custom.code-format' }],
    ['a numeric code', { ...valid, code: 10086 }, { code: 'custom.code-format' }],
    ['an empty template', { ...valid, template: ' ' }, { template: 'custom.template-length' }],
    ['a template of 71 characters', { ...valid, template: 'CXLLB' + 'X'.repeat(66) }, { template: 'custom.template-length' }],
    ['a template with a line break', { ...valid, template: 'CXLLB\nX' }, { template: 'custom.template-chars' }],
    ['an unknown parameter type', { ...valid, template: 'CXLLB{phone}' }, { template: 'custom.template-param' }],
    ['a parameter used twice', { ...valid, template: 'CXLLB{month}{month}' }, { template: 'custom.template-param' }],
    ['a stray brace', { ...valid, template: 'CXLLB{month' }, { template: 'custom.template-param' }],
    ['a template not starting with the code', { ...valid, template: 'YE' }, { template: 'custom.template-code' }],
    ['a destination with letters', { ...valid, to: '10086a' }, { to: 'custom.to-format' }],
    ['a destination of 2 digits', { ...valid, to: '10' }, { to: 'custom.to-format' }],
    ['no name', { code: 'X' }, { name: 'custom.name-missing' }],
    ['names all blank', { code: 'X', name: { en: ' ', 'zh-Hans': '' } }, { name: 'custom.name-missing' }],
    ['a name as a plain string', { code: 'X', name: '查询' }, { name: 'custom.name-type' }],
    ['a name of 41 characters', { code: 'X', name: { en: 'n'.repeat(41) } }, { name: 'custom.name-type' }],
    ['notes that are not text', { ...valid, notes: { en: 5 } }, { notes: 'custom.notes-type' }],
    ['a confirmation as text', { ...valid, confirm: 'yes' }, { confirm: 'custom.confirm-type' }],
    [
      'everything at once',
      { code: 'C-X', template: 'YE{foo}', to: 'x', name: {}, confirm: 1 },
      { code: 'custom.code-format', template: 'custom.template-param', to: 'custom.to-format', name: 'custom.name-missing', confirm: 'custom.confirm-type' },
    ],
  ])('%s', (_name, input, expected) => {
    const checked = validateCustom(input);
    expect(checked.ok).toBe(false);
    const errors = checked.ok ? {} : checked.errors;
    expect(Object.fromEntries(Object.entries(errors).map(([field, e]) => [field, e!.code]))).toEqual(expected);
    for (const [field, e] of Object.entries(errors)) {
      expect(e!.details).toEqual({ field });
      expect(e!.zh).toMatch(/^[^\x00-\x7f]+：/);
      expect(e!.en).toMatch(/^[A-Z][A-Za-z ]+: /);
    }
  });

  it('names the field in both languages', () => {
    const checked = validateCustom({ ...valid, to: 'x' });
    expect(checked.ok ? null : checked.errors.to).toMatchObject({
      zh: '发送号码：发送号码应为 3–20 位数字，例如 10086。',
      en: 'Number: the number to send to must be 3–20 digits, e.g. 10086.',
    });
  });
});
