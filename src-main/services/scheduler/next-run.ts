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
 *
 * `firstDay` (a local midnight, see `dayAfterRun`) is the first schedule day whose slot may run:
 * the day after the one the last run belonged to. Without it, the slot of `after`'s own day or the next.
 */
export function nextRun(schedule: Schedule, after: number, random: () => number, firstDay?: number): number | null {
  if (!schedule.enabled) return null;
  const jitter = Math.floor(random() * (schedule.jitterMinutes + 1));
  const minute = minutesOf(schedule.time) + jitter;
  // A slot lands less than two days after its day's midnight (time + jitter, then the quiet hours), so
  // the slots of days before the day before yesterday are all behind `after`.
  for (let day = Math.max(firstDay ?? midnight(after), midnight(after, -2)); ; day = midnight(day, 1)) {
    const slot = slotOn(day, minute, schedule.quiet);
    if (slot > after) return slot;
  }
}

/**
 * The first schedule day after the one a run at `ranAt` belonged to. A slot that quiet hours pushed
 * past midnight belongs to the day before: the latest day whose earliest slot (no jitter) is not after the run.
 */
export function dayAfterRun(schedule: Schedule, ranAt: number): number {
  let day = midnight(ranAt);
  while (slotOn(day, minutesOf(schedule.time), schedule.quiet) > ranAt) day = midnight(day, -1);
  return midnight(day, 1);
}

/** The local midnight of the day `t` falls on, moved by `days` days (built from the date, so DST shifts nothing). */
export function midnight(t: number, days = 0): number {
  const d = new Date(t);
  return new Date(d.getFullYear(), d.getMonth(), d.getDate() + days).getTime();
}

/** The slot `minute` minutes after the midnight `day`, out of the quiet hours. */
function slotOn(day: number, minute: number, quiet: Schedule['quiet']): number {
  const m = quiet && isQuiet(minute % DAY_MINUTES, quiet) ? endOfQuiet(minute, quiet.to) : minute;
  const d = new Date(day);
  return new Date(d.getFullYear(), d.getMonth(), d.getDate(), 0, m).getTime();
}

/** The first end of the quiet hours after `minute` (counted from the same midnight). */
function endOfQuiet(minute: number, to: string): number {
  const end = minute - (minute % DAY_MINUTES) + minutesOf(to);
  return end > minute ? end : end + DAY_MINUTES;
}
