type Typed = Int32Array | Float64Array | Uint8Array | Uint16Array;

/**
 * The array when `size` items fit in it, or a copy with twice the room. Columns of hundreds of
 * thousands of numbers grow this way instead of as JS arrays (fewer, larger copies; nothing for
 * the collector to walk).
 */
export function room<T extends Typed>(array: T, size: number): T {
  if (size <= array.length) return array;
  const grown = new (array.constructor as new (length: number) => T)(Math.max(size, array.length * 2));
  grown.set(array as never);
  return grown;
}

/** A list of integers reused from item to item (`clear` keeps its room: an array's `length = 0` gives it back, and the next push allocates again). */
export class IntList {
  items = new Int32Array(16);
  size = 0;

  push(value: number): void {
    if (this.size === this.items.length) this.items = room(this.items, this.size + 1);
    this.items[this.size++] = value;
  }

  clear(): void {
    this.size = 0;
  }

  includes(value: number): boolean {
    for (let k = 0; k < this.size; k++) if (this.items[k] === value) return true;
    return false;
  }
}
