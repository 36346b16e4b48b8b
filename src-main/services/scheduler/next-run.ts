import type { Schedule } from '../../../src-shared/api/contract';

const DAY_MINUTES = 24 * 60;

function minutesOf(clock: string): number {
  const [h, m] = clock.split(':').map(Number);
  return h! * 60 + m!;
}

/** Whether a minute of the day (0…1439) falls in the quiet hours, which may run across midnight. */
export function isQuiet(minute: number, quiet: Schedule['quiet']): boolean {
  if (!quiet) return false;
  const from = minutesOf(quiet.from);
  const to = minutesOf(quiet.to);
  if (from === to) return false;
  return from < to ? minute >= from && minute < to : minute >= from || minute < to;
}

/**
 * When a schedule next runs after `after` (epoch ms), on this computer's clock: the day's `time`
 * plus a random delay of up to `jitterMinutes` (so that many users' checks do not reach 10086 in
 * the same second), moved to the end of the quiet hours when it would fall in them. `random`
 * returns [0, 1). Null for a schedule that is off.
 */
export function nextRun(schedule: Schedule, after: number, random: () => number): number | null {
  if (!schedule.enabled) return null;
  const jitter = Math.floor(random() * (schedule.jitterMinutes + 1));
  const start = new Date(after);
  const today = slotOn(start, 0, minutesOf(schedule.time) + jitter, schedule.quiet);
  // Tomorrow's slot is at or after tomorrow's midnight, so always later than `after`.
  return today > after ? today : slotOn(start, 1, minutesOf(schedule.time) + jitter, schedule.quiet);
}

/** The slot `minute` minutes after the midnight `dayOffset` days from `start` (built from the date, so DST shifts nothing). */
function slotOn(start: Date, dayOffset: number, minute: number, quiet: Schedule['quiet']): number {
  const m = quiet && isQuiet(minute % DAY_MINUTES, quiet) ? endOfQuiet(minute, quiet.to) : minute;
  return new Date(start.getFullYear(), start.getMonth(), start.getDate() + dayOffset, 0, m).getTime();
}

/** The first end of the quiet hours after `minute` (counted from the same midnight). */
function endOfQuiet(minute: number, to: string): number {
  const end = minute - (minute % DAY_MINUTES) + minutesOf(to);
  return end > minute ? end : end + DAY_MINUTES;
}
