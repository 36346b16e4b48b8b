import type { LocalizedList } from '../catalog/schema';
import { PhraseFinder } from './phrases';
import type { Question } from './question';

const EN_MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const EN_MONTH_NAMES = 'january|february|march|april|may|june|july|august|september|october|november|december';
const EN_MONTH = new RegExp(`\\b(${EN_MONTH_NAMES}|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\\.?(?:\\s+(?:of\\s+)?(\\d{4}))?\\b`);
const ZH_NUMERALS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };
const ZH_YEAR_WORDS: Record<string, number> = { 今年: 0, 去年: -1, 前年: -2 };

/** A calendar month as the instruction writes it: `yyyymm`. */
function yyyymm(year: number, month: number): string {
  return `${year}${String(month).padStart(2, '0')}`;
}

/** The month `offset` months from now's (0: this month, -1: last month). */
export function shiftMonth(now: Date, offset: number): string {
  const d = new Date(now.getFullYear(), now.getMonth() + offset, 1);
  return yyyymm(d.getFullYear(), d.getMonth() + 1);
}

/** 三 → 3, 十 → 10, 十二 → 12; digits as they are. */
function monthNumber(text: string): number {
  if (/^\d+$/.test(text)) return Number(text);
  if (text.startsWith('十')) return 10 + (ZH_NUMERALS[text.slice(1)] ?? 0);
  return ZH_NUMERALS[text] ?? 0;
}

/** A month named without a year is the latest one not in the future: 十月 asked in February is last October. */
function latest(now: Date, month: number, yearOffset: number | null): string {
  const thisYear = now.getFullYear();
  if (yearOffset !== null) return yyyymm(thisYear + yearOffset, month);
  return yyyymm(month > now.getMonth() + 1 ? thisYear - 1 : thisYear, month);
}

/**
 * Reads the month a question names: written out (2026年10月, 2026-10, 202610, October 2026, 三月,
 * 去年12月) or relative to `now` (上个月, this month). Months out of range come back as written, for
 * the parameter check to refuse in words the user understands.
 */
export class MonthReader {
  private readonly relative = new PhraseFinder<number>();

  constructor(relative: readonly { offset: number; words: LocalizedList }[]) {
    for (const r of relative) this.relative.add(r.words, r.offset);
  }

  read(q: Question, now: Date): string | null {
    const text = q.folded;
    const written =
      text.match(/(\d{4})\s*年\s*(\d{1,2})\s*月/) ??
      text.match(/(?<!\d)(\d{4})\s*[-/.]\s*(\d{1,2})(?!\d)/) ??
      text.match(/(?<!\d)(20\d{2})(0[1-9]|1[0-2])(?!\d)/);
    if (written) return yyyymm(Number(written[1]), Number(written[2]));
    const en = text.match(EN_MONTH);
    // “may” alone is more often the verb (“may I see…”) than the month.
    if (en && (en[1] !== 'may' || en[2])) {
      const month = EN_MONTHS.indexOf(en[1]!.slice(0, 3)) + 1;
      return en[2] ? yyyymm(Number(en[2]), month) : latest(now, month, null);
    }
    const zh = text.match(/(今年|去年|前年)?\s*(\d{1,2}|十[一二]?|[一二三四五六七八九])\s*月/);
    if (zh) {
      const month = monthNumber(zh[2]!);
      if (month >= 1 && month <= 12) return latest(now, month, zh[1] ? ZH_YEAR_WORDS[zh[1]]! : null);
    }
    const [offset] = this.relative.find(q).values;
    return offset === undefined ? null : shiftMonth(now, offset);
  }
}

/** An amount of yuan the question names: 30元, 20块, ¥50, below 30, 低于20. */
export function readAmount(q: Question): string | null {
  const m =
    q.folded.match(/(\d+)\s*(?:元|块|yuan|rmb|cny)/) ??
    q.folded.match(/[¥￥]\s*(\d+)/) ??
    q.folded.match(/(?:低于|少于|不足|below|under|less than)\s*(\d+)/);
  return m ? m[1]! : null;
}
