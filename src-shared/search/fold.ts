import { HANT_TO_HANS_PAIRS } from './tables/hant-to-hans.generated';

let hantToHans: Map<string, string> | undefined;
let firstHant: Map<string, string> | undefined;

function table(): Map<string, string> {
  if (!hantToHans) {
    hantToHans = new Map();
    const chars = [...HANT_TO_HANS_PAIRS];
    for (let i = 0; i + 1 < chars.length; i += 2) hantToHans.set(chars[i]!, chars[i + 1]!);
  }
  return hantToHans;
}

let hansCode: Uint16Array | undefined;

/** The table by UTF-16 code unit (every character in it is one): 0 where a character stays as it is. */
function codeTable(): Uint16Array {
  if (!hansCode) {
    // Read by code unit straight from the pairs (no Map on the way): the first fold of a new index pays for it.
    hansCode = new Uint16Array(0x10000);
    for (let i = 0; i + 1 < HANT_TO_HANS_PAIRS.length; i += 2) hansCode[HANT_TO_HANS_PAIRS.charCodeAt(i)] = HANT_TO_HANS_PAIRS.charCodeAt(i + 1);
  }
  return hansCode;
}

/**
 * The one canonical form every string is compared in: NFKC (full-width letters and digits become
 * ASCII), lower case, Traditional folded into Simplified character by character.
 */
export function fold(text: string): string {
  // Plain ASCII (codes, English) needs only lower case: NFKC leaves it as it is, the table has no Latin.
  if (isAscii(text)) return text.toLowerCase();
  const t = codeTable();
  const s = nfkcLower(text);
  // Most text is Simplified already: it is returned as it is, and otherwise copied in slices
  // between the characters that change (a catalog of 12,000 entries folds 70,000 texts).
  let i = 0;
  while (i < s.length && t[s.charCodeAt(i)] === 0) i++;
  if (i === s.length) return s;
  // Written out as one flat string (not joined from slices), which a Map hashes without first copying it flat.
  if (s.length > FLAT_LIMIT) {
    let out = '';
    let from = 0;
    for (; i < s.length; i++) {
      const to = t[s.charCodeAt(i)]!;
      if (to === 0) continue;
      out += s.slice(from, i) + String.fromCharCode(to);
      from = i + 1;
    }
    return out + s.slice(from);
  }
  const codes = new Uint16Array(s.length);
  for (let k = 0; k < s.length; k++) {
    const c = s.charCodeAt(k);
    codes[k] = t[c] || c;
  }
  return String.fromCharCode.apply(null, codes as unknown as number[]);
}

let unitFold: Uint16Array | undefined;

/**
 * What `fold` makes of each UTF-16 unit that folds alone, whatever surrounds it (ASCII, CJK
 * Unified Ideographs, 、。 and full-width ASCII: lower case, Simplified); 0 for a unit that needs
 * the text's whole `normalize` (and for U+0000). A text of such units folds unit by unit, so the
 * index build folds, hashes and cuts a text in one pass without making a string of it.
 */
export function foldUnitTable(): Uint16Array {
  if (!unitFold) {
    const t = codeTable();
    unitFold = new Uint16Array(0x10000);
    const put = (c: number, to: number) => (unitFold![c] = t[to] || to);
    for (let c = 1; c < 0x80; c++) put(c, c >= 0x41 && c <= 0x5a ? c + 0x20 : c);
    for (let c = 0x4e00; c <= 0x9fff; c++) put(c, c);
    put(0x3001, 0x3001);
    put(0x3002, 0x3002);
    for (let c = 0xff01; c <= 0xff5e; c++) {
      const to = c - 0xfee0;
      put(c, to >= 0x41 && to <= 0x5a ? to + 0x20 : to);
    }
  }
  return unitFold;
}

/** Beyond this length a folded text is joined from slices (a call's arguments are limited). */
const FLAT_LIMIT = 1024;

function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return false;
  return true;
}

/**
 * `text.normalize('NFKC').toLowerCase()`, worked out by hand for the usual catalog text: ASCII,
 * CJK Unified Ideographs, 、 and 。 (which NFKC leaves as they are) and full-width ASCII forms
 * (which it maps to ASCII); anything else goes through `normalize`, which costs far more.
 */
function nfkcLower(text: string): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    let to: number;
    if (c < 0x80) {
      if (c < 0x41 || c > 0x5a) continue;
      to = c + 0x20;
    } else if ((c >= 0x4e00 && c <= 0x9fff) || c === 0x3001 || c === 0x3002) continue;
    else if (c >= 0xff01 && c <= 0xff5e) {
      to = c - 0xfee0;
      if (to >= 0x41 && to <= 0x5a) to += 0x20;
    } else return text.normalize('NFKC').toLowerCase();
    out += text.slice(from, i) + String.fromCharCode(to);
    from = i + 1;
  }
  return from === 0 ? text : out + text.slice(from);
}

/**
 * The first Traditional character (lowest code point) this table folds into a Simplified one:
 * 发 → 發, 关 → 關, but also 历 → 厤. Bundles name zh-Hant swaps relative to it, so a change to the
 * table is a change to the bundle format (tests/unit/bundle/format-table.test.ts).
 */
export function firstTraditional(hans: string): string | undefined {
  if (!firstHant) {
    firstHant = new Map();
    for (const [hant, simplified] of table()) if (!firstHant.has(simplified) && hant !== simplified) firstHant.set(simplified, hant);
  }
  return firstHant.get(hans);
}

export function isHan(ch: string): boolean {
  const cp = ch.codePointAt(0) ?? 0;
  return (cp >= 0x3400 && cp <= 0x9fff) || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0x20000 && cp <= 0x3134f);
}
