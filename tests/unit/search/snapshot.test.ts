import { describe, expect, it } from 'vitest';
import { BLIND_SET, CLASSES_SET, loadQueries, SECOND_SET } from '../../../bench/search-quality';
import { growCatalog } from '../../../bench/grow-catalog';
import { builtinCatalog } from '../../../src-shared/catalog/builtin';
import { createSearch, type SearchEngine } from '../../../src-shared/search';
import { decodeSnapshot, encodeSnapshot, restoreSearch, searchSnapshot, type Snapshot } from '../../../src-shared/search/snapshot';

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
  const bytes = searchSnapshot(built, real);

  it(`restored, answers every query as the index built on the spot (${queries.length + extra.length} queries, real catalog)`, () => {
    expect(queries.length).toBeGreaterThan(100);
    const restored = restoreSearch(real, bytes);
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
    expect(restoreSearch(changed, bytes)).toBeNull();
    expect(restoreSearch(real.slice(1), bytes)).toBeNull();
    expect(restoreSearch([...real].reverse(), bytes)).toBeNull();
  });

  it('is refused when cut short, changed anywhere, or not a snapshot at all', () => {
    const json = new TextEncoder().encode('{"format":4}');
    const longer = new Uint8Array(bytes.length + 4);
    longer.set(bytes);
    for (const bad of [new Uint8Array(0), new Uint8Array(4096), json, bytes.slice(0, -4), bytes.slice(0, bytes.length / 2), longer, bytes.slice(4)]) {
      expect(restoreSearch(real, bad)).toBeNull();
    }
    // One byte changed, at many places (the header, the check itself, numbers, the strings).
    const step = Math.floor(bytes.length / 97);
    for (let at = 0; at < bytes.length; at += step) {
      const changed = bytes.slice();
      changed[at] = changed[at]! ^ 0x01;
      expect(restoreSearch(real, changed), `changed at ${at}`).toBeNull();
    }
  });

  it('is read in place from a buffer of its own, and from bytes inside a larger one', () => {
    const inside = new Uint8Array(bytes.length + 3);
    inside.set(bytes, 3);
    expect(restoreSearch(real, bytes.slice().buffer)).not.toBeNull();
    expect(restoreSearch(real, inside.subarray(3))).not.toBeNull();
  });

  it('refuses to write a text it could not read back', () => {
    const parsed = decodeSnapshot(bytes)!;
    expect(() => encodeSnapshot({ ...parsed, texts: [...parsed.texts, 'a\0b'] })).toThrow();
  });

  it('is refused when intact but not sound: an index number pointing past its table', () => {
    // Its check matches (as if written by a build of other code), its content does not hold.
    const parsed = decodeSnapshot(bytes)!;
    const resign = (value: Snapshot) => encodeSnapshot(value);
    expect(restoreSearch(real, resign(parsed))).not.toBeNull();
    const { termList, termEntry, pool, weight, df, decodePhrase } = parsed;
    // The first list of two grams or more, its first two grams swapped, or its second made its first.
    const lengths = parsed.listLength;
    const list = lengths.findIndex((n) => n >= 2);
    const at = lengths.slice(0, list).reduce((a, b) => a + b, 0);
    const swapped = pool.map((g, k) => (k === at ? pool[at + 1]! : k === at + 1 ? pool[at]! : g));
    const twice = pool.map((g, k) => (k === at + 1 ? pool[at]! : g));
    const withLast = <T extends Int32Array<ArrayBuffer>>(column: T, value: number) => column.map((v, k) => (k === column.length - 1 ? value : v)) as T;
    for (const broken of [
      { ...parsed, termList: withLast(termList, 1e6) },
      { ...parsed, termEntry: termEntry.map((e) => e + real.length) },
      { ...parsed, pool: withLast(pool, -1) },
      { ...parsed, weight: weight.slice(1) },
      { ...parsed, weight: weight.map((w, k) => (k === 3 ? NaN : w)) },
      { ...parsed, grams: parsed.grams.map((g) => 'x' + g.slice(1)) },
      { ...parsed, grams: parsed.grams.slice(1) },
      { ...parsed, texts: parsed.texts.slice(0, 3) },
      { ...parsed, format: 0 },
      // Format 3 was JSON text; a file saying 3 is not read as this one.
      { ...parsed, format: 3 },
      { ...parsed, catalog: parsed.catalog + '0' },
      { ...parsed, df: df.slice(1) },
      { ...parsed, df: df.map((d, g) => (g === 7 ? real.length + 1 : d)) },
      // A gram list out of order or with a gram twice (matching searches a list by halves).
      { ...parsed, pool: swapped },
      { ...parsed, pool: twice },
      { ...parsed, decodePhrase: decodePhrase.slice(1) },
      { ...parsed, decodePhrase: decodePhrase.map(() => 2) },
    ]) {
      expect(restoreSearch(real, resign(broken))).toBeNull();
    }
  });
});
