import { describe, expect, it } from 'vitest';
import { PhraseFinder } from '../../../src-shared/assistant/phrases';
import { readQuestion } from '../../../src-shared/assistant/question';

const finder = new PhraseFinder<string>()
  .add({ 'zh-Hans': ['余额'], 'zh-Hant': ['餘額'], en: ['balance'] }, 'balance')
  .add({ 'zh-Hans': ['余额提醒'], 'zh-Hant': [], en: ['balance alert', 'low balance alert'] }, 'alert')
  .add({ 'zh-Hans': ['流量'], 'zh-Hant': [], en: ['data'] }, 'data');

describe('PhraseFinder', () => {
  it.each([
    ['余额提醒', ['alert'], ''],
    ['開通餘額提醒', ['alert'], '开通'],
    ['查余额和流量', ['balance', 'data'], '查 和'],
    ['流量和余额', ['data', 'balance'], '和'],
    ['turn off the low balance alerts', ['alert'], 'turn off the'],
    ['check balance and data', ['balance', 'data'], 'check and'],
    ['data 还剩多少', ['data'], '还剩多少'],
    ['天气', [], '天气'],
  ])('%j → %j, leaving %j', (text, values, rest) => {
    const found = finder.find(readQuestion(text));
    expect(found.values).toEqual(values);
    expect(found.rest.trim().replace(/\s+/g, ' ')).toBe(rest);
  });
});
