import { describe, expect, it } from 'vitest';
import { builtinCatalog } from '../../../src-shared/catalog/builtin';
import { namedMonth, paramsNamedIn } from '../../../src-shared/catalog/named-month';

const DEC = new Date(2026, 11, 5, 10, 0);
const JAN = new Date(2027, 0, 31, 23, 59);

describe('a month named in words', () => {
  it.each([
    ['查本月帳單', DEC, '202612'],
    ['这个月的账单', DEC, '202612'],
    ['這個月話費', DEC, '202612'],
    ["this month's bill", DEC, '202612'],
    ['上月账单', DEC, '202611'],
    ['查上个月的话费', DEC, '202611'],
    ['上個月帳單', JAN, '202612'],
    ['bill for last month', JAN, '202612'],
    ['上上个月账单', JAN, '202611'],
    ['本月', JAN, '202701'],
    // Each 上 is a month further back: 上上上个月 is three, not the two 上上个月 names.
    ['上上上个月的账单', DEC, '202609'],
    ['上上上個月帳單', JAN, '202610'],
    ['上上一个月', DEC, '202610'],
  ])('%s on %s → %s', (text, now, month) => {
    expect(namedMonth(text, now)).toBe(month);
  });

  it.each(['查账单', '月租多少', '下个月', 'ZD202610', 'monthly bill', "what is this monthly fee", 'cancel the last monthly package'])('is no month: %s', (text) => {
    expect(namedMonth(text, DEC)).toBeNull();
  });

  it('fills an instruction’s month parameter, and nothing for one without', () => {
    const catalog = builtinCatalog();
    expect(paramsNamedIn(catalog.require('ZD'), '查上個月帳單', DEC)).toEqual({ month: '202611' });
    expect(paramsNamedIn(catalog.require('ZD'), 'last month’s bill', JAN)).toEqual({ month: '202612' });
    expect(paramsNamedIn(catalog.require('ZD'), '查账单', DEC)).toEqual({});
    expect(paramsNamedIn(catalog.require('YE'), '上月余额', DEC)).toEqual({});
    // What is filled passes the month check.
    expect(catalog.compose('ZD', paramsNamedIn(catalog.require('ZD'), '上上个月帳單', JAN), JAN).text).toBe('ZD202611');
  });

  // 10086 has no bill yet for the running month (ZD202612 in December: "账单尚未生成", see the
  // emulator's 10086) and none older than six months: such a month is not filled in.
  it.each(['查本月帳單', '这个月的账单', "this month's bill", '上上上上上上上个月'])('leaves the month empty for a bill 10086 does not have: %s', (text) => {
    expect(paramsNamedIn(builtinCatalog().require('ZD'), text, DEC)).toEqual({});
  });
});
