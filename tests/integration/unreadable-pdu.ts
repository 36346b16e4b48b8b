import { expect } from 'vitest';
import { bytesToHex, encodeDeliver, hexToBytes } from '../../src-shared/pdu';
import { packSeptets, septetsToText, textToSeptets, unpackSeptets } from '../../src-shared/pdu/gsm7';

/**
 * An SMS-DELIVER the decoder refuses, as anyone can send one: the SMSC passes TP-DCS on as the sender set
 * it, here with bit 5 (compressed text, TS 23.038 §4) added to its GSM 7-bit or UCS-2 coding, which the
 * decoder refuses as pdu.unsupported. Its user data are `text` as the coding writes it.
 */
export function unreadableFrom(sender: string, n: number, text = `hello ${n}`): string {
  const { hex, dcsAt } = deliverPdu(sender, n, text);
  const dcs = parseInt(hex.slice(dcsAt * 2, dcsAt * 2 + 2), 16);
  expect([0x00, 0x08]).toContain(dcs);
  return withOctet(hex, dcsAt, dcs | 0x20);
}

/**
 * An SMS-DELIVER the decoder refuses for its service-centre timestamp: month 13 (swapped BCD `31`), as a broken SMSC
 * could stamp it; refused as pdu.bad-timestamp. Its user data are `text` as its coding writes it, untouched.
 */
export function badTimestampFrom(sender: string, n: number, text: string): string {
  const { hex, dcsAt } = deliverPdu(sender, n, text);
  // TP-SCTS follows the DCS: year, then month.
  return withOctet(hex, dcsAt + 2, 0x31);
}

/**
 * A UCS-2 SMS-DELIVER with `extra` (hex) after its text, counted in TP-UDL. By default one stray octet (`00`): refused
 * as pdu.bad-length; libgammu 3.2.4 reads it, the stray octet dropped (review46).
 */
export function oddUcs2From(sender: string, n: number, text: string, extra = '00'): string {
  const { hex, dcsAt } = deliverPdu(sender, n, text);
  expect(hex.slice(dcsAt * 2, dcsAt * 2 + 2)).toBe('08');
  const udlAt = dcsAt + 1 + 7;
  return `${withOctet(hex, udlAt, parseInt(hex.slice(udlAt * 2, udlAt * 2 + 2), 16) + extra.length / 2)}${extra}`;
}

/**
 * An SMS-DELIVER whose user-data header holds a concatenation element of the wrong length (IEI 00, 8-bit reference,
 * said to be 4 octets: `06 00 04 07 02 01 00`) before its text: refused as pdu.bad-udh; libgammu 3.2.4 reads the
 * header as a user one and gives the text (review46).
 */
export function badConcatFrom(sender: string, n: number, text: string): string {
  const { hex, dcsAt } = deliverPdu(sender, n, text);
  expect(hex.slice(dcsAt * 2, dcsAt * 2 + 2)).toBe('08');
  const udh = '06000407020100';
  const firstAt = 1 + parseInt(hex.slice(0, 2), 16);
  const udlAt = dcsAt + 1 + 7;
  const udl = parseInt(hex.slice(udlAt * 2, udlAt * 2 + 2), 16);
  const flagged = withOctet(withOctet(hex, firstAt, parseInt(hex.slice(firstAt * 2, firstAt * 2 + 2), 16) | 0x40), udlAt, udl + udh.length / 2);
  return `${flagged.slice(0, (udlAt + 1) * 2)}${udh}${flagged.slice((udlAt + 1) * 2)}`;
}

function deliverPdu(sender: string, n: number, text: string): { hex: string; dcsAt: number } {
  const { hex } = encodeDeliver({ from: sender, text, timestamp: new Date(Date.UTC(2026, 11, 5, 8, n)), tzQuarterHours: 32, smsc: '+8613800100500' });
  // After the SMSC address, first octet, sender (length in digits, type, digits in octets) and PID: the DCS.
  const smscOctets = 1 + parseInt(hex.slice(0, 2), 16);
  const senderDigits = parseInt(hex.slice(smscOctets * 2 + 2, smscOctets * 2 + 4), 16);
  return { hex, dcsAt: smscOctets + 1 + 2 + Math.ceil(senderDigits / 2) + 1 };
}

function withOctet(hex: string, at: number, value: number): string {
  return `${hex.slice(0, at * 2)}${value.toString(16).padStart(2, '0').toUpperCase()}${hex.slice(at * 2 + 2)}`;
}

/** Digits as UCS-2 writes them in hex (`975310` → `0039003700350033…`): how a password reads in such a PDU. */
export function ucs2Hex(digits: string): string {
  return [...digits].map((c) => c.charCodeAt(0).toString(16).padStart(4, '0')).join('').toUpperCase();
}

/** TP-UDL one more than the octets there (after the DCS 08 and the timestamp of n = 0): refused by both reads and by gammu. */
export function udlPlusOne(hex: string): string {
  const at = hex.indexOf('0862215061000023') + 16;
  return `${hex.slice(0, at)}${(parseInt(hex.slice(at, at + 2), 16) + 1).toString(16).padStart(2, '0').toUpperCase()}${hex.slice(at + 2)}`;
}

/** The user-data header of cutWithHeader: a 16-bit concatenation element, reference 0x0031 (a UCS-2 `1` in hex). */
const CUT_UDH = '06080400310201';

/**
 * A refused SMS-DELIVER built by hand, its fields in the open (review47, mend63): SMSC +8613800100500, first octet with
 * UDHI, sender 10086, PID 00, DCS 00 (GSM 7-bit) or 08 (UCS-2), a timestamp at 2026-12-08 00:03 +08:00
 * (`62218000300023`, whose `00 30` reads as a UCS-2 `0`), TP-UDL one more than the data there (refused by both reads and
 * by gammu), CUT_UDH, then `text` (GSM 7-bit after one fill bit). `header` is the hex up to the text.
 */
export function cutWithHeader(coding: 'gsm7' | 'ucs2', text: string): { pdu: string; header: string } {
  let udl: number;
  let body: string;
  if (coding === 'ucs2') {
    body = [...text].map((c) => c.charCodeAt(0).toString(16).padStart(4, '0')).join('').toUpperCase();
    udl = CUT_UDH.length / 2 + body.length / 2;
  } else {
    const septets = textToSeptets(text).slice();
    const ud = new Uint8Array(CUT_UDH.length / 2 + Math.ceil((septets.length * 7 + 1) / 8));
    packSeptets(septets, ud, CUT_UDH.length / 2, 1);
    body = bytesToHex(ud.subarray(CUT_UDH.length / 2)).toUpperCase();
    udl = 8 + septets.length; // the header's 7 octets are 8 septets, fill bit included
  }
  const header = `0891683108100005F04405810180F600${coding === 'gsm7' ? '00' : '08'}62218000300023${(udl + 1).toString(16).padStart(2, '0').toUpperCase()}${CUT_UDH}`;
  return { pdu: header + body, header };
}

/** The GSM 7-bit text of such a part as kept (`hex`, after its header), a hidden octet (`**`) read as 00. */
export function cutGsm7Text(hex: string, header: string, septets: number): string {
  return septetsToText(unpackSeptets(hexToBytes(hex.slice(header.length).replace(/\*\*/g, '00')), 0, 1, septets));
}

/**
 * An SMS-DELIVER with no user-data header whose first octet says it has one (UDHI set, one bit wrong: 04 → 44), built by
 * hand as cutWithHeader's fields (review50 F1): the text's first octet is then read as a "UDHL" that fits in the bytes,
 * and the elements after it do not fill it. `text` is UCS-2 or GSM 7-bit (no fill bit), TP-UDL as its coding counts.
 */
export function udhiWithoutHeader(coding: 'gsm7' | 'ucs2', text: string): string {
  let body: string;
  let udl: number;
  if (coding === 'ucs2') {
    body = ucs2Hex(text);
    udl = body.length / 2;
  } else {
    const septets = textToSeptets(text);
    const ud = new Uint8Array(Math.ceil((septets.length * 7) / 8));
    packSeptets(septets, ud, 0, 0);
    body = bytesToHex(ud).toUpperCase();
    udl = septets.length;
  }
  return `0891683108100005F04405810180F600${coding === 'gsm7' ? '00' : '08'}62218000300023${udl.toString(16).padStart(2, '0').toUpperCase()}${body}`;
}
