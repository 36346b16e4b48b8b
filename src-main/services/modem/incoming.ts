import { decodePdu, PduError, type DecodedPart } from '../../../src-shared/pdu';
import type { IncomingMessage } from '../../../src-shared/journal-records';

/**
 * What one PDU read from the modem means for the journal. An undecodable PDU is kept as text
 * (its hex) rather than dropped: nothing the modem hands over is lost.
 */
export type Ingestible =
  | { kind: 'message'; message: IncomingMessage }
  | { kind: 'status-report'; messageRef: number; delivered: boolean; failed: boolean; status: number }
  | { kind: 'own-submit' };

export function interpretPdu(hex: string, simId: string, receivedAt: Date): Ingestible {
  let part: DecodedPart;
  try {
    part = decodePdu(hex);
  } catch (e) {
    if (!(e instanceof PduError)) throw e;
    return {
      kind: 'message',
      message: {
        simId,
        from: '',
        text: `[PDU ${e.code}] ${hex}`,
        encoding: '8bit',
        // No service-centre time can be read from it. Left empty (not the time read) so that the same
        // PDU read again after a failed delete has the same journal key and is not kept twice.
        timestamp: '',
        receivedAt: receivedAt.getTime(),
        concat: null,
      },
    };
  }
  if (part.type === 'status-report') {
    return { kind: 'status-report', messageRef: part.messageRef, delivered: part.delivered, failed: part.failed, status: part.status };
  }
  if (part.type === 'submit') return { kind: 'own-submit' };
  return {
    kind: 'message',
    message: {
      simId,
      from: part.number,
      text: part.text,
      encoding: part.encoding,
      timestamp: part.timestamp,
      receivedAt: receivedAt.getTime(),
      concat: part.concat ? { ref: part.concat.ref, total: part.concat.total, part: part.concat.part } : null,
    },
  };
}
