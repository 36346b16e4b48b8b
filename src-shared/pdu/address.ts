import { PduError, type PduField } from './errors';
import { firstNonGsm7, packSeptets, septetOctets, septetsToText, textToSeptets, unpackSeptets } from './gsm7';
import type { PduReader } from './reader';
import { asciiToString } from './strings';
import type { PduWriter } from './writer';

export const TOA_INTERNATIONAL = 0x91;
export const TOA_UNKNOWN = 0x81;
export const TOA_ALPHANUMERIC = 0xd0;

const TYPE_INTERNATIONAL = 1;
const TYPE_ALPHANUMERIC = 5;
/** TP addresses hold at most 20 digits (10 octets); the SMSC field at most 11 octets after its length. */
const MAX_DIGITS = 20;
const MAX_SMSC_OCTETS = 11;
const MAX_ALPHANUMERIC_SEPTETS = 11;
const FILLER = 0xf;
const PLUS = 0x2b;

/** Semi-octet → character; 0xA-0xE per TS 23.040 9.1.2.3, 0xF is the filler. */
const BCD_CHARS = '0123456789*#abc';

export interface Address {
  number: string;
  type: number;
}

/** TP-OA / TP-DA / TP-RA: the length counts useful semi-octets. */
export function readAddress(r: PduReader): Address {
  const at = r.pos;
  const digits = r.byte('address');
  if (digits > MAX_DIGITS) throw new PduError('pdu.bad-address', 'address', at);
  const type = r.byte('address');
  const start = r.take((digits + 1) >> 1, 'address');
  return { number: addressValue(r.bytes, start, digits, type, 'address', at), type };
}

/** SMSC field: the length counts octets, type-of-address included. */
export function readSmsc(r: PduReader): string | null {
  const at = r.pos;
  const octets = r.byte('smsc');
  if (octets === 0) return null;
  if (octets > MAX_SMSC_OCTETS) throw new PduError('pdu.bad-address', 'smsc', at);
  const type = r.byte('smsc');
  const start = r.take(octets - 1, 'smsc');
  const number = addressValue(r.bytes, start, (octets - 1) * 2, type, 'smsc', at);
  return number === '' ? null : number;
}

/** ASCII codes of the digits being decoded: '+' and up to 22 semi-octets (an 11-octet SMSC). */
const digitScratch = new Uint8Array(2 + MAX_SMSC_OCTETS * 2);

/** The type of number in a type-of-address octet (TS 23.040 9.1.2.5: bits 6-4). */
function numberTypeOf(type: number): number {
  return (type >> 4) & 7;
}

/** Whether a type-of-address octet says the address is a name in GSM 7-bit text (type of number 5), not digits. */
export function isAlphanumericAddress(type: number): boolean {
  return numberTypeOf(type) === TYPE_ALPHANUMERIC;
}

function addressValue(
  bytes: Uint8Array,
  start: number,
  semiOctets: number,
  type: number,
  field: PduField,
  at: number,
): string {
  const numberType = numberTypeOf(type);
  if (numberType === TYPE_ALPHANUMERIC) {
    return septetsToText(unpackSeptets(bytes, start, 0, Math.floor((semiOctets * 4) / 7)));
  }
  let n = 0;
  if (numberType === TYPE_INTERNATIONAL) digitScratch[n++] = PLUS;
  for (let i = 0; i < semiOctets; i++) {
    const octet = bytes[start + (i >> 1)]!;
    const nibble = i & 1 ? octet >> 4 : octet & 0xf;
    if (nibble === FILLER) {
      if (i === semiOctets - 1) break;
      throw new PduError('pdu.bad-address', field, at, {
        zh: '号码中间出现填充位',
        en: 'filler digit inside the number',
      });
    }
    digitScratch[n++] = BCD_CHARS.charCodeAt(nibble);
  }
  if (n === 1 && numberType === TYPE_INTERNATIONAL) return '';
  return asciiToString(digitScratch, 0, n);
}

/** How an encoder may write an address: digits only, or alphanumeric (GSM 7-bit) when not all digits. */
export type AddressKind = 'dialable' | 'any' | 'alphanumeric';

export function writeAddress(w: PduWriter, number: string, kind: AddressKind): void {
  const digits = kind === 'alphanumeric' ? null : dialableDigits(number);
  if (digits === null && kind !== 'dialable') {
    writeAlphanumeric(w, number);
    return;
  }
  writeDigits(w, number, digits ?? requireDialable(number, 'address'), false);
}

/** Empty or absent SMSC encodes as a zero length: the modem then uses its stored SMSC. */
export function writeSmsc(w: PduWriter, smsc: string | null | undefined): void {
  if (!smsc) w.byte(0);
  else writeDigits(w, smsc, requireDialable(smsc, 'smsc'), true);
}

function writeDigits(w: PduWriter, number: string, digits: string, isSmsc: boolean): void {
  const octets = (digits.length + 1) >> 1;
  // The SMSC length counts octets including the type; TP addresses count digits.
  w.byte(isSmsc ? 1 + octets : digits.length);
  w.byte(number.charCodeAt(0) === PLUS ? TOA_INTERNATIONAL : TOA_UNKNOWN);
  for (let i = 0; i < digits.length; i += 2) {
    const high = i + 1 < digits.length ? bcdNibble(digits.charCodeAt(i + 1)) : FILLER;
    w.byte((high << 4) | bcdNibble(digits.charCodeAt(i)));
  }
}

/** The digits of a dialable number ('+' stripped), or null when it holds anything else. */
function dialableDigits(number: string): string | null {
  const digits = number.charCodeAt(0) === PLUS ? number.slice(1) : number;
  if (digits.length === 0 || digits.length > MAX_DIGITS) return null;
  for (let i = 0; i < digits.length; i++) if (bcdNibble(digits.charCodeAt(i)) < 0) return null;
  return digits;
}

function requireDialable(number: string, field: PduField): string {
  const digits = dialableDigits(number);
  if (digits === null) {
    throw new PduError('pdu.unencodable', field, 0, {
      zh: `号码须为 1–${MAX_DIGITS} 位数字（可含 * 和 #，可带 + 前缀）`,
      en: `a number needs 1–${MAX_DIGITS} digits (* and # allowed, optional + prefix)`,
    });
  }
  return digits;
}

function bcdNibble(code: number): number {
  if (code >= 0x30 && code <= 0x39) return code - 0x30;
  if (code === 0x2a) return 0xa;
  if (code === 0x23) return 0xb;
  return -1;
}

function writeAlphanumeric(w: PduWriter, text: string): void {
  const bad = firstNonGsm7(text);
  if (bad >= 0) {
    throw new PduError('pdu.unencodable', 'address', bad, {
      zh: '字母数字号码只能使用 GSM 7 位字符',
      en: 'an alphanumeric address must use GSM 7-bit characters',
    });
  }
  const septets = textToSeptets(text);
  if (septets.length === 0 || septets.length > MAX_ALPHANUMERIC_SEPTETS) {
    throw new PduError('pdu.unencodable', 'address', 0, {
      zh: `字母数字号码须为 1–${MAX_ALPHANUMERIC_SEPTETS} 个字符`,
      en: `an alphanumeric address needs 1–${MAX_ALPHANUMERIC_SEPTETS} characters`,
    });
  }
  w.byte(Math.ceil((septets.length * 7) / 4));
  w.byte(TOA_ALPHANUMERIC);
  packSeptets(septets, w.buf, w.reserve(septetOctets(septets.length)), 0);
}
