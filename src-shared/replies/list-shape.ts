// What makes any list a list, whatever its words: markers of one style counting up (1、2、 / 1. 2. / (1)(2) / ①② /
// 一、二、 / [1][2] / a number at each line's start), the items between them, the words that lead into it and the words
// after it. The list is then one of: a menu (choices to reply with), the services the number pays for (with fees, maybe
// cancelled by number), or neither (bill items, pools, tariffs, steps of a promotion), which stays figures or nothing.
// The cue-led readers (menus.ts, service-list.ts) read the shapes they know; this one finds the lists they miss.
import type { ReplyRules } from './load';
import { spanOf, type Folded } from './normalize';
import { allMatches, firstMatch } from './regex';

export interface ListMarker {
  at: number;
  end: number;
  n: number;
  /** The number as it is sent back: ① is 1, 一 is 1, 101 is 101. */
  sent: string;
  /** "1.10元包1GB": a number and a dot before a digit, maybe a decimal ("语音费 3.20元"): taken only when no other will do. */
  weak?: boolean;
}

export interface ListRun {
  /** How its numbers are written ("1、", "(1)", "①", "line"…): one list keeps one style. */
  style: string;
  markers: ListMarker[];
  /** Folded [from, to) of each item's words, separators trimmed. */
  items: [number, number][];
  /** The words before the first marker in its sentence (or the line before a list on lines). */
  lead: [number, number];
  /** The words after the last item, to the end of the next sentence. */
  trail: [number, number];
}

export type ListKind = 'menu' | 'services' | 'none';

/** One style of marker: the pattern (group n), whether its n is written in Han numerals. */
interface Style {
  name: string;
  re: RegExp;
  han?: boolean;
}

/** Edges a marker written after a word must follow (a decimal 1.5 or 套餐1、 is none). */
const STYLES: Style[] = [
  { name: '(1)', re: /\((?<n>\d{1,3})\)/gdu },
  { name: '[1]', re: /\[(?<n>\d{1,3})\]/gdu },
  { name: '【1】', re: /【(?<n>\d{1,3})】/gdu },
  { name: '一、', re: /(?<![一二三四五六七八九十])(?<n>[一二三四五六七八九十]{1,3})[、.]/gdu, han: true },
  { name: '1、', re: /(?<![\d.])(?<n>\d{1,3})、/gdu },
  // "1.查余额": never a decimal (1.5GB); before a digit ("1.10元包1GB") only after an edge.
  { name: '1.', re: /(?<![\d.a-z])(?<n>\d{1,3})\.(?!\d)|(?<=^|[\s:;,。、)】!?])(?<n2>\d{1,3})\.(?=\d)(?!\d+\s*(?:元|[gmk]b?|分钟|条|%)(?:\/|[\s;,。)]|$))/gdu },
  { name: '1)', re: /(?<=^|[\s:;,。、】!?\p{Script=Han}])(?<![(\d])(?<n>\d{1,3})\)/gdu },
  { name: '1-', re: /(?<=^|[\s:;,。、】])(?<n>\d{1,3})\s*(?:-|—{1,2}|–)(?=\s*[^\d\s\-—–])/gdu },
  { name: '1:', re: /(?<=^|[\s;,。、】])(?<n>\d{1,3}):(?=\s*\p{Script=Han})/gdu },
  { name: 'line', re: /(?<=^|\n)[ \t\u3000]*(?<n>\d{1,3})[ \t\u3000]+(?=\S)/gdu },
  { name: '1 ', re: /(?<=^|[\s:;,。、])(?<n>\d{1,3})[ \t\u3000]+(?=\p{Script=Han}|【)/gdu },
];

const HAN = '一二三四五六七八九';
function hanValue(written: string): number {
  const digit = (c: string | undefined) => (c ? HAN.indexOf(c) + 1 : 0);
  if (!written.includes('十')) return digit(written);
  const [tens, ones] = written.split('十');
  return (tens ? digit(tens) : 1) * 10 + digit(ones);
}

/** How far apart two markers of one list may stand (an item's words), and how far its lead and trail reach. */
const MAX_ITEM = 90;
const REACH = 80;

function markersOf(original: string, folded: Folded): Map<string, ListMarker[]> {
  const text = folded.text;
  const byStyle = new Map<string, ListMarker[]>();
  for (const style of STYLES) {
    const found: ListMarker[] = [];
    for (const m of allMatches(style.re, text)) {
      const g = m.indices?.groups;
      const at = g?.n ?? g?.n2;
      if (!at) continue;
      const written = text.slice(at[0], at[1]);
      const n = style.han ? hanValue(written) : Number(written);
      found.push({ at: m.index, end: m.index + m[0].length, n, sent: String(n), ...(g?.n2 ? { weak: true } : {}) });
    }
    byStyle.set(style.name, found);
  }
  // ①…⑳ fold to digits: found in the original, one marker per circled character.
  const circled: ListMarker[] = [];
  for (let i = 0; i < text.length; i++) {
    const code = original.codePointAt(folded.origin[i]!) ?? 0;
    if (code < 0x2460 || code > 0x2473 || (i > 0 && folded.origin[i - 1] === folded.origin[i])) continue;
    let end = i + 1;
    while (end < text.length && folded.origin[end] === folded.origin[i]) end++;
    circled.push({ at: i, end, n: code - 0x2460 + 1, sent: String(code - 0x2460 + 1) });
  }
  byStyle.set('①', circled);
  return byStyle;
}

/** Runs of one style counting up by one (from any number: 0, 1, 101), two markers at least, each item not too long. */
function runsOf(style: string, markers: ListMarker[]): ListMarker[][] {
  const runs: ListMarker[][] = [];
  const used = new Set<ListMarker>();
  for (const first of markers) {
    if (used.has(first)) continue;
    const run = [first];
    for (;;) {
      const last = run.at(-1)!;
      const inReach = markers.filter((m) => m.at >= last.end && m.n === last.n + 1 && m.at - last.end <= (style === 'line' ? MAX_ITEM * 2 : MAX_ITEM));
      const next = inReach.find((m) => !m.weak) ?? inReach[0];
      if (!next) break;
      run.push(next);
    }
    // "剩余国内流量 1.15GB，剩余省内流量 2.56GB": numbers that may all be decimals make no list.
    if (run.length < 2 || run.every((m) => m.weak)) continue;
    // "1.查话费 2.查流量 0.人工服务": a 0 after a run from 1 is its last option (a way out or to a person).
    const last = run.at(-1)!;
    const zero = run[0]!.n === 1 ? markers.find((m) => m.n === 0 && m.at >= last.end && m.at - last.end <= MAX_ITEM) : undefined;
    if (zero && !markers.some((m) => m.at > last.end && m.at < zero.at && m.n === last.n + 1)) run.push(zero);
    run.forEach((m) => used.add(m));
    runs.push(run);
  }
  return runs;
}

/** Where the last item's words end: a sentence or a line, a semicolon, or a clause that turns to what to do. */
const LAST_ITEM_END = /[。!?\n;]|[,\s]\s*(?=回[复覆]|请|如需|如要|若需|如不需|发送|退订|取消|详询|详情|更多|感谢|谢谢|以上|点击|登录|【)|【|$/u;

/**
 * Lines with no number that each end with a fee ("彩铃 5元/月"), two or more in a row: a list whose entries have no number
 * to send (style "bare", n NaN, sent '').
 */
function bareLines(text: string, fee: RegExp): ListMarker[][] {
  const runs: ListMarker[][] = [];
  let run: ListMarker[] = [];
  let at = 0;
  for (const line of text.split('\n')) {
    const words = line.replace(/[\s;,。.]+$/u, '');
    const last = allMatches(fee, words).at(-1);
    const endsWithFee = last !== undefined && last.index > 0 && last.index + last[0].length === words.length && line.trim().length <= MAX_ITEM;
    if (endsWithFee) run.push({ at, end: at + line.length - line.trimStart().length, n: NaN, sent: '' });
    else {
      if (run.length >= 2) runs.push(run);
      run = [];
    }
    at += line.length + 1;
  }
  if (run.length >= 2) runs.push(run);
  return runs;
}

/** Every list in the text, longest first; a list overlapping a longer one is dropped. */
export function findRuns(original: string, folded: Folded, fee?: RegExp): ListRun[] {
  const text = folded.text;
  const candidates: { style: string; markers: ListMarker[] }[] = [];
  for (const [style, markers] of markersOf(original, folded)) for (const run of runsOf(style, markers)) candidates.push({ style, markers: run });
  if (fee && text.includes('\n')) for (const run of bareLines(text, fee)) candidates.push({ style: 'bare', markers: run });
  candidates.sort((a, b) => b.markers.length - a.markers.length || a.markers[0]!.at - b.markers[0]!.at);
  const kept: ListRun[] = [];
  for (const c of candidates) {
    const from = c.markers[0]!.at;
    // "1、彩铃 5元/月，退订回复QXCL；2、…": when every other item goes on after a comma, so does the last.
    const inClauses = c.markers.slice(0, -1).every((m, i) => /,/u.test(text.slice(m.end, c.markers[i + 1]!.at).replace(/[\s,;、]+$/u, '')));
    const items: [number, number][] = c.markers.map((m, i) => {
      const next = c.markers[i + 1];
      if (next) return trimmed(text, m.end, next.at);
      const rest = text.slice(m.end, m.end + MAX_ITEM);
      const stop = rest.search(inClauses || c.style === 'bare' ? /[。!?\n;]|$/u : LAST_ITEM_END);
      return trimmed(text, m.end, m.end + (stop < 0 ? rest.length : stop));
    });
    const to = Math.max(items.at(-1)![1], c.markers.at(-1)!.end);
    if (kept.some((k) => from < k.trail[0] && to > k.markers[0]!.at)) continue;
    kept.push({ style: c.style, markers: c.markers, items, lead: leadOf(text, from), trail: trailOf(text, to) });
  }
  return kept.sort((a, b) => a.markers[0]!.at - b.markers[0]!.at);
}

function trimmed(text: string, from: number, to: number): [number, number] {
  let a = from;
  let b = to;
  while (a < b && /[\s:]/u.test(text[a]!)) a++;
  while (b > a && /[\s;,、。.!]/u.test(text[b - 1]!)) b--;
  return [a, b];
}

/** The sentence before the first marker; for a list on lines, the line before it too ("…如下：\n1、…"). */
function leadOf(text: string, at: number): [number, number] {
  let from = at;
  while (from > 0 && at - from < REACH && !/[。!?】]/u.test(text[from - 1]!)) {
    if (text[from - 1] === '\n' && text.slice(from, at).trim() !== '') break;
    from--;
  }
  return [from, at];
}

/** The words after the list, to the end of the sentence after its own. */
function trailOf(text: string, at: number): [number, number] {
  let to = at;
  let ends = 0;
  while (to < text.length && to - at < REACH) {
    if (/[。!?\n]/u.test(text[to]!) && text.slice(at, to).trim() !== '' && ++ends === 2) break;
    to++;
  }
  return [at, to];
}

const says = (patterns: RegExp[], words: string) => patterns.some((re) => firstMatch(re, words) !== null);

/**
 * A menu when its lead or trail says to reply with (or send) one of its numbers; services when its lead says they are the
 * customer's own (已订购, 正在使用, 包月) and not offered, and its items end with fees or the trail says a number cancels;
 * else none (a bill's lines, pools, a tariff, steps).
 */
export function classifyRun(run: ListRun, folded: Folded, rules: ReplyRules): ListKind {
  const text = folded.text;
  const lead = text.slice(...run.lead);
  const trail = text.slice(...run.trail);
  const words = rules.lists;
  const fees = run.items.filter(([from, to]) => allMatches(rules.services.fee, text.slice(from, to)).length > 0).length;
  const offered = says(words.offers, lead);
  const cancels = says(words.cancels, trail) || says(words.cancels, lead);
  if (says(words.subscribed, lead) && !offered && (2 * fees >= run.items.length || cancels)) return 'services';
  if (cancels && fees === run.items.length && !offered) return 'services';
  if (says(words.choose, lead) || says(words.choose, trail)) return 'menu';
  return 'none';
}

/** The words that said to choose (回复序号办理), as written, for a menu's `cue`. */
export function chooseCue(original: string, folded: Folded, run: ListRun, rules: ReplyRules): string | null {
  for (const range of [run.lead, run.trail]) {
    const words = folded.text.slice(...range);
    for (const re of rules.lists.choose) {
      const m = firstMatch(re, words);
      if (m) return spanOf(original, folded, range[0] + m.index, range[0] + m.index + m[0].length).text;
    }
  }
  return null;
}
