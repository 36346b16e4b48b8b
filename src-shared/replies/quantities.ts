import type { MeasureRule } from './load';
import type { Measure } from './schema';

/** A number in the folded text, with its unit when it has one. Offsets are folded offsets. */
export interface Quantity {
  start: number;
  end: number;
  /** In the measure's canonical unit (yuan, MB, minutes, messages, points). */
  value: number;
  /** Null for a bare number (no unit, no currency sign). */
  measure: Measure | null;
  /** The value of one step of the last digit written, in canonical units: how exact the text is. */
  precision: number;
  decimals: number;
  /** Other measures its unit word also names (分: points, minutes after 通话, fen after 费用): the words before it choose. */
  alternatives?: Alternative[];
}

/** Another measure a unit word names, with its factor there (分: a hundredth of a yuan). */
export interface Alternative {
  measure: Measure;
  factor: number;
}

interface UnitWord {
  word: string;
  measure: Measure;
  factor: number;
  /** Other measures the same word names (分: minutes, points and fen); empty for most. */
  alternatives: Alternative[];
}

// Digits not glued to a word before them (`ktyetx20` is masked anyway; this guards `a1`), but for a
// decimal with a unit (剩余GPRS200.00M, 共含WLAN1100.00M): see scan.
const NUMBER = /(?<![\d.])(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?/gu;
const LATIN = /[a-z]/u;
/** Data words written in letters that a unit may run into with no space (10MGPRS). */
const GLUED_DATA_WORD = /^(?:gprs|wlan|cmwap|cmnet)/u;
/** A table's row of one cell: a name, spaces or a tab, and a number with no unit ending the line ("功能费 94.60"). */
export const NAMED_CELL_ROW = /^\s*[^\d\s][^\d\n]*?\s+\d+(?:\.\d+)?\s*$/u;
const JOINERS = new Set(['and', 'or', 'plus', 'with', 'then', 'but']);
/** Measures never below zero. */
const UNSIGNED = new Set<Measure>(['data', 'minutes', 'count']);
/** A unit of such a measure only (分 may be a yuan's hundredth too: it stays signed). */
const unsigned = (unit: UnitWord | null) => unit !== null && UNSIGNED.has(unit.measure) && unit.alternatives.every((a) => UNSIGNED.has(a.measure));

export class QuantityScanner {
  private readonly units: UnitWord[];
  private readonly prefixes: UnitWord[];

  constructor(private readonly measures: Record<Measure, MeasureRule>) {
    const all = (pick: (m: MeasureRule) => [string, number][]) =>
      (Object.entries(measures) as [Measure, MeasureRule][])
        .flatMap(([measure, rule]) => pick(rule).map(([word, factor]): UnitWord => ({ word, measure, factor, alternatives: [] })))
        // A word two measures share names the one with the larger unit unless the words before it say
        // otherwise: 分 alone is minutes, a yuan's hundredth only after 费用 or 余额.
        .sort((a, b) => b.word.length - a.word.length || (a.word === b.word ? b.factor - a.factor : 0));
    this.units = all((m) => m.units);
    for (const unit of this.units) {
      unit.alternatives = this.units.filter((u) => u.word === unit.word && u.measure !== unit.measure).map(({ measure, factor }) => ({ measure, factor }));
    }
    this.prefixes = all((m) => m.prefixes);
  }

  /** Every number in `text` (already masked where nothing may be read as an amount). */
  scan(text: string): Quantity[] {
    const out: Quantity[] = [];
    NUMBER.lastIndex = 0;
    for (let m = NUMBER.exec(text); m; m = NUMBER.exec(text)) {
      let start = m.index;
      const digits = m[0];
      const decimals = digits.includes('.') ? digits.length - digits.indexOf('.') - 1 : 0;
      let value = Number(digits.replaceAll(',', ''));
      const afterNumber = m.index + digits.length;
      const unit = this.unitAt(text, afterNumber);
      // "余额为-12.30元", "余额为负12.30元": a minus sign, or 负 (negative) written as a word, right before the number.
      // Only money is signed. Data, minutes and messages are never below zero, so a sign before one is no amount of
      // the customer's: a hyphen joining a name to its size ("赠送省内流量-5MB已使用…", real r21-014), or a figure
      // whose meaning is unknown (剩余：-1.5GB is no 1.5 GB left).
      if ((text[start - 1] === '-' && !/[\da-z]/u.test(text[start - 2] ?? '')) || text[start - 1] === '负') {
        if (unsigned(unit)) continue;
        value = -value;
        start--;
      }
      if (LATIN.test(text[m.index - 1] ?? '') && !(unit && decimals > 0)) continue;
      if (unit) {
        const alternatives = unit.alternatives;
        // "港币48.50元": a currency written before the amount and 元 after it are one amount in that currency.
        const prefix = unit.measure === 'money' ? this.prefixBefore(text, start) : null;
        if (prefix?.measure === 'money') start = prefix.start;
        const q = this.withUnit(text, start, unit, value, decimals);
        out.push(alternatives.length ? { ...q, alternatives } : q);
        NUMBER.lastIndex = q.end;
        continue;
      }
      const prefix = this.prefixBefore(text, start);
      if (prefix) {
        const precision = prefix.factor * 10 ** -decimals;
        const { measure, factor } = prefix;
        out.push({ start: prefix.start, end: afterNumber, value: value * factor, measure, precision, decimals });
        continue;
      }
      const column = this.columnAt(text, start, afterNumber);
      if (column) {
        out.push({ start, end: afterNumber, value: value * column.factor, measure: column.measure, precision: column.factor * 10 ** -decimals, decimals });
        continue;
      }
      out.push({ start, end: afterNumber, value, measure: null, precision: 10 ** -decimals, decimals });
    }
    return sharingUnits(text, out);
  }

  /**
   * "项目 金额\n功能费 94.60\n…\n合计 199.93" (ours, round 51): the last number of a row (a name, a space, the number, the line's
   * end) under a header line with no number whose column word gives the unit (`columns`), rows of the same shape between.
   */
  private columnAt(text: string, start: number, end: number): { measure: Measure; factor: number } | null {
    const lineStart = text.lastIndexOf('\n', start - 1) + 1;
    const lineEnd = text.indexOf('\n', end);
    const line = text.slice(lineStart, lineEnd < 0 ? text.length : lineEnd);
    if (lineStart === 0 || !NAMED_CELL_ROW.test(line)) return null;
    const lines = text.slice(0, lineStart - 1).split('\n');
    for (let i = lines.length - 1; i >= 0; i--) {
      const above = lines[i]!;
      if (NAMED_CELL_ROW.test(above)) continue;
      if (/\d/u.test(above) || !/\S\s+\S/u.test(above.trim())) return null;
      for (const [measure, rule] of Object.entries(this.measures) as [Measure, MeasureRule][]) {
        const hit = rule.columns.find(([word]) => above.includes(word));
        if (hit) return { measure, factor: hit[1] };
      }
      return null;
    }
    return null;
  }

  /** Follows a compound amount such as `9g721.29m`: each further part in a smaller unit. */
  private withUnit(text: string, start: number, first: UnitWord & { end: number }, value: number, decimals: number): Quantity {
    let total = value * first.factor;
    let precision = first.factor * 10 ** -decimals;
    let lastDecimals = decimals;
    let end = first.end;
    let factor = first.factor;
    if (this.measures[first.measure].compound) {
      for (;;) {
        // "未使用约3G 0M", "2G 994.1M" (real r17-056): one space between the parts of an amount of data, after a whole
        // number, when the part is less than one of the unit before and no further amount follows (a table row).
        const spaced = first.measure === 'data' && lastDecimals === 0 && text[end] === ' ' && !underHeader(text, start) ? /^ (\d+(?:\.\d+)?)(?=\s*[a-z兆])/u.exec(text.slice(end, end + 24)) : null;
        const part = spaced ? spaced[1]! : /^\d+(?:\.\d+)?/u.exec(text.slice(end, end + 24))?.[0];
        if (part === undefined) break;
        if (spaced) end += 1;
        const word = this.unitAt(text, end + part.length);
        // "32元5角8分": a part's word may name the first part's measure as its alternative.
        const unit = word && (word.measure === first.measure ? word : { ...word, ...word.alternatives.find((a) => a.measure === first.measure) });
        if (!unit || unit.measure !== first.measure || unit.factor >= factor || (spaced && (Number(part) * unit.factor >= factor || /^\s+[\d-]/u.test(text.slice(unit.end))))) {
          if (spaced) end -= 1;
          break;
        }
        const d = part.includes('.') ? part.length - part.indexOf('.') - 1 : 0;
        total += Math.sign(total || 1) * Number(part) * unit.factor;
        precision = unit.factor * 10 ** -d;
        lastDecimals = d;
        factor = unit.factor;
        end = unit.end;
      }
    }
    return { start, end, value: total, measure: first.measure, precision, decimals: lastDecimals };
  }

  private unitAt(text: string, at: number, wordBetween = true): (UnitWord & { end: number }) | null {
    let i = at;
    while (text[i] === ' ') i++;
    for (const u of this.units) {
      if (!text.startsWith(u.word, i)) continue;
      let end = i + u.word.length;
      // "42GB473MBMB" (real r20-017): a unit written twice by a template's slip is one unit.
      if (u.word.length > 1 && LATIN.test(u.word) && text.startsWith(u.word, end) && !LATIN.test(text[end + u.word.length] ?? '')) end += u.word.length;
      // `5 min` is minutes, `500 messages` is not megabytes.
      // "赠送10MGPRS流量" (real r24b-107): a unit glued to a data word written in letters is still the unit (round 40).
      if (LATIN.test(u.word.at(-1)!) && LATIN.test(text[end] ?? '') && !(u.measure === 'data' && GLUED_DATA_WORD.test(text.slice(end, end + 5)))) continue;
      return { ...u, end };
    }
    // "300 local minutes": one English word between the number and a unit spelt out.
    if (!wordBetween || i === at || !LATIN.test(text[i] ?? '')) return null;
    const word = /^[a-z]+ +/u.exec(text.slice(i, i + 16));
    // "RMB 40.00 and SMS RMB 5.54": a word that joins two things is no qualifier of the unit after it.
    if (word && !JOINERS.has(word[0].trim())) {
      const unit = this.unitAt(text, i + word[0].length, false);
      if (unit && unit.word.length >= 3 && LATIN.test(unit.word)) return unit;
    }
    return null;
  }

  private prefixBefore(text: string, at: number): (UnitWord & { start: number }) | null {
    let i = at;
    while (text[i - 1] === ' ') i--;
    for (const p of this.prefixes) {
      if (!text.endsWith(p.word, i)) continue;
      const start = i - p.word.length;
      if (LATIN.test(p.word[0]!) && LATIN.test(text[start - 1] ?? '')) continue;
      return { ...p, start };
    }
    return null;
  }
}

/** On a line under a table's header (a line of words split by spaces, no number: "类型 总量 已用"): a row's cells. */
function underHeader(text: string, at: number): boolean {
  const lineStart = text.lastIndexOf('\n', at - 1);
  if (lineStart < 0) return false;
  const header = text.slice(text.lastIndexOf('\n', lineStart - 1) + 1, lineStart).trim();
  return !/\d/u.test(header) && /\S\s+\S/u.test(header);
}

/** "35 of 100 texts", "2.3/10GB": a number before "of" or "/" and an amount is in that amount's unit. */
function sharingUnits(text: string, quantities: Quantity[]): Quantity[] {
  return quantities.map((q, i) => {
    const next = quantities[i + 1];
    if (q.measure !== null || !next || next.measure === null || !/^\s*(?:out of|of|\/)\s*(?:your\s+|the\s+)?$/u.test(text.slice(q.end, next.start))) return q;
    const factor = next.precision / 10 ** -next.decimals;
    return { ...q, value: q.value * factor, measure: next.measure, precision: q.precision * factor };
  });
}
