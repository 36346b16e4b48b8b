import { understandReply, type ReplyUnderstanding } from '../../src-shared/replies';
import type { FigureRow, MessageRow } from './rows';

/**
 * What a stored message says, as the reply rules read it: null for an outgoing or incomplete
 * message (a long reply is read once every part is in). A sender that is not a service number
 * reads as `unknown`.
 */
export function understandMessage(message: MessageRow): ReplyUnderstanding | null {
  if (message.direction !== 'in' || !message.complete) return null;
  return understandReply({ text: message.text, receivedAt: message.at, from: message.peer });
}

/** The figure rows a message yields (none for anything but a complete figures reply). */
export function figureRowsFor(message: MessageRow): FigureRow[] {
  const understood = understandMessage(message);
  if (understood?.kind !== 'figures') return [];
  return understood.figures.map((f, n) => ({
    id: `${message.id}#${n}`,
    messageId: message.id,
    simId: message.simId,
    kind: `${f.topic}.${f.field}`,
    at: message.at,
    value: f.value,
    unit: f.unit,
    package: f.package,
    confidence: f.confidence,
  }));
}
