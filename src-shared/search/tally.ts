/**
 * Each entry's best and second-best match while one reading of a query is scored. Typed arrays
 * indexed by entry, kept from query to query: a query at 12,000 entries offers tens of thousands
 * of matches, and an object per entry per query kept the collector busy.
 */
export class Tally {
  readonly best: Float64Array;
  readonly second: Float64Array;
  /** The term of the best match, -1 for none (a code typed in part). */
  readonly term: Int32Array;
  /** Entries offered a match since `clear`, in the order first offered. */
  readonly touched: number[] = [];
  private readonly offered: Uint8Array;

  /** `sameText`: whether two terms come from one catalog text (a text and its twin in the concepts' words). */
  constructor(
    entries: number,
    private readonly sameText: (a: number, b: number) => boolean,
  ) {
    this.best = new Float64Array(entries);
    this.second = new Float64Array(entries);
    this.term = new Int32Array(entries);
    this.offered = new Uint8Array(entries);
  }

  clear(): void {
    for (const e of this.touched) this.offered[e] = 0;
    this.touched.length = 0;
  }

  offer(entry: number, score: number, term: number): void {
    if (!this.offered[entry]) {
      this.offered[entry] = 1;
      this.touched.push(entry);
      this.best[entry] = score;
      this.second[entry] = 0;
      this.term[entry] = term;
    } else if (score > this.best[entry]!) {
      // A text's twin in the concepts' words is the same text: it never counts as a second match.
      if (!this.twin(term, this.term[entry]!)) this.second[entry] = this.best[entry]!;
      this.best[entry] = score;
      this.term[entry] = term;
    } else if (score > this.second[entry]! && !this.twin(term, this.term[entry]!)) this.second[entry] = score;
  }

  private twin(a: number, b: number): boolean {
    return a >= 0 && b >= 0 && this.sameText(a, b);
  }
}

/** Each entry's best score over a query's readings, and the term behind it (-1: none), as `Tally`. */
export class Found {
  readonly score: Float64Array;
  readonly term: Int32Array;
  /** Entries found since `clear`, in the order first found. */
  readonly entries: number[] = [];
  private readonly has: Uint8Array;

  constructor(entries: number) {
    this.score = new Float64Array(entries);
    this.term = new Int32Array(entries);
    this.has = new Uint8Array(entries);
  }

  clear(): void {
    for (const e of this.entries) this.has[e] = 0;
    this.entries.length = 0;
  }

  /** Keeps the score when it beats the entry's best so far. */
  offer(entry: number, score: number, term: number): void {
    if (!this.has[entry] || score > this.score[entry]!) this.set(entry, score, term);
  }

  set(entry: number, score: number, term: number): void {
    if (!this.has[entry]) {
      this.has[entry] = 1;
      this.entries.push(entry);
    }
    this.score[entry] = score;
    this.term[entry] = term;
  }
}

/**
 * The first `limit` of the (score, entry) pairs by score, equal scores in catalog order, as a full
 * sort would give them; picked in one pass, for thousands of entries may score and ten are shown.
 */
export function firstRanked(scores: readonly number[], indexes: readonly number[], limit: number): number[] {
  const before = (a: number, b: number) => scores[a]! > scores[b]! || (scores[a] === scores[b] && indexes[a]! < indexes[b]!);
  if (limit > 64) return scores.map((_, k) => k).sort((a, b) => scores[b]! - scores[a]! || indexes[a]! - indexes[b]!).slice(0, limit);
  const first: number[] = [];
  for (let k = 0; k < scores.length; k++) {
    if (first.length === limit && !before(k, first[first.length - 1]!)) continue;
    let at = first.length;
    while (at > 0 && before(k, first[at - 1]!)) at--;
    first.splice(at, 0, k);
    if (first.length > limit) first.pop();
  }
  return first;
}
