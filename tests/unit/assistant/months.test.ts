import { describe, expect, it } from 'vitest';
import data from '../../../instructions/assistant.json';
import { MonthReader, readAmount } from '../../../src-shared/assistant/months';
import { readQuestion } from '../../../src-shared/assistant/question';

const reader = new MonthReader(data.months.relative);
const now = new Date(2026, 10, 25);

describe('MonthReader', () => {
  it.each([
    ['2026年10月', '202610'],
    ['２０２６年１０月', '202610'],
    ['2026-9', '202609'],
    ['2026.07', '202607'],
    ['ZD202605', '202605'],
    ['十二月', '202512'],
    ['十一月', '202611'],
    ['3月份', '202603'],
    ['去年三月', '202503'],
    ['前年10月', '202410'],
    ['這個月', '202611'],
    ['上個月', '202610'],
    ['上上个月', '202609'],
    ['last month', '202610'],
    ['two months ago', '202609'],
    ['Oct 2026', '202610'],
    ['september', '202609'],
    ['December', '202512'],
    ['may 2026', '202605'],
    ['2027年13月', '202713'],
    ['may I see my bill', null],
    ['decide later', null],
    ['三个月', null],
    ['账单', null],
  ])('%j → %s', (text, month) => {
    expect(reader.read(readQuestion(text), now)).toBe(month);
  });
});

describe('readAmount', () => {
  it.each([
    ['低于30元提醒我', '30'],
    ['改成50块', '50'],
    ['¥20', '20'],
    ['below 15', '15'],
    ['20 yuan', '20'],
    ['把密码123456改成654321', null],
  ])('%j → %s', (text, amount) => {
    expect(readAmount(readQuestion(text))).toBe(amount);
  });
});
