import { readAddress, readSmsc } from './address';
import { PduError } from './errors';
import { bytesToHex, hexToScratch } from './hex';
import { PduReader } from './reader';
import { readTimestamp } from './timestamp';
import type { DecodedPart, DeliverPart, StatusReportPart, SubmitPart } from './types';
import { readUserData } from './user-data';
import { readValidity } from './validity';

/** TP-MTI as seen by the mobile: what a modem stores or forwards (+CMGR, +CMGL, +CMT, +CDS). */
const MTI_DELIVER = 0;
const MTI_SUBMIT = 1;
const MTI_STATUS_REPORT = 2;

const FO_MMS = 0x04;
const FO_SRI_SRR = 0x20;
const FO_UDHI = 0x40;

export interface DecodeOptions {
  /** The PDU starts with the SMSC field, as in AT+CMGR / +CMGL / +CMT output. Default true. */
  hasSmsc?: boolean;
  /**
   * Reads the text with the fields around it unchecked: the timestamp is given as its octets in hex, a compressed-text flag
   * ignored (the alphabet bits read as if uncompressed), and the user data read as libgammu reads them (readUserData). Only to tell what a part the strict decode refused says
   * (unreadable.ts); never for a part taken as read.
   */
  lenient?: boolean;
}

/** Decodes one hex PDU; anything malformed throws PduError, never another error. */
export function decodePdu(hex: string, opts: DecodeOptions = {}): DecodedPart {
  return decodePduBytes(hexToScratch(hex), opts);
}

/** Decodes raw octets; the result keeps no reference to `bytes`. */
export function decodePduBytes(bytes: Uint8Array, opts: DecodeOptions = {}): DecodedPart {
  const r = new PduReader(bytes);
  const smsc = opts.hasSmsc === false ? null : readSmsc(r);
  const foAt = r.pos;
  const fo = r.byte('first-octet');
  switch (fo & 0x03) {
    case MTI_DELIVER:
      return readDeliver(r, smsc, fo, opts.lenient === true);
    case MTI_SUBMIT:
      return readSubmit(r, smsc, fo, opts.lenient === true);
    case MTI_STATUS_REPORT:
      return readStatusReport(r, smsc);
    default:
      throw new PduError('pdu.unsupported', 'first-octet', foAt, {
        zh: '保留的消息类型',
        en: 'reserved message type',
      });
  }
}

/** TP-DCS of the general data coding groups (0xxx): bit 5 flags compressed text (TS 23.038 §4). */
function uncompressed(dcs: number): number {
  return dcs >> 4 <= 0x7 ? dcs & ~0x20 : dcs;
}

/** TP-SCTS as its seven octets in hex, whatever they hold. */
function uncheckedTimestamp(r: PduReader): string {
  const start = r.take(7, 'scts');
  return bytesToHex(r.bytes, start, r.pos);
}

function readDeliver(r: PduReader, smsc: string | null, fo: number, lenient: boolean): DeliverPart {
  const sender = readAddress(r);
  const pid = r.byte('pid');
  const dcsAt = r.pos;
  const dcs = r.byte('dcs');
  const timestamp = lenient ? uncheckedTimestamp(r) : readTimestamp(r, 'scts');
  const ud = readUserData(r, lenient ? uncompressed(dcs) : dcs, dcsAt, (fo & FO_UDHI) !== 0, lenient);
  return {
    type: 'deliver',
    smsc,
    number: sender.number,
    numberType: sender.type,
    encoding: ud.encoding,
    text: ud.text,
    data: ud.data,
    timestamp,
    concat: ud.concat,
    pid,
    dcs,
    statusReportIndication: (fo & FO_SRI_SRR) !== 0,
    // TP-MMS is inverted: 0 means more messages are waiting.
    moreMessagesToSend: (fo & FO_MMS) === 0,
  };
}

function readSubmit(r: PduReader, smsc: string | null, fo: number, lenient: boolean): SubmitPart {
  const messageRef = r.byte('message-ref');
  const destination = readAddress(r);
  const pid = r.byte('pid');
  const dcsAt = r.pos;
  const dcs = r.byte('dcs');
  const validity = readValidity(r, (fo >> 3) & 0x03);
  const ud = readUserData(r, lenient ? uncompressed(dcs) : dcs, dcsAt, (fo & FO_UDHI) !== 0, lenient);
  return {
    type: 'submit',
    smsc,
    number: destination.number,
    numberType: destination.type,
    encoding: ud.encoding,
    text: ud.text,
    data: ud.data,
    concat: ud.concat,
    messageRef,
    statusReportRequest: (fo & FO_SRI_SRR) !== 0,
    validity,
    pid,
    dcs,
  };
}

/** Seven zero octets where a timestamp belongs: a time left out, not a malformed one. */
function blankTimestampAhead(r: PduReader): boolean {
  const next = r.bytes.subarray(r.pos, r.pos + 7);
  return next.length === 7 && next.every((b) => b === 0);
}

/** Optional trailing fields (TP-PI, PID, DCS, UD) carry nothing the app uses and are not read. */
function readStatusReport(r: PduReader, smsc: string | null): StatusReportPart {
  const messageRef = r.byte('message-ref');
  const recipient = readAddress(r);
  const timestamp = readTimestamp(r, 'scts');
  const dischargeTime = blankTimestampAhead(r) ? (r.take(7, 'discharge-time'), null) : readTimestamp(r, 'discharge-time');
  const status = r.byte('status');
  return {
    type: 'status-report',
    smsc,
    number: recipient.number,
    numberType: recipient.type,
    messageRef,
    timestamp,
    dischargeTime,
    status,
    delivered: status <= 0x1f,
    failed: status >= 0x40 && status <= 0x7f,
  };
}
