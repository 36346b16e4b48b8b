import { fold } from '../search/fold';

/**
 * Reply text in the one form the rules are written for (see `fold`), with, for every folded
 * character, where it came from, so a figure can point back at the exact original text.
 */
export interface Folded {
  text: string;
  /** origin[i] = offset in the original of folded char i; origin[text.length] = original length. */
  origin: number[];
  /** Original ranges left out of the folded text (the "(1/2)" between two parts of one reply). */
  cuts?: [number, number][];
}

const memo = new Map<string, string>();
/** The same memo by char code for characters of one UTF-16 unit (nearly all of a reply): an array read, no string hash. */
const byCode: (string | undefined)[] = new Array<string | undefined>(0x10000);

/**
 * Characters `fold` keeps because they are Simplified too, but that a Traditional reply writes for another: 於 is 于 there
 * (餘額已少於15元, 將於, 約等於), and the rules are written with 于.
 */
const TRADITIONAL_ONLY: Record<string, string> = { 於: '于' };

function foldChar(ch: string): string {
  if (ch.length === 1) {
    const code = ch.charCodeAt(0);
    let out = byCode[code];
    if (out === undefined) byCode[code] = out = TRADITIONAL_ONLY[ch] ?? fold(ch);
    return out;
  }
  let out = memo.get(ch);
  if (out === undefined) {
    out = TRADITIONAL_ONLY[ch] ?? fold(ch);
    memo.set(ch, out);
  }
  return out;
}

export function foldWithOrigin(original: string): Folded {
  let text = '';
  const origin: number[] = [];
  let at = 0;
  for (const ch of original) {
    // ASCII only needs lower-casing; most of a reply's digits and punctuation take this path.
    const code = ch.charCodeAt(0);
    const f = code < 0x80 ? (code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : ch) : foldChar(ch);
    for (let i = 0; i < f.length; i++) origin.push(at);
    text += f;
    at += ch.length;
  }
  origin.push(at);
  return { text, origin };
}

export interface Span {
  /** Offsets into the original text. */
  start: number;
  end: number;
  /** The original text, verbatim but for a part mark cut out of it ("(2/2)" inside a number). */
  text: string;
}

/** The original text behind folded offsets [start, end). */
export function spanOf(original: string, folded: Folded, start: number, end: number): Span {
  const s = folded.origin[start]!;
  // The end maps to where the last folded char's source ends, even if NFKC widened that char.
  let e = end > start ? nextOrigin(folded, end - 1) : s;
  // A cut right after the span is not part of it.
  const last = end > start ? folded.origin[end - 1]! : s;
  for (const [from] of folded.cuts ?? []) if (from > last && from < e) e = from;
  // A cut inside the span ("7.5\n(2/2)GB", a number cut across two parts) is left out of its text.
  let text = original.slice(s, e);
  for (const [from, to] of [...(folded.cuts ?? [])].reverse()) if (from > s && to <= e) text = text.slice(0, from - s) + text.slice(to - s);
  return { start: s, end: e, text };
}

/** The folded text without the ranges these patterns match (each kept as a cut of the original). */
export function withoutMatches(folded: Folded, patterns: RegExp[], matches: (re: RegExp, text: string) => RegExpExecArray[]): Folded {
  const ranges = patterns.flatMap((re) => matches(re, folded.text).map((m): [number, number] => [m.index, m.index + m[0].length]));
  if (ranges.length === 0) return folded;
  ranges.sort((a, b) => a[0] - b[0]);
  let text = '';
  const origin: number[] = [];
  const cuts: [number, number][] = [];
  let at = 0;
  for (const [from, to] of ranges) {
    if (to <= at) continue;
    const start = Math.max(from, at);
    text += folded.text.slice(at, start);
    origin.push(...folded.origin.slice(at, start));
    cuts.push([folded.origin[start]!, folded.origin[to]!]);
    at = to;
  }
  text += folded.text.slice(at);
  origin.push(...folded.origin.slice(at));
  return { text, origin, cuts };
}

function nextOrigin(folded: Folded, i: number): number {
  const here = folded.origin[i]!;
  let j = i + 1;
  while (folded.origin[j] === here) j++;
  return folded.origin[j]!;
}
