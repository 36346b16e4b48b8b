import { isHan } from './fold';

/** A folded query or term cut into what each matcher needs: runs of hanzi and Latin words. */
export interface Pieces {
  hanRuns: string[];
  latinWords: string[];
}

export function cut(folded: string): Pieces {
  const hanRuns: string[] = [];
  const latinWords: string[] = [];
  let han = '';
  let latin = '';
  const flushHan = () => {
    if (han) hanRuns.push(han);
    han = '';
  };
  const flushLatin = () => {
    if (latin) latinWords.push(latin);
    latin = '';
  };
  for (const ch of folded) {
    if (isHan(ch)) {
      flushLatin();
      han += ch;
    } else if (/[a-z0-9]/.test(ch)) {
      flushHan();
      latin += ch;
    } else {
      // Punctuation and spaces end a word; an apostrophe inside an English word does not.
      if (ch === "'" && latin) continue;
      flushHan();
      flushLatin();
    }
  }
  flushHan();
  flushLatin();
  return { hanRuns, latinWords };
}

const STOPWORDS = new Set(
  'a an the my me i im is are am be do does did to of for in at can could please want would like id it its this that with by have has you your we our us how what when where why there some any just'.split(
    ' ',
  ),
);

export function isStopword(word: string): boolean {
  return STOPWORDS.has(word);
}

/** A light English stemmer: enough that "waiting"/"wait", "bills"/"bill", "disabled"/"disable" meet. */
export function stem(word: string): string {
  let w = word;
  if (w.length > 4 && w.endsWith('ies')) w = w.slice(0, -3) + 'y';
  else if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.length > 5 && w.endsWith('ing')) w = w.slice(0, -3);
  else if (w.length > 4 && w.endsWith('ed')) w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us')) w = w.slice(0, -1);
  return w.length > 4 && w.endsWith('e') ? w.slice(0, -1) : w;
}
