import { hideMaskedRest } from '../../src-shared/catalog/secrets';
import { foreignCurrency, understandReply, type FigureRecord, type ReplyUnderstanding } from '../../src-shared/replies';
import { PERCENT_FIELDS } from '../../src-shared/replies/percents';
import { writtenAt } from '../../src-shared/written-at';
import type { FigureRow, MessageRow } from './rows';

/**
 * What a stored message says, as the reply rules read it: null for an outgoing or incomplete
 * message (a long reply is read once every part is in). A sender that is not a service number
 * reads as `unknown`.
 */
export function understandMessage(message: MessageRow): ReplyUnderstanding | null {
  // A text that may join two replies (MessageRow.uncertain) would give figures of neither.
  if (message.direction !== 'in' || !message.complete || message.uncertain) return null;
  // A part the journal kept comes masked: digits glued to its mask are no figure (`余额为******5.30元`).
  return understandReply({ text: hideMaskedRest(message.text), receivedAt: message.at, from: message.peer });
}

/**
 * The figure rows a message yields (none for anything but a complete figures reply, notice or menu with notices). The
 * warnings 10086 pushes are kept as rows of their own, for the alerts: data suspended
 * (`notice.data-suspended`), balance low (`notice.balance-low`), and the share of data used or left
 * that a reply warns of (`notice.data-used` / `notice.data-left`, in percent: see {@link warnedShare}).
 */
export function figureRowsFor(message: MessageRow): FigureRow[] {
  const understood = understandMessage(message);
  // A notice that offers codes to send ("…将暂停数据流量功能。可回复53161办理10元100M、53162办理…") is read as a menu
  // with its notices: they raise their alerts all the same.
  if (understood?.kind !== 'figures' && understood?.kind !== 'notice' && understood?.kind !== 'menu') return [];
  const row = (n: number, r: Pick<FigureRow, 'kind' | 'value' | 'unit' | 'package' | 'pool' | 'confidence'> & Pick<Partial<FigureRow>, 'currency' | 'voicePool' | 'kindFrom' | 'kindUnknown' | 'kindWords' | 'holder' | 'restates'>): FigureRow => ({
    id: `${message.id}#${n}`,
    messageId: message.id,
    simId: message.simId,
    at: writtenAt(message.timestamp, message.at),
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
      ...(f.kindFrom ? { kindFrom: f.kindFrom } : {}),
      ...(f.kindUnknown ? { kindUnknown: true as const, ...(f.kindWords ? { kindWords: f.kindWords } : {}) } : {}),
      ...(f.holder !== undefined ? { holder: f.holder } : {}),
      ...(f.restates ? { restates: true as const } : {}),
    }),
  );
  if (understood.notices.includes('data-suspended')) {
    rows.push(row(rows.length, { kind: SUSPENDED, value: 1, unit: 'MB', package: null, pool: null, confidence: 'sure' }));
  }
  if (understood.notices.includes('balance-low')) {
    rows.push(row(rows.length, { kind: BALANCE_LOW, value: 1, unit: 'yuan', package: null, pool: null, confidence: 'sure' }));
  }
  const share = warnedShare(figures, understood.notices.includes('data-reminder'));
  if (share) rows.push(row(rows.length, { kind: share.kind, value: share.value, unit: 'percent', package: null, pool: null, confidence: share.confidence }));
  return rows;
}

/** A share of use at or past these is a warning even outside a 流量提醒 (温馨提示：…已使用80%). */
const WARNING_USED_PERCENT = 80;

/**
 * The share of the customer's data (general, or of no stated kind) a reply warns of: the largest share
 * used, else the smallest share left. Kept when the reply is a 流量提醒 (any share) or the share is
 * at least 80 % used / at most 20 % left; never added to an amount of MB.
 */
export function warnedShare(figures: readonly FigureRecord[], reminder: boolean): { kind: DataShareKind; value: number; confidence: FigureRecord['confidence'] } | undefined {
  const customers = figures.filter((f) => f.topic === 'data' && f.unit === 'percent' && (f.pool === null || f.pool === 'general'));
  const pick = (field: string, better: (a: number, b: number) => boolean) =>
    customers.filter((f) => f.field === field).reduce<FigureRecord | undefined>((best, f) => (best && !better(f.value, best.value) ? best : f), undefined);
  const used = pick(PERCENT_FIELDS.used, (a, b) => a > b);
  const left = pick(PERCENT_FIELDS.remaining, (a, b) => a < b);
  if (used && (reminder || used.value >= WARNING_USED_PERCENT)) return { kind: DATA_USED, value: used.value, confidence: used.confidence };
  if (!used && left && (reminder || left.value <= 100 - WARNING_USED_PERCENT)) return { kind: DATA_LEFT, value: left.value, confidence: left.confidence };
  return undefined;
}

/** The row kind of a pushed notice that data is suspended for the rest of the month. */
export const SUSPENDED = 'notice.data-suspended';
/** The row kind of a pushed notice that the balance is low (余额不足, 余额已低于…). */
export const BALANCE_LOW = 'notice.balance-low';
/** The row kinds of the share of data used, or left, a reply warns of (percent). */
export const DATA_USED = 'notice.data-used';
export const DATA_LEFT = 'notice.data-left';
export type DataShareKind = typeof DATA_USED | typeof DATA_LEFT;
/** Every notice row kind the alerts read. */
export type NoticeRowKind = typeof SUSPENDED | typeof BALANCE_LOW | DataShareKind;
