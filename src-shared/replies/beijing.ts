/** China Standard Time, UTC+8 all year: 10086 writes every date and time in it. */
const OFFSET_MS = 8 * 3600_000;

export interface WallTime {
  year: number;
  month: number;
  day: number;
}

export function beijingDate(epochMs: number): WallTime {
  const b = new Date(epochMs + OFFSET_MS);
  return { year: b.getUTCFullYear(), month: b.getUTCMonth() + 1, day: b.getUTCDate() };
}

/** Epoch milliseconds of a Beijing wall-clock time. */
export function beijingEpoch(year: number, month: number, day = 1, hour = 0, minute = 0): number {
  return Date.UTC(year, month - 1, day, hour, minute) - OFFSET_MS;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}
