export interface Box {
  width: number;
  height: number;
  /** Kept free on every side, so the line and its end dot are not cut off. */
  pad: number;
}

/**
 * The SVG path of a line through `values`, left to right, scaled into the box (highest value at
 * the top). One value is a flat line; none is an empty path.
 */
export function sparklinePath(values: readonly number[], box: Box): string {
  if (values.length === 0) return '';
  return sparklinePoints(values, box)
    .map(([x, y], i) => `${i === 0 ? 'M' : 'L'}${x},${y}`)
    .join(' ');
}

/** Where each value sits in the box, rounded to a tenth of a pixel. */
export function sparklinePoints(values: readonly number[], { width, height, pad }: Box): [number, number][] {
  const min = Math.min(...values);
  const max = Math.max(...values);
  const span = max - min;
  const round = (n: number) => Math.round(n * 10) / 10;
  const stepX = values.length > 1 ? (width - 2 * pad) / (values.length - 1) : 0;
  return values.map((v, i) => {
    const x = values.length > 1 ? pad + i * stepX : width / 2;
    // A flat series sits in the middle rather than on an edge.
    const y = span === 0 ? height / 2 : pad + ((max - v) / span) * (height - 2 * pad);
    return [round(x), round(y)];
  });
}
