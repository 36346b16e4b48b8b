import type { I18n } from '../../i18n';

/** Calendar day on this computer's clock, comparable by equality. */
export function dayKey(at: number): string {
  const d = new Date(at);
  return `${d.getFullYear()}-${d.getMonth() + 1}-${d.getDate()}`;
}

/** 今天 / 昨天 / a full date with weekday in the user's language. */
export function dayLabel(at: number, now: number, i18n: I18n): string {
  const today = new Date(now);
  const yesterday = new Date(today.getFullYear(), today.getMonth(), today.getDate() - 1).getTime();
  if (dayKey(at) === dayKey(now)) return i18n.t('thread.today');
  if (dayKey(at) === dayKey(yesterday)) return i18n.t('thread.yesterday');
  let format = dateFormats.get(i18n.lang);
  if (!format) dateFormats.set(i18n.lang, (format = new Intl.DateTimeFormat(i18n.lang, { year: 'numeric', month: 'long', day: 'numeric', weekday: 'short' })));
  return format.format(at);
}

/** One formatter per language: building one costs more than formatting with it (a table of dates builds none per row). */
const dateFormats = new Map<string, Intl.DateTimeFormat>();
const timeFormats = new Map<string, Intl.DateTimeFormat>();

export function timeOfDay(at: number, lang: string): string {
  let format = timeFormats.get(lang);
  if (!format) timeFormats.set(lang, (format = new Intl.DateTimeFormat(lang, { hour: '2-digit', minute: '2-digit' })));
  return format.format(at);
}
