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
  // Postings go through gram lists, not terms: gram g's lists are gramLists[gramListStart[g],
  // gramListStart[g + 1]), list l's terms (ascending) listTerms[listTermStart[l], listTermStart[l + 1]).
  // Many terms share a list (12,000 entries: 328,000 terms, 50,000 lists), so this holds 460,000
  // numbers where a gram → term index held 3,000,000, and filling those was a sixth of the build.
  private gramLists = new Int32Array(0);
  private gramListStart = new Int32Array(1);
  private listTerms = new Int32Array(0);
  private listTermStart = new Int32Array(1);
  /** By gram: how many terms hold it (what a gram → term index would list for it). */
  private gramTerms = new Int32Array(0);
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
  /** By list, while a query is matched: its overlap so far (zero: not reached yet). */
  private acc = new Float64Array(0);
  /** Lists reached, in the order reached; and the terms of one gram's new lists, to be put in term order. */
  private touched = new Int32Array(0);
  private stepTerms = new Int32Array(0);
  /** One bit a term: a gram's new terms put in order when they are many. */
  private bits = new Uint32Array(0);
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
   * Fills the postings: each list's terms (in term order), each gram's lists that terms use, and
   * each gram's term count. Counts too (when asked) in how many entries each gram is: terms arrive
   * grouped by entry, so "last entry seen" is enough, and only terms that weigh count. Returns
   * those counts.
   */
  private fill(countEntries: boolean): Int32Array<ArrayBuffer> {
    const grams = this.gramIds.size;
    const terms = this.terms;
    const pool = this.pool;
    const { listStart, listEnd, termList, termEntry, termWeighs } = this;
    const lists = this.lists;
    const listTermStart = (this.listTermStart = new Int32Array(lists + 1));
    for (let t = 0; t < terms; t++) listTermStart[termList[t]! + 1]!++;
    for (let list = 0; list < lists; list++) listTermStart[list + 1]! += listTermStart[list]!;
    const listTerms = (this.listTerms = new Int32Array(terms));
    const at = listTermStart.slice(0, lists);
    for (let t = 0; t < terms; t++) listTerms[at[termList[t]!]!++] = t;
    const gramListStart = (this.gramListStart = new Int32Array(grams + 1));
    const gramTerms = (this.gramTerms = new Int32Array(grams));
    for (let list = 0; list < lists; list++) {
      const use = listTermStart[list + 1]! - listTermStart[list]!;
      if (use)
        for (let k = listStart[list]!, end = listEnd[list]!; k < end; k++) {
          const g = pool[k]!;
          gramListStart[g + 1]!++;
          gramTerms[g]! += use;
        }
    }
    for (let g = 0; g < grams; g++) gramListStart[g + 1]! += gramListStart[g]!;
    const gramLists = (this.gramLists = new Int32Array(gramListStart[grams]!));
    const next = gramListStart.slice(0, grams);
    for (let list = 0; list < lists; list++)
      if (listTermStart[list + 1]! > listTermStart[list]!) for (let k = listStart[list]!, end = listEnd[list]!; k < end; k++) gramLists[next[pool[k]!]!++] = list;
    const df = new Int32Array(grams);
    if (!countEntries) return df;
    const lastEntry = new Int32Array(grams).fill(-1);
    for (let t = 0; t < terms; t++) {
      if (!termWeighs[t]) continue;
      const list = termList[t]!;
      const entry = termEntry[t]!;
      for (let k = listStart[list]!, end = listEnd[list]!; k < end; k++) {
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
    // Lists reached, in the order reached, in a buffer kept between queries; `steps` ends each walked gram's new ones.
    // Made on the first match, not with the index: a build need not zero 2 MB that a query fills.
    if (this.acc.length < this.lists) {
      this.acc = new Float64Array(this.lists);
      this.touched = new Int32Array(this.lists);
      this.stepTerms = new Int32Array(this.terms);
      this.bits = new Uint32Array((this.terms + 31) >>> 5);
    }
    let touched = this.touched;
    let found = 0;
    const acc = this.acc;
    const steps: number[] = [];
    for (const { id, weight } of known) {
      if (!walked.has(id)) continue;
      const add = weight * this.idf[id]! ** 2;
      const gramLists = this.gramLists;
      for (let k = this.gramListStart[id]!, end = this.gramListStart[id + 1]!; k < end; k++) {
        const list = gramLists[k]!;
        if (acc[list] === 0) {
          // A list reached again after a gram that added nothing (a zero weight): room for it twice.
          if (found === touched.length) touched = this.touched = room(touched, found + 1);
          touched[found++] = list;
        }
        acc[list]! += add;
      }
      steps.push(found);
    }
    const skipped = known.filter((k) => !walked.has(k.id));
    const stamp = this.nextStamp();
    // Each list's share once; then its terms are visited as a gram → term index walked them: the
    // terms each walked gram reached first, in term order, gram after gram.
    for (let s = 0, from = 0; s < steps.length; from = steps[s++]!) {
      let count = 0;
      const stepTerms = this.stepTerms;
      for (let k = from; k < steps[s]!; k++) {
        const list = touched[k]!;
        if (this.listStamp[list] !== stamp) {
          let overlap = acc[list]!;
          for (const { id, weight } of skipped) if (binaryHas(this.pool, this.listStart[list]!, this.listEnd[list]!, id)) overlap += weight * this.idf[id]! ** 2;
          const family = this.gramFamily[this.pool[this.listStart[list]!]!]!;
          this.listStamp[list] = stamp;
          const share = likeness(Math.min(1, overlap / this.listNorm[list]!), Math.min(1, overlap / queryNorm[family]));
          this.listShare[list] = share ?? NaN;
          acc[list] = 0;
        }
        const share = this.listShare[list]!;
        if (share !== share) continue;
        for (let j = this.listTermStart[list]!, end = this.listTermStart[list + 1]!; j < end; j++) stepTerms[count++] = this.listTerms[j]!;
      }
      this.visitInOrder(count, visit);
    }
  }

  /** Visits the first `count` of `stepTerms` in term order (each once), with its list's share. */
  private visitInOrder(count: number, visit: (term: number, share: number) => void): void {
    const terms = this.stepTerms;
    if (count === 0) return;
    let low = terms[0]!;
    let high = low;
    for (let k = 1; k < count; k++) {
      const t = terms[k]!;
      if (t < low) low = t;
      else if (t > high) high = t;
    }
    const from = low >>> 5;
    const to = high >>> 5;
    // Sorting costs about count × log(count); a bit a term, one word read per 32 terms in range.
    if (count * 8 < to - from) {
      terms.subarray(0, count).sort();
      for (let k = 0; k < count; k++) visit(terms[k]!, this.listShare[this.termList[terms[k]!]!]!);
      return;
    }
    const bits = this.bits;
    for (let k = 0; k < count; k++) {
      const t = terms[k]!;
      bits[t >>> 5]! |= 1 << (t & 31);
    }
    for (let w = from; w <= to; w++) {
      let word = bits[w]!;
      if (word === 0) continue;
      bits[w] = 0;
      while (word !== 0) {
        const lowest = word & -word;
        const t = (w << 5) + 31 - Math.clz32(lowest);
        word ^= lowest;
        visit(t, this.listShare[this.termList[t]!]!);
      }
    }
  }

  private postingCount(gram: number): number {
    return this.gramTerms[gram]!;
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
