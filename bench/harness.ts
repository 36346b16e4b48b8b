/**
 * The bench prints figures, never asserts: each section measures one capability and, where an
 * issue names a target, says whether it held. Baselines run in the same process, side by side.
 */
export interface Figure {
  name: string;
  value: number | string;
  unit?: string;
  /** The target as written in the issue, e.g. "≤ 1 ms p95". */
  target?: string;
  /** Whether the target held in this run (undefined when there is no target). */
  pass?: boolean;
}

export interface Section {
  title: string;
  figures: Figure[];
  notes?: string[];
}

export type Bench = () => Promise<Section>;

export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

/** Times `fn` once per item after a warm-up, returning per-call milliseconds. */
export function timeEach<T>(items: readonly T[], fn: (item: T) => unknown, warmup = 200): number[] {
  for (let i = 0; i < warmup; i++) fn(items[i % items.length]!);
  const out: number[] = [];
  for (const item of items) {
    const t0 = performance.now();
    fn(item);
    out.push(performance.now() - t0);
  }
  return out;
}

export function round(n: number, digits = 3): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}
