import { describe, expect, it } from 'vitest';
import { figureWords } from './format';

// Round 54 (branch replies54): neighbours of dev wordings read by the family, not the instance, and two structure probes the
// lead named. Every wording here is OURS (written for this test, NOT a real reply); each non-guard case fails on main 4494307e,
// the guards pass there too.

/** [mechanism, wording of ours, the figures read]. */
const FIGURES: [string, string, string[]][] = [
  // Structure probes named by the lead (own-written).
  ['probe: a size after a label of what is left, then 流量 and nothing more, is an amount, not a network (剩余5G流量)', '您剩余5G流量', ['data.remaining 5120']],
  ['and after 还剩 / 已用, with 数据', '您本月还剩5G数据，已用3G流量。', ['data.remaining 5120', 'data.used 3072']],
  ['guard: a network before 流量 with the amount after it stays a network', '您已用5G流量10GB', ['data.used 10240']],
  ['guard: 还有 in an offer gives no amount', '参与活动，还有2G流量大礼等你来。', []],
  ['probe: a bare decimal balance before a line break is no date (余额：12.50\\n月租费)', '余额：12.50\n月租费：10.00元', ['balance.balance 12.5']],
  ['and with no colon', '当前余额12.50\n月租费10元', ['balance.balance 12.5']],
  // Round 52's discount line: the bill's sum decides, not the name alone.
  ['a line whose name ends in 优惠 that the total counts with it is a bill item', '您本月费用合计43.00元，其中套餐费18.00元，增值业务费20.00元，亲情号码优惠5.00元。', ['bill.total 43', 'bill.item 18', 'bill.item 20', 'bill.item 5']],
  ['guard: a line the total takes off (lines less it make the total) stays the bill\'s other money', '您本月费用合计20.00元，其中套餐费18.00元，增值业务费4.00元，优惠减免2.00元。', ['bill.total 20', 'bill.item 18', 'bill.item 4', 'bill.other 2']],
  ['lines in ¥ under a total in 元 are the same money (the total is the bill\'s, not spent)', '您本月话费合计50.00元，其中套餐费￥38.00，通话费￥12.00', ['bill.total 50', 'bill.item 38', 'bill.item 12']],
  ['a bill\'s sum word then 其中 opens its lines, also lines whose names hold no 费', '您本月话费合计50.00元，其中基本月租38.00元，国内长途12.00元', ['bill.total 50', 'bill.item 38', 'bill.item 12']],
  ['guard: 其中 after a balance\'s sum opens its parts, no bill lines', '您的余额合计50.00元，其中现金余额30.00元，赠送余额20.00元', ['balance.balance 50', 'balance.cash 30', 'balance.gift 20']],
  // Labels by their family.
  ['共使用 before a word of what was done (上网) is use in all, not a total by the 共 inside it', '您本月共使用上网流量300MB。', ['data.used 300']],
  ['guard: a label of another field before a word of what was done still wins', '剩余通话时长200分钟', ['voice.remaining 200']],
  ['a sum\'s word right before words of what was done (共产生上网) is use in all', '您本月共产生上网流量2.5GB', ['data.used 2560']],
  ['guard: minutes a package holds in all stay its total (共通话时长, real fs-2016-0312\'s shape)', '您的套餐共通话时长500分钟', ['voice.total 500']],
  ['用掉 is a label of use (with a colon before the amount, where no stem reaches)', '您本月全国流量用掉：300.00M。', ['data.used 300 general']],
  ['信用额 (without 度) names a credit limit', '您的信用额为50元，当前余额12.30元。', ['balance.creditLimit 50', 'balance.balance 12.3']],
  ['可以透支 names a credit limit as 可透支 does', '您可以透支50元，当前余额12.30元', ['balance.creditLimit 50', 'balance.balance 12.3']],
  ['and 还可以透支 what is left of it, as 还可透支', '您还可以透支30元，信用额度50元', ['balance.other 30', 'balance.creditLimit 50']],
  // Kinds by their family.
  ['通用流量 after 包括 (a total\'s word) is general', '您的套餐包括通用流量10GB，已用2GB。', ['data.total 10240 general', 'data.used 2048 general']],
  ['通用流量 after a verb of use with 了 (消耗了) is general', '您本月消耗了通用流量300M。', ['data.used 300 general']],
  ['通用流量 after a pack\'s or a card\'s noun (包, 卡, as 套餐) is general', '加油包通用流量剩余2GB，大王卡通用流量剩余1GB', ['data.remaining 2048 general', 'data.remaining 1024 general']],
  ['guard: 通用流量 after an unknown word stays not stated', '校园通用流量剩余2GB', ['data.remaining 2048']],
  ['a kind after the amount with a network generation in it (国内4G流量)', '截至12月5日，您还剩2.5GB国内4G流量。', ['data.remaining 2560 general']],
  ['guard: a list\'s 、 ends the words after an amount (the next item keeps its own)', '您本月还剩余省内通用流量 24601.56 MB、省内4G单模流量 639.57 MB。', ['data.remaining 24601.56 provincial', 'data.remaining 639.57 provincial']],
  // Line-break style.
  ['a clause ending in its comma, then a line break, goes on as a line break alone does', '国内通用流量共10GB，\n已用2GB，\n剩余8GB', ['data.total 10240 general', 'data.used 2048 general', 'data.remaining 8192 general']],
  // Units.
  ['a whole number before 小时 is no amount of minutes (it gave 2 minutes)', '国内通话已用2小时', []],
  ['guard: a bare whole number in a sentence about messages is still in messages', '短信：已用12，剩余88，共100', ['sms.used 12', 'sms.remaining 88', 'sms.total 100']],
];

describe('round 54: neighbours of dev wordings (network sizes, line breaks, discount lines, label and kind families)', () => {
  it.each(FIGURES)('%s: %s', (_why, text, expected) => expect(figureWords(text)).toEqual(expected));
});
