import { unitsToString } from './strings';

/**
 * ignoreBOM keeps a leading U+FEFF as text instead of eating it. Absent where the runtime lacks the
 * label (a Node build without ICU); the exact path then serves all.
 */
const utf16be = (() => {
  try {
    return new TextDecoder('utf-16be', { ignoreBOM: true });
  } catch {
    return null;
  }
})();

/**
 * Big-endian UTF-16 octets → text; `end - start` is even. A part that starts with a low surrogate
 * or ends with a high one is a pair another sender split across parts: those halves are kept so the
 * pair rejoins when the parts are joined. TextDecoder would turn them into U+FFFD, so such parts take
 * the exact path. (An unpaired half inside a part is malformed and TextDecoder shows U+FFFD.)
 */
export function ucs2ToText(bytes: Uint8Array, start: number, end: number): string {
  if (end === start) return '';
  const first = bytes[start]!;
  const last = bytes[end - 2]!;
  const splitPair = (first >= 0xdc && first <= 0xdf) || (last >= 0xd8 && last <= 0xdb);
  if (utf16be && !splitPair) return utf16be.decode(bytes.subarray(start, end));
  const units = new Array<number>((end - start) >> 1);
  for (let i = 0, at = start; at < end; i++, at += 2) units[i] = (bytes[at]! << 8) | bytes[at + 1]!;
  return unitsToString(units);
}

/** Writes `text` as big-endian UTF-16 at `start`; returns the octets written. */
export function writeUcs2(text: string, out: Uint8Array, start: number): number {
  for (let i = 0, at = start; i < text.length; i++, at += 2) {
    const unit = text.charCodeAt(i);
    out[at] = unit >> 8;
    out[at + 1] = unit & 0xff;
  }
  return text.length * 2;
}

export function isHighSurrogate(unit: number): boolean {
  return unit >= 0xd800 && unit <= 0xdbff;
}

export function isLowSurrogate(unit: number): boolean {
  return unit >= 0xdc00 && unit <= 0xdfff;
}
