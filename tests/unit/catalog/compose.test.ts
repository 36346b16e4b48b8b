import { describe, expect, it } from 'vitest';
import { builtinCatalog } from '../../../src-shared/catalog/builtin';
import { HallError } from '../../../src-shared/errors';

const NOW = new Date(2026, 10, 25);
const catalog = builtinCatalog();

describe('compose', () => {
  it.each([
    ['YE', {}, 'YE', 'YE'],
    ['ZD', { month: '202610' }, 'ZD202610', 'ZD202610'],
    ['ZD', { month: '2026-9' }, 'ZD202609', 'ZD202609'],
    ['MMXG', { oldPassword: '123456', newPassword: '654321' }, 'MMXG#123456#654321', 'MMXG#******#******'],
    ['MMHF', { idNumber: '11010519491231002x' }, 'MMHF#11010519491231002X', 'MMHF#******'],
    ['BGYETX', { amount: '30' }, 'BGYETX30', 'BGYETX30'],
    ['CXYEH', { password: '000000' }, 'CXYEH000000', 'CXYEH******'],
    ['tywlan', {}, 'tywlan', 'tywlan'],
  ])('%s %j → %s (stored as %s)', (id, params, text, redacted) => {
    const c = catalog.compose(id, params, NOW);
    expect(c.text).toBe(text);
    expect(c.redacted).toBe(redacted);
    expect(c.to).toBe('10086');
  });

  it('refuses a parameter the instruction does not take, and a missing one', () => {
    expect(() => catalog.compose('YE', { month: '202610' }, NOW)).toThrow(/YE has no parameter month/);
    expect(() => catalog.compose('ZD', {}, NOW)).toThrowError(expect.objectContaining({ code: 'param.missing' }));
  });

  it('refuses a new password that is the current one (MMXG), naming the new-password field', () => {
    const same = () => catalog.compose('MMXG', { oldPassword: '123456', newPassword: '123456' }, NOW);
    expect(same).toThrowError(expect.objectContaining({ code: 'param.same-password', details: { param: 'newPassword' } }));
    expect(same).toThrow(/New password: must differ from the current password/);
    expect(() => catalog.composeTyped('MMXG#123456#123456', NOW)).toThrowError(expect.objectContaining({ code: 'param.same-password' }));
  });

  it('refuses an unknown instruction in both languages', () => {
    const e = (() => {
      try {
        catalog.compose('NOPE', {}, NOW);
      } catch (err) {
        return err as HallError;
      }
    })();
    expect(e).toMatchObject({ code: 'catalog.unknown-id' });
    expect(e!.zh).toContain('NOPE');
    expect(e!.en).toContain('NOPE');
  });

  it.each([['旧密码135790新密码246813'], ['MMXG1357902468'], ['110105199003074616'], ['改密码 135790 为 246813']])(
    'refuses an unknown instruction %s without repeating a password or ID number in it',
    (given) => {
      let error: HallError | undefined;
      try {
        catalog.compose(given, {}, NOW);
      } catch (err) {
        error = err as HallError;
      }
      expect(error).toMatchObject({ code: 'catalog.unknown-id' });
      expect(error!.en).toContain('******');
      expect(JSON.stringify(error!.toJSON())).not.toMatch(/135790|246813|2468|110105199003074616/);
    },
  );
});

describe('recognising an instruction typed with its parameters', () => {
  it.each([
    ['ZD202610', 'ZD', { month: '202610' }],
    ['zd202611', 'ZD', { month: '202611' }],
    ['mmxg#123456#654321', 'MMXG', { oldPassword: '123456', newPassword: '654321' }],
    ['MMHF#11010519491231002X', 'MMHF', { idNumber: '11010519491231002X' }],
    ['CXYEH123456', 'CXYEH', { password: '123456' }],
    ['cxyeb', 'CXYEB', {}],
    ['  ye ', 'YE', {}],
    ['ＫＴＧＰＲＳ', 'KTGPRS', {}],
    ['TYWLAN', 'tywlan', {}],
    ['ZD20', 'ZD', { month: '20' }],
    // Invisible format characters (copied from a page) hide nothing: the risky TJ is still TJ, so it is confirmed.
    ['T\u200bJ', 'TJ', {}],
    ['QXGPRS\u2060', 'QXGPRS', {}],
    ['\u202eT\u00adJ', 'TJ', {}],
    ['ZD\u200c2026\u200d10', 'ZD', { month: '202610' }],
  ])('%j is %s', (text, id, params) => {
    const hit = catalog.recognize(text);
    expect(hit?.instruction.id).toBe(id);
    expect(hit?.params).toEqual(params);
  });

  it.each(['hello', 'YE YE', 'MMXG#1#2#3', ''])('%j is no instruction', (text) => {
    expect(catalog.recognize(text)).toBeNull();
  });

  it('validates what it recognised', () => {
    expect(catalog.composeTyped('zd202610', NOW)?.text).toBe('ZD202610');
    expect(() => catalog.composeTyped('ZD20', NOW)).toThrowError(expect.objectContaining({ code: 'param.month-format' }));
    expect(catalog.composeTyped('just text', NOW)).toBeNull();
  });

  it('masks secrets in any text that is an instruction, and leaves other text alone', () => {
    expect(catalog.maskSecrets('mmxg#123456#654321')).toBe('mmxg#******#******');
    expect(catalog.maskSecrets('MMHF#11010519491231002X')).toBe('MMHF#******');
    expect(catalog.maskSecrets('ZD202610')).toBe('ZD202610');
    expect(catalog.maskSecrets('你好')).toBe('你好');
  });
});
