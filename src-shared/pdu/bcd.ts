/**
 * Timestamps and periods store two decimal digits per octet with the nibbles swapped:
 * 25 is written 0x52. This table maps an octet to 0..99, or -1 when a nibble is not a digit.
 */
const SWAPPED_BCD = new Int8Array(256).fill(-1);
for (let tens = 0; tens < 10; tens++) {
  for (let units = 0; units < 10; units++) SWAPPED_BCD[(units << 4) | tens] = tens * 10 + units;
}

export function fromSwappedBcd(octet: number): number {
  return SWAPPED_BCD[octet]!;
}

/** 0..99 → swapped-BCD octet. */
export function toSwappedBcd(value: number): number {
  return ((value % 10) << 4) | ((value / 10) | 0);
}
