import { describe, expect, it } from 'vitest';
import { figureWords } from './format';

// Round 52 (branch replies52): known wrong readings, each mended by a general rule. Every wording here is OURS (written for
// this test, NOT a real reply); each non-guard case fails on main ffda383c, the guards pass there too.

/** [mechanism, wording of ours, the figures read]. */
const FIGURES: [string, string, string[]][] = [
  ['a network generation after a verb of switching (打开) is no amount', '您已打开5G开关，本月已用流量2.5GB。', ['data.used 2560']],
  ['nor one before a word of the switch family (开关)', '您的5G开关已打开，本月已用流量2.5GB。', ['data.used 2560']],
  ['nor one before 功能', '您已开通5G功能，本月已用流量2.5GB。', ['data.used 2560']],
  ['nor one after 切换到', '请切换到4G，本月已用流量2.5GB。', ['data.used 2560']],
  ['guard: a 5G said left stays data', '您剩余5G，已用3G', ['data.remaining 5120', 'data.used 3072']],
  ['an offer in a later clause of the customer\'s sentence gives no figure', '您的流量余额为2GB，推荐：开通流量加油包，每月可用流量10GB，详询10086。', ['data.remaining 2048']],
  ['guard: 每月 in the customer\'s own clause keeps it', '您的套餐每月包含10GB，已用2GB，剩余8GB，详询10086', ['data.total 10240', 'data.used 2048', 'data.remaining 8192']],
  ['a decimal before a counter word is no count (余额…天)', '您的话费余额为8.5天天有礼', ['balance.balance 8.5']],
  ['nor before 次', '余额35.2次日生效', ['balance.balance 35.2']],
  ['a counter that starts a longer word (个人) is no counter', '您的可用余额为56.3元,积分1200个人积分', ['balance.balance 56.3', 'points.total 1200']],
  ['guard: a count of days after 话费还有 stays no balance', '您的话费还有3天到期，余额5.00元。', ['balance.balance 5']],
  ['a label ending in 用 before 于 is still that label (可用于)', '您本月可用于上网的流量为3GB', ['data.remaining 3072']],
  ['guard: 已打印 is still no call made', '您的账单已打印，本月通话已用120分钟。', ['voice.used 120']],
  ['a bill line named by a discount word (优惠减免) is no charge but the bill\'s other money', '您本月费用合计20.00元，其中套餐费18.00元，增值业务费4.00元，优惠减免2.00元。', ['bill.total 20', 'bill.item 18', 'bill.item 4', 'bill.other 2']],
  ['guard: a line whose name holds 优惠 not at its end stays a line', '您本月费用合计38.00元，其中优惠套餐费38.00元。', ['bill.total 38', 'bill.item 38']],
];

describe('round 52: network generations, offers after own words, counts, labels before 于', () => {
  it.each(FIGURES)('%s: %s', (_why, text, expected) => expect(figureWords(text)).toEqual(expected));
});
