import { lemma } from './language/english';

/** A folded query or term cut into what each matcher needs: runs of hanzi and Latin words. */
export interface Pieces {
  hanRuns: string[];
  latinWords: string[];
}

/** Hanzi runs (the ranges of `isHan`), and Latin words, where an apostrophe inside a word is dropped (don't → dont). */
const PIECE = /([\u3400-\u9fff\uf900-\ufaff\u{20000}-\u{3134f}]+)|([a-z0-9]+(?:'+[a-z0-9]+)*)/gu;

export function cut(folded: string): Pieces {
  const hanRuns: string[] = [];
  const latinWords: string[] = [];
  for (const m of folded.matchAll(PIECE)) {
    if (m[1]) hanRuns.push(m[1]);
    else latinWords.push(m[2]!.includes("'") ? m[2]!.replace(/'/g, '') : m[2]!);
  }
  return { hanRuns, latinWords };
}

const STOPWORDS = new Set(
  'a an the my me i im is are am be do does did to of for in at can could please pls plz want would like id it its this that with by have has you your we our us how what when where why there some any just'.split(
    ' ',
  ),
);

export function isStopword(word: string): boolean {
  return STOPWORDS.has(word);
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
