import { firstTraditional } from '../search/fold';

/**
 * Most zh-Hant text in the catalog is its zh-Hans twin with characters swapped one for one, so a
 * bundle carries the swap table once (mostly as characters whose swap the app's own table gives)
 * and, per text, only what the table does not reproduce exactly.
 */

/** How a zh-Hant text is rebuilt: 0 = the mapped zh-Hans text; [keepHead, middle, keepTail] = mapped text with its middle replaced; a string = the text itself. */
export type HantCode = 0 | string | [number, string, number];
/** 0 = every item is its mapped zh-Hans twin (same position); otherwise one code per item. */
export type HantListCode = 0 | HantItemCode[];

export type CharMap = Map<string, string>;

export function mapChars(map: CharMap, text: string): string {
  let out = '';
  for (const ch of text) out += map.get(ch) ?? ch;
  return out;
}

export interface HantPairs {
  /** Single texts: (zh-Hans, zh-Hant). */
  texts: [string, string][];
  /** Lists, whose zh-Hant side may add, drop or reorder items. */
  lists: [readonly string[], readonly string[]][];
}

function vote(pairs: Iterable<[string, string]>): CharMap {
  const votes = new Map<string, Map<string, number>>();
  for (const [hans, hant] of pairs) {
    const [a, b] = [[...hans], [...hant]];
    if (a.length !== b.length) continue;
    a.forEach((ch, i) => {
      const tally = votes.get(ch) ?? new Map<string, number>();
      tally.set(b[i]!, (tally.get(b[i]!) ?? 0) + 1);
      votes.set(ch, tally);
    });
  }
  const map: CharMap = new Map();
  for (const [ch, tally] of [...votes].sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))) {
    const [best] = [...tally].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))[0]!;
    if (best !== ch) map.set(ch, best);
  }
  return map;
}

/**
 * The swap each zh-Hans character most often takes. Two rounds: list items are first paired by
 * position, then re-paired with the zh-Hans item they best match, so an item the zh-Hant list adds
 * does not teach the table nonsense (老 → 長) from its misaligned neighbours.
 */
export function learnCharMap({ texts, lists }: HantPairs): CharMap {
  const byPosition = lists.flatMap(([hans, hant]) => hant.flatMap((t, i): [string, string][] => (hans[i] === undefined ? [] : [[hans[i]!, t]])));
  const rough = vote([...texts, ...byPosition]);
  const byMatch = lists.flatMap(([hans, hant]) => hant.flatMap((t, i): [string, string][] => {
    const j = closestSource(rough, hans, t, i);
    return j === undefined ? [] : [[hans[j]!, t]];
  }));
  return vote([...texts, ...byMatch]);
}

/** Characters kept from the start and the end when `hant` is written as an edit of `mapped`. */
function kept(mapped: string, hant: string): [head: number, tail: number] {
  const [a, b] = [[...mapped], [...hant]];
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  return [head, tail];
}

/** The zh-Hans item `hant` is best written from: an exact match anywhere, else the most characters kept, nearest first. */
function closestSource(map: CharMap, hans: readonly string[], hant: string, at: number): number | undefined {
  let best: number | undefined;
  let bestKept = 1;
  const order = hans.map((_, j) => j).sort((x, y) => Math.abs(x - at) - Math.abs(y - at) || x - y);
  for (const j of order) {
    const mapped = mapChars(map, hans[j]!);
    if (mapped === hant) return j;
    const [head, tail] = kept(mapped, hant);
    if (head + tail > bestKept) [best, bestKept] = [j, head + tail];
  }
  return best;
}

/**
 * One entry per character, so a new character changes one entry of a delta, not one long string:
 * "关" when the swap is the first one the app's own character table gives (关 → 關), "里裡" otherwise.
 */
export function charMapToEntries(map: CharMap): string[] {
  return [...map].map(([hans, hant]) => (firstTraditional(hans) === hant ? hans : hans + hant));
}

export function charMapFromEntries(entries: readonly unknown[]): CharMap {
  const map: CharMap = new Map();
  for (const entry of entries) {
    const [hans, hant = hans === undefined ? undefined : firstTraditional(hans), ...rest] = typeof entry === 'string' ? [...entry] : [];
    if (hans === undefined || hant === undefined || hant === hans || rest.length > 0 || map.has(hans)) throw new Error(`not a character swap: ${String(entry)}`);
    map.set(hans, hant);
  }
  return map;
}

export function encodeHant(map: CharMap, hans: string | undefined, hant: string): HantCode {
  if (hans === undefined) return hant;
  const mapped = mapChars(map, hans);
  if (mapped === hant) return 0;
  const [head, tail] = kept(mapped, hant);
  // An edit costs a few bytes of its own; below two kept characters the plain text is as short.
  if (head + tail < 2) return hant;
  const chars = [...hant];
  return [head, chars.slice(head, chars.length - tail).join(''), tail];
}

export function decodeHant(map: CharMap, hans: string | undefined, code: HantCode): string {
  if (typeof code === 'string') return code;
  if (hans === undefined) throw new Error('zh-Hant code refers to a missing zh-Hans text');
  const mapped = mapChars(map, hans);
  if (code === 0) return mapped;
  const chars = [...mapped];
  const [head, middle, tail] = code;
  return chars.slice(0, head).join('') + middle + chars.slice(chars.length - tail).join('');
}

/** A list item's code, with how far its zh-Hans source sits from its own position when that is not 0. */
export type HantItemCode = HantCode | [code: Exclude<HantCode, string>, offset: number];

export function encodeHantList(map: CharMap, hans: readonly string[], hant: readonly string[]): HantListCode {
  const codes = hant.map((t, i): HantItemCode => {
    const j = closestSource(map, hans, t, i);
    if (j === undefined) return t;
    const code = encodeHant(map, hans[j], t);
    return typeof code === 'string' || j === i ? code : [code, j - i];
  });
  return codes.length === hans.length && codes.every((c) => c === 0) ? 0 : codes;
}

export function decodeHantList(map: CharMap, hans: readonly string[], code: HantListCode): string[] {
  if (code === 0) return hans.map((h) => mapChars(map, h));
  return code.map((c, i) => {
    const [inner, offset] = Array.isArray(c) && c.length === 2 ? c : [c, 0];
    return decodeHant(map, hans[i + offset], inner);
  });
}
