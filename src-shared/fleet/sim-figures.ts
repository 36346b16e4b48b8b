import { currencyOf } from '../replies/describe';
import { customerDataLeft, dataByPool, type PoolAmount } from '../replies/pools';
import type { FigureRecord } from '../replies/types';

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
    minutesLeft: sum(valuesOf(figures, 'voice', 'remaining')),
    points: sum(valuesOf(figures, 'points', 'total')),
  };
}
