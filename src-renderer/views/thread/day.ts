import type { I18n } from '../../i18n';

/*
 * Days and times of day as the thread shows them. A time is read on a clock given as a UTC offset in
 * minutes (the network's, see network-zone.ts), or, without one, on this computer's clock.
 */

/** Year, month (1-based), day, hours and minutes of `at` on the clock `offsetMin` (this computer's when undefined). */
function partsOf(at: number, offsetMin: number | undefined) {
  if (offsetMin === undefined) {
    const d = new Date(at);
    return { y: d.getFullYear(), m: d.getMonth() + 1, d: d.getDate() };
  }
  const d = new Date(shifted(at, offsetMin));
  return { y: d.getUTCFullYear(), m: d.getUTCMonth() + 1, d: d.getUTCDate() };
}

/** Calendar day on the clock, comparable by equality. */
export function dayKey(at: number, offsetMin?: number): string {
  return keyOf(partsOf(at, offsetMin));
}

const keyOf = (p: { y: number; m: number; d: number }) => `${p.y}-${p.m}-${p.d}`;

/** 今天 / 昨天 / a full date with weekday in the user's language, on the clock. */
export function dayLabel(at: number, now: number, i18n: I18n, offsetMin?: number): string {
  const day = dayKey(at, offsetMin);
  if (day === dayKey(now, offsetMin)) return i18n.t('thread.today');
  // The calendar day before today's, counted on the date itself: no hour of any clock is involved.
  const today = partsOf(now, offsetMin);
  const before = new Date(Date.UTC(today.y, today.m - 1, today.d - 1));
  if (day === keyOf({ y: before.getUTCFullYear(), m: before.getUTCMonth() + 1, d: before.getUTCDate() })) return i18n.t('thread.yesterday');
  return formatter(dateFormats, i18n.lang, offsetMin, { year: 'numeric', month: 'long', day: 'numeric', weekday: 'short' }).format(shifted(at, offsetMin));
}

/** One formatter per language and clock: building one costs more than formatting with it (a table of dates builds none per row). */
const dateFormats = new Map<string, Intl.DateTimeFormat>();
const timeFormats = new Map<string, Intl.DateTimeFormat>();
const monthDayFormats = new Map<string, Intl.DateTimeFormat>();
const secondFormats = new Map<string, Intl.DateTimeFormat>();

/** A fixed offset is formatted as UTC after moving the instant by it: every engine knows UTC, not every one knows "+08:00". */
const shifted = (at: number, offsetMin: number | undefined) => (offsetMin === undefined ? at : at + offsetMin * 60_000);

function formatter(cache: Map<string, Intl.DateTimeFormat>, lang: string, offsetMin: number | undefined, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${lang}|${offsetMin === undefined ? 'local' : 'utc'}`;
  let format = cache.get(key);
  if (!format) cache.set(key, (format = new Intl.DateTimeFormat(lang, offsetMin === undefined ? options : { ...options, timeZone: 'UTC' })));
  return format;
}

/** 09:21 on a 24-hour clock in Chinese (zh-Hant's own default is 上午09:21), 09:21 AM in English. */
export function timeOfDay(at: number, lang: string, offsetMin?: number): string {
  return formatter(timeFormats, lang, offsetMin, { hour: '2-digit', minute: '2-digit', ...(lang.startsWith('zh') ? { hourCycle: 'h23' } : {}) }).format(shifted(at, offsetMin));
}

/** 09:21:05: the times one SMS came more than once, which an SMSC's retry may put seconds apart. */
export function timeWithSeconds(at: number, lang: string, offsetMin?: number): string {
  return formatter(secondFormats, lang, offsetMin, { hour: '2-digit', minute: '2-digit', second: '2-digit', ...(lang.startsWith('zh') ? { hourCycle: 'h23' } : {}) }).format(shifted(at, offsetMin));
}

/** The date short, 12/5 or 12月5日, on the clock: for a table cell (its title says it whole). */
export function monthDay(at: number, lang: string, offsetMin?: number): string {
  return formatter(monthDayFormats, lang, offsetMin, { month: 'numeric', day: 'numeric' }).format(shifted(at, offsetMin));
}

/** The instant the calendar day holding `now` began, on the clock. */
export function startOfDay(now: number, offsetMin?: number): number {
  if (offsetMin === undefined) return new Date(now).setHours(0, 0, 0, 0);
  const day = 86_400_000;
  return Math.floor(shifted(now, offsetMin) / day) * day - offsetMin * 60_000;
}
