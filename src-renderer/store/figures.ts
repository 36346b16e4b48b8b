import { hideMaskedRest } from '../../src-shared/catalog/secrets';
import { foreignCurrency, understandReply, type ReplyUnderstanding } from '../../src-shared/replies';
import type { FigureRow, MessageRow } from './rows';

/**
 * What a stored message says, as the reply rules read it: null for an outgoing or incomplete
 * message (a long reply is read once every part is in). A sender that is not a service number
 * reads as `unknown`.
 */
export function understandMessage(message: MessageRow): ReplyUnderstanding | null {
  if (message.direction !== 'in' || !message.complete) return null;
  // A part the journal kept comes masked: digits glued to its mask are no figure (`余额为******5.30元`).
  return understandReply({ text: hideMaskedRest(message.text), receivedAt: message.at, from: message.peer });
}

/**
 * The figure rows a message yields (none for anything but a complete figures reply or notice). A
 * pushed notice that data is suspended is kept as a row `notice.data-suspended`, for the alerts.
 */
export function figureRowsFor(message: MessageRow): FigureRow[] {
  const understood = understandMessage(message);
  if (understood?.kind !== 'figures' && understood?.kind !== 'notice') return [];
  const row = (n: number, r: Pick<FigureRow, 'kind' | 'value' | 'unit' | 'package' | 'pool' | 'confidence'> & Pick<Partial<FigureRow>, 'currency' | 'voicePool'>): FigureRow => ({
    id: `${message.id}#${n}`,
    messageId: message.id,
    simId: message.simId,
    at: message.at,
    ...r,
  });
  const figures = understood.kind === 'figures' ? understood.figures : [];
  const rows = figures.map((f, n) =>
    // Yuan rows carry no currency, as rows stored before it was kept.
    row(n, {
      kind: `${f.topic}.${f.field}`,
      value: f.value,
      unit: f.unit,
      package: f.package,
      pool: f.pool,
      confidence: f.confidence,
      ...(foreignCurrency(f) ? { currency: foreignCurrency(f) } : {}),
      ...(f.topic === 'voice' ? { voicePool: f.voicePool } : {}),
    }),
  );
  if (understood.notices.includes('data-suspended')) {
    rows.push(row(rows.length, { kind: SUSPENDED, value: 1, unit: 'MB', package: null, pool: null, confidence: 'sure' }));
  }
  return rows;
}

/** The row kind of a pushed notice that data is suspended for the rest of the month. */
export const SUSPENDED = 'notice.data-suspended';
