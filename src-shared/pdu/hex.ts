import { PduError } from './errors';
import { asciiToString } from './strings';

/** Nibble value per character code (both cases); -1 for anything that is not a hex digit. */
const NIBBLE = new Int8Array(128).fill(-1);
for (let i = 0; i < 10; i++) NIBBLE[0x30 + i] = i;
for (let i = 0; i < 6; i++) {
  NIBBLE[0x41 + i] = 10 + i;
  NIBBLE[0x61 + i] = 10 + i;
}

/** ASCII codes of the two uppercase hex digits of every byte value, high digit first. */
const HEX_CODES = new Uint8Array(512);
const DIGITS = '0123456789ABCDEF';
for (let b = 0; b < 256; b++) {
  HEX_CODES[b * 2] = DIGITS.charCodeAt(b >> 4);
  HEX_CODES[b * 2 + 1] = DIGITS.charCodeAt(b & 15);
}

/**
 * Reused buffers: allocating a typed array costs more than decoding a whole PDU into it. Callers
 * copy out what they keep before the next call, and nothing here is re-entrant.
 */
const SCRATCH_OCTETS = 512;
const octetScratch = new Uint8Array(SCRATCH_OCTETS);
const charScratch = new Uint8Array(SCRATCH_OCTETS * 2);

export function hexToBytes(hex: string): Uint8Array {
  return fillFromHex(hex, new Uint8Array(hex.length >> 1));
}

/** Like hexToBytes, but into a shared buffer that the next call overwrites. */
export function hexToScratch(hex: string): Uint8Array {
  const octets = hex.length >> 1;
  return fillFromHex(hex, octets <= SCRATCH_OCTETS ? octetScratch.subarray(0, octets) : new Uint8Array(octets));
}

function fillFromHex(hex: string, out: Uint8Array): Uint8Array {
  const length = hex.length;
  if (length % 2 !== 0) throw new PduError('pdu.odd-hex', 'hex', length);
  for (let i = 0; i < length; i += 2) {
    const c1 = hex.charCodeAt(i);
    const c2 = hex.charCodeAt(i + 1);
    const hi = c1 < 128 ? NIBBLE[c1]! : -1;
    const lo = c2 < 128 ? NIBBLE[c2]! : -1;
    if (hi < 0 || lo < 0) throw new PduError('pdu.bad-hex', 'hex', hi < 0 ? i : i + 1);
    out[i >> 1] = (hi << 4) | lo;
  }
  return out;
}

/** Uppercase hex of `bytes[start, end)`. */
export function bytesToHex(bytes: Uint8Array, start = 0, end = bytes.length): string {
  const count = end - start;
  const chars = count <= SCRATCH_OCTETS ? charScratch : new Uint8Array(count * 2);
  for (let i = 0; i < count; i++) {
    const at = bytes[start + i]! * 2;
    chars[i * 2] = HEX_CODES[at]!;
    chars[i * 2 + 1] = HEX_CODES[at + 1]!;
  }
  return asciiToString(chars, 0, count * 2);
}
