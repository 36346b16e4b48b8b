import type { Instruction } from '../catalog/schema';
import { fold } from './fold';
import { cut } from './text';

/**
 * The catalog's Chinese words that pinyin initials may stand for: its short texts whole, and every
 * two or three hanzi in a row (已开通), from the Simplified names and synonyms in catalog order.
 * The index build reads the same words from its own analyses (faster); this plain definition serves
 * an index restored from a snapshot, which has no analyses, and holds the build's shortcut to it.
 */
export function* catalogDecodeWords(entries: readonly Instruction[]): Generator<[string, boolean]> {
  const seen = new Set<string>();
  // A run seen before gives the same words again (开通北京流量加油包 in ten prices): once is enough.
  const seenRuns = new Set<string>();
  for (const entry of entries) {
    for (const text of [entry.name['zh-Hans'], ...entry.synonyms['zh-Hans']]) {
      if (seen.has(text)) continue;
      seen.add(text);
      yield* runWords(cut(fold(text)).hanRuns, seenRuns);
    }
  }
}

/** A text's hanzi runs as decoder words: a short run whole (a phrase), and its pairs and triples; runs in `seenRuns` are skipped, new ones added. */
export function* runWords(hanRuns: readonly string[], seenRuns: Set<string>): Generator<[string, boolean]> {
  for (const run of hanRuns) {
    if (seenRuns.has(run)) continue;
    seenRuns.add(run);
    const chars = [...run];
    if (chars.length <= 4) yield [run, true];
    for (let i = 0; i + 1 < chars.length; i++) yield [chars[i]! + chars[i + 1]!, false];
    for (let i = 0; i + 2 < chars.length; i++) yield [chars[i]! + chars[i + 1]! + chars[i + 2]!, false];
  }
}
