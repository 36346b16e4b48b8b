import { toBytes } from './transcript';

/** Deterministic xorshift32, so a failing fuzz run replays exactly. */
export function seededRandom(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 0x1_0000_0000;
  };
}

/** Pieces of real modem output, so random input reaches the parsers and not only the garbage path. */
const PIECES = [
  '\r\n', '\r', '\n', '> ', '>', 'OK', 'ERROR', 'NO CARRIER', '+CMS ERROR: ', '+CME ERROR: ', '+CMTI: "SM",', '+CMT: ,',
  '+CDS: ', '+CREG: ', '+CLIP: "', '^RSSI:', 'RING', '+CPIN: ', ',', '"', '0891683108', '99999999999', '-', ':',
].map(toBytes);

/** One chunk of 1–6 parts, each a modem piece or up to 11 random bytes. */
export function randomModemChunk(next: () => number): Uint8Array {
  const out: number[] = [];
  const parts = 1 + Math.floor(next() * 6);
  for (let p = 0; p < parts; p++) {
    if (next() < 0.5) out.push(...PIECES[Math.floor(next() * PIECES.length)]!);
    else for (let n = Math.floor(next() * 12); n > 0; n--) out.push(Math.floor(next() * 256));
  }
  return Uint8Array.from(out);
}
