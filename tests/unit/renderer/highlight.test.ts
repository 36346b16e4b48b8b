import { describe, expect, it } from 'vitest';
import { highlightRanges, syllableBoundaries } from '../../../src-renderer/catalog/highlight';

/** The highlighted pieces, as text, so a table reads like what the user sees. */
function marked(text: string, query: string, codeLike = false): string[] {
  return highlightRanges(text, query, { codeLike }).map(([start, end]) => text.slice(start, end));
}

describe('highlightRanges', () => {
  it.each([
    ['hanzi the query contains', '查询本机余额', '余额', false, ['余额']],
    ['Traditional text, Simplified query', '查詢本機餘額', '余额', false, ['餘額']],
    ['Simplified text, Traditional query', '查询本机余额', '餘額', false, ['余额']],
    ['hanzi of the query in two places', '开通手机上网业务', '开通上网', false, ['开通', '上网']],
    ['whole pinyin', '流量查询', 'liuliang', false, ['流量']],
    ['pinyin whose last syllable is half typed', '流量查询', 'liul', false, ['流量']],
    ['pinyin across a syllable split (yu+e read as yue)', '查询本机余额', 'yue', false, ['余额']],
    ['two pinyin words run together', '查询本机余额', 'chayue', false, ['查', '余额']],
    ['a lone syllable inside the word is chance, not a match', '理财流量', 'liuliang', false, ['流量']],
    ['pinyin initials', '三方通话', 'sfth', false, ['三方通话']],
    ['initials of a code', '开通呼叫等待', 'kt', false, ['开通']],
    ['English word', 'Check balance', 'balance', false, ['balance']],
    ['English word typed in part', 'Check balance', 'bala', false, ['bala']],
    ['an abbreviation stands for its whole word', 'Check balance', 'bal', false, ['balance']],
    ['a stem marks the whole word it starts', 'Checking bills', 'checked', false, ['Checking']],
    ['English only from the start of a word', 'Check balance', 'ance', false, []],
    ['English plural against singular', 'Check bill', 'bills', false, ['bill']],
    ['code-like text matches anywhere', 'KTGPRS', 'gprs', true, ['GPRS']],
    ['other text does not', 'KTGPRS', 'gprs', false, []],
    ['full-width letters', 'ＹＥ', 'ye', true, ['ＹＥ']],
    ['empty query', '余额', '', false, []],
    ['empty text', '', '余额', false, []],
  ])('%s: %j with %j', (_why, text, query, codeLike, expected) => {
    expect(marked(text, query, codeLike)).toEqual(expected);
  });

  it('gives UTF-16 offsets, so characters outside the BMP keep their place', () => {
    const text = '𠀀余额';
    expect(highlightRanges(text, '余额')).toEqual([[2, 4]]);
  });
});

describe('syllableBoundaries', () => {
  it.each([
    ['liuliang', [0, 3, 8], [1, 2, 4]],
    ['xian', [0, 2, 4], [1]],
    ['liul', [0, 3, 4], [1, 2]],
    ['qqqq', [], [0, 4]],
  ])('%s has boundaries %j and not %j', (word, at, notAt) => {
    const bounds = syllableBoundaries(word);
    for (const b of at) expect(bounds.has(b)).toBe(true);
    for (const b of notAt) expect(bounds.has(b)).toBe(false);
  });
});
