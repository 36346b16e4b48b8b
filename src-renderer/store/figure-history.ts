import type { StringKey } from '../i18n';
import type { HallDb } from './db';
import type { FigureRow } from './rows';

/** The figures the overview shows per SIM, by the kind their rows are stored under. */
export const OVERVIEW_FIGURES = [
  { kind: 'balance.balance', label: 'overview.balance' },
  { kind: 'data.remaining', label: 'overview.data' },
  { kind: 'voice.remaining', label: 'overview.voice' },
  { kind: 'points.total', label: 'overview.points' },
] as const satisfies readonly { kind: string; label: StringKey }[];

export type OverviewKind = (typeof OVERVIEW_FIGURES)[number]['kind'];

/** One reply's value of a figure. */
export interface FigurePoint {
  at: number;
  messageId: string;
  value: number;
  /** The reply rules were not sure of some figure of that reply. */
  unsure: boolean;
}

/** How many replies the history charts go back. */
export const HISTORY_REPLIES = 30;

/**
 * One point per reply, oldest first: a reply listing several data packages counts what is left in
 * all of them together.
 */
export function pointsOf(rows: readonly FigureRow[]): FigurePoint[] {
  const byMessage = new Map<string, FigurePoint>();
  for (const row of rows) {
    const point = byMessage.get(row.messageId);
    if (point) {
      point.value += row.value;
      point.unsure ||= row.confidence === 'unsure';
    } else {
      byMessage.set(row.messageId, { at: row.at, messageId: row.messageId, value: row.value, unsure: row.confidence === 'unsure' });
    }
  }
  return [...byMessage.values()].sort((a, b) => a.at - b.at || a.messageId.localeCompare(b.messageId));
}

/** The last HISTORY_REPLIES replies' values of one figure on one SIM, oldest first. */
export async function figureHistory(db: HallDb, simId: string, kind: OverviewKind): Promise<FigurePoint[]> {
  // Newest first along the index; a reply has at most a few rows of one kind (one per package).
  const rows = await db.figures
    .where('[simId+kind+at]')
    .between([simId, kind, -Infinity], [simId, kind, Infinity])
    .reverse()
    .limit(HISTORY_REPLIES * 4)
    .toArray();
  return pointsOf(rows).slice(-HISTORY_REPLIES);
}

/** The newest reply's value of one figure on one SIM (its packages added up), if there is one. */
export async function latestPoint(db: HallDb, simId: string, kind: OverviewKind): Promise<FigurePoint | undefined> {
  const newest = await db.figures.where('[simId+kind+at]').between([simId, kind, -Infinity], [simId, kind, Infinity]).last();
  if (!newest) return undefined;
  return pointsOf(await db.figures.where('messageId').equals(newest.messageId).filter((r) => r.kind === kind).toArray())[0];
}
