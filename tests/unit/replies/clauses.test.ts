import { describe, expect, it } from 'vitest';
import { ownClause } from '../../../src-shared/replies/clauses';
import { fold } from '../../../src-shared/search/fold';

// An amount's own clause (src-shared/replies/clauses.ts), the one cutter kinds, money parts and use beyond the plan read
// an amount's words with. Wordings are the words before an amount, folded as the reader folds them (，→ , ：→ : （→ ( ).
// Each case fails if a mark is read the other way (a 、 that joins cut, a closed bracket's comma cutting, a joiner kept…).
const CASES: [string, string, 'heading' | 'label', string][] = [
  ['a comma ends a clause', '您本月流量已使用1GB，套餐外流量已使用', 'heading', '套餐外流量已使用'],
  ['so do a semicolon, a full stop and a line break', '剩余1GB；其中：通用余额。\n省内流量剩余', 'heading', '省内流量剩余'],
  ['an enumeration comma after an amount ends one', '本地主叫75分钟、国内长途', 'heading', '国内长途'],
  ['an enumeration comma at the start of the words since the amount before ends one', '、国内长途', 'heading', '国内长途'],
  ['an enumeration comma between the words of one label joins them', '您的国内、省内通用流量剩余', 'heading', '您的国内、省内通用流量剩余'],
  ['a closed bracket is part of the clause, its comma cuts nothing', '国内通用流量（含结转，不含定向）共剩余', 'label', '国内通用流量(含结转,不含定向)共剩余'],
  ['a bracket the amount stands in opens its clause', '专款专用余额30.00元（含话费返还', 'label', '含话费返还'],
  ['the joiner between label and amount is left out', '，其中可用余额为：', 'label', '其中可用余额'],
  ['a heading before a colon is the amount\'s (heading)', '，套餐外流量：已使用', 'heading', '套餐外流量:已使用'],
  ['only the words after a colon are its label (label)', '实时话费：月租费', 'label', '月租费'],
  ['其中 opens no clause: the part word is the amount\'s', '，其中套餐外', 'heading', '其中套餐外'],
];

describe("an amount's own clause", () => {
  it.each(CASES)('%s: %s', (_what, words, colon, clause) => expect(ownClause(fold(words), colon)).toBe(clause));
});
