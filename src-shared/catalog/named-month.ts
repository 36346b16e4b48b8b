import type { Instruction } from './schema';

/**
 * Months people name instead of writing them (查本月帳單, 上个月的话费, last month's bill), as how
 * many months back from the local date. The longer words first: 上上个月 holds 上个月.
 */
const NAMED_MONTHS: readonly [RegExp, number][] = [
  [/上上个?月|上上個月|上上一个月|上上一個月|month before last/i, 2],
  [/上个?月|上個月|上一个月|上一個月|上月份|前一个月|前一個月|last month|previous month|prior month/i, 1],
  [/本月|这个?月|這個?月|今个月|今個月|當月|当月|this month|current month/i, 0],
];

/** The yyyymm of the month a text names (本月, 上个月, this month, last month…) by the local date, or null. */
export function namedMonth(text: string, now: Date): string | null {
  const back = NAMED_MONTHS.find(([words]) => words.test(text))?.[1];
  if (back === undefined) return null;
  const month = new Date(now.getFullYear(), now.getMonth() - back, 1);
  return `${month.getFullYear()}${String(month.getMonth() + 1).padStart(2, '0')}`;
}

/**
 * The parameters a query already gives by naming a month (查本月帳單 → ZD's month), to fill the form
 * with: shown and editable before anything is sent.
 */
export function paramsNamedIn(instruction: Instruction, text: string, now: Date): Record<string, string> {
  const month = namedMonth(text, now);
  if (month === null) return {};
  return Object.fromEntries(instruction.params.filter((p) => p.type === 'month').map((p) => [p.name, month]));
}
