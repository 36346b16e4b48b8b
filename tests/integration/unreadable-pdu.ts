import { expect } from 'vitest';
import { encodeDeliver } from '../../src-shared/pdu';

/**
 * An SMS-DELIVER the decoder refuses, as anyone can send one: the SMSC passes TP-DCS on as the sender set
 * it, here with bit 5 (compressed text, TS 23.038 §4) added to its GSM 7-bit or UCS-2 coding, which the
 * decoder refuses as pdu.unsupported. Its user data are `text` as the coding writes it.
 */
export function unreadableFrom(sender: string, n: number, text = `hello ${n}`): string {
  const pdu = encodeDeliver({ from: sender, text, timestamp: new Date(Date.UTC(2026, 11, 5, 8, n)), tzQuarterHours: 32, smsc: '+8613800100500' });
  // After the SMSC address, first octet, sender (length in digits, type, digits in octets) and PID: the DCS.
  const smscOctets = 1 + parseInt(pdu.hex.slice(0, 2), 16);
  const senderDigits = parseInt(pdu.hex.slice(smscOctets * 2 + 2, smscOctets * 2 + 4), 16);
  const dcsAt = smscOctets + 1 + 2 + Math.ceil(senderDigits / 2) + 1;
  const dcs = parseInt(pdu.hex.slice(dcsAt * 2, dcsAt * 2 + 2), 16);
  expect([0x00, 0x08]).toContain(dcs);
  return `${pdu.hex.slice(0, dcsAt * 2)}${(dcs | 0x20).toString(16).padStart(2, '0').toUpperCase()}${pdu.hex.slice(dcsAt * 2 + 2)}`;
}

/** Digits as UCS-2 writes them in hex (`975310` → `0039003700350033…`): how a password reads in such a PDU. */
export function ucs2Hex(digits: string): string {
  return [...digits].map((c) => c.charCodeAt(0).toString(16).padStart(4, '0')).join('').toUpperCase();
}
