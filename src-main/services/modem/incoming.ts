import { decodePdu, isAlphanumericAddress, keptUnreadableText, PduError, type DecodedPart } from '../../../src-shared/pdu';
import type { IncomingMessage } from '../../../src-shared/journal-records';

/**
 * What one PDU read from the modem means for the journal. An undecodable one is 'unreadable': a
 * stored one stays on the SIM (read again later), one handed over directly is journaled as its text.
 */
export type Ingestible =
  | { kind: 'message'; message: IncomingMessage }
  | { kind: 'status-report'; messageRef: number; recipient: string; delivered: boolean; failed: boolean; status: number }
  | { kind: 'own-submit' }
  | Unreadable;

/** A PDU the decoder refused, and why (the error's code and the field it stopped at). */
export interface Unreadable {
  kind: 'unreadable';
  raw: string;
  code: string;
  field: string;
}

/**
 * An undecodable PDU handed over directly (+CMT), or one that fills its memory: it exists nowhere else, so it
 * is journaled as its text (nothing the modem hands over is lost), its bytes, or, when its text read leniently
 * holds a secret, that text masked by `mask` (keptUnreadableText).
 */
export function unreadableMessage(read: Unreadable, simId: string, receivedAt: Date, mask: (text: string) => string): Ingestible {
  return {
    kind: 'message',
    message: {
      simId,
      from: '',
      text: keptUnreadableText(read.raw, read, mask),
      encoding: '8bit',
      // No service-centre time can be read from it. Left empty (not the time read) so that the same
      // PDU read again has the same journal key and is not kept twice.
      timestamp: '',
      receivedAt: receivedAt.getTime(),
      concat: null,
    },
  };
}

export function interpretPdu(hex: string, simId: string, receivedAt: Date): Ingestible {
  let part: DecodedPart;
  try {
    part = decodePdu(hex);
  } catch (e) {
    if (!(e instanceof PduError)) throw e;
    return { kind: 'unreadable', raw: hex, code: e.code, field: e.field };
  }
  if (part.type === 'status-report') {
    return { kind: 'status-report', messageRef: part.messageRef, recipient: part.number, delivered: part.delivered, failed: part.failed, status: part.status };
  }
  if (part.type === 'submit') return { kind: 'own-submit' };
  return {
    kind: 'message',
    message: {
      simId,
      from: senderOf(part),
      text: part.text,
      encoding: part.encoding,
      timestamp: part.timestamp,
      receivedAt: receivedAt.getTime(),
      concat: part.concat ? { ref: part.concat.ref, total: part.concat.total, part: part.concat.part } : null,
    },
  };
}

/**
 * Who sent a part, as the journal keeps it. An alphanumeric sender (type of number 5) is a name the
 * sending gateway chose, not a number the network answers for: anyone with an SMS gateway may send
 * as "10086" that way, while 10086's own replies carry its number (type 0xA1 or 0x81 in every real
 * PDU on record). A name that reads as a number is therefore kept in quotes (“10086”), so it is never
 * taken for a service number: not in the 10086 thread, no figures read from it, no buttons under it.
 */
function senderOf(part: { number: string; numberType: number }): string {
  return isAlphanumericAddress(part.numberType) && /\d/.test(part.number) && !/[A-Za-z]/.test(part.number) ? `“${part.number}”` : part.number;
}
