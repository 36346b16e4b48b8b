import { PduError } from './errors';
import type { Concat } from './types';

const IEI_CONCAT_8BIT = 0x00;
const IEI_CONCAT_16BIT = 0x08;
const CONCAT_8BIT_LENGTH = 3;
const CONCAT_16BIT_LENGTH = 4;

/** Octets a concatenation UDH takes, its length octet (UDHL) included. */
export function concatUdhOctets(refBits: 8 | 16): number {
  return 3 + (refBits === 16 ? CONCAT_16BIT_LENGTH : CONCAT_8BIT_LENGTH);
}

/**
 * Walks the information elements in `bytes[start, end)` (after the UDHL octet) and returns the
 * concatenation element, if any. Other elements are skipped; each must fit inside the header.
 */
export function parseUdh(bytes: Uint8Array, start: number, end: number): Concat | null {
  let concat: Concat | null = null;
  let at = start;
  while (at < end) {
    if (at + 2 > end) throw badUdh(at, '信息元素头不完整', 'incomplete information element header');
    const iei = bytes[at]!;
    const length = bytes[at + 1]!;
    const body = at + 2;
    if (body + length > end) {
      throw badUdh(at, '信息元素超出用户数据头', 'information element runs past the header');
    }
    if (iei === IEI_CONCAT_8BIT || iei === IEI_CONCAT_16BIT) {
      const is16 = iei === IEI_CONCAT_16BIT;
      if (length !== (is16 ? CONCAT_16BIT_LENGTH : CONCAT_8BIT_LENGTH)) {
        throw badUdh(at, '长短信信息元素长度错误', 'concatenation element has the wrong length');
      }
      const ref = is16 ? (bytes[body]! << 8) | bytes[body + 1]! : bytes[body]!;
      const total = bytes[body + length - 2]!;
      const part = bytes[body + length - 1]!;
      // TS 23.040 9.2.3.24.1: a zero count or a sequence number past the count voids the element.
      // A repeated element: the last occurrence wins.
      concat = total === 0 || part === 0 || part > total ? null : { ref, part, total, refBits: is16 ? 16 : 8 };
    }
    at = body + length;
  }
  return concat;
}

function badUdh(offset: number, zh: string, en: string): PduError {
  return new PduError('pdu.bad-udh', 'udh', offset, { zh, en });
}

/** Writes UDHL + the concatenation element at `start`; returns the octets written. */
export function writeConcatUdh(concat: Concat, out: Uint8Array, start: number): number {
  const is16 = concat.refBits === 16;
  const length = is16 ? CONCAT_16BIT_LENGTH : CONCAT_8BIT_LENGTH;
  let at = start;
  out[at++] = 2 + length;
  out[at++] = is16 ? IEI_CONCAT_16BIT : IEI_CONCAT_8BIT;
  out[at++] = length;
  if (is16) out[at++] = (concat.ref >> 8) & 0xff;
  out[at++] = concat.ref & 0xff;
  out[at++] = concat.total;
  out[at++] = concat.part;
  return at - start;
}
