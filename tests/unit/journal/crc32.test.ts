import { crc32 as zlibCrc32 } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { crc32, crc32Hex } from '../../../src-shared/crc32';

const utf8 = (s: string) => new TextEncoder().encode(s);

describe('crc32 (CRC-32/IEEE)', () => {
  it.each([
    ['', '00000000'],
    ['a', 'e8b7be43'],
    ['abc', '352441c2'],
    ['123456789', 'cbf43926'],
    ['message digest', '20159d7f'],
    ['The quick brown fox jumps over the lazy dog', '414fa339'],
    ['中国移动 10086', 'b4c6d3c3'],
  ])('%j → %s', (input, hex) => {
    expect(crc32Hex(utf8(input))).toBe(hex);
    expect(crc32(utf8(input))).toBe(parseInt(hex, 16));
  });

  it.each([
    [new Uint8Array(32), '190a55ad'],
    [new Uint8Array(32).fill(0xff), 'ff6cab0b'],
  ])('binary vector %#', (bytes, hex) => {
    expect(crc32Hex(bytes)).toBe(hex);
  });

  it('agrees with zlib on arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 512 }), (bytes) => {
        expect(crc32(bytes)).toBe(zlibCrc32(bytes));
      }),
    );
  });
});
