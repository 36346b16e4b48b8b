import { describe, expect, it } from 'vitest';
import { idCheckCharacter, normalizeParam } from '../../../src-shared/catalog/params';
import type { ParamSpec, ParamType } from '../../../src-shared/catalog/schema';
import { HallError } from '../../../src-shared/errors';

const NOW = new Date(2026, 10, 25); // 25 November 2026, local time
const spec = (type: ParamType): ParamSpec => ({
  name: type,
  type,
  secret: type === 'password' || type === 'idNumber',
  label: { 'zh-Hans': '值', 'zh-Hant': '值', en: 'Value' },
});

function errorCode(type: ParamType, raw: string): string {
  try {
    normalizeParam(spec(type), raw, NOW);
  } catch (e) {
    expect(e).toBeInstanceOf(HallError);
    const err = e as HallError;
    expect(err.zh.length).toBeGreaterThan(0);
    expect(err.en.length).toBeGreaterThan(0);
    return err.code;
  }
  return 'accepted';
}

describe('parameter validation', () => {
  it.each([
    ['month', '202610', '202610'],
    ['month', '202611', '202611'],
    ['month', '2026-10', '202610'],
    ['month', '2026/9', '202609'],
    ['month', '2026年10月', '202610'],
    ['month', ' 202501 ', '202501'],
    ['password', '123456', '123456'],
    ['password', '１２３４５６', '123456'],
    ['idNumber', '11010519491231002X', '11010519491231002X'],
    ['idNumber', '11010519491231002x', '11010519491231002X'],
    ['amount', '20', '20'],
    ['amount', '020', '20'],
  ] as [ParamType, string, string][])('%s %j → %j', (type, raw, want) => {
    expect(normalizeParam(spec(type), raw, NOW)).toBe(want);
  });

  it.each([
    ['month', '', 'param.missing'],
    ['month', '202612', 'param.month-future'],
    ['month', '202701', 'param.month-future'],
    ['month', '202613', 'param.month-range'],
    ['month', '202600', 'param.month-range'],
    ['month', '199912', 'param.month-range'],
    ['month', '2026100', 'param.month-format'],
    ['month', 'last month', 'param.month-format'],
    ['password', '12345', 'param.password-format'],
    ['password', '1234567', 'param.password-format'],
    ['password', '12345a', 'param.password-format'],
    ['idNumber', '110105194912310021', 'param.id-checksum'],
    ['idNumber', '11010519491331002X', 'param.id-birthdate'],
    ['idNumber', '1101051949123100', 'param.id-format'],
    ['idNumber', '11010519491231002Y', 'param.id-format'],
    ['amount', '0', 'param.amount-format'],
    ['amount', '-5', 'param.amount-format'],
    ['amount', '12.5', 'param.amount-format'],
    ['amount', '100000', 'param.amount-range'],
  ] as [ParamType, string, string][])('%s %j is refused with %s', (type, raw, code) => {
    expect(errorCode(type, raw)).toBe(code);
  });

  it('computes the ISO 7064 MOD 11-2 check character', () => {
    expect(idCheckCharacter('11010519491231002')).toBe('X');
    expect(idCheckCharacter('44052418800101001')).toBe('4');
    expect(idCheckCharacter('32010619901010001')).toBe('3');
  });
});
