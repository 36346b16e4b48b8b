import { sparklinePath, sparklinePoints, type Box } from './sparkline';

const BOX: Box = { width: 160, height: 40, pad: 4 };

/** A figure's recent history as a small line, newest at the right (marked with a dot). */
export function Sparkline({ values, label }: { values: readonly number[]; label: string }) {
  const last = sparklinePoints(values, BOX).at(-1);
  return (
    <svg className="sparkline" viewBox={`0 0 ${BOX.width} ${BOX.height}`} width={BOX.width} height={BOX.height} role="img" aria-label={label}>
      <path d={sparklinePath(values, BOX)} fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinejoin="round" />
      {last && <circle cx={last[0]} cy={last[1]} r="2.5" fill="currentColor" />}
    </svg>
  );
}
