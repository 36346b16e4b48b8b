import { customerDataLeft, customerLeft, dataByPool, minutesByPool, toldOfCustomerData, type KindAmount } from '../../src-shared/replies';
import type { StringKey } from '../i18n';
import type { HallDb } from './db';
import type { NoticeRowKind } from './figures';
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
 * the reply added up, never with pools of another kind), minutes left the package's own minutes (never
 * with off-peak, group… minutes); a reply with no such figure has no point. Other figures of several
 * packages are added up; money only in one currency, the first one written (a reply with amounts in two
 * currencies is marked unsure: the other is in its text, never converted).
 */
export function pointsOf(rows: readonly FigureRow[]): FigurePoint[] {
  const byMessage = new Map<string, FigureRow[]>();
  for (const row of rows) byMessage.set(row.messageId, [...(byMessage.get(row.messageId) ?? []), row]);
  const points: FigurePoint[] = [];
  for (const [messageId, group] of byMessage) {
    const currency = group[0]!.currency ?? null;
    const same = group.filter((r) => (r.currency ?? null) === currency);
    const kind = group[0]!.kind;
    const value = isKinded(kind) ? customerOf(kind, kindsOf(group, kind))?.value : same.reduce((s, r) => s + r.value, 0);
    if (value === undefined) continue;
    const unsure = same.length < group.length || group.some((r) => r.confidence === 'unsure');
    points.push({ at: group[0]!.at, messageId, value, currency, unsure });
  }
  return points.sort((a, b) => a.at - b.at || a.messageId.localeCompare(b.messageId));
}

/** The figures told by kind, never added up across kinds: data left (general, provincial…) and minutes left (the package's own, off-peak…). */
export type KindedKind = 'data.remaining' | 'voice.remaining';
export const isKinded = (kind: string): kind is KindedKind => kind === 'data.remaining' || kind === 'voice.remaining';

/** A reply's rows of a kinded figure by kind, each kind on its own. */
export function kindsOf(rows: readonly FigureRow[], kind: KindedKind): KindAmount<string>[] {
  const own = rows.filter((r) => r.kind === kind);
  return kind === 'data.remaining'
    ? dataByPool(own.map((r) => ({ pool: r.pool ?? null, value: r.value, package: r.package, kindFrom: r.kindFrom, kindUnknown: r.kindUnknown, kindWords: r.kindWords, holder: r.holder, restates: r.restates })))
    : minutesByPool(own.map((r) => ({ pool: r.voicePool ?? null, value: r.value, package: r.package, kindFrom: r.kindFrom, holder: r.holder, restates: r.restates })));
}

/** The customer's own amount of a kinded figure (general data, the package's minutes), if the reply gives one. */
export function customerOf(kind: KindedKind, amounts: KindAmount<string>[]): KindAmount<string> | undefined {
  return kind === 'data.remaining' ? customerDataLeft(amounts) : customerLeft(amounts);
}

/** The newest reply on one SIM that told a kinded figure: when it came, and its amounts by kind. */
export interface LatestKinds {
  at: number;
  messageId: string;
  amounts: KindAmount<string>[];
  /** Its amount for the customer; undefined when it gives none (kinds only): an older figure is superseded by it. */
  customer: KindAmount<string> | undefined;
}

export async function latestKinds(db: HallDb, simId: string, kind: KindedKind): Promise<LatestKinds | undefined> {
  const rows = await newestTelling(db, simId, kind);
  if (!rows) return undefined;
  const amounts = kindsOf(rows, kind);
  return { at: rows[0]!.at, messageId: rows[0]!.messageId, amounts, customer: customerOf(kind, amounts) };
}

/** How many of a SIM's newest rows of one figure are looked through for a reply that tells it of the customer. */
const NEWEST_LOOKED_AT = 200;

/**
 * The rows of one figure of the newest reply on one SIM that tells it of the customer: a reply of data
 * extras only (WLAN, a 定向 app pack, carry-over about to lapse) is passed over, as the fleet board does.
 */
async function newestTelling(db: HallDb, simId: string, kind: string): Promise<FigureRow[] | undefined> {
  const rows = await db.figures.where('[simId+kind+at]').between([simId, kind, -Infinity], [simId, kind, Infinity]).reverse().limit(NEWEST_LOOKED_AT).toArray();
  const byMessage = new Map<string, FigureRow[]>();
  for (const row of rows) byMessage.set(row.messageId, [...(byMessage.get(row.messageId) ?? []), row]);
  const replies = [...byMessage.values()];
  const tells = (group: FigureRow[]) => kind !== 'data.remaining' || customerDataLeft(kindsOf(group, kind)) !== undefined || toldOfCustomerData(kindsOf(group, kind));
  return replies.find(tells) ?? replies[0];
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
export async function latestPoint(db: HallDb, simId: string, kind: OverviewKind | NoticeRowKind): Promise<FigurePoint | undefined> {
  const rows = await newestTelling(db, simId, kind);
  return rows && pointsOf(rows)[0];
}
