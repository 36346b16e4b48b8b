import { lemma } from './language/english';

/** A folded query or term cut into what each matcher needs: runs of hanzi and Latin words. */
export interface Pieces {
  hanRuns: string[];
  latinWords: string[];
}

/**
 * Hanzi runs (the ranges of `isHan`), and Latin words `[a-z0-9]+` where an apostrophe inside a word
 * is dropped (don't → dont). Scanned by hand rather than with a regular expression: a catalog of
 * 12,000 entries cuts 70,000 texts when its index is built.
 */
export function cut(folded: string): Pieces {
  const hanRuns: string[] = [];
  const latinWords: string[] = [];
  const n = folded.length;
  for (let i = 0; i < n; ) {
    if (isWordChar(folded.charCodeAt(i))) {
      let end = wordEnd(folded, i + 1);
      let apostrophe = false;
      // Apostrophes count only with word characters after them (rock'n'roll, not dogs').
      for (let k = end; k < n && folded.charCodeAt(k) === APOSTROPHE; ) {
        while (k < n && folded.charCodeAt(k) === APOSTROPHE) k++;
        if (k === n || !isWordChar(folded.charCodeAt(k))) break;
        apostrophe = true;
        end = k = wordEnd(folded, k + 1);
      }
      const word = folded.slice(i, end);
      latinWords.push(apostrophe ? word.replace(/'/g, '') : word);
      i = end;
      continue;
    }
    let end = i;
    for (let size = hanSize(folded, end); size > 0; size = hanSize(folded, end)) end += size;
    if (end > i) hanRuns.push(folded.slice(i, end));
    i = end > i ? end : i + 1;
  }
  return { hanRuns, latinWords };
}

const APOSTROPHE = 0x27;

function isWordChar(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39);
}

function wordEnd(text: string, from: number): number {
  let i = from;
  while (i < text.length && isWordChar(text.charCodeAt(i))) i++;
  return i;
}

/** How many UTF-16 units the hanzi at `i` takes (2 beyond the BMP), 0 when it is no hanzi. */
function hanSize(text: string, i: number): number {
  if (i >= text.length) return 0;
  const c = text.charCodeAt(i);
  if ((c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff)) return 1;
  if (c < 0xd800 || c > 0xdbff) return 0;
  const cp = text.codePointAt(i)!;
  return cp >= 0x20000 && cp <= 0x3134f ? 2 : 0;
}

const STOPWORDS = new Set(
  'a an the my me i im is are am be do does did to of for in at can could please pls plz want would like id it its this that with by have has you your we our us how what when where why there some any just'.split(
    ' ',
  ),
);

export function isStopword(word: string): boolean {
  return STOPWORDS.has(word);
}

/** Every stop word. */
export function stopwords(): ReadonlySet<string> {
  return STOPWORDS;
}

/** A light English stemmer: enough that "waiting"/"wait", "bills"/"bill", "disabled"/"disable" meet. */
export function stem(word: string): string {
  const known = lemma(word);
  // A word the table keeps as it is (sms, left) is not cut; a lemma (mins → minute) is cut as the word itself would be.
  if (known === word) return word;
  let w = known ?? word;
  if (w.length > 4 && w.endsWith('ies')) w = w.slice(0, -3) + 'y';
  else if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.length > 5 && w.endsWith('ing')) w = w.slice(0, -3);
  else if (w.length > 4 && w.endsWith('ed')) w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us')) w = w.slice(0, -1);
  return w.length > 4 && w.endsWith('e') ? w.slice(0, -1) : w;
}
