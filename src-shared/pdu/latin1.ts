import { unitsToString } from './strings';

/**
 * 8-bit data carries no character set; each octet is shown as the character with the same code
 * (U+0000..U+00FF) so text and bytes convert both ways without loss. (TextDecoder's 'latin1' is
 * really windows-1252 and would remap 0x80-0x9F.)
 */
export function octetsToText(bytes: Uint8Array, start: number, end: number): string {
  return unitsToString(Array.from(bytes.subarray(start, end)));
}

/** Index of the first character above U+00FF (not representable as 8-bit data), or -1. */
export function firstNonOctet(text: string): number {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0xff) return i;
  return -1;
}

export function writeOctets(text: string, out: Uint8Array, start: number): number {
  for (let i = 0; i < text.length; i++) out[start + i] = text.charCodeAt(i);
  return text.length;
}
