import { currencyOf } from '../replies/describe';
import { customerDataLeft, customerLeft, dataByPool, minutesByPool, toldOfCustomerData, type KindAmount, type MinutesAmount, type PoolAmount } from '../replies/pools';
import type { FigureRecord } from '../replies/types';
import type { SimState } from './sim-state';
import { writtenAt } from '../written-at';

/**
 * The headline figures of one SIM that leave the machine (MQTT, Prometheus, the fleet table), as
 * read from one 10086 reply. Null where that reply did not say.
 */
export interface HeadlineFigures {
  /** In balanceCurrency (yuan when that is null), never converted. */
  balance: number | null;
  /** The balance's currency as written when it is not yuan (HK$, £); null for yuan. */
  balanceCurrency: string | null;
  /** MB: see generalDataLeftMb. */
  generalDataLeftMb: number | null;
  /** MB per data pool kind: see dataLeftByPool. */
  dataLeftByPoolMb: Record<string, number>;
  /** Minutes: the package's own (see minutesLeft). */
  minutesLeft: number | null;
  /** Minutes per kind (the package's own, off-peak, group…), never added up: see minutesLeftByPool. */
  minutesLeftByPool: Record<string, number>;
  points: number | null;
}

const sum = (values: readonly number[]): number | null => (values.length ? values.reduce((a, b) => a + b, 0) : null);

function valuesOf(figures: readonly FigureRecord[], topic: string, field: string): number[] {
  return figures.filter((f) => f.topic === topic && f.field === field).map((f) => f.value);
}

function dataLeftPools(figures: readonly FigureRecord[]): PoolAmount[] {
  return dataByPool(figures.filter((f) => f.topic === 'data' && f.field === 'remaining'));
}

/**
 * "General data left": what the customer can use anywhere, the general pools only (a reply that
 * names no kind at all and gives one amount gives that). Provincial, off-peak and the other kinds
 * are never added in; they travel on their own in dataLeftByPool.
 */
export function generalDataLeftMb(figures: readonly FigureRecord[]): number | null {
  return customerDataLeft(dataLeftPools(figures))?.mb ?? null;
}

/**
 * Amounts per kind, for the metrics' `pool` label. An amount of no stated kind is given (as
 * `unstated`) only when it is the reply's one such amount: two of them may be a total and its part.
 * An amount whose kind was inferred (see kindStated) is given under its kind only when it is that kind's one
 * amount: it is never added to the kind's stated sum, nor stands for it.
 */
export function leftByKind(amounts: readonly KindAmount<string>[]): Record<string, number> {
  // An amount of a kind a word the reader does not know named (追剧流量, `unknown`) is no `unstated` amount of the customer's.
  // A member's share and an amount that may say a kind's again (labelling rules 13, 14) stand for no kind of the customer's.
  amounts = amounts.filter((a) => a.holder === undefined && !a.restated);
  const unstated = amounts.filter((a) => a.pool === null && !a.unknown);
  const lone = (a: KindAmount<string>) => !a.inferred || amounts.filter((b) => b.pool === a.pool).length === 1;
  const byKind: Record<string, number> = Object.fromEntries(amounts.flatMap((a) => (a.pool && lone(a) ? [[a.pool, a.value]] : [])));
  if (unstated.length === 1) byKind.unstated = unstated[0]!.value;
  return byKind;
}

/** Data left per pool kind (MB): see leftByKind. */
export const dataLeftByPool = (figures: readonly FigureRecord[]): Record<string, number> => leftByKind(dataLeftPools(figures));

function minutesLeftPools(figures: readonly FigureRecord[]): MinutesAmount[] {
  return minutesByPool(figures.filter((f) => f.topic === 'voice' && f.field === 'remaining').map((f) => ({ pool: f.voicePool, value: f.value, package: f.package, kindFrom: f.kindFrom, holder: f.holder, restates: f.restates })));
}

/**
 * "Minutes left": the package's own minutes only (a reply that names no kind and gives one amount
 * gives that). Off-peak (闲时), group (集团), long-distance and the other kinds are never added in:
 * real fs-2016-0312 has 40 left of the package, 40 off-peak and 896 of a group network, and its
 * minutes left are 40, not 976.
 */
export const minutesLeft = (figures: readonly FigureRecord[]): number | null => customerLeft(minutesLeftPools(figures))?.value ?? null;

/** Minutes left per kind: see leftByKind. */
export const minutesLeftByPool = (figures: readonly FigureRecord[]): Record<string, number> => leftByKind(minutesLeftPools(figures));

/**
 * The balance in the currency of the first one written: amounts in another currency (a Hong Kong
 * account's HK$ and its 人民币 account) are never added to it, nor converted.
 */
export function balanceOf(figures: readonly FigureRecord[]): { balance: number | null; balanceCurrency: string | null } {
  const balances = figures.filter((f) => f.topic === 'balance' && f.field === 'balance');
  const currency = balances[0] ? currencyOf(balances[0].currency) : null;
  return { balance: sum(balances.filter((f) => currencyOf(f.currency) === currency).map((f) => f.value)), balanceCurrency: currency };
}

export function headlineFigures(figures: readonly FigureRecord[]): HeadlineFigures {
  return {
    ...balanceOf(figures),
    generalDataLeftMb: generalDataLeftMb(figures),
    dataLeftByPoolMb: dataLeftByPool(figures),
    minutesLeft: minutesLeft(figures),
    minutesLeftByPool: minutesLeftByPool(figures),
    points: sum(valuesOf(figures, 'points', 'total')),
  };
}

/**
 * How far ahead of the clock a kept figure's time may be and still be taken as written: a time server's step
 * back is seconds, and a late reply older than a figure must not replace it because the clock moved a little.
 */
export const CLOCK_SLACK_MS = 3600_000;

/**
 * The `now` newerFigures weighs a kept time against: this clock, unless the reply's service-centre stamp lies more than
 * CLOCK_SLACK_MS ahead of it. Then this clock is behind (a board with no clock battery, before its time server answers),
 * so a kept time ahead of it is no sign of a clock that ran ahead, and holds as written (review28: a reply stamped days
 * before the kept figure, delivered late or repeated in that window, took the row). A stamp that cannot be read says nothing.
 */
export function clockToWeighBy(stamp: string | null | undefined, clock: number): number {
  return Date.parse(stamp ?? '') > clock + CLOCK_SLACK_MS ? Number.POSITIVE_INFINITY : clock;
}

/**
 * When a reply was written, on the scale kept times are weighed on (newerFigures' `at`): writtenAt, unless this clock is
 * behind (clockToWeighBy gave no clock). Then its arrival by this clock lies before every kept time written with the right
 * one, a fresh reply's as much as a stale one's, and held back a top-up's new balance (read21): only the service centre's
 * stamp tells them apart.
 */
export function writtenOnKeptScale(stamp: string | null | undefined, receivedAt: number, now: number): number {
  return now === Number.POSITIVE_INFINITY ? Date.parse(stamp!) : writtenAt(stamp, receivedAt);
}

const speaksOf = (figures: readonly FigureRecord[], topic: FigureRecord['topic']) => figures.some((f) => f.topic === topic && f.field === 'remaining');


/**
 * A SIM's figures after a reply written at `at` (writtenAt: its arrival, or its stamp when delivered late):
 * each figure the reply told replaces the one kept, unless the one kept is from a newer reply (replies
 * can come in out of order: a modem that was off, a SIM read later). A reply that told what
 * is left of data (or minutes) replaces that figure even when it gave no one amount for the customer
 * (kinds only): the older amount is superseded, not current, so it is dropped and its time points to
 * the newer reply. A reply about something else (a balance), or of data extras only (WLAN, a 定向 app
 * pack), leaves data as it was, with its own time. `zoneMin` is the reply's stamp's UTC offset (null: none).
 * A kept time more than CLOCK_SLACK_MS ahead of `now` holds nothing back (review27): no reply read yet was written
 * then, so it was written by a clock that ran ahead (a flat clock battery, a wrong time server) or a hand in
 * sim-board.json, and kept every reply after it off the row for good, its figure shown as the latest.
 */
export function newerFigures(state: SimState, figures: readonly FigureRecord[], at: number, now: number, zoneMin: number | null = null): Partial<SimState> {
  const h = headlineFigures(figures);
  const newer = (was: number | null) => was === null || was <= at || was > now + CLOCK_SLACK_MS;
  const asOf = { ...state.asOf };
  const patch: Partial<SimState> = {};
  if (h.balance !== null && newer(asOf.balance)) {
    Object.assign(patch, { balance: h.balance, balanceCurrency: h.balanceCurrency });
    asOf.balance = at;
  }
  if (speaksOf(figures, 'data') && newer(asOf.data) && (h.generalDataLeftMb !== null || toldOfCustomerData(dataLeftPools(figures)))) {
    Object.assign(patch, { generalDataLeftMb: h.generalDataLeftMb, dataLeftByPoolMb: h.dataLeftByPoolMb });
    asOf.data = at;
  }
  if (speaksOf(figures, 'voice') && newer(asOf.minutes)) {
    Object.assign(patch, { minutesLeft: h.minutesLeft, minutesLeftByPool: h.minutesLeftByPool });
    asOf.minutes = at;
  }
  if (h.points !== null && newer(asOf.points)) {
    patch.points = h.points;
    asOf.points = at;
  }
  // The row's times are read on the newest reply's zone: a reply delivered late keeps the newer one's.
  const newest = newer(state.lastUpdate);
  return { ...patch, asOf, lastUpdate: newest ? at : state.lastUpdate, zoneMin: newest ? zoneMin : state.zoneMin };
}

/** Each kind of figure a reply sets together with its time (newerFigures). */
const FIGURE_KINDS = [
  { fields: ['balance', 'balanceCurrency'], asOf: 'balance' },
  { fields: ['generalDataLeftMb', 'dataLeftByPoolMb'], asOf: 'data' },
  { fields: ['minutesLeft', 'minutesLeftByPool'], asOf: 'minutes' },
  { fields: ['points'], asOf: 'points' },
] as const satisfies readonly { fields: readonly (keyof SimState)[]; asOf: keyof SimState['asOf'] }[];

const sameValue = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** What of a SIM's state one reply's figures set (newerFigures): all a withdrawal needs to know of before and after. */
export type FigureSnapshot = Pick<SimState, 'balance' | 'balanceCurrency' | 'generalDataLeftMb' | 'dataLeftByPoolMb' | 'minutesLeft' | 'minutesLeftByPool' | 'points' | 'asOf' | 'lastUpdate' | 'zoneMin'>;

export function figureSnapshot(s: FigureSnapshot): FigureSnapshot {
  const { balance, balanceCurrency, generalDataLeftMb, dataLeftByPoolMb, minutesLeft, minutesLeftByPool, points, asOf, lastUpdate, zoneMin } = s;
  return structuredClone({ balance, balanceCurrency, generalDataLeftMb, dataLeftByPoolMb, minutesLeft, minutesLeftByPool, points, asOf, lastUpdate, zoneMin });
}

/**
 * A SIM's figures without one reply's, read before it was found possibly joined wrong (mixedUpSendings):
 * each figure that reply set (`before` → `after`) goes back to what it was before it, unless a newer reply
 * has replaced it since (`now` differs from `after`); the row's time and zone likewise.
 */
export function withdrawnFigures(now: SimState, before: FigureSnapshot, after: FigureSnapshot): Partial<SimState> {
  const patch: Record<string, unknown> = {};
  const asOf = { ...now.asOf };
  for (const kind of FIGURE_KINDS) {
    const set = before.asOf[kind.asOf] !== after.asOf[kind.asOf] || kind.fields.some((f) => !sameValue(before[f], after[f]));
    const since = now.asOf[kind.asOf] !== after.asOf[kind.asOf] || kind.fields.some((f) => !sameValue(now[f], after[f]));
    if (!set || since) continue;
    for (const f of kind.fields) patch[f] = before[f];
    asOf[kind.asOf] = before.asOf[kind.asOf];
  }
  const times = now.lastUpdate === after.lastUpdate && now.zoneMin === after.zoneMin ? { lastUpdate: before.lastUpdate, zoneMin: before.zoneMin } : {};
  return { ...(patch as Partial<SimState>), asOf, ...times };
}
