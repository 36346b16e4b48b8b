import { customerDataLeft, dataByPool, type PoolAmount } from '../replies/pools';
import type { FigureRecord } from '../replies/types';

/**
 * The headline figures of one SIM that leave the machine (MQTT, Prometheus, the fleet table), as
 * read from one 10086 reply. Null where that reply did not say.
 */
export interface HeadlineFigures {
  /** Yuan. */
  balance: number | null;
  /** MB: see generalDataLeftMb. */
  generalDataLeftMb: number | null;
  /** MB per data pool kind: see dataLeftByPool. */
  dataLeftByPoolMb: Record<string, number>;
  /** Minutes. */
  minutesLeft: number | null;
  points: number | null;
}

const sum = (values: readonly number[]): number | null => (values.length ? values.reduce((a, b) => a + b, 0) : null);

function valuesOf(figures: readonly FigureRecord[], topic: string, field: string): number[] {
  return figures.filter((f) => f.topic === topic && f.field === field).map((f) => f.value);
}

function dataLeftPools(figures: readonly FigureRecord[]): PoolAmount[] {
  return dataByPool(figures.filter((f) => f.topic === 'data' && f.field === 'remaining').map((f) => ({ pool: f.pool, value: f.value, package: f.package })));
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
 * Data left per pool kind, for the metrics' `pool` label. An amount of no stated kind is given (as
 * `unstated`) only when it is the reply's one such amount: two of them may be a total and its part.
 */
export function dataLeftByPool(figures: readonly FigureRecord[]): Record<string, number> {
  const pools = dataLeftPools(figures);
  const unstated = pools.filter((a) => a.pool === null);
  const byKind: Record<string, number> = Object.fromEntries(pools.flatMap((a) => (a.pool ? [[a.pool, a.mb]] : [])));
  if (unstated.length === 1) byKind.unstated = unstated[0]!.mb;
  return byKind;
}

export function headlineFigures(figures: readonly FigureRecord[]): HeadlineFigures {
  return {
    balance: sum(valuesOf(figures, 'balance', 'balance')),
    generalDataLeftMb: generalDataLeftMb(figures),
    dataLeftByPoolMb: dataLeftByPool(figures),
    minutesLeft: sum(valuesOf(figures, 'voice', 'remaining')),
    points: sum(valuesOf(figures, 'points', 'total')),
  };
}
