import { lemma } from './language/english';

/** A folded query or term cut into what each matcher needs: runs of hanzi and Latin words. */
export interface Pieces {
  hanRuns: string[];
  latinWords: string[];
}

/** What `cutUnits` finds, in order: hanzi runs and Latin words, as ranges of the units it was given. */
export interface PieceVisitor {
  run(from: number, to: number): void;
  /** `apostrophe`: the word holds apostrophes, which are not part of it (don't → dont). */
  word(from: number, to: number, apostrophe: boolean): void;
}

/**
 * Hanzi runs (the ranges of `isHan`), and Latin words `[a-z0-9]+` where an apostrophe inside a word
 * is dropped (don't → dont). Scanned by hand rather than with a regular expression: a catalog of
 * 12,000 entries cuts 50,000 texts when its index is built (from their folded units, `cutUnits`).
 */
export function cut(folded: string): Pieces {
  if (folded.length > scratch.length) scratch = new Uint16Array(2 * folded.length);
  const units = scratch;
  for (let i = 0; i < folded.length; i++) units[i] = folded.charCodeAt(i);
  const pieces = new PiecesOf(folded);
  cutUnits(units, 0, folded.length, pieces);
  return { hanRuns: pieces.hanRuns, latinWords: pieces.latinWords };
}

/** The units of the text `cut` is cutting (reused: `cut` runs many times a query). */
let scratch = new Uint16Array(256);

/** A string's pieces, as slices of it. */
class PiecesOf implements PieceVisitor {
  readonly hanRuns: string[] = [];
  readonly latinWords: string[] = [];

  constructor(private readonly text: string) {}

  run(from: number, to: number): void {
    this.hanRuns.push(this.text.slice(from, to));
  }

  word(from: number, to: number, apostrophe: boolean): void {
    const word = this.text.slice(from, to);
    this.latinWords.push(apostrophe ? word.replace(/'/g, '') : word);
  }
}

/** `cut` over units[from, to), without making a string: the pieces are given to `visit` as ranges. */
export function cutUnits(units: Uint16Array, from: number, to: number, visit: PieceVisitor): void {
  for (let i = from; i < to; ) {
    if (isWordChar(units[i]!)) {
      let end = wordEnd(units, i + 1, to);
      let apostrophe = false;
      // Apostrophes count only with word characters after them (rock'n'roll, not dogs').
      for (let k = end; k < to && units[k] === APOSTROPHE; ) {
        while (k < to && units[k] === APOSTROPHE) k++;
        if (k === to || !isWordChar(units[k]!)) break;
        apostrophe = true;
        end = k = wordEnd(units, k + 1, to);
      }
      visit.word(i, end, apostrophe);
      i = end;
      continue;
    }
    let end = i;
    for (let size = hanSize(units, end, to); size > 0; size = hanSize(units, end, to)) end += size;
    if (end > i) visit.run(i, end);
    i = end > i ? end : i + 1;
  }
}

const APOSTROPHE = 0x27;

function isWordChar(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39);
}

function wordEnd(units: Uint16Array, from: number, to: number): number {
  let i = from;
  while (i < to && isWordChar(units[i]!)) i++;
  return i;
}

/** How many units the hanzi at `i` takes (2 beyond the BMP), 0 when it is no hanzi. */
function hanSize(units: Uint16Array, i: number, to: number): number {
  if (i >= to) return 0;
  const c = units[i]!;
  if ((c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff)) return 1;
  if (c < 0xd800 || c > 0xdbff || i + 1 >= to) return 0;
  const low = units[i + 1]!;
  if (low < 0xdc00 || low > 0xdfff) return 0;
  const cp = ((c - 0xd800) << 10) + (low - 0xdc00) + 0x10000;
  return cp >= 0x20000 && cp <= 0x3134f ? 2 : 0;
}

const STOPWORDS = new Set(
  'a an the my me i im is are am be do does did to of for in at can could please pls plz want would like id it its this that with by have has you your we our us how what whats when where why there some any just'.split(
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
