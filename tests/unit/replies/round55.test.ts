import { describe, expect, it } from 'vitest';
import { figureWords } from './format';

// Round 55 (branch replies55, batch real27's dev part): families of wordings, not one text's. Every wording here is OURS
// (written for this test, NOT a real reply); each non-guard case fails on main b13f2177, the guards pass there too.

/** [mechanism (the real texts that show it), wording of ours, the figures read]. */
const FIGURES: [string, string, string[]][] = [
  // A list line's tag in 【】 naming the general scope, as 【闲时】 names off-peak (real r27-009; r27-008 with 【闲时】).
  ['a numbered line tagged 【通用】 is general data', '1.【通用】套餐流量已使用10M，剩余90M。', ['data.used 10 general', 'data.remaining 90 general']],
  ['lines tagged 【通用】 and 【闲时】 keep each its own kind', '【通用】已使用10M，剩余90M；\n【闲时】已使用5M，剩余95M；', ['data.used 10 general', 'data.remaining 90 general', 'data.used 5 offpeak', 'data.remaining 95 offpeak']],
  ['guard: a tag that names no kind names none', '1.【流量包】已使用10M，剩余90M。', ['data.used 10', 'data.remaining 90']],
  // A bill split by payer: what was paid for others is a part of the sum, no bill line (real r27-047; 本人消费 other since
  // session 15).
  ['代他人付费 beside 本人消费 is other; the same words among the charges\' lines after it stay a line (real r17-132)', '费用合计100.00元，其中本人消费70.00元，代他人付费30.00元。费用明细为套餐费70.00元，代他人付费30.00元。', ['bill.total 100', 'bill.other 70', 'bill.other 30', 'bill.item 70', 'bill.item 30']],
  ['为他人付费 likewise', '本月费用合计80元，其中本人消费50元，为他人付费30元。', ['bill.total 80', 'bill.other 50', 'bill.other 30']],
  ['由他人付费 below zero likewise (real r18-085)', '您本月话费0.00元，其中本人消费18.00元，由他人付费-18.00元。费用明细为套餐费18.00元，由他人付费-18.00元。', ['balance.spentThisMonth 0', 'bill.other 18', 'bill.other -18', 'bill.item 18', 'bill.item -18']],
  ['guard: after a charge, not the customer\'s own part, it stays a line', '本月费用合计80元，其中套餐费50元，代他人付费30元。', ['bill.total 80', 'bill.item 50', 'bill.item 30']],
];

describe('round 55: batch real27 read by families', () => {
  it.each(FIGURES)('%s: %s', (_why, text, expected) => expect(figureWords(text)).toEqual(expected));
});
