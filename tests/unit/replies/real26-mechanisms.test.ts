import { describe, expect, it } from 'vitest';
import { figureWords } from './format';

// Round 53 (branch replies53): the general rules batch real26's dev part (2014 replies of a public SMS export) showed. Every
// wording here is OURS (written for this test, NOT a real reply), after the real dev texts each case names; each non-guard
// case fails on 429b7901 (main when the round began), the guards pass there too.

/** [mechanism (the real texts that show it), wording of ours, the figures read]. */
const FIGURES: [string, string, string[]][] = [
  // M值 (动感地带's points) is a unit of points, never megabytes; what is left of points is what the customer has.
  ['M值 after an amount is points, not data; 剩余 before points is what is held (real r26-006)', '尊敬的客户，您本月新增120M值，累计剩余3050M值。', ['points.other 120', 'points.total 3050']],
  ['M值 as a unit after 还剩 (real r26-006)', '您好，您本月获得25M值，目前还剩300M值，欢迎兑换。', ['points.other 25', 'points.total 300']],
  ['M值 after a label of points held (real r26-006)', '截至本月底，您的M值结余为860M值。', ['points.total 860']],
  // Credit limits: the noun of what may be overdrawn (透支额, 透支上限) and the verb with a word of allowing (自动透支, 允许透支).
  ['透支额 names the credit limit (real r26-012)', '您的话费余额为5.00元，允许透支额为50.00元。', ['balance.balance 5', 'balance.creditLimit 50']],
  ['自动透支 before an amount is the credit limit, not the balance named earlier in the sentence (real r26-041)', '您的话费余额为1.20元，您可享受自动透支200.00元的延时停机服务。', ['balance.balance 1.2', 'balance.creditLimit 200']],
  ['透支上限 names the credit limit (real r26-012, r26-041)', '您的透支上限为100元，当前余额20元。', ['balance.creditLimit 100', 'balance.balance 20']],
  ['允许透支 names the credit limit (real r26-012)', '尊敬的客户，您的号码允许透支30元，账户余额12.50元。', ['balance.creditLimit 30', 'balance.balance 12.5']],
  // Money earmarked for one use (专项 as 专款) beside the general balance is no second balance, even when it is 可用.
  ['an earmarked 可用余额 (专项) beside the general balance is other (real r26-040)', '您的普通话费余额20.00元，专项预存可用余额5.00元。', ['balance.balance 20', 'balance.other 5']],
  ['专项 before another word of the account (real r26-040)', '尊敬的客户，您的话费余额为8.00元，专项款可用余额为10.00元。', ['balance.balance 8', 'balance.other 10']],
  // A moment of this month the sentence counts to makes the charges after it what was spent this month.
  ['截止本月…时 in a clause before 您的话费为 (real r26-021)', '截止本月15日12时，您的话费为36.50元，余额为20.00元。', ['balance.spentThisMonth 36.5', 'balance.balance 20']],
  ['截止本月…日 before 话费总额 with no lines (real r26-020)', '截止本月10日您话费总额为：5.20元，余额为：30.00元。', ['balance.spentThisMonth 5.2', 'balance.balance 30']],
  ['截至今日 before 您的话费 (real r26-020, r26-021)', '您好！截至今日，您的话费为12.00元，账户余额为3.00元。', ['balance.spentThisMonth 12', 'balance.balance 3']],
  // A month's settled (月结) or billed (出账) charges are that bill's total.
  ['月结话费 is a bill\'s total (real r26-016)', '您2014年05月月结话费88.00元，当前余额10.00元。', ['bill.total 88', 'balance.balance 10']],
  ['出账话费 is a bill\'s total (real r26-016)', '尊敬的客户，您上个月的出账话费为56.00元。', ['bill.total 56']],
  ['月结费用 is a bill\'s total (real r26-016)', '您的3月月结费用为120.50元，可用余额30.00元。', ['bill.total 120.5', 'balance.balance 30']],
  // The data's own name (上网流量) and a sum's word (共) before an amount, then what is left of it: the allowance in all.
  ['上网流量共 then 还剩 is the allowance (real r26-025)', '您本月手机上网流量共500M,还剩120M。', ['data.total 500', 'data.remaining 120']],
  ['上网数据共计 then 剩余 (real r26-025)', '您好，本月无线上网数据共计2048M，剩余1024M。', ['data.total 2048', 'data.remaining 1024']],
  // Guards.
  ['guard: M followed by no 值 is still data', '您本月已使用流量59M，剩余1009M。', ['data.used 59', 'data.remaining 1009']],
  ['guard: what was overdrawn (已透支) is still a balance below zero', '您已透支30.00元，请及时缴费。', ['balance.balance -30']],
  ['guard: 剩余可透支 is still other', '您的账户余额为0.00元，剩余可透支20.00元。', ['balance.balance 0', 'balance.other 20']],
  ['guard: a date of another month (截至2月28日) makes no charges spent this month', '截至2月28日，您的话费为36.50元。', []],
  ['guard: charges of this month so far followed by their lines are the bill\'s total', '截止本月10日您话费总额为：50.00元，其中：月租费20.00元，语音通信费30.00元。', ['bill.total 50', 'bill.item 20', 'bill.item 30']],
  ['guard: charges not yet billed (未出账话费) are spent this month', '您本月未出账话费为12.00元。', ['balance.spentThisMonth 12']],
  ['guard: a word of what was done before a sum word (共), alone, is used in all', '您本月上网流量共300MB。', ['data.used 300']],
  ['guard: minutes a word of what was done sums, then what is left, stay used', '本月通话时长共120分钟，剩余30分钟。', ['voice.used 120', 'voice.remaining 30']],
];

describe("round 53: batch real26's general rules", () => {
  it.each(FIGURES)('%s: %s', (_why, text, expected) => expect(figureWords(text)).toEqual(expected));
});
