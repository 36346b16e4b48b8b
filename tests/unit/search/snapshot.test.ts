import { describe, expect, it } from 'vitest';
import { BLIND_SET, CLASSES_SET, loadQueries, SECOND_SET } from '../../../bench/search-quality';
import { growCatalog } from '../../../bench/grow-catalog';
import { builtinCatalog } from '../../../src-shared/catalog/builtin';
import { createSearch, type SearchEngine } from '../../../src-shared/search';
import { restoreSearch, searchSnapshot, withCheck } from '../../../src-shared/search/snapshot';

/**
 * A prebuilt index (the extension ships one for its bundled catalog) must answer exactly as an
 * index built on the spot, and a snapshot that is not that catalog's or not intact must be refused.
 */
const real = builtinCatalog().instructions;
const queries = [...new Set([SECOND_SET, BLIND_SET, CLASSES_SET].flatMap((set) => (loadQueries(set) ?? []).map((q) => q.q)))];
const extra = ['流量', 'liuliang', 'll', 'cx', 'ktgprs', 'KTGPRS', 'ZD202610', 'ZD209913', '亭机', '開通流量', 'cancel data', '我想开通流量包', '公积金余额', ' ', '？', 'x'.repeat(200)];

function sameAnswers(built: SearchEngine, restored: SearchEngine, list: readonly string[]): void {
  for (const q of list) {
    for (const limit of [1, 12]) expect(restored.search(q, limit), `${q} (${limit})`).toEqual(built.search(q, limit));
    expect(restored.outOfScope(q), q).toBe(built.outOfScope(q));
  }
}

describe('a search index snapshot', () => {
  const built = createSearch(real);
  const text = searchSnapshot(built, real);

  it(`restored, answers every query as the index built on the spot (${queries.length + extra.length} queries, real catalog)`, () => {
    expect(queries.length).toBeGreaterThan(100);
    const restored = restoreSearch(real, text);
    expect(restored).not.toBeNull();
    sameAnswers(built, restored!, [...queries, ...extra]);
  });

  it('does the same for a 2,000-entry catalog', () => {
    const grown = growCatalog(real, 2_000);
    const engine = createSearch(grown);
    const restored = restoreSearch(grown, searchSnapshot(engine, grown));
    expect(restored).not.toBeNull();
    sameAnswers(engine, restored!, queries.slice(0, 150));
  });

  it('is refused for another catalog: one entry changed, one left out, or another order', () => {
    const changed = real.map((e, i) => (i === 5 ? { ...e, name: { ...e.name, 'zh-Hans': e.name['zh-Hans'] + '包' } } : e));
    expect(restoreSearch(changed, text)).toBeNull();
    expect(restoreSearch(real.slice(1), text)).toBeNull();
    expect(restoreSearch([...real].reverse(), text)).toBeNull();
  });

  it('is refused when cut short, changed anywhere, or not a snapshot at all', () => {
    for (const bad of ['', 'null', '{}', text.slice(0, -1), text.slice(0, text.length / 2), text + ' ', text.replace('\n', '\r\n')]) {
      expect(restoreSearch(real, bad)).toBeNull();
    }
    // One character changed, at many places (numbers, grams, texts, the check itself).
    const step = Math.floor(text.length / 97);
    for (let at = 0; at < text.length; at += step) {
      const ch = text[at]!;
      const swapped = ch === '1' ? '2' : ch === '"' ? "'" : /\d/.test(ch) ? '1' : ch === 'a' ? 'b' : 'a';
      expect(restoreSearch(real, text.slice(0, at) + swapped + text.slice(at + 1)), `changed at ${at}`).toBeNull();
    }
  });

  it('is refused when intact but not sound: an index number pointing past its table', () => {
    // Its check matches (as if written by a build of other code), its content does not hold.
    const [, body] = text.split('\n') as [string, string];
    const parsed = JSON.parse(body) as Record<string, unknown>;
    const resign = (value: Record<string, unknown>) => withCheck(JSON.stringify(value));
    expect(restoreSearch(real, resign(parsed))).not.toBeNull();
    const termList = parsed.termList as number[];
    const { df: _, ...withoutDf } = parsed;
    // The first list of two grams or more, its first two grams swapped, or its second made its first.
    const lengths = parsed.listLength as number[];
    const pool = parsed.pool as number[];
    const list = lengths.findIndex((n) => n >= 2);
    const at = lengths.slice(0, list).reduce((a, b) => a + b, 0);
    const swapped = pool.map((g, k) => (k === at ? pool[at + 1]! : k === at + 1 ? pool[at]! : g));
    const twice = pool.map((g, k) => (k === at + 1 ? pool[at]! : g));
    for (const broken of [
      { ...parsed, termList: [...termList.slice(0, -1), 1e6] },
      { ...parsed, termEntry: (parsed.termEntry as number[]).map((e) => e + real.length) },
      { ...parsed, pool: [...(parsed.pool as number[]).slice(0, -1), -1] },
      { ...parsed, weight: (parsed.weight as number[]).slice(1) },
      { ...parsed, grams: (parsed.grams as string[]).map((g) => 'x' + g.slice(1)) },
      { ...parsed, texts: 'abc' },
      { ...parsed, format: 0 },
      // Format 1 had no decoder or English words; format 2 had each term's weighing flag, not each gram's entry count.
      { ...parsed, format: 1 },
      { ...parsed, format: 2 },
      { ...withoutDf, termWeighs: (parsed.termEntry as number[]).map(() => 1) },
      { ...parsed, df: (parsed.df as number[]).slice(1) },
      { ...parsed, df: (parsed.df as number[]).map((d, g) => (g === 7 ? real.length + 1 : d)) },
      { ...parsed, df: (parsed.df as number[]).map((d, g) => (g === 7 ? 0.5 : d)) },
      // A gram list out of order or with a gram twice (matching searches a list by halves).
      { ...parsed, pool: swapped },
      { ...parsed, pool: twice },
      { ...parsed, decodePhrase: (parsed.decodePhrase as number[]).slice(1) },
      { ...parsed, decodePhrase: (parsed.decodePhrase as number[]).map(() => 2) },
      { ...parsed, englishWords: 'abc' },
    ]) {
      expect(restoreSearch(real, resign(broken))).toBeNull();
    }
  });
});
