import { describe, expect, it } from 'vitest';
import { TermIndex } from '../../../src-shared/search/term-index';

/** A seeded generator, so a failure can be run again. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Built {
  index: TermIndex;
  /** Each term's grams (as texts) and entry. */
  termGrams: string[][];
  termEntry: number[];
  entries: number;
}

/** An index of `terms` terms over `lists` shared gram lists, three terms an entry, built the way the catalog build adds them. */
function build(seed: number, terms: number, lists: number, gramCount: number): Built {
  const next = random(seed);
  const index = new TermIndex(16);
  const listGrams: string[][] = [];
  const listIds: number[] = [];
  for (let l = 0; l < lists; l++) {
    const grams = Array.from({ length: 1 + Math.floor(next() * 5) }, () => `z${Math.floor(next() * gramCount)}`);
    listGrams.push([...new Set(grams)]);
    listIds.push(index.intern(grams));
  }
  const termGrams: string[][] = [];
  const termEntry: number[] = [];
  for (let t = 0; t < terms; t++) {
    // Mostly a few common lists, as catalogs repeat their texts; some lists no term uses.
    const l = next() < 0.7 ? Math.floor(next() * Math.min(lists, 20)) : Math.floor(next() * lists * 0.9);
    termGrams.push(listGrams[l]!);
    termEntry.push(Math.floor(t / 3));
    index.addTerm(Math.floor(t / 3), listIds[l]!);
  }
  const entries = Math.ceil(terms / 3);
  index.seal(entries);
  return { index, termGrams, termEntry, entries };
}

/**
 * What `match` did when postings led from each gram straight to its terms (before they went
 * through gram lists): the rarest grams walked first, a gram's new terms in term order, gram after
 * gram; grams above the walk limit (1,200 terms) counted only for terms found through rarer ones.
 */
function walkedOrder(built: Built, query: Map<string, number>): number[] {
  const termsOf = (g: string) => built.termGrams.flatMap((grams, t) => (grams.includes(g) ? [t] : []));
  const known = [...query.keys()].filter((g) => built.index.knows(g)).sort((a, b) => termsOf(a).length - termsOf(b).length);
  let walkedAny = false;
  const seen = new Set<number>();
  const order: number[] = [];
  for (const g of known) {
    const terms = termsOf(g);
    if (terms.length > 1200 && walkedAny) continue;
    walkedAny = true;
    for (const t of terms) if (!seen.has(t)) order.push(t), seen.add(t);
  }
  return order;
}

describe('TermIndex.match', () => {
  // Few terms scattered over a wide range are sorted; many close together are read from a bitmap: both are exercised.
  for (const [seed, terms, lists, grams] of [
    [1, 40, 30, 12],
    [2, 3_000, 200, 60],
    [3, 9_000, 2_000, 400],
    [4, 5_000, 60, 8],
  ] as const)
    it(`visits each term a term-level index would reach, in its order, with its list's share (seed ${seed}, ${terms} terms)`, () => {
      const built = build(seed, terms, lists, grams);
      const next = random(seed * 31);
      for (let q = 0; q < 30; q++) {
        const query = new Map<string, number>();
        const size = 1 + Math.floor(next() * 6);
        // Some grams the catalog never uses: they weigh in the query's norm only.
        for (let k = 0; k < size; k++) query.set(`z${Math.floor(next() * (grams + 3))}`, 0.5 + next());
        const visited: number[] = [];
        const shares = new Map<string, number>();
        built.index.match(
          query,
          (termCoverage, queryCoverage) => termCoverage * queryCoverage,
          (t, share) => {
            visited.push(t);
            // Terms of one list share their coverage, so their share.
            const key = built.termGrams[t]!.join();
            if (shares.has(key)) expect(share).toBe(shares.get(key));
            shares.set(key, share);
            expect(share).toBeGreaterThan(0);
            expect(share).toBeLessThanOrEqual(1);
          },
        );
        expect(visited).toEqual(walkedOrder(built, query));
      }
    });

  it('leaves out the terms of a list likeness turns down, and visits the rest in order', () => {
    const built = build(5, 2_000, 100, 30);
    const query = new Map([['z1', 1], ['z2', 1], ['z3', 1]]);
    const all: number[] = [];
    built.index.match(query, () => 1, (t) => all.push(t));
    const kept: number[] = [];
    // Turns down every list whose term coverage is below 1 (a list with grams the query lacks).
    built.index.match(query, (termCoverage) => (termCoverage < 1 ? null : termCoverage), (t) => kept.push(t));
    expect(kept).toEqual(all.filter((t) => built.termGrams[t]!.every((g) => query.has(g))));
    expect(kept.length).toBeGreaterThan(0);
    expect(kept.length).toBeLessThan(all.length);
  });
});
