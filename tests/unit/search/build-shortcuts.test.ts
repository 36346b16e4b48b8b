import { describe, expect, it } from 'vitest';
import { growCatalog } from '../../../bench/grow-catalog';
import { builtinCatalog } from '../../../src-shared/catalog/builtin';
import type { Instruction } from '../../../src-shared/catalog/schema';
import { catalogTerms } from '../../../src-shared/search/catalog-terms';
import { runWords } from '../../../src-shared/search/decode-words';
import { fold } from '../../../src-shared/search/fold';
import { QueryReader } from '../../../src-shared/search/language/reader';
import { pinyinSyllables, toPinyin } from '../../../src-shared/search/pinyin';
import { PINYIN_GROUPS } from '../../../src-shared/search/tables/pinyin.generated';
import { cut, stem, stopwords } from '../../../src-shared/search/text';

/**
 * The index build takes shortcuts for speed (the decoder's words read from the build's analyses,
 * the pinyin table read by code unit); they must agree with the plain definitions (the decoder's
 * words: decode-words.ts, which an index restored from a snapshot uses).
 */

/** The pinyin table as a Map from each character to its syllable (a later group wins a character). */
const plainTable = new Map<string, string>();
for (const group of PINYIN_GROUPS.split(' ')) {
  const syllable = group.match(/^[a-z]+/)?.[0] ?? '';
  for (const ch of group.slice(syllable.length)) plainTable.set(ch, syllable);
}
const WORDS: Record<string, string[]> = { 重置: ['chong', 'zhi'], 重新: ['chong', 'xin'], 还款: ['huan', 'kuan'] };
function plainPinyin(hans: string): (string | null)[] {
  const out = [...hans].map((ch) => plainTable.get(ch) ?? null);
  for (const [word, syllables] of Object.entries(WORDS)) {
    for (let at = hans.indexOf(word); at !== -1; at = hans.indexOf(word, at + word.length)) {
      const index = [...hans.slice(0, at)].length;
      syllables.forEach((s, k) => (out[index + k] = s));
    }
  }
  return out;
}

/** The decoder's words by their plain definition: the Simplified names and synonyms in catalog order, each distinct one cut once. */
function* catalogDecodeWords(entries: readonly Instruction[]): Generator<[string, boolean]> {
  const seen = new Set<string>();
  const seenRuns = new Set<string>();
  for (const entry of entries) {
    for (const text of [entry.name['zh-Hans'], ...entry.synonyms['zh-Hans']]) {
      if (seen.has(text)) continue;
      seen.add(text);
      yield* runWords(cut(fold(text)).hanRuns, seenRuns);
    }
  }
}

describe('index build shortcuts', () => {
  const real = builtinCatalog().instructions;

  it('reads the same decoder words, in the same order, from the analyses as from the texts', () => {
    for (const catalog of [real, growCatalog(real, 2000, 7)]) {
      const terms = catalogTerms(catalog, new QueryReader(() => []));
      const words = [...terms.decodeWords()];
      expect(words.length).toBeGreaterThan(100);
      expect(words).toEqual([...catalogDecodeWords(catalog)]);
    }
  });

  it('reads the English words of the catalog from the gram lists as from the texts, stop words included', () => {
    const catalogs: (readonly Instruction[])[] = [real, growCatalog(real, 2000, 7)];
    // Stop words only in a name, a synonym or an example, and an English text that is also a Chinese one (GPRS).
    const probe = { ...real[0]!, name: { ...real[0]!.name, en: 'Please do this' }, synonyms: { ...real[0]!.synonyms, 'zh-Hans': ['GPRS x'], en: ['GPRS x', 'likes'] }, examples: { ...real[0]!.examples, en: ["it's there"] } };
    catalogs.push([probe, ...real.slice(1)]);
    for (const catalog of catalogs) {
      const plain = new Set<string>();
      for (const e of catalog) for (const text of [e.name.en, e.summary.en, ...e.synonyms.en, ...e.examples.en]) for (const w of cut(fold(text)).latinWords) plain.add(stem(w));
      const words = catalogTerms(catalog, new QueryReader(() => [])).englishWords();
      const asked = [...plain, ...[...stopwords()].map(stem), 'gas', 'wifi', 'beij', 'x', 'zz'];
      expect(asked.filter((w) => words.has(w) !== plain.has(w))).toEqual([]);
      expect(new Set(words.all())).toEqual(plain);
    }
  });

  it('reads every character and mixed text as the plain pinyin table does', () => {
    const chars: string[] = [];
    for (let c = 0; c < 0x10000; c++) chars.push(String.fromCharCode(c));
    const differ = chars.filter((ch) => JSON.stringify(toPinyin(ch)) !== JSON.stringify(plainPinyin(ch)));
    expect(differ).toEqual([]);
    expect(toPinyin('查话费')).toEqual(['cha', 'hua', 'fei']);
    const samples = ['重置密码', '重新开通还款', '还款重置重新重', '𠀀查话费𠀁', 'ab1 ，。', '\ud800流量\udc00', '北京上海开通取消', ''];
    for (const s of samples) expect(toPinyin(s)).toEqual(plainPinyin(s));
    expect([...pinyinSyllables()].sort()).toEqual([...new Set(plainTable.values())].sort());
  });
});

describe('the pinyin syllables the spelling check accepts', () => {
  it('are the syllables some character is read as (read from the table by code unit, the plain way)', () => {
    const plain = new Set<string>();
    for (let c = 0; c < 0x10000; c++) {
      const reading = toPinyin(String.fromCharCode(c))[0];
      if (reading) plain.add(reading);
    }
    expect([...pinyinSyllables()].sort()).toEqual([...plain].sort());
  });
});
