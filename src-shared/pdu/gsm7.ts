import { unitsToString } from './strings';

/** GSM 03.38 / TS 23.038 default alphabet, indexed by septet. Septet 0x1B is the escape (shown as a space). */
const DEFAULT_ALPHABET =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001bÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
  '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';

export const ESCAPE = 0x1b;

/** Extension table: septet after an escape → character. */
const EXTENSION: ReadonlyArray<readonly [number, string]> = [
  [0x0a, '\f'],
  [0x14, '^'],
  [0x28, '{'],
  [0x29, '}'],
  [0x2f, '\\'],
  [0x3c, '['],
  [0x3d, '~'],
  [0x3e, ']'],
  [0x40, '|'],
  [0x65, '€'],
];

const DECODE_DEFAULT = new Uint16Array(128);
/**
 * An escape followed by a septet with no extension character shows the default-table character
 * (TS 23.038 6.2.1.1); escape-escape is reserved and shows a space.
 */
const DECODE_EXTENSION = new Uint16Array(128);
for (let s = 0; s < 128; s++) DECODE_DEFAULT[s] = DEFAULT_ALPHABET.charCodeAt(s);
DECODE_DEFAULT[ESCAPE] = 0x20;
DECODE_EXTENSION.set(DECODE_DEFAULT);
for (const [septet, ch] of EXTENSION) DECODE_EXTENSION[septet] = ch.charCodeAt(0);

/** Every GSM character except the euro sign lies below U+0400, so a small table covers the encoder. */
const ENCODE_TABLE_SIZE = 0x400;
const EURO = 0x20ac;
const EXTENDED_FLAG = 0x100;
/** Code unit → septet, or EXTENDED_FLAG|septet for extension characters, or -1. */
const ENCODE = new Int16Array(ENCODE_TABLE_SIZE).fill(-1);
for (let s = 0; s < 128; s++) if (s !== ESCAPE) ENCODE[DEFAULT_ALPHABET.charCodeAt(s)] = s;
for (const [septet, ch] of EXTENSION) {
  if (ch !== '€') ENCODE[ch.charCodeAt(0)] = EXTENDED_FLAG | septet;
}
const EURO_SEPTET = EXTENSION.find(([, ch]) => ch === '€')![0];

function lookup(codeUnit: number): number {
  if (codeUnit < ENCODE_TABLE_SIZE) return ENCODE[codeUnit]!;
  return codeUnit === EURO ? EXTENDED_FLAG | EURO_SEPTET : -1;
}

/** Septets one code unit needs: 1, 2 for an extension character (escape + septet), 0 if not in GSM 7-bit. */
export function gsm7Cost(codeUnit: number): number {
  const code = lookup(codeUnit);
  return code < 0 ? 0 : code & EXTENDED_FLAG ? 2 : 1;
}

/** Index of the first character outside the GSM 7-bit alphabet (with extension table), or -1. */
export function firstNonGsm7(text: string): number {
  for (let i = 0; i < text.length; i++) if (lookup(text.charCodeAt(i)) < 0) return i;
  return -1;
}

/** Reused by textToSeptets: its result is packed right away, before the next call. */
const septetScratch = new Uint8Array(512);

/**
 * Text → septets (escape pairs included), in a shared buffer that the next call overwrites.
 * The caller has checked the text with `firstNonGsm7`.
 */
export function textToSeptets(text: string): Uint8Array {
  const out = text.length * 2 <= septetScratch.length ? septetScratch : new Uint8Array(text.length * 2);
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const code = lookup(text.charCodeAt(i));
    if (code & EXTENDED_FLAG) out[n++] = ESCAPE;
    out[n++] = code & 0x7f;
  }
  return out.subarray(0, n);
}

/**
 * Septets → text. A trailing lone escape has no character of its own: in a part that is not its message's last it
 * belongs to a pair the sender's segmenter split (review46 C2), so `splitPair` keeps it as SPLIT_ESCAPE for
 * joinPartTexts to read with the next part's first septet; otherwise it is dropped.
 */
export function septetsToText(septets: Uint8Array, splitPair = false): string {
  const units: number[] = [];
  for (let i = 0; i < septets.length; i++) {
    const s = septets[i]!;
    if (s !== ESCAPE) units.push(DECODE_DEFAULT[s]!);
    else if (i + 1 < septets.length) units.push(DECODE_EXTENSION[septets[++i]!]!);
    else if (splitPair) units.push(ESCAPE);
  }
  return unitsToString(units);
}

/** Ends the text of a part whose last septet is an escape split from its pair (septetsToText): U+001B, no GSM character. */
export const SPLIT_ESCAPE = String.fromCharCode(ESCAPE);

/** A part's text and the encoding it was read in (absent on a page's row stored before rows kept it: then it is no GSM 7-bit part). */
export interface PartText {
  text: string;
  encoding?: string;
}

/**
 * A message's part texts in part order joined, `null` for a missing part (shown as `missing`). A GSM 7-bit part ending
 * in SPLIT_ESCAPE is read with the next part's first septet as one pair, as the septets joined before decoding read
 * (TS 23.038 6.2.1.1, 23.040 9.2.3.24.1): `(` after it is `{`, `e` is `€`. With no next part, a next part not GSM 7-bit,
 * or one whose first character is not a default-table septet, the escape has no character. A UCS-2 or 8-bit part's
 * U+001B is a character of its text (`001B`), kept as it came (review50 F3).
 */
export function joinPartTexts(parts: readonly (PartText | null)[], missing = ''): string {
  let out = '';
  let skip = false;
  for (const [i, part] of parts.entries()) {
    if (part === null) {
      out += missing;
      skip = false;
      continue;
    }
    const own = skip ? part.text.slice(1) : part.text;
    skip = false;
    if (part.encoding !== 'gsm7' || !own.endsWith(SPLIT_ESCAPE)) {
      out += own;
      continue;
    }
    out += own.slice(0, -1);
    const next = parts[i + 1];
    const septet = next?.encoding === 'gsm7' && next.text ? lookup(next.text.charCodeAt(0)) : -1;
    if (septet >= 0 && (septet & EXTENDED_FLAG) === 0) {
      out += String.fromCharCode(DECODE_EXTENSION[septet]!);
      skip = true;
    }
  }
  return out;
}

/**
 * Septets read one character each, an escape as a space (no extension pair is joined): the i-th character is the i-th
 * septet, so a character found in the text points back to its septet (unreadable.ts hides a digit's bits).
 */
export function septetsOneByOne(septets: Uint8Array): string {
  return unitsToString(Array.from(septets, (s) => DECODE_DEFAULT[s]!));
}

/**
 * Packs septets little-endian into `out`, starting `bitOffset` bits after `start`. The target octets
 * must be zero: septets are OR-ed in.
 */
export function packSeptets(septets: Uint8Array, out: Uint8Array, start: number, bitOffset: number): void {
  let bit = bitOffset;
  for (let i = 0; i < septets.length; i++, bit += 7) {
    const at = start + (bit >> 3);
    const shift = bit & 7;
    const s = septets[i]!;
    out[at] = out[at]! | ((s << shift) & 0xff);
    if (shift > 1) out[at + 1] = s >> (8 - shift);
  }
}

/** Reads `count` septets starting `bitOffset` bits after `start`; the caller has checked the octets exist. */
export function unpackSeptets(bytes: Uint8Array, start: number, bitOffset: number, count: number): Uint8Array {
  const out = new Uint8Array(count);
  let bit = bitOffset;
  for (let i = 0; i < count; i++, bit += 7) {
    const at = start + (bit >> 3);
    const shift = bit & 7;
    let v = bytes[at]! >> shift;
    if (shift > 1) v |= bytes[at + 1]! << (8 - shift);
    out[i] = v & 0x7f;
  }
  return out;
}

/** Octets needed to hold `septets` septets. */
export function septetOctets(septets: number): number {
  return Math.ceil((septets * 7) / 8);
}
