import { writeAddress, writeSmsc, type AddressKind } from './address';
import { dcsFor } from './dcs';
import { PduError } from './errors';
import { bytesToHex } from './hex';
import { chooseEncoding, MAX_PARTS, requireRepresentable, splitText } from './split';
import { timestampOctets } from './timestamp';
import type { Concat, EncodedPdu, Encoding } from './types';
import { writeUserData } from './user-data';
import { relativeOctet, VPF_RELATIVE } from './validity';
import { PduWriter } from './writer';

const MTI_DELIVER = 0x00;
const MTI_SUBMIT = 0x01;
const MTI_STATUS_REPORT = 0x02;
/** In SMS-DELIVER and SMS-STATUS-REPORT a set TP-MMS bit means no more messages are waiting. */
const FO_NO_MORE_MESSAGES = 0x04;
const FO_SRI_SRR = 0x20;
const FO_UDHI = 0x40;
const PID_PLAIN = 0x00;

export interface SubmitOptions {
  to: string;
  text: string;
  /** null/undefined: SMSC length 00, the modem uses its own. */
  smsc?: string | null;
  statusReport?: boolean;
  /** Relative validity, rounded up to the next period TP-VP can express; null/undefined: none. */
  validityMinutes?: number | null;
  /** 0..255; part i (0-based) of a split message uses messageRef + i. Modems usually override it. */
  messageRef?: number;
  /** Reference shared by the parts of a split message; random when absent. */
  concatRef?: number;
  /** Default: gsm7 when every character has a septet, else ucs2. */
  encoding?: Encoding;
  refBits?: 8 | 16;
}

/** One PDU per part, with the fewest parts for the text. */
export function encodeSubmit(opts: SubmitOptions): EncodedPdu[] {
  const refBits = opts.refBits ?? 8;
  const { encoding, parts } = splitText(opts.text, opts.encoding, refBits);
  const total = parts.length;
  const messageRef = requireInteger(opts.messageRef ?? 0, 0, 0xff, 'messageRef');
  const ref = total > 1 ? concatReference(opts.concatRef, refBits) : 0;
  const vp = opts.validityMinutes == null ? null : relativeOctet(opts.validityMinutes);
  const fo =
    MTI_SUBMIT |
    (vp === null ? 0 : VPF_RELATIVE << 3) |
    (opts.statusReport ? FO_SRI_SRR : 0) |
    (total > 1 ? FO_UDHI : 0);
  return parts.map((text, i) => {
    const w = new PduWriter();
    writeSmsc(w, opts.smsc);
    const smscOctets = w.pos;
    w.byte(fo);
    w.byte((messageRef + i) & 0xff);
    writeAddress(w, opts.to, 'dialable');
    w.byte(PID_PLAIN);
    w.byte(dcsFor(encoding));
    if (vp !== null) w.byte(vp);
    writeUserData(w, text, encoding, total > 1 ? { ref, part: i + 1, total, refBits } : null);
    return finish(w, smscOctets, i + 1, total);
  });
}

export interface DeliverOptions {
  /** Digits (with optional '+') are written as a number; anything else as an alphanumeric sender. */
  from: string;
  /** Write `from` as an alphanumeric (GSM 7-bit) sender even when it is all digits, as some SMSCs do. */
  fromAlphanumeric?: boolean;
  /** Must fit one part; use encodeDeliverParts for long text. */
  text: string;
  /** A Date is written at `tzQuarterHours` (default: this host's offset); an ISO string keeps its own offset. */
  timestamp: Date | string;
  tzQuarterHours?: number;
  smsc?: string | null;
  encoding?: Encoding;
  concat?: Concat | null;
  statusReportIndication?: boolean;
  moreMessagesToSend?: boolean;
}

export function encodeDeliver(opts: DeliverOptions): EncodedPdu {
  const encoding = opts.encoding ?? chooseEncoding(opts.text);
  requireRepresentable(opts.text, encoding);
  return writeDeliver(deliverHead(opts), opts.text, encoding, opts.concat ? requireConcat(opts.concat) : null);
}

export interface DeliverPartsOptions extends Omit<DeliverOptions, 'concat' | 'encoding'> {
  concatRef: number;
  refBits?: 8 | 16;
  encoding?: Encoding;
}

/** Splits long text the way a sending phone would and encodes each part as an SMS-DELIVER. */
export function encodeDeliverParts(opts: DeliverPartsOptions): EncodedPdu[] {
  const refBits = opts.refBits ?? 8;
  const { encoding, parts } = splitText(opts.text, opts.encoding, refBits);
  const total = parts.length;
  const ref = total > 1 ? concatReference(opts.concatRef, refBits) : 0;
  const head = deliverHead(opts);
  return parts.map((text, i) =>
    writeDeliver(head, text, encoding, total > 1 ? { ref, part: i + 1, total, refBits } : null),
  );
}

/** What every part of one SMS-DELIVER shares, validated and encoded once. */
interface DeliverHead {
  smsc: string | null | undefined;
  from: string;
  fromKind: AddressKind;
  firstOctet: number;
  scts: number[];
}

function deliverHead(opts: Omit<DeliverOptions, 'text'>): DeliverHead {
  return {
    smsc: opts.smsc,
    from: opts.from,
    fromKind: opts.fromAlphanumeric ? 'alphanumeric' : 'any',
    firstOctet:
      MTI_DELIVER |
      (opts.moreMessagesToSend ? 0 : FO_NO_MORE_MESSAGES) |
      (opts.statusReportIndication ? FO_SRI_SRR : 0),
    scts: timestampOctets(opts.timestamp, 'scts', opts.tzQuarterHours),
  };
}

function writeDeliver(head: DeliverHead, text: string, encoding: Encoding, concat: Concat | null): EncodedPdu {
  const w = new PduWriter();
  writeSmsc(w, head.smsc);
  const smscOctets = w.pos;
  w.byte(head.firstOctet | (concat ? FO_UDHI : 0));
  writeAddress(w, head.from, head.fromKind);
  w.byte(PID_PLAIN);
  w.byte(dcsFor(encoding));
  w.bytes(head.scts);
  writeUserData(w, text, encoding, concat);
  return finish(w, smscOctets, concat?.part ?? 1, concat?.total ?? 1);
}

export interface StatusReportOptions {
  recipient: string;
  messageRef: number;
  scTimestamp: Date | string;
  dischargeTime: Date | string;
  /** TP-ST: 0x00 delivered, 0x20-0x3F still trying, 0x40-0x7F failed. */
  status: number;
  smsc?: string | null;
  tzQuarterHours?: number;
}

export function encodeStatusReport(opts: StatusReportOptions): EncodedPdu {
  const w = new PduWriter();
  writeSmsc(w, opts.smsc);
  const smscOctets = w.pos;
  w.byte(MTI_STATUS_REPORT | FO_NO_MORE_MESSAGES);
  w.byte(requireInteger(opts.messageRef, 0, 0xff, 'messageRef'));
  writeAddress(w, opts.recipient, 'any');
  w.bytes(timestampOctets(opts.scTimestamp, 'scts', opts.tzQuarterHours));
  w.bytes(timestampOctets(opts.dischargeTime, 'discharge-time', opts.tzQuarterHours));
  w.byte(requireInteger(opts.status, 0, 0xff, 'status'));
  return finish(w, smscOctets, 1, 1);
}

function finish(w: PduWriter, smscOctets: number, part: number, total: number): EncodedPdu {
  return { hex: bytesToHex(w.buf, 0, w.pos), tpduLength: w.pos - smscOctets, part, total };
}

function maxRef(refBits: 8 | 16): number {
  return refBits === 16 ? 0xffff : 0xff;
}

/** The caller's reference, checked; or a random one, as phones pick them. */
function concatReference(ref: number | undefined, refBits: 8 | 16): number {
  const max = maxRef(refBits);
  return ref === undefined ? Math.floor(Math.random() * (max + 1)) : requireInteger(ref, 0, max, 'concatRef');
}

function requireConcat(concat: Concat): Concat {
  requireInteger(concat.ref, 0, maxRef(concat.refBits), 'concat.ref');
  requireInteger(concat.total, 1, MAX_PARTS, 'concat.total');
  requireInteger(concat.part, 1, concat.total, 'concat.part');
  return concat;
}

function requireInteger(value: number, min: number, max: number, name: string): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new PduError('pdu.unencodable', 'options', 0, {
      zh: `${name} 须为 ${min}–${max} 的整数，收到 ${value}`,
      en: `${name} must be an integer ${min}–${max}, got ${value}`,
    });
  }
  return value;
}
