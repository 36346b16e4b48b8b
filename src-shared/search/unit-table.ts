import { room } from './growable';

// As a 32-bit signed integer, as Math.imul gives and the hash column keeps: the hash of no units too.
const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

/** The hash `UnitTable` files keys by, of units[from, to). */
export function hashUnits(units: Uint16Array, from: number, to: number): number {
  let h = FNV_OFFSET;
  for (let i = from; i < to; i++) h = Math.imul(h ^ units[i]!, FNV_PRIME);
  return h;
}

/** hashUnits, one unit at a time: `hashed(hashed(START, a), b)` is the hash of [a, b]. */
export const HASH_START = FNV_OFFSET;
export function hashed(h: number, unit: number): number {
  return Math.imul(h ^ unit, FNV_PRIME);
}

/**
 * Distinct strings of UTF-16 units, numbered in the order added, their units end to end in one
 * pool. A catalog's texts are looked up here by the units they fold to, straight from a scratch
 * buffer: no string is made for a text met before, nor a joined string key for its pieces, and
 * the collector has no string or map entry per text to walk.
 */
export class UnitTable {
  /** The keys' units, end to end: key k is units[start[k], start[k] + length[k]). */
  private units = new Uint16Array(1 << 12);
  private used = 0;
  private start = new Int32Array(1 << 8);
  private length = new Int32Array(1 << 8);
  private hash = new Int32Array(1 << 8);
  /** Open addressing: a key's number + 1 in the first free slot from its hash on; 0 is free. */
  private slots = new Int32Array(1 << 9);
  size = 0;

  /** The number of the key units[from, to) with hash `h` (hashUnits), or -1. */
  find(units: Uint16Array, from: number, to: number, h: number): number {
    const mask = this.slots.length - 1;
    const n = to - from;
    for (let s = h & mask; ; s = (s + 1) & mask) {
      const k = this.slots[s]! - 1;
      if (k < 0) return -1;
      if (this.hash[k] !== h || this.length[k] !== n) continue;
      const at = this.start[k]! - from;
      const pool = this.units;
      let i = from;
      while (i < to && pool[at + i] === units[i]) i++;
      if (i === to) return k;
    }
  }

  /** Adds units[from, to) (hash `h`), which `find` did not find; returns its number. */
  add(units: Uint16Array, from: number, to: number, h: number): number {
    const k = this.size++;
    if (k === this.start.length) {
      this.start = room(this.start, k + 1);
      this.length = room(this.length, k + 1);
      this.hash = room(this.hash, k + 1);
    }
    const n = to - from;
    const pool = (this.units = room(this.units, this.used + n));
    for (let i = 0; i < n; i++) pool[this.used + i] = units[from + i]!;
    this.start[k] = this.used;
    this.length[k] = n;
    this.hash[k] = h;
    this.used += n;
    // Kept at most half full, so a miss ends soon.
    if (2 * this.size > this.slots.length) this.rehash();
    else this.place(k);
    return k;
  }

  /** The number of a key given as a string, or -1. */
  findText(text: string): number {
    const units = new Uint16Array(text.length);
    for (let i = 0; i < text.length; i++) units[i] = text.charCodeAt(i);
    return this.find(units, 0, units.length, hashUnits(units, 0, units.length));
  }

  /** Key k as a string. */
  text(k: number): string {
    return unitsText(this.units, this.start[k]!, this.start[k]! + this.length[k]!);
  }

  private place(k: number): void {
    const mask = this.slots.length - 1;
    let s = this.hash[k]! & mask;
    while (this.slots[s] !== 0) s = (s + 1) & mask;
    this.slots[s] = k + 1;
  }

  private rehash(): void {
    this.slots = new Int32Array(this.slots.length * 2);
    for (let k = 0; k < this.size; k++) this.place(k);
  }
}

/** A string of units[from, to) (in pieces: a call takes a limited number of arguments). */
export function unitsText(units: Uint16Array, from: number, to: number): string {
  let out = '';
  for (let at = from; at < to; at += 4096) out += String.fromCharCode.apply(null, units.subarray(at, Math.min(to, at + 4096)) as unknown as number[]);
  return out;
}
