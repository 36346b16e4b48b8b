/** Four bars, the first `bars` of them filled. */
export function SignalBars({ bars, label }: { bars: 0 | 1 | 2 | 3 | 4; label: string }) {
  return (
    <svg className="signal-bars" viewBox="0 0 20 16" width="20" height="16" role="img" aria-label={label}>
      {[0, 1, 2, 3].map((i) => (
        <rect key={i} x={i * 5} y={12 - i * 4} width="3.5" height={4 + i * 4} rx="0.5" className={i < bars ? 'on' : 'off'} />
      ))}
    </svg>
  );
}
