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
