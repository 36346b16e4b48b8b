import { fold, isHan } from '../../src-shared/search/fold';
import { pinyinSyllables, toPinyin } from '../../src-shared/search/pinyin';
import { cut, stem } from '../../src-shared/search/text';

/** [start, end) in UTF-16 offsets of the displayed text. */
export type Range = readonly [start: number, end: number];

interface Char {
  start: number;
  end: number;
  /** The character folded (full-width → ASCII, lower case, Traditional → Simplified). */
  folded: string;
}

/**
 * Which characters of `text` the query matched, for highlighting: hanzi the query contains
 * (in either script), Latin words the query starts, and hanzi whose pinyin or initials the query
 * spells (`liuliang`, `liul`, `sfth`). `codeLike` text (an instruction code) matches a query
 * word anywhere in it, so `gprs` lights up in KTGPRS.
 */
export function highlightRanges(text: string, query: string, options: { codeLike?: boolean } = {}): Range[] {
  const q = fold(query);
  const { hanRuns, latinWords } = cut(q);
  const chars = charsOf(text);
  const marked = new Array<boolean>(chars.length).fill(false);
  const queryHan = new Set([...hanRuns.join('')]);
  chars.forEach((c, i) => {
    if (queryHan.has(c.folded)) marked[i] = true;
  });
  const words = latinWords.filter((w) => w.length >= 2 || options.codeLike);
  markLatin(chars, words, marked, options.codeLike ?? false);
  markPinyin(chars, words, marked);
  return toRanges(chars, marked);
}

function charsOf(text: string): Char[] {
  const out: Char[] = [];
  let offset = 0;
  for (const ch of text) {
    out.push({ start: offset, end: offset + ch.length, folded: fold(ch) });
    offset += ch.length;
  }
  return out;
}

/** A query word (or its stem) at the start of a word of the text, or anywhere in code-like text. */
function markLatin(chars: readonly Char[], words: readonly string[], marked: boolean[], anywhere: boolean): void {
  const folded = chars.map((c) => c.folded);
  const joined = folded.join('');
  // Char index of each offset in `joined` (a folded character may be longer than one unit).
  const owner: number[] = [];
  folded.forEach((f, i) => {
    for (let k = 0; k < f.length; k++) owner.push(i);
  });
  const typed = new Set(words);
  for (const word of new Set(words.flatMap((w) => [w, stem(w)]))) {
    for (let at = joined.indexOf(word); at !== -1; at = joined.indexOf(word, at + 1)) {
      const wordStart = at === 0 || !/[a-z0-9]/.test(joined[at - 1]!);
      if (!anywhere && !wordStart) continue;
      // A stem or an expanded abbreviation (bal → balanc) stands for the whole word, not for the letters it kept.
      let end = at + word.length;
      if (!typed.has(word)) while (end < joined.length && /[a-z]/.test(joined[end]!)) end++;
      for (let k = at; k < end; k++) marked[owner[k]!] = true;
    }
  }
}

function markPinyin(chars: readonly Char[], words: readonly string[], marked: boolean[]): void {
  // Only single-character folds keep toPinyin's positions aligned with the characters.
  const han = chars.map((c) => ([...c.folded].length === 1 && isHan(c.folded) ? c.folded : '\u0000')).join('');
  if (!/[^\u0000]/.test(han)) return;
  const syllables = toPinyin(han);
  for (const word of words) {
    if (!/^[a-z]+$/.test(word)) continue;
    markSpelled(syllables, word, marked);
    markInitials(syllables, word, marked);
  }
}

/**
 * Runs of characters whose pinyin spells a stretch of the word that begins and ends on the
 * word's own syllable boundaries (the last syllable may be typed in part). Boundaries keep the
 * `li` that starts `liuliang` from lighting up 理.
 */
function markSpelled(syllables: readonly (string | null)[], word: string, marked: boolean[]): void {
  const bounds = syllableBoundaries(word);
  for (let i = 0; i < syllables.length; i++) {
    for (const from of bounds) {
      if (from === word.length) continue;
      let k = from;
      let j = i;
      while (j < syllables.length && k < word.length) {
        const s = syllables[j];
        if (!s) break;
        if (word.startsWith(s, k)) k += s.length;
        else if (s.startsWith(word.slice(k))) k = word.length;
        else break;
        j++;
      }
      // A lone syllable counts only at either end of the word: in its middle it is more likely chance.
      const anchored = j - i >= 2 || from === 0 || k === word.length;
      if (j > i && k - from >= 2 && bounds.has(k) && anchored) for (let m = i; m < j; m++) marked[m] = true;
    }
  }
}

/** `sfth` for 三方通话: consecutive characters whose initials spell the whole word. */
function markInitials(syllables: readonly (string | null)[], word: string, marked: boolean[]): void {
  for (let i = 0; i + word.length <= syllables.length; i++) {
    if ([...word].every((letter, k) => syllables[i + k]?.[0] === letter)) for (let m = i; m < i + word.length; m++) marked[m] = true;
  }
}

let syllablePrefixes: Set<string> | undefined;

/** Offsets where some reading of the word as pinyin puts a syllable boundary (its end included). */
export function syllableBoundaries(word: string): Set<number> {
  const syllables = pinyinSyllables();
  syllablePrefixes ??= new Set([...syllables].flatMap((s) => [...s].map((_, i) => s.slice(0, i + 1))));
  const n = word.length;
  const fromStart = new Array<boolean>(n + 1).fill(false);
  fromStart[0] = true;
  for (let end = 1; end <= n; end++) {
    for (let start = Math.max(0, end - 6); start < end && !fromStart[end]; start++) {
      fromStart[end] = fromStart[start]! && syllables.has(word.slice(start, end));
    }
  }
  // toEnd[p]: the rest from p reads as syllables, the last possibly typed only in part.
  const toEnd = new Array<boolean>(n + 1).fill(false);
  toEnd[n] = true;
  for (let start = n - 1; start >= 0; start--) {
    for (let end = start + 1; end <= Math.min(n, start + 6) && !toEnd[start]; end++) {
      const piece = word.slice(start, end);
      toEnd[start] = (toEnd[end]! && syllables.has(piece)) || (end === n && syllablePrefixes.has(piece));
    }
  }
  const bounds = new Set<number>();
  for (let p = 0; p <= n; p++) if (fromStart[p] && toEnd[p]) bounds.add(p);
  // The end counts even when the last syllable is still being typed.
  if (toEnd[0]) bounds.add(n);
  return bounds;
}

function toRanges(chars: readonly Char[], marked: readonly boolean[]): Range[] {
  const ranges: [number, number][] = [];
  chars.forEach((c, i) => {
    if (!marked[i]) return;
    const last = ranges[ranges.length - 1];
    if (last && last[1] === c.start) last[1] = c.end;
    else ranges.push([c.start, c.end]);
  });
  return ranges;
}
