import { customerDataLeft, dataByPool, type PoolAmount } from '../../src-shared/replies';
import type { StringKey } from '../i18n';
import type { HallDb } from './db';
import type { SUSPENDED } from './figures';
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
  /** Money only: the currency as written when it is not yuan (HK$, £); null for yuan. Never converted. */
  currency: string | null;
  /** The reply rules were not sure of some figure of that reply. */
  unsure: boolean;
}

/** How many replies the history charts go back. */
export const HISTORY_REPLIES = 30;

/**
 * One point per reply, oldest first. Data left is the customer's general data (the general pools of
 * the reply added up, never with pools of another kind); a reply with no such figure has no point.
 * Other figures of several packages are added up; money only in one currency, the first one written
 * (a reply with amounts in two currencies is marked unsure: the other is in its text, never converted).
 */
export function pointsOf(rows: readonly FigureRow[]): FigurePoint[] {
  const byMessage = new Map<string, FigureRow[]>();
  for (const row of rows) byMessage.set(row.messageId, [...(byMessage.get(row.messageId) ?? []), row]);
  const points: FigurePoint[] = [];
  for (const [messageId, group] of byMessage) {
    const currency = group[0]!.currency ?? null;
    const same = group.filter((r) => (r.currency ?? null) === currency);
    const value = group[0]!.kind === 'data.remaining' ? customerDataLeft(poolsOf(group))?.mb : same.reduce((s, r) => s + r.value, 0);
    if (value === undefined) continue;
    const unsure = same.length < group.length || group.some((r) => r.confidence === 'unsure');
    points.push({ at: group[0]!.at, messageId, value, currency, unsure });
  }
  return points.sort((a, b) => a.at - b.at || a.messageId.localeCompare(b.messageId));
}

/** A reply's data-left rows by kind of pool, each kind on its own. */
export function poolsOf(rows: readonly FigureRow[]): PoolAmount[] {
  return dataByPool(rows.filter((r) => r.kind === 'data.remaining').map((r) => ({ pool: r.pool ?? null, value: r.value, package: r.package })));
}

/** The data left by kind of pool in the newest reply on one SIM that has any. */
export async function latestDataPools(db: HallDb, simId: string): Promise<PoolAmount[]> {
  const kind = 'data.remaining';
  const newest = await db.figures.where('[simId+kind+at]').between([simId, kind, -Infinity], [simId, kind, Infinity]).last();
  if (!newest) return [];
  return poolsOf(await db.figures.where('messageId').equals(newest.messageId).toArray());
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
export async function latestPoint(db: HallDb, simId: string, kind: OverviewKind | typeof SUSPENDED): Promise<FigurePoint | undefined> {
  const newest = await db.figures.where('[simId+kind+at]').between([simId, kind, -Infinity], [simId, kind, Infinity]).last();
  if (!newest) return undefined;
  return pointsOf(await db.figures.where('messageId').equals(newest.messageId).filter((r) => r.kind === kind).toArray())[0];
}
