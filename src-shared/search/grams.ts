import { toPinyin } from './pinyin';
import { cut, isStopword, stem } from './text';

/**
 * Every term (a name, a synonym, an example question, a code) and every query is turned into
 * "grams" of one family. Terms and queries meet only within a family:
 * - `z` hanzi and hanzi pairs (Traditional already folded into Simplified);
 * - `p` letter pairs of the term's pinyin written solid ("yue" for 余额), so that pinyin typed with
 *   or without spaces, whole or partial, meets the Chinese;
 * - `i` pinyin initials as one token ("sfth" for 三方通话);
 * - `e` English word stems and stem pairs;
 * - `c` an instruction code as one token.
 */
export type Family = 'z' | 'p' | 'i' | 'e' | 'c';
export const FAMILIES: readonly Family[] = ['z', 'p', 'i', 'e', 'c'];

export function hanGrams(runs: readonly string[]): string[] {
  const out: string[] = [];
  for (const run of runs) {
    const chars = [...run];
    chars.forEach((ch, i) => {
      out.push('z' + ch);
      if (i + 1 < chars.length) out.push('z' + ch + chars[i + 1]);
    });
  }
  return out;
}

export function letterPairGrams(solid: string): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < solid.length; i++) out.push('p' + solid.slice(i, i + 2));
  return out;
}

export function englishGrams(words: readonly string[]): string[] {
  const stems = words.filter((w) => !isStopword(w)).map(stem);
  const out = stems.map((s) => 'e' + s);
  for (let i = 0; i + 1 < stems.length; i++) out.push('e' + stems[i] + '_' + stems[i + 1]);
  return out;
}

/** Pinyin of the hanzi in a folded string: solid syllables and initials. */
export function pinyinForms(folded: string): { solid: string; initials: string; syllables: string[] } | null {
  return pinyinOfHan(cut(folded).hanRuns.join(''));
}

/** pinyinForms of a string of hanzi alone (runs already cut out and joined). */
export function pinyinOfHan(han: string): { solid: string; initials: string; syllables: string[] } | null {
  if (!han) return null;
  const syllables = toPinyin(han).filter((s): s is string => s !== null);
  if (syllables.length === 0) return null;
  return { solid: syllables.join(''), initials: syllables.map((s) => s[0]).join(''), syllables };
}
