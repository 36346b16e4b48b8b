import { decodePdu, type DeliverPart, type StatusReportPart } from '../../src-shared/pdu';
import { toTe } from './charset';
import type { Settings } from './settings';
import type { IncomingPdu } from './sms-center';
import { STATUS_NAMES, type StoredEntry, type StoredMessage } from './storage';

/**
 * How a PDU looks on the AT line: as-is with a length in PDU mode (AT+CMGF=0), or as TS 27.005
 * text-mode header fields and data (AT+CMGF=1), with AT+CSDH=1 adding the detailed fields.
 */

const FO_UDHI = 0x40;
const TOA_INTERNATIONAL = 0x91;

/** Octets after the SMSC field, the <length> of PDU mode. */
export function tpduLength(hex: string): number {
  const smscOctets = parseInt(hex.slice(0, 2), 16);
  return hex.length / 2 - 1 - smscOctets;
}

/** The PDU's octet at `offset` within the TPDU (0 = first octet). */
function tpduOctet(hex: string, offset: number): number {
  const start = (1 + parseInt(hex.slice(0, 2), 16) + offset) * 2;
  return parseInt(hex.slice(start, start + 2), 16);
}

/** "26/11/25,09:30:15+32": the text-mode form of an ISO timestamp with offset. */
export function textTimestamp(iso: string): string {
  const m = iso.match(/^\d\d(\d\d)-(\d\d)-(\d\d)T(\d\d:\d\d:\d\d)([+-])(\d\d):(\d\d)$/);
  if (!m) return iso;
  const quarters = (Number(m[6]) * 60 + Number(m[7])) / 15;
  return `${m[1]}/${m[2]}/${m[3]},${m[4]}${m[5]}${String(quarters).padStart(2, '0')}`;
}

function quoted(number: string, s: Settings): string {
  return `"${toTe(number, s.cscs)}"`;
}

/** TP-UD as text mode shows it: characters for plain 7-bit text, hex octets for UCS2/8-bit or a UDH. */
function userData(hex: string, part: DeliverPart, s: Settings): { data: string; length: number } {
  const fo = tpduOctet(hex, 0);
  if (part.encoding === 'gsm7' && !(fo & FO_UDHI)) return { data: toTe(part.text, s.cscs), length: part.text.length };
  const oaDigits = tpduOctet(hex, 1);
  // fo, OA length, OA type, OA digits, PID, DCS, SCTS (7), UDL
  const udlOffset = 1 + 2 + Math.ceil(oaDigits / 2) + 2 + 7;
  const start = (1 + parseInt(hex.slice(0, 2), 16) + udlOffset + 1) * 2;
  const data = hex.slice(start);
  return { data, length: data.length / 2 };
}

function deliverHeader(hex: string, part: DeliverPart, s: Settings, lead: string, full: boolean): string[] {
  const { data, length } = userData(hex, part, s);
  const base = `${lead}${quoted(part.number, s)},,"${textTimestamp(part.timestamp)}"`;
  if (!s.csdh) return [base, data];
  const smsc = part.smsc ?? '';
  const details = full
    ? `,${part.numberType},${tpduOctet(hex, 0)},${part.pid},${part.dcs},${quoted(smsc, s)},${smsc.startsWith('+') ? TOA_INTERNATIONAL : 129},${length}`
    : `,${part.numberType},${length}`;
  return [base + details, data];
}

function reportFields(hex: string, part: StatusReportPart, s: Settings): string {
  return (
    `${tpduOctet(hex, 0)},${part.messageRef},${quoted(part.number, s)},${part.numberType},` +
    `"${textTimestamp(part.timestamp)}","${textTimestamp(part.dischargeTime ?? part.timestamp)}",${part.status}`
  );
}

function textLines(hex: string, s: Settings, lead: string, full: boolean): string[] {
  const part = decodePdu(hex);
  if (part.type === 'status-report') return [`${lead}${reportFields(hex, part, s)}`];
  if (part.type === 'deliver') return deliverHeader(hex, part, s, lead, full);
  throw new RangeError('submit PDUs are never stored or routed by the emulator');
}

export function cmtLines(pdu: IncomingPdu, s: Settings): string[] {
  return s.cmgf === 0 ? [`+CMT: ,${pdu.tpduLength}`, pdu.hex] : textLines(pdu.hex, s, '+CMT: ', true);
}

export function cdsLines(pdu: IncomingPdu, s: Settings): string[] {
  return s.cmgf === 0 ? [`+CDS: ${pdu.tpduLength}`, pdu.hex] : textLines(pdu.hex, s, '+CDS: ', true);
}

export function listLines(entry: StoredEntry, s: Settings): string[] {
  const { index, message } = entry;
  if (s.cmgf === 0) return [`+CMGL: ${index},${message.status},,${tpduLength(message.pdu)}`, message.pdu];
  return textLines(message.pdu, s, `+CMGL: ${index},"${STATUS_NAMES[message.status]}",`, false);
}

export function readLines(message: StoredMessage, s: Settings): string[] {
  if (s.cmgf === 0) return [`+CMGR: ${message.status},,${tpduLength(message.pdu)}`, message.pdu];
  return textLines(message.pdu, s, `+CMGR: "${STATUS_NAMES[message.status]}",`, true);
}
