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

/**
 * The data left that is published as "general data left". Today the reply rules do not tell pools
 * apart, so this is what the Overview calls data left: every package's remaining MB added up.
 * THE PLUG-IN POINT for the pool split (general / provincial / app / offpeak / wlan / carryover /
 * shared, in src-shared/replies): once a figure carries its pool kind, keep only `general` here.
 */
export function generalDataLeftMb(figures: readonly FigureRecord[]): number | null {
  return sum(valuesOf(figures, 'data', 'remaining'));
}

/**
 * Data left per pool kind, for the metrics' `pool` label. Without pool kinds in the reply rules
 * yet, everything is one pool named `all`; the pool split replaces this with one entry per kind.
 */
export function dataLeftByPool(figures: readonly FigureRecord[]): Record<string, number> {
  const all = generalDataLeftMb(figures);
  return all === null ? {} : { all };
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
