import type { Family } from './grams';
import { room } from './growable';

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
  /** By gram: in how many entries a term that weighs has it. */
  private df = new Int32Array(0);
  // Every gram's terms, end to end: gram g's are postings[postingStart[g], postingStart[g + 1]).
  private postings = new Int32Array(0);
  private postingStart = new Int32Array(1);
  // Gram lists (a term's grams, sorted) live end to end in one pool, and terms are columns: a
  // catalog of 12,000 entries has 400,000 terms, which as objects would keep the collector busy.
  private pool = new Int32Array(1 << 10);
  private poolSize = 0;
  private listStart = new Int32Array(1 << 10);
  private listEnd = new Int32Array(1 << 10);
  private lists = 0;
  private termList: Int32Array;
  private termEntry: Int32Array;
  private termWeighs: Uint8Array;
  private terms = 0;
  /** By gram list: the squared IDF weights of its grams, summed. */
  private listNorm = new Float64Array(0);
  private acc = new Float64Array(0);
  private touched = new Int32Array(0);
  private unseenIdf = 0;
  // What `match` worked out per gram list, valid where `listStamp` holds its stamp.
  private listStamp = new Int32Array(0);
  private listShare = new Float64Array(0);
  private stamp = 0;

  /** `expectedTerms`: room for this many terms from the start (the columns still grow beyond it). */
  constructor(expectedTerms = 1 << 10) {
    this.termList = new Int32Array(expectedTerms);
    this.termEntry = new Int32Array(expectedTerms);
    this.termWeighs = new Uint8Array(expectedTerms);
  }

  /** The id of a gram, given one when it is new. */
  gramId(gram: string): number {
    let id = this.gramIds.get(gram);
    if (id === undefined) {
      id = this.gramIds.size;
      this.gramIds.set(gram, id);
      this.gramFamily.push(gram[0] as Family);
    }
    return id;
  }

  /** A list of grams (all of one family), kept sorted and each once; its number is what `addTerm` takes. */
  intern(grams: readonly string[]): number {
    return this.list(grams.map((g) => this.gramId(g)));
  }

  /** A list of gram ids (the first `count` of `ids`), as `intern`. */
  list(ids: ArrayLike<number>, count = ids.length): number {
    if (this.poolSize + count > this.pool.length) {
      const grown = new Int32Array(Math.max(this.pool.length * 2, this.poolSize + count));
      grown.set(this.pool.subarray(0, this.poolSize));
      this.pool = grown;
    }
    const start = this.poolSize;
    const pool = this.pool;
    // Insertion sort for the usual short list (a text's grams): a typed array's sort costs more to call.
    if (count > 64) {
      const long = pool.subarray(start, start + count);
      for (let k = 0; k < count; k++) long[k] = ids[k]!;
      long.sort();
    } else for (let k = 0; k < count; k++) {
      const id = ids[k]!;
      let at = start + k;
      while (at > start && pool[at - 1]! > id) {
        pool[at] = pool[at - 1]!;
        at--;
      }
      pool[at] = id;
    }
    let end = start;
    for (let k = start; k < start + count; k++) if (k === start || pool[k] !== pool[end - 1]) pool[end++] = pool[k]!;
    this.poolSize = end;
    const list = this.lists++;
    if (list === this.listStart.length) {
      this.listStart = room(this.listStart, list + 1);
      this.listEnd = room(this.listEnd, list + 1);
    }
    this.listStart[list] = start;
    this.listEnd[list] = end;
    return list;
  }

  /** The gram ids of a list. */
  listGrams(list: number): Int32Array {
    return this.pool.subarray(this.listStart[list]!, this.listEnd[list]!);
  }

  listLength(list: number): number {
    return this.listEnd[list]! - this.listStart[list]!;
  }

  /**
   * Adds a term of `entry` made of a gram list (shared between terms, never changed); returns the
   * term's number. A term that only restates another (`weighs: false`) leaves the gram weights as
   * the catalog's own words make them.
   */
  addTerm(entry: number, list: number, weighs = true): number {
    const t = this.terms++;
    if (t === this.termList.length) {
      this.termList = room(this.termList, t + 1);
      this.termEntry = room(this.termEntry, t + 1);
      this.termWeighs = room(this.termWeighs, t + 1);
    }
    this.termList[t] = list;
    this.termEntry[t] = entry;
    this.termWeighs[t] = weighs ? 1 : 0;
    return t;
  }

  /** Computes weights and postings once every term is in. */
  seal(entryCount: number): void {
    this.weigh(this.fill(true), entryCount);
  }

  /**
   * Fills the postings in one pass over every term's grams, counting (when asked) in how many
   * entries each gram is: terms arrive grouped by entry, so "last entry seen" is enough, and only
   * terms that weigh count. Returns those counts.
   */
  private fill(countEntries: boolean): Int32Array<ArrayBuffer> {
    const grams = this.gramIds.size;
    const terms = this.terms;
    const pool = this.pool;
    const { listStart, listEnd, termList, termEntry, termWeighs } = this;
    const lists = this.lists;
    // A gram's postings are counted per gram list (how many terms each list has), not per term.
    const listUse = new Int32Array(lists);
    for (let t = 0; t < terms; t++) listUse[termList[t]!]!++;
    const postingStart = (this.postingStart = new Int32Array(grams + 1));
    for (let list = 0; list < lists; list++) {
      const use = listUse[list]!;
      if (use) for (let k = listStart[list]!, end = listEnd[list]!; k < end; k++) postingStart[pool[k]! + 1]! += use;
    }
    for (let g = 0; g < grams; g++) postingStart[g + 1]! += postingStart[g]!;
    const all = (this.postings = new Int32Array(postingStart[grams]!));
    const fill = postingStart.slice(0, grams);
    const df = new Int32Array(grams);
    const lastEntry = new Int32Array(grams).fill(-1);
    for (let t = 0; t < terms; t++) {
      const list = termList[t]!;
      const start = listStart[list]!;
      const end = listEnd[list]!;
      for (let k = start; k < end; k++) all[fill[pool[k]!]!++] = t;
      if (!countEntries || !termWeighs[t]) continue;
      const entry = termEntry[t]!;
      for (let k = start; k < end; k++) {
        const g = pool[k]!;
        if (lastEntry[g] !== entry) {
          lastEntry[g] = entry;
          df[g]!++;
        }
      }
    }
    return df;
  }

  /** IDF weights from each gram's entry count (`df`), and each gram list's norm. */
  private weigh(df: Int32Array<ArrayBuffer>, entryCount: number): void {
    const grams = this.gramIds.size;
    const pool = this.pool;
    const { listStart, listEnd } = this;
    this.df = df;
    const n = Math.max(1, entryCount);
    const idf = (this.idf = new Float64Array(grams));
    for (let g = 0; g < grams; g++) idf[g] = Math.log(1 + n / Math.max(1, df[g]!));
    this.unseenIdf = Math.log(1 + n);
    // Per gram list, not per term: many terms share a list.
    const listNorm = (this.listNorm = new Float64Array(this.lists));
    for (let list = 0; list < this.lists; list++) {
      let norm = 0;
      for (let k = listStart[list]!, end = listEnd[list]!; k < end; k++) norm += idf[pool[k]!]! ** 2;
      listNorm[list] = norm;
    }
    this.acc = new Float64Array(this.terms);
    this.touched = new Int32Array(this.terms);
  }

  /**
   * The sealed index `inputs()` describes, taken as it is: gram lists as stored (sorted, each gram
   * once), terms, and each gram's entry count, so nothing is sorted or counted again (snapshot.ts
   * checks first that every number points where it may).
   */
  static restore(inputs: TermIndexInputs, entryCount: number): TermIndex {
    const index = new TermIndex(0);
    for (const gram of inputs.grams) index.gramId(gram);
    const lists = inputs.listLength.length;
    index.pool = inputs.pool;
    index.poolSize = inputs.pool.length;
    index.listStart = new Int32Array(lists);
    index.listEnd = new Int32Array(lists);
    index.lists = lists;
    for (let list = 0, at = 0; list < lists; list++) {
      index.listStart[list] = at;
      at += inputs.listLength[list]!;
      index.listEnd[list] = at;
    }
    index.termList = inputs.termList;
    index.termEntry = inputs.termEntry;
    index.terms = inputs.termList.length;
    index.fill(false);
    index.weigh(inputs.df, entryCount);
    return index;
  }

  knows(gram: string): boolean {
    return this.gramIds.has(gram);
  }

  entryOf(term: number): number {
    return this.termEntry[term]!;
  }

  /**
   * Calls `visit` for every term sharing a gram with the query, with the share of its weight it
   * earns: `likeness` of the share of the term the query covers and the share of the query (within
   * the term's family) the term covers, or no visit when that is null. Terms of one gram list (a
   * text many entries share) have the same coverages, so their share is worked out once.
   */
  match(
    query: ReadonlyMap<string, number>,
    likeness: (termCoverage: number, queryCoverage: number) => number | null,
    visit: (term: number, share: number) => void,
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
    known.sort((a, b) => this.postingCount(a.id) - this.postingCount(b.id));
    const walked = new Set<number>();
    const families = new Set<Family>();
    for (const k of known) {
      const family = this.gramFamily[k.id]!;
      if (this.postingCount(k.id) <= WALK_LIMIT || !families.has(family)) {
        walked.add(k.id);
        families.add(family);
      }
    }
    // Terms found, in the order found, in a buffer kept between queries (a common gram finds tens of thousands).
    const touched = this.touched;
    let found = 0;
    const acc = this.acc;
    for (const { id, weight } of known) {
      if (!walked.has(id)) continue;
      const add = weight * this.idf[id]! ** 2;
      const postings = this.postings;
      for (let k = this.postingStart[id]!, end = this.postingStart[id + 1]!; k < end; k++) {
        const t = postings[k]!;
        if (acc[t] === 0) touched[found++] = t;
        acc[t]! += add;
      }
    }
    const skipped = known.filter((k) => !walked.has(k.id));
    const stamp = this.nextStamp();
    for (let k = 0; k < found; k++) {
      const t = touched[k]!;
      const list = this.termList[t]!;
      if (this.listStamp[list] !== stamp) {
        let overlap = acc[t]!;
        for (const { id, weight } of skipped) if (binaryHas(this.pool, this.listStart[list]!, this.listEnd[list]!, id)) overlap += weight * this.idf[id]! ** 2;
        const family = this.gramFamily[this.pool[this.listStart[list]!]!]!;
        this.listStamp[list] = stamp;
        const share = likeness(Math.min(1, overlap / this.listNorm[list]!), Math.min(1, overlap / queryNorm[family]));
        this.listShare[list] = share ?? NaN;
      }
      acc[t] = 0;
      const share = this.listShare[list]!;
      if (share === share) visit(t, share);
    }
  }

  private postingCount(gram: number): number {
    return this.postingStart[gram + 1]! - this.postingStart[gram]!;
  }

  /** A number no list carries yet in `listStamp`: which lists' shares this match has worked out. */
  private nextStamp(): number {
    if (this.listStamp.length < this.lists) {
      this.listStamp = new Int32Array(this.lists);
      this.listShare = new Float64Array(this.lists);
      this.stamp = 0;
    }
    return ++this.stamp;
  }

  get gramCount(): number {
    return this.gramIds.size;
  }

  get listCount(): number {
    return this.lists;
  }
  /**
   * What the sealed index holds, but its postings and weights (worked out again in one pass):
   * its grams by id, its gram lists, each term's list and entry, each gram's entry count. For a
   * prebuilt index shipped with a build (snapshot.ts); `TermIndex.restore` takes it back.
   */
  inputs(): TermIndexInputs {
    const listLength = new Int32Array(this.lists);
    let size = 0;
    for (let list = 0; list < this.lists; list++) size += listLength[list] = this.listEnd[list]! - this.listStart[list]!;
    const pool = new Int32Array(size);
    for (let list = 0, at = 0; list < this.lists; list++) {
      pool.set(this.pool.subarray(this.listStart[list]!, this.listEnd[list]!), at);
      at += listLength[list]!;
    }
    return {
      grams: [...this.gramIds.keys()],
      listLength,
      pool,
      termList: this.termList.slice(0, this.terms),
      termEntry: this.termEntry.slice(0, this.terms),
      df: this.df.slice(),
    };
  }
}

export interface TermIndexInputs {
  /** Gram texts, by id. */
  grams: string[];
  /** Each gram list's length; the lists' gram ids (sorted, each once) lie end to end in `pool`. */
  listLength: Int32Array<ArrayBuffer>;
  pool: Int32Array<ArrayBuffer>;
  termList: Int32Array<ArrayBuffer>;
  termEntry: Int32Array<ArrayBuffer>;
  /** By gram: in how many entries a term that weighs has it. */
  df: Int32Array<ArrayBuffer>;
}

/** Whether sorted[from, to) holds the value. */
function binaryHas(sorted: Int32Array, from: number, to: number, value: number): boolean {
  let lo = from;
  let hi = to - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = sorted[mid]!;
    if (v === value) return true;
    if (v < value) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}
