import Fuse from 'fuse.js';

/**
 * Typo tolerance for Latin words (codes such as `ktgpsr`, English such as `balence`, pinyin such as
 * `jifne`). fuse.js scores the candidates; a bigram index picks them first, so that a catalog of
 * 12,000 entries costs a few dozen comparisons, not a pass over the whole vocabulary.
 */
export class LatinVocabulary {
  private readonly words: string[];
  private readonly known: Set<string>;
  private readonly byBigram = new Map<string, number[]>();

  constructor(words: Iterable<string>) {
    this.known = new Set([...words].filter((w) => w.length >= 2));
    this.words = [...this.known];
    this.words.forEach((w, i) => {
      for (const g of new Set(bigrams(w))) {
        const list = this.byBigram.get(g);
        if (list) list.push(i);
        else this.byBigram.set(g, [i]);
      }
    });
  }

  has(word: string): boolean {
    return this.known.has(word);
  }

  /** Known words close to `word`, best first, with a similarity in (0, 1]. */
  suggest(word: string, max = 3, candidates = 24): { word: string; similarity: number }[] {
    if (word.length < 3) return [];
    const shared = new Map<number, number>();
    for (const g of new Set(bigrams(word))) for (const i of this.byBigram.get(g) ?? []) shared.set(i, (shared.get(i) ?? 0) + 1);
    const pool = [...shared.entries()]
      .filter(([i, n]) => n >= 1 && Math.abs(this.words[i]!.length - word.length) <= 2)
      .sort((a, b) => b[1] - a[1])
      .slice(0, candidates)
      .map(([i]) => this.words[i]!);
    if (pool.length === 0) return [];
    const fuse = new Fuse(pool, { includeScore: true, threshold: 0.4, ignoreLocation: true, isCaseSensitive: true });
    return fuse
      .search(word, { limit: max })
      .map((r) => ({ word: r.item, similarity: 1 - (r.score ?? 1) }))
      .filter((r) => r.similarity > 0.7);
  }
}

export function bigrams(word: string): string[] {
  const padded = `^${word}$`;
  const out: string[] = [];
  for (let i = 0; i + 1 < padded.length; i++) out.push(padded.slice(i, i + 2));
  return out;
}
