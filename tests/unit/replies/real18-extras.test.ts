import { describe, expect, it } from 'vitest';
import { figureWords } from './format';

// Round 20 (issue 15, branch replies20): figures the reader read where the real18 dev texts state none (extra figures
// the corpus check does not count, but the Overview would show). Every wording here is OURS (written for this test, NOT a
// real reply), after the real texts each case names; each non-guard case fails on main dd0a8ca's reader, and the guards
// (what must stay as it was) pass there too.

/** [mechanism (the real texts that show it), wording of ours, the figures read]. */
const CASES: [string, string, string[]][] = [
  ['money one can get (专享…元话费, …元话费待领取) is an advert, no bill line (real r18-018, r18-138)', '您本月话费共消费40.00元，话费余额为30.00元。温馨提示：首次关注“中国移动10086”微信专享5元话费，详情点击http://x.example/a。', ['bill.total 40', 'balance.balance 30']],
  ['money one can get (专享…元话费, …元话费待领取) is an advert, no bill line (real r18-018, r18-138)', '话费、账单查询请点击链接。您当月话费已消费20.00元，话费余额8.00元；您有5元话费待领取！即日起关注公众号即可直接领取5元话费新人礼包。', ['balance.spentThisMonth 20', 'balance.balance 8']],
  ['prizes (免费送, 大奖) are an advert, no bill lines (real r18-140)', '您本月话费共消费40.00元，话费余额为12.00元。关注公众号即可参与活动，1~50元话费免费送，还可抽取500元话费大奖。', ['bill.total 40', 'balance.balance 12']],
  ['money only for named services (专款) is other, as 专用余额 (real r18-117)', '话费、账单查询请点击链接。您的话费余额为30.00元，专款20.00元，专款只能用于专项业务，当月话费9.50元。', ['balance.balance 30', 'balance.other 20', 'balance.spentThisMonth 9.5']],
  ['an amount in brackets right after a bound (至1GB（1024MB）) restates the bound, no use (real r18-066)', '当套餐外流量费达到60元时，可免费使用流量至2GB（2048MB）；流量使用完毕后，以此类推。', []],
  ['a sentence after a link that offers a package (…详询10086) is an advert even when the sentence before the link was the customer\'s (generated marketing tail of real r18-040)', '截至11月22日17时，您的话费余额是7.41元,一键充值 http://x.example/abc 5G畅享套餐128元/月，含30GB国内通用流量和500分钟国内通话，详询10086。', ['balance.balance 7.41']],
  ['a gift\'s size right before what is left of it in the same clause (其中赠送1G省内流量剩余…) names the gift, no part used (real r18-022)', '您本月已使用上网流量38.17M，其中赠送1G省内流量剩余1015.83M。', ['data.used 38.17', 'data.remaining 1015.83 provincial']],
  ['a note in brackets naming the package a kind of data came with (省内流量(4G飞享8元套餐)已使用完) stands between the amount and its used-up word (real r18-022)', '您本月已使用上网流量38.17M，其中赠送1G省内流量剩余1015.83M，30M省内流量(4G飞享8元套餐)已使用完。', ['data.used 38.17', 'data.remaining 1015.83 provincial', 'data.used 30 provincial']],
  // Guards.
  ['guard: a gift\'s size with what became of it in clauses of their own stays its total', '本月赠送1GB国内流量，已使用200MB，剩余824MB。', ['data.total 1024 general', 'data.used 200 general', 'data.remaining 824 general']],
  // Labelling rule 6 of 2026-12-06 made 专款余额 an earmarked part (other), also alone (round 24).
  ['guard: 专款余额 is no balance (ours rb1-003, rule 6)', '您的专款余额为20.00元。', ['balance.other 20']],
  ['guard: a left amount restated in brackets stays left', '您本月国内流量剩余2GB（2048MB）。', ['data.remaining 2048 general']],
  ['guard: the customer\'s figures after a link are still read (real r18-138)', '话费查询请点击：http://x.example/abc  一、截止10月31日，您当月话费已消费33.00元，话费余额16.45元。', ['balance.spentThisMonth 33', 'balance.balance 16.45']],
  ['guard: a bill\'s items stay items', '您本月话费共消费67.90元，其中套餐费58.00元，短信费9.90元。', ['bill.total 67.9', 'bill.item 58', 'bill.item 9.9']],
];

describe('round 20: extra figures of the real18 batch', () => {
  it.each(CASES)('%s: %s', (_mechanism, text, expected) => expect(figureWords(text)).toEqual(expected));
});
