import { describe, expect, it } from 'vitest';
import { understandReply } from '../../../src-shared/replies';
import { figureWords, outcomeWord, RECEIVED } from './format';

// Round 37 (branch replies37): the general rules batch real23's dev part (2014 replies of a public SMS export) showed. Every
// wording here is OURS (written for this test, NOT a real reply), after the real dev texts each case names; each non-guard
// case fails on 70469e13 (the commit that added the batch's dev part), the guards pass there too.

/** [mechanism (the real texts that show it), wording of ours, the figures read]. */
const FIGURES: [string, string, string[]][] = [
  ['即时话费 is what was spent (real r23b-023)', '尊敬的客户，您的即时话费45.2 元，您的话费余额30.10元。', ['balance.spentThisMonth 45.2', 'balance.balance 30.1']],
  ['本月通信费 is what was spent, beside a balance (real r23b-020, r23b-050)', '本月通信费88.00元,当前余额-12.50元,短信合计100条,已使用20条,剩余80条。', ['balance.spentThisMonth 88', 'balance.balance -12.5', 'sms.total 100', 'sms.used 20', 'sms.remaining 80']],
  ['话费使用总额 is what was spent (real r23b-085)', '您从本月1日截止到当前的话费使用总额为：12.40元。', ['balance.spentThisMonth 12.4']],
  ['待扣话费 is owed (real r23a-034)', '您累计待扣话费为20.50元，当前帐号余额0.00元，请充值。', ['balance.balance -20.5', 'balance.balance 0']],
  ['欠费额度 is a credit limit, nothing owed (real r23b-082)', '您的信用星级现已被调整为2星级，欠费额度为50.00元。', ['balance.creditLimit 50']],
  ['an amount said again rounded after ≈ is no new figure, nor the first a name (real r23b-117)', '3、上网套餐(个人)，GPRS流量：已使用流量2700 K ≈2.6 M，未使用流量26214.4 K≈26 M。', ['data.used 2.64', 'data.remaining 25.6']],
  ['data one may fetch free each month (免费领取) is an advert (real r23a-041, -042, -051, -098)', '您本月的上网数据流量为20.00MB，剩余80.00MB。即日起使用掌厅客户端可每月免费领取50M流量！', ['data.used 20', 'data.remaining 80']],
  ['a code sent by SMS to 10086 is no count of messages (real r23a-024, r23b-032)', '当前您的充值帐户余额为19.13元。短信发2至10086查询即时话费信息。', ['balance.balance 19.13']],
  ['messages counted in 条 under a pack that names no kind are messages (real r23a-029, r23b-076)', '1、网聊套餐：已使用2.00MB，剩余28.00MB；2、网聊套餐：已使用5条，剩余95条；', ['data.used 2', 'data.remaining 28', 'sms.used 5', 'sms.remaining 95']],
  ['使用： between a total and what is left is the use (real r23a-071)', '国内短信免费条数总计：100，使用：30，剩余：70；国内免费流量数总计：500M，使用：20M，剩余：480M；', ['sms.total 100', 'sms.used 30', 'sms.remaining 70', 'data.total 500 general', 'data.used 20 general', 'data.remaining 480 general']],
  ['当月使用的…总流量 is the use, and its part after 其中 too (real r23a-001)', '截止至2014年08月03日04时,您当月使用的GPRS总流量为25.50MB,其中套餐内流量为20.50MB,套餐外流量为5.00MB.', ['data.used 25.5', 'data.used 20.5', 'data.beyondPlan 5']],
  ['a size in the name of a pack 正在使用 is no use (real r23a-033, r23a-077)', '您现在正在使用动感地带3G手机流量300M套餐，您当前月剩余手机流量约120MB。', ['data.remaining 120']],
  ['a dedicated account (专有账户余额) and a broadband discount book (优惠帐本) are other (real r23a-052)', '期末话费账户余额30.50元,个人宽带优惠帐本余额0.00元,专有账户余额50.00元。', ['balance.balance 30.5', 'balance.other 0', 'balance.other 50']],
  ['past months owed beside a balance below zero is a part, other (real r23a-017)', '您好！您的话费余额为-30.00元，当月累计话费为20.00元，历史欠费金额为10.00元。', ['balance.balance -30', 'balance.spentThisMonth 20', 'balance.other 10']],
  ['a network in a note (仅限TD) narrows no kind (real r23a-078)', '尊敬的客户：您本月国内手机流量(仅限TD)共300M,省内流量共50M,截至31日22时，国内手机流量(仅限TD)剩余120M,省内流量剩余8.5M。', ['data.total 300 general', 'data.total 50 provincial', 'data.remaining 120 general', 'data.remaining 8.5 provincial']],
  ['a numbered bill line before 包括 is a line, its sub-lines too; the total comes after (real r23a-002)', '您好！您8月账单为：1、套餐及固定费用20.00元,包括来电提醒￥5.00元、语音套餐￥15.00元；2、套餐外语音通信费2.40元,包括本地主叫通话费￥2.40元；本月消费合计22.40元。', ['bill.item 20', 'bill.item 5', 'bill.item 15', 'bill.item 2.4', 'bill.item 2.4', 'bill.total 22.4']],
  ['a grant counted in minutes said by its kind (优惠分钟数（分钟）) with bare numbers (real r23b-075)', '您好,您本帐期有1条资费套餐信息:1:[套餐名称为:上网套餐38档,赠送类别为:优惠分钟数（分钟）,套餐总量为:80,已优惠量为:20,剩余量为:60]', ['voice.total 80', 'voice.used 20', 'voice.remaining 60']],
  ['after a comma, kind words ending in the topic\'s word go on with the field before (real r23b-046)', '您本月已发送网内短信20条，网间短信3条，梦网短信7条。', ['sms.used 20', 'sms.used 3', 'sms.used 7']],
  ['a weak word of what was done after an amount (500分钟通话时长) names no use (real r23b-049)', '尊敬的客户，您本月短信免费资源100条,还剩60条;赠送本地主叫亲情号码300分钟通话时长,还剩120分钟。', ['sms.total 100', 'sms.remaining 60', 'voice.total 300', 'voice.remaining 120']],
  ['the charges since a day of this month (从本月1日起的话费) are what was spent (real r23b-010)', '您好！您从本月1日起的话费为:25.30元，余额为:12.00元。', ['balance.spentThisMonth 25.3', 'balance.balance 12']],
  ['what a month named by its number allows (07月可使用…总流量) is its total (real r23a-008)', '尊敬的客户，您2014年07月可使用包月套餐总流量100.00M，已使用130.00M，剩余0.00M，已使用套餐外流量30.00M。', ['data.total 100', 'data.used 130', 'data.remaining 0', 'data.beyondPlan 30']],
  ['the charges up to now (至今的话费), with parts after 其中, are a bill and its lines (real r23b-043, said there with a comma)', '从本月1日至今的话费为30.50元.其中:套餐费30.00元,短信费0.50元。', ['bill.total 30.5', 'bill.item 30', 'bill.item 0.5']],
  // Guards.
  ['guard: 还可使用 with no sum word is still what is left', '您2014年07月还可使用流量80.00M。', ['data.remaining 80']],
  ['guard: a strong word after an amount still names it', '您当前有56.80元话费余额。', ['balance.balance 56.8']],
  ['guard: WLAN minutes stay no call time', '本月WLAN分钟数合计600分钟,已使用18分钟,剩余582分钟。', []],
  ['guard: an item after a comma with its own label keeps it', '您本月已使用本地通话13分钟，剩余长途通话5分钟。', ['voice.used 13', 'voice.remaining 5']],
  ['guard: an amount 包括 opens with no number before it stays the total', '您10月消费58.00元，包括套餐及固定费50.00元、语音通信费8.00元。', ['bill.total 58', 'bill.item 50', 'bill.item 8']],
  ['guard: 已使用： heading a list of calls still names each', '您当月已使用：本地主叫通话100分钟，国内长途通话20分钟；套餐内剩余：本地主叫通话50分钟。', ['voice.used 100', 'voice.used 20', 'voice.remaining 50']],
  ['guard: 本月可使用的…合计 is still the month\'s total', '您本月可使用的移动数据计费流量合计200.00M，已使用50.00M。', ['data.total 200', 'data.used 50']],
  ['guard: a bill\'s 本月费用合计 after its lines stays its total', '您2022年03月账单：\n套餐及固定费：58.00元\n语音通信费：3.60元\n本月费用合计：61.60元。', ['bill.item 58', 'bill.item 3.6', 'bill.total 61.6']],
  ['guard: past months owed with no balance below zero stays owed', '您的话费余额为5.00元，历史欠费金额为10.00元。', ['balance.balance 5', 'balance.balance -10']],
  ['guard: messages sent, then 至10086, are still messages', '您本月已发送短信12条至10086。', ['sms.used 12']],
  ['guard: a code sent without 短信 is not masked (an offer after it stays an offer)', '您省内流量剩余50.00MB。发456到10086首次下载营业厅送流量300M。', ['data.remaining 50 provincial']],
  ['guard: 欠费 alone is still owed', '您的话费余额为-5.00元，欠费5.00元。', ['balance.balance -5', 'balance.balance -5']],
];

/** [mechanism (the real texts that show it), wording of ours, the outcome template read]. */
const OUTCOMES: [string, string, string][] = [
  ['an instruction string (指令串) with the words quoted, said not to exist, is a wrong instruction (real r23a-097)', '尊敬的客户，对不起，您的输入指令串“查询#话费”不存在，请核对后再试。', 'wrong-instruction'],
  ['无法识别您要办理的业务 is a wrong instruction (real r23b-029)', '您好！目前无法识别您要办理的业务，请核对后重新发送。', 'wrong-instruction'],
  // Guard.
  ['guard: a business that cannot be handled now is refused, no wrong instruction', '系统目前暂时无法受理您的业务办理请求，请稍后再试。', 'refused'],
];

describe('round 37: batch real23\'s general rules', () => {
  it.each(FIGURES)('%s: %s', (_why, text, expected) => expect(figureWords(text)).toEqual(expected));
  it('the amount before ≈, within half a percent of the one after, is the figure, not a name (real r23b-117)', () => {
    const u = understandReply({ text: 'GPRS流量：已使用流量2678 K ≈2.62 M，未使用流量48521 K≈47.38 M。', receivedAt: RECEIVED, from: '10086' });
    expect(u.kind === 'figures' && u.figures.map((f) => f.span.text)).toEqual(['2678 K', '48521 K']);
  });
  it.each(OUTCOMES)('%s: %s', (_why, text, expected) => expect(outcomeWord(text)).toBe(expected));
});
