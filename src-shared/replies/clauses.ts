// An amount's own clause: the span of the words before an amount whose label and kind words belong to that amount.
// Written once here for every rule that reads an amount's own words (its kind, a part of a balance, use beyond the plan).

/** Marks that end a clause of a Chinese reply wherever they stand (，；。！？ folded to ASCII where they have a form there). */
const ENDS = new Set([',', ';', '。', '!', '?', '\n']);
/** The joiner between a label and its amount ("余额：", "余额为", "余额是", "余额 "), no word of the label. */
const JOINER = /[\s:=为是]+$/u;
const DIGIT = /\d/u;

/**
 * How a colon inside the clause is read. `heading`: the words before it head the words after it and are the amount's
 * too ("套餐外流量：已使用30MB" is use beyond the plan). `label`: only the words after it are the amount's label
 * ("实时话费：月租费38.00元" is an item named 月租费; "其中：通用余额" a part named 通用余额).
 */
export type ColonReading = 'heading' | 'label';

/**
 * The words of an amount's own clause, read from the words before it (its context since the amount before, or its
 * sentence so far), as a person reads a Chinese reply:
 * - ，；。！？ and a line break end a clause;
 * - 、 ends a clause after an amount ("本地主叫75分钟、国内长途23分钟"), and joins the words of one label where no amount
 *   stands before it ("国内、省内流量": one clause);
 * - a bracket the amount stands inside opens its clause ("（含话费返还12.00元"); a closed one before the amount is part of
 *   its clause ("国内通用流量（含结转）共剩余"), and the marks inside it end nothing;
 * - the joiner between the label and the amount (：, 为, 是, spaces) is left out ("其中可用余额：" is 其中可用余额);
 * - a colon with words after it: by `colon` (see `ColonReading`).
 * 其中 opens no clause of its own: the part word is the amount's ("其中套餐外25.6M").
 */
export function ownClause(words: string, colon: ColonReading = 'heading'): string {
  return words.slice(clauseStart(words, colon), words.replace(JOINER, '').length);
}

/** Where an amount's own clause starts in the words before it (see `ownClause`), for a reader that keeps the joiner. */
export function clauseStart(words: string, colon: ColonReading = 'heading'): number {
  const end = words.replace(JOINER, '').length;
  let depth = 0;
  for (let at = end - 1; at >= 0; at--) {
    const c = words[at]!;
    if (c === ')') depth++;
    else if (c === '(') {
      if (depth === 0) return at + 1;
      depth--;
    } else if (depth > 0) continue;
    else if (ENDS.has(c) || (c === ':' && colon === 'label') || (c === '、' && afterAmount(words, at))) return at + 1;
  }
  return 0;
}

/** Whether a 、 follows an amount: the words before it back to the clause's start hold a number, or are none. */
function afterAmount(words: string, at: number): boolean {
  let from = at - 1;
  while (from >= 0 && !ENDS.has(words[from]!) && words[from] !== '、') from--;
  const before = words.slice(from + 1, at);
  return before.trim() === '' || DIGIT.test(before);
}
