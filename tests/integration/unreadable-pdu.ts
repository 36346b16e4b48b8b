import { expect } from 'vitest';
import { encodeDeliver } from '../../src-shared/pdu';

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
