/** China Standard Time, UTC+8 all year: 32 quarter hours in an SMS timestamp. */
export const BEIJING_TZ_QUARTERS = 32;
const OFFSET_MS = 8 * 3600_000;

export interface BeijingTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** Wall-clock fields in Beijing, independent of the host's own time zone. */
export function beijingTime(d: Date): BeijingTime {
  const b = new Date(d.getTime() + OFFSET_MS);
  return {
    year: b.getUTCFullYear(),
    month: b.getUTCMonth() + 1,
    day: b.getUTCDate(),
    hour: b.getUTCHours(),
    minute: b.getUTCMinutes(),
    second: b.getUTCSeconds(),
  };
}

/** Months since year 0, so month arithmetic is plain subtraction. */
export function monthNumber(year: number, month: number): number {
  return year * 12 + (month - 1);
}
