import { describe, expect, it } from 'vitest';
import { figureWords } from './format';

// Round 43 (branch replies43): the general rules batch real25's dev part (2014 replies of a public SMS export and rows of a public
// spreadsheet) showed. Every wording here is OURS (written for this test, NOT a real reply), after the real dev texts each case
// names; each non-guard case fails on a9ccfeae (the commit that added the batch's dev part), the guards pass there too.

/** [mechanism (the real texts that show it), wording of ours, the figures read]. */
const FIGURES: [string, string, string[]][] = [
  [
    'an advert word (特惠) in the name of a package whose use the next clause says is no advert (real r25a-029)',
    '您好！您目前有2个上网套餐，使用情况如下:1、校园特惠卡,已使用3.10MB,剩余26.90MB;2、5元上网套餐,已使用1MB,剩余29MB;',
    ['data.used 3.1', 'data.remaining 26.9', 'data.used 1', 'data.remaining 29'],
  ],
  [
    'an amount opening another numbered item takes no kind the item before named within itself (real r25b-015)',
    '您好！使用情况如下:1、畅聊套餐58元(上月结转流量)，已使用100.00MB剩余0MB；2、畅聊套餐58元，已使用20.00MB剩余480.00MB；',
    ['data.used 100 carryover', 'data.remaining 0 carryover', 'data.used 20', 'data.remaining 480'],
  ],
  // Guards.
  ['guard: an advert word followed by no use of the customer still masks its sentence', '限时特惠，剩余名额不多，10元包1GB流量。', []],
  [
    'guard: a kind said before the numbered list still heads every item',
    '您的省内流量使用情况：1、畅聊套餐，已使用20MB剩余0MB；2、校园套餐，已使用70MB剩余30MB；',
    ['data.used 20 provincial', 'data.remaining 0 provincial', 'data.used 70 provincial', 'data.remaining 30 provincial'],
  ],
];

describe("round 43: batch real25's general rules", () => {
  it.each(FIGURES)('%s: %s', (_why, text, expected) => expect(figureWords(text)).toEqual(expected));
});
