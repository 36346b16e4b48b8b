import { beijingEpoch, beijingTime as beijingDate, daysInMonth } from '../wall-clock';
import type { ReplyRules } from './load';
import { spanOf, type Folded } from './normalize';
import { allMatches } from './regex';
import type { DateRole, RelativeDate } from './schema';
import type { DateRecord } from './types';

/** A written date may lie this far after receipt (clock drift) before it counts as last year's. */
const FUTURE_SLACK_MS = 2 * 24 * 3600_000;
/** Roles that name a day still to come; a date without a year is the next such day. */
const FORWARD: ReadonlySet<DateRole> = new Set(['validUntil', 'expiry']);

/**
 * Finds every date the rules know; an earlier rule wins where two overlap. `ranges` are the folded
 * offsets they cover, so their digits are never read as amounts.
 */
export function findDates(
  original: string,
  folded: Folded,
  rules: ReplyRules,
  receivedAt: number,
): { dates: DateRecord[]; ranges: [number, number][] } {
  const found: { date: DateRecord; range: [number, number] }[] = [];
  const free = (s: number, e: number) => found.every(({ range }) => e <= range[0] || s >= range[1]);
  for (const rule of rules.dates) {
    for (const m of allMatches(rule.pattern, folded.text)) {
      const range: [number, number] = [m.index, m.index + m[0].length];
      if (range[1] === range[0] || !free(...range)) continue;
      const when = rule.relative
        ? relative(rule.relative, receivedAt)
        : written(m.groups ?? {}, FORWARD.has(rule.role), receivedAt);
      if (when) found.push({ date: { role: rule.role, ...when, span: spanOf(original, folded, ...range) }, range });
    }
  }
  found.sort((a, b) => a.range[0] - b.range[0]);
  return { dates: found.map((f) => f.date), ranges: found.map((f) => f.range) };
}

type When = Omit<DateRecord, 'role' | 'span'>;

function written(g: Record<string, string | undefined>, forward: boolean, receivedAt: number): When | null {
  const num = (s: string | undefined) => (s === undefined ? null : Number(s));
  const month = num(g.mo)!;
  const day = num(g.d);
  const hour = num(g.h);
  const minute = num(g.mi);
  const given = num(g.y);
  if (month < 1 || month > 12) return null;
  let year = given ?? beijingDate(receivedAt).year;
  if (day !== null && (day < 1 || day > daysInMonth(year, month))) return null;
  if ((hour !== null && hour > 24) || (minute !== null && minute > 59)) return null;
  const at = (y: number) => beijingEpoch(y, month, day ?? 1, hour ?? 0, minute ?? 0);
  if (given === null) {
    // "截至11月25日" received on 1 January is last year's; "12月31日到期" received in January is this year's.
    if (!forward && at(year) > receivedAt + FUTURE_SLACK_MS) year--;
    if (forward && at(year) < receivedAt - FUTURE_SLACK_MS) year++;
  }
  return { year, month, day, hour, minute, at: at(year), yearInferred: given === null };
}

function relative(kind: RelativeDate, receivedAt: number): When {
  const { year, month } = beijingDate(receivedAt);
  const base = { hour: null, minute: null, yearInferred: true };
  if (kind === 'this-month') return { ...base, year, month, day: null, at: beijingEpoch(year, month) };
  const m = kind === 'end-of-year' ? 12 : month;
  const day = daysInMonth(year, m);
  return { ...base, year, month: m, day, at: beijingEpoch(year, m, day) };
}
