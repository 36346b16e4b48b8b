/** China Standard Time, UTC+8 all year: 10086 writes every date and time in it. */
export const BEIJING_OFFSET_MS = 8 * 3600_000;
/** The same offset in an SMS timestamp's unit: 32 quarter hours. */
export const BEIJING_TZ_QUARTERS = 32;

export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** Wall-clock fields at a fixed offset from UTC, whatever the host's own time zone. */
export function wallClockAt(epochMs: number, offsetMs: number): WallClock {
  const t = new Date(epochMs + offsetMs);
  return {
    year: t.getUTCFullYear(),
    month: t.getUTCMonth() + 1,
    day: t.getUTCDate(),
    hour: t.getUTCHours(),
    minute: t.getUTCMinutes(),
    second: t.getUTCSeconds(),
  };
}

export function beijingTime(when: Date | number): WallClock {
  return wallClockAt(typeof when === 'number' ? when : when.getTime(), BEIJING_OFFSET_MS);
}

/** Epoch milliseconds of a Beijing wall-clock time. */
export function beijingEpoch(year: number, month: number, day = 1, hour = 0, minute = 0): number {
  return Date.UTC(year, month - 1, day, hour, minute) - BEIJING_OFFSET_MS;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Months since year 0, so month arithmetic is plain subtraction. */
export function monthNumber(year: number, month: number): number {
  return year * 12 + (month - 1);
}
