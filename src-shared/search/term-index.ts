import type { Family } from './grams';

/** Beyond this many terms a gram is too common to walk; it is still counted for the terms found through rarer grams. */
const WALK_LIMIT = 1200;

/**
 * An inverted index from grams to terms, with IDF weights counted per entry (so an entry with many
 * synonyms does not make its own words look common). Scoring is a weighted overlap: how much of
 * the term the query covers, and how much of the query the term covers.
 */
export class TermIndex {
  private readonly gramIds = new Map<string, number>();
  private readonly gramFamily: Family[] = [];
  private idf = new Float64Array(0);
  private postings: Int32Array[] = [];
  private readonly termGrams: Int32Array[] = [];
  private readonly termEntry: number[] = [];
  private termNorm = new Float64Array(0);
  private acc = new Float64Array(0);
  private unseenIdf = 0;
  private readonly restating = new Set<number>();

  /** The ids of `grams` (all of one family), sorted and each once, ready for `addIds`. */
  intern(grams: readonly string[]): Int32Array {
    const ids = new Int32Array(grams.length);
    grams.forEach((g, k) => {
      let id = this.gramIds.get(g);
      if (id === undefined) {
        id = this.gramIds.size;
        this.gramIds.set(g, id);
        this.gramFamily.push(g[0] as Family);
      }
      ids[k] = id;
    });
    ids.sort();
    let n = 0;
    for (let k = 0; k < ids.length; k++) if (k === 0 || ids[k] !== ids[k - 1]) ids[n++] = ids[k]!;
    return n === ids.length ? ids : ids.slice(0, n);
  }

  /**
   * Adds a term of `entry` made of interned grams (shared between terms, never changed); returns
   * the term's number. A term that only restates another (`weighs: false`) leaves the gram weights
   * as the catalog's own words make them.
   */
  addIds(entry: number, ids: Int32Array, weighs = true): number {
    this.termGrams.push(ids);
    this.termEntry.push(entry);
    if (!weighs) this.restating.add(this.termGrams.length - 1);
    return this.termGrams.length - 1;
  }

  /** Computes weights and postings once every term is in. */
  seal(entryCount: number): void {
    const grams = this.gramIds.size;
    const df = new Int32Array(grams);
    const lastEntry = new Int32Array(grams).fill(-1);
    const postingCount = new Int32Array(grams);
    // Terms arrive grouped by entry, so "last entry seen" counts each gram once per entry.
    this.termGrams.forEach((ids, t) => {
      const weighs = !this.restating.has(t);
      for (const g of ids) {
        postingCount[g]!++;
        if (weighs && lastEntry[g] !== this.termEntry[t]) {
          lastEntry[g] = this.termEntry[t]!;
          df[g]!++;
        }
      }
    });
    const n = Math.max(1, entryCount);
    this.idf = Float64Array.from(df, (d) => Math.log(1 + n / Math.max(1, d)));
    this.unseenIdf = Math.log(1 + n);
    this.postings = Array.from(postingCount, (c) => new Int32Array(c));
    const fill = new Int32Array(grams);
    this.termNorm = new Float64Array(this.termGrams.length);
    this.termGrams.forEach((ids, t) => {
      let norm = 0;
      for (const g of ids) {
        norm += this.idf[g]! ** 2;
        this.postings[g]![fill[g]!++] = t;
      }
      this.termNorm[t] = norm;
    });
    this.acc = new Float64Array(this.termGrams.length);
  }

  knows(gram: string): boolean {
    return this.gramIds.has(gram);
  }

  entryOf(term: number): number {
    return this.termEntry[term]!;
  }

  /**
   * Calls `visit` for every term sharing a gram with the query, with the share of the term the
   * query covers and the share of the query (within the term's family) the term covers.
   */
  match(
    query: ReadonlyMap<string, number>,
    familyOf: (term: number) => Family,
    visit: (term: number, termCoverage: number, queryCoverage: number) => void,
  ): void {
    const queryNorm: Record<Family, number> = { z: 0, p: 0, i: 0, e: 0, c: 0 };
    const known: { id: number; weight: number }[] = [];
    for (const [g, weight] of query) {
      const id = this.gramIds.get(g);
      const idf = id === undefined ? this.unseenIdf : this.idf[id]!;
      queryNorm[g[0] as Family] += (weight * idf) ** 2;
      if (id !== undefined) known.push({ id, weight });
    }
    // Walk the rare grams; the common ones are added afterwards to the terms found, and walked
    // only when a family has nothing rarer (a one-word query such as 流量 in a huge catalog).
    known.sort((a, b) => this.postings[a.id]!.length - this.postings[b.id]!.length);
    const walked = new Set<number>();
    const families = new Set<Family>();
    for (const k of known) {
      const family = this.gramFamily[k.id]!;
      if (this.postings[k.id]!.length <= WALK_LIMIT || !families.has(family)) {
        walked.add(k.id);
        families.add(family);
      }
    }
    const touched: number[] = [];
    for (const { id, weight } of known) {
      if (!walked.has(id)) continue;
      const add = weight * this.idf[id]! ** 2;
      for (const t of this.postings[id]!) {
        if (this.acc[t] === 0) touched.push(t);
        this.acc[t]! += add;
      }
    }
    const skipped = known.filter((k) => !walked.has(k.id));
    for (const t of touched) {
      let overlap = this.acc[t]!;
      this.acc[t] = 0;
      for (const { id, weight } of skipped) if (binaryHas(this.termGrams[t]!, id)) overlap += weight * this.idf[id]! ** 2;
      const family = familyOf(t);
      visit(t, Math.min(1, overlap / this.termNorm[t]!), Math.min(1, overlap / queryNorm[family]));
    }
  }
}

function binaryHas(sorted: Int32Array, value: number): boolean {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = sorted[mid]!;
    if (v === value) return true;
    if (v < value) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}
