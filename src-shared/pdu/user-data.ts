import { encodingOfDcs } from './dcs';
import { PduError } from './errors';
import { packSeptets, septetOctets, septetsToText, textToSeptets, unpackSeptets } from './gsm7';
import { octetsToText, writeOctets } from './latin1';
import type { PduReader } from './reader';
import type { Concat, Encoding } from './types';
import { parseUdh, writeConcatUdh } from './udh';
import { ucs2ToText, writeUcs2 } from './ucs2';
import type { PduWriter } from './writer';

/** TP-UD holds 140 octets: 160 GSM septets. */
export const USER_DATA_OCTETS = 140;
export const USER_DATA_SEPTETS = 160;

export interface UserData {
  encoding: Encoding;
  text: string;
  data: Uint8Array;
  concat: Concat | null;
}

/** Septets a UDH of `octets` octets (UDHL included) occupies, fill bits included. */
function headerSeptets(octets: number): number {
  return Math.ceil((octets * 8) / 7);
}

/** Text units one part holds: septets for GSM 7-bit, UTF-16 code units for UCS2, octets for 8-bit. */
export function partCapacity(encoding: Encoding, udhOctets: number): number {
  if (encoding === 'gsm7') return USER_DATA_SEPTETS - (udhOctets && headerSeptets(udhOctets));
  const octets = USER_DATA_OCTETS - udhOctets;
  return encoding === 'ucs2' ? octets >> 1 : octets;
}

/**
 * TP-DCS is read by the caller; this reads TP-UDL and TP-UD. `lenient` (decodePdu's, only to tell what a refused part
 * says) reads what libgammu 3.2.4 reads where the strict read refuses (review46): a UDL above 140 octets / 160 septets
 * whose data are all there, a user-data header whose elements are malformed (skipped whole: no concatenation), and a
 * trailing odd UCS-2 octet (dropped). A UDL beyond the data present, or a header longer than the user data, stays
 * refused, as gammu refuses them.
 */
export function readUserData(r: PduReader, dcs: number, dcsOffset: number, hasUdh: boolean, lenient = false): UserData {
  const encoding = encodingOfDcs(dcs, dcsOffset);
  const udlAt = r.pos;
  const udl = r.byte('udl');
  const isGsm7 = encoding === 'gsm7';
  if (!lenient && udl > (isGsm7 ? USER_DATA_SEPTETS : USER_DATA_OCTETS)) throw new PduError('pdu.bad-length', 'udl', udlAt);
  const octets = isGsm7 ? septetOctets(udl) : udl;
  const bytes = r.bytes;
  const start = r.take(octets, 'ud');

  let udhOctets = 0;
  let concat: Concat | null = null;
  if (hasUdh) {
    udhOctets = octets === 0 ? 1 : bytes[start]! + 1;
    if (udhOctets > octets || (isGsm7 && headerSeptets(udhOctets) > udl)) {
      throw new PduError('pdu.bad-udh', 'udh', start, {
        zh: '头长度超出用户数据',
        en: 'header longer than the user data',
      });
    }
    concat = lenient ? concatOrNone(bytes, start + 1, start + udhOctets) : parseUdh(bytes, start + 1, start + udhOctets);
  }

  if (isGsm7) {
    const skip = hasUdh ? headerSeptets(udhOctets) : 0;
    const septets = unpackSeptets(bytes, start, skip * 7, udl - skip);
    return { encoding, text: septetsToText(septets, concat !== null && concat.part < concat.total), data: septets, concat };
  }
  const bodyStart = start + udhOctets;
  const oddOctet = encoding === 'ucs2' && (start + octets - bodyStart) % 2 !== 0;
  const end = start + octets - (lenient && oddOctet ? 1 : 0);
  if (oddOctet && !lenient) {
    throw new PduError('pdu.bad-length', 'ud', bodyStart, {
      zh: 'UCS2 数据字节数为奇数',
      en: 'odd number of UCS2 octets',
    });
  }
  const text = encoding === 'ucs2' ? ucs2ToText(bytes, bodyStart, end) : octetsToText(bytes, bodyStart, end);
  return { encoding, text, data: bytes.slice(bodyStart, end), concat };
}

/** The header's concatenation element, none when its elements are malformed (gammu's user UDH). */
function concatOrNone(bytes: Uint8Array, start: number, end: number): Concat | null {
  try {
    return parseUdh(bytes, start, end);
  } catch (e) {
    if (e instanceof PduError) return null;
    throw e;
  }
}

/**
 * Writes TP-UDL and TP-UD for one part. The text must already be representable in `encoding`
 * and fit one part (see split.ts); a part that does not fit is a caller error and is reported.
 */
export function writeUserData(w: PduWriter, text: string, encoding: Encoding, concat: Concat | null): void {
  const udlAt = w.reserve(1);
  const start = w.pos;
  const udhOctets = concat ? writeConcatUdh(concat, w.buf, start) : 0;
  let udl: number;
  let octets: number;
  if (encoding === 'gsm7') {
    const septets = textToSeptets(text);
    const skip = udhOctets && headerSeptets(udhOctets);
    udl = skip + septets.length;
    octets = septetOctets(udl);
    if (udl <= USER_DATA_SEPTETS) packSeptets(septets, w.buf, start, skip * 7);
  } else {
    const bodyOctets = encoding === 'ucs2' ? text.length * 2 : text.length;
    udl = octets = udhOctets + bodyOctets;
    if (octets <= USER_DATA_OCTETS) {
      if (encoding === 'ucs2') writeUcs2(text, w.buf, start + udhOctets);
      else writeOctets(text, w.buf, start + udhOctets);
    }
  }
  if (octets > USER_DATA_OCTETS) {
    throw new PduError('pdu.unencodable', 'text', 0, {
      zh: '正文超过一条短信的容量，请先拆分',
      en: 'the text is longer than one part holds; split it first',
    });
  }
  w.buf[udlAt] = udl;
  w.reserve(octets);
}
