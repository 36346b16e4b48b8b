import Fuse from 'fuse.js';

/**
 * Typo tolerance for Latin words (codes such as `ktgrps`, English such as `balence`, pinyin such as
 * `jifne`). A bigram index picks a few dozen candidates, so a catalog of 12,000 entries is not
 * scanned whole; fuse.js ranks them; an edit distance that counts a swap of two neighbouring
 * letters as one typo decides which are close enough.
 */
export class LatinVocabulary {
  /** The suggestible words in order, numbered for the bigram index (made with it). */
  private words: string[] = [];
  /** The words given, of which those of two letters or more can be suggested (kept as given: copying a large catalog's is not free). */
  private readonly given: ReadonlySet<string>;
  private readonly alsoKnown: ReadonlySet<string>;
  /** Words by bigram (its two UTF-16 units as one number: pairCode); built when a first word needs correcting, so a large catalog opens no slower. */
  private byBigram: Map<number, number[]> | undefined;
  /** Bigrams shared with the word being corrected, by word; zero between calls. */
  private shared: Uint16Array | undefined;

  /** `words` of two letters or more can be suggested; `alsoKnown` (pinyin syllables, say) are accepted as typed but never suggested. */
  constructor(words: ReadonlySet<string>, alsoKnown: ReadonlySet<string> = new Set()) {
    this.given = words;
    this.alsoKnown = alsoKnown;
  }

  private suggestible(word: string): boolean {
    return word.length >= 2 && this.given.has(word);
  }

  private bigramIndex(): Map<number, number[]> {
    if (this.byBigram) return this.byBigram;
    const byBigram = (this.byBigram = new Map<number, number[]>());
    this.words = [...this.given].filter((w) => w.length >= 2);
    this.words.forEach((w, i) => {
      const padded = `^${w}$`;
      for (let k = 0; k + 1 < padded.length; k++) {
        const g = pairCode(padded, k);
        const list = byBigram.get(g);
        // Words come in order, so a bigram met before in this word holds it last.
        if (!list) byBigram.set(g, [i]);
        else if (list[list.length - 1] !== i) list.push(i);
      }
    });
    return byBigram;
  }

  has(word: string): boolean {
    return this.suggestible(word) || this.alsoKnown.has(word);
  }

  /**
   * The `max` words of about the same length sharing the most bigrams with `word`, first found
   * first among equals. Counted in a typed array with the words touched listed: a common bigram
   * (`kt`) is shared by thousands of codes in a large catalog.
   */
  private sharingBigrams(word: string, max: number): string[] {
    const index = this.bigramIndex();
    const shared = (this.shared ??= new Uint16Array(this.words.length));
    const touched: number[] = [];
    let most = 0;
    for (const g of new Set(bigrams(word))) {
      for (const i of index.get(pairCode(g, 0)) ?? []) {
        if (shared[i] === 0) touched.push(i);
        most = Math.max(most, ++shared[i]!);
      }
    }
    const pool: string[] = [];
    for (let n = most; n >= 1 && pool.length < max; n--) {
      for (const i of touched) {
        if (pool.length === max) break;
        const w = this.words[i]!;
        if (shared[i] === n && Math.abs(w.length - word.length) <= 2) pool.push(w);
      }
    }
    for (const i of touched) shared[i] = 0;
    return pool;
  }

  /** Known words close to `word`, best first, with a similarity in (0, 1]. */
  suggest(word: string, max = 3, candidates = 24): { word: string; similarity: number }[] {
    // Two letters leave room for one kind of typo only: the pair typed the wrong way round (dz → zd).
    if (word.length === 2) return this.suggestible(word[1]! + word[0]!) ? [{ word: word[1]! + word[0]!, similarity: 0.5 }] : [];
    if (word.length < 2) return [];
    const pool = this.sharingBigrams(word, candidates);
    if (pool.length === 0) return [];
    const fuse = new Fuse(pool, { threshold: 0.6, ignoreLocation: true, isCaseSensitive: true });
    const allowed = word.length <= 4 ? 1 : 2;
    return fuse
      .search(word, { limit: Math.max(8, max * 2) })
      .map((r) => ({ word: r.item, distance: typoDistance(word, r.item) }))
      .filter((r) => r.distance <= allowed)
      .sort((a, b) => a.distance - b.distance)
      .slice(0, max)
      .map((r) => ({ word: r.word, similarity: 1 - r.distance / Math.max(word.length, r.word.length) }));
  }
}

/** Two UTF-16 units of a text, from `at`, as one number (a Map hashes it faster than a string of two). */
function pairCode(text: string, at: number): number {
  return text.charCodeAt(at) * 0x10000 + text.charCodeAt(at + 1);
}

export function bigrams(word: string): string[] {
  const padded = `^${word}$`;
  const out: string[] = [];
  for (let i = 0; i + 1 < padded.length; i++) out.push(padded.slice(i, i + 2));
  return out;
}

/** Edit distance where a swap of two neighbouring letters counts as one (optimal string alignment). */
export function typoDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
}
