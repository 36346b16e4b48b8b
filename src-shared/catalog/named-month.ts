import type { Instruction } from './schema';

/**
 * Months people name instead of writing them (查本月帳單, 上个月的话费, last month's bill), as how
 * many months back from the local date. Each 上 is one month further back (上上上个月 is three);
 * "monthly" names no month (this monthly fee).
 */
const EACH_SHANG = /(上+)(?:一)?[个個]?月/;
const NAMED_MONTHS: readonly [RegExp, number][] = [
  [/month before last/i, 2],
  [/前一[个個]月|\b(?:last|previous|prior) month(?!ly)/i, 1],
  [/本月|这个?月|這個?月|今[个個]月|當月|当月|\b(?:this|current) month(?!ly)/i, 0],
];

function monthsBack(text: string): number | undefined {
  const shang = EACH_SHANG.exec(text)?.[1];
  return shang ? shang.length : NAMED_MONTHS.find(([words]) => words.test(text))?.[1];
}

/**
 * The months 10086 has a bill for: the last six, and none yet for the running one (ZD202612 in
 * December is answered "账单尚未生成", plain ZD gives its charges so far: see the emulator's 10086).
 */
const BILLED_MONTHS_BACK = { from: 1, to: 6 };

/** Whether a text names a month before this one (上个月, 上上月, last month): what was spent then is a bill, not a balance. */
export function namesPastMonth(text: string): boolean {
  return (monthsBack(text) ?? 0) >= 1;
}

/** The yyyymm of the month a text names (本月, 上个月, this month, last month…) by the local date, or null. */
export function namedMonth(text: string, now: Date): string | null {
  const back = monthsBack(text);
  return back === undefined ? null : monthBefore(now, back);
}

function monthBefore(now: Date, back: number): string {
  const month = new Date(now.getFullYear(), now.getMonth() - back, 1);
  return `${month.getFullYear()}${String(month.getMonth() + 1).padStart(2, '0')}`;
}

/**
 * The parameters a query already gives by naming a month (查上个月帳單 → ZD's month), to fill the form
 * with: shown and editable before anything is sent. Only a month 10086 has a bill for: 查本月帳單
 * leaves the month empty rather than fill in one whose SMS would be refused.
 */
export function paramsNamedIn(instruction: Instruction, text: string, now: Date): Record<string, string> {
  const back = monthsBack(text);
  if (back === undefined || back < BILLED_MONTHS_BACK.from || back > BILLED_MONTHS_BACK.to) return {};
  const month = monthBefore(now, back);
  return Object.fromEntries(instruction.params.filter((p) => p.type === 'month').map((p) => [p.name, month]));
}
