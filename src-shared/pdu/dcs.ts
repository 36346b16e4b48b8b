import { PduError } from './errors';
import type { Encoding } from './types';

const DCS_FOR: Record<Encoding, number> = { gsm7: 0x00, '8bit': 0x04, ucs2: 0x08 };

/** TP-DCS for plain text in `encoding`: general data coding, no message class, uncompressed. */
export function dcsFor(encoding: Encoding): number {
  return DCS_FOR[encoding];
}

/**
 * TP-DCS → alphabet (TS 23.038 chapter 4). Reserved codings count as the GSM 7-bit default
 * alphabet, as the standard tells receivers to assume.
 */
export function encodingOfDcs(dcs: number, offset: number): Encoding {
  const group = dcs >> 4;
  if (group <= 0x7) {
    if (dcs & 0x20) throw new PduError('pdu.unsupported', 'dcs', offset, { zh: '压缩文本', en: 'compressed text' });
    const alphabet = (dcs >> 2) & 0x3;
    return alphabet === 1 ? '8bit' : alphabet === 2 ? 'ucs2' : 'gsm7';
  }
  if (group === 0xe) return 'ucs2';
  if (group === 0xf) return dcs & 0x04 ? '8bit' : 'gsm7';
  return 'gsm7';
}
