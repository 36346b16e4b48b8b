import { HallError } from '../errors';
import type { ParamSpec, ParamType } from './schema';

/**
 * Checks one parameter value and returns it in the exact form the SMS needs (e.g. `2026-10` →
 * `202610`, a lower-case ID check digit `x` → `X`). Throws a bilingual HallError naming the field.
 */
export function normalizeParam(spec: ParamSpec, raw: string, now: Date = new Date()): string {
  const value = raw.normalize('NFKC').trim();
  const label = spec.label;
  const fail = (code: string, zh: string, en: string) =>
    new HallError(`param.${code}`, { zh: `${label['zh-Hans']}：${zh}`, en: `${label.en}: ${en}` }, { details: { param: spec.name } });
  if (value === '') throw fail('missing', '请填写。', 'required.');
  return VALIDATORS[spec.type](value, now, fail);
}

type Fail = (code: string, zh: string, en: string) => HallError;

const VALIDATORS: Record<ParamType, (value: string, now: Date, fail: Fail) => string> = {
  month(value, now, fail) {
    // Accept how people write a month (2026-10, 2026/10, 2026年10月, 2026.10) and give back yyyymm.
    const m = value.match(/^(\d{4})\s*[-/.年]?\s*(\d{1,2})\s*月?$/);
    if (!m) throw fail('month-format', '请按 yyyymm 填写月份，例如 202610。', 'write the month as yyyymm, e.g. 202610.');
    const year = Number(m[1]);
    const month = Number(m[2]);
    if (month < 1 || month > 12) throw fail('month-range', '月份应在 01 到 12 之间。', 'the month must be 01 to 12.');
    if (year < 2000) throw fail('month-range', '年份太早，营业厅只提供近期账单。', 'the year is too early; only recent bills are kept.');
    const thisMonth = now.getFullYear() * 100 + (now.getMonth() + 1);
    if (year * 100 + month > thisMonth) throw fail('month-future', '不能查询未来月份的账单。', 'the month cannot be in the future.');
    return `${year}${String(month).padStart(2, '0')}`;
  },
  password(value, _now, fail) {
    if (!/^\d{6}$/.test(value)) throw fail('password-format', '服务密码是 6 位数字。', 'the service password is 6 digits.');
    return value;
  },
  idNumber(value, _now, fail) {
    const id = value.toUpperCase();
    if (!/^\d{17}[\dX]$/.test(id))
      throw fail('id-format', '居民身份证号码是 18 位（最后一位可以是 X）。', 'a resident ID number has 18 characters (the last may be X).');
    if (!validBirthDate(id.slice(6, 14)))
      throw fail('id-birthdate', '号码中的出生日期（第 7–14 位）不是有效日期。', 'the birth date in it (characters 7–14) is not a valid date.');
    if (idCheckCharacter(id.slice(0, 17)) !== id[17])
      throw fail('id-checksum', '校验位不对，请核对号码是否抄错。', 'the check character does not match; please re-check the number.');
    return id;
  },
  amount(value, _now, fail) {
    if (!/^\d+$/.test(value) || Number(value) <= 0)
      throw fail('amount-format', '请填写正整数金额（元），例如 20。', 'enter a whole number of yuan above zero, e.g. 20.');
    if (Number(value) > 99999) throw fail('amount-range', '金额过大（最多 99999 元）。', 'the amount is too large (at most 99,999 yuan).');
    return String(Number(value));
  },
};

/** ISO 7064 MOD 11-2, the check character of a mainland resident ID number (GB 11643-1999). */
export function idCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (2 ** (17 - i) % 11);
  return '10X98765432'[sum % 11]!;
}

function validBirthDate(yyyymmdd: string): boolean {
  const y = Number(yyyymmdd.slice(0, 4));
  const m = Number(yyyymmdd.slice(4, 6));
  const d = Number(yyyymmdd.slice(6, 8));
  const date = new Date(Date.UTC(y, m - 1, d));
  return y >= 1900 && date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}
