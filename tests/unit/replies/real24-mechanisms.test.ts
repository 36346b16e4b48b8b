import { describe, expect, it } from 'vitest';
import { understandReply } from '../../../src-shared/replies';
import { figureWords, optionLines, outcomeWord, RECEIVED } from './format';

// Round 40 (branch replies40): the general rules batch real24's dev part (2014 replies of a public SMS export) showed. Every
// wording here is OURS (written for this test, NOT a real reply), after the real dev texts each case names; each non-guard
// case fails on 70cbe553 (the commit that added the batch's dev part), the guards pass there too (the outcomes below: 3 fail there, the guard passes).

/** [mechanism (the real texts that show it), wording of ours, the figures read]. */
const FIGURES: [string, string, string[]][] = [
  ['keys pressed on a voice line (按2再按1) are no minutes (real r24a-019, r24a-069)', '您的余额为3.50元。为保证正常通话，请拨打10086按2再按1为本机充值。', ['balance.balance 3.5']],
  ['a number to reply (回复数字3) is no count of messages (real r24a-051)', '您已成功订制10元流量包。查余量请拨打1008611，根据短信提示回复数字4，方便快捷。', []],
  ['4G a card supports (支持使用4G, 4G服务) is a network, no data (real r24a-088)', '您的补卡申请已受理成功。新卡支持使用4G，换用4G手机后即可享受4G服务。', []],
  ['需缴 is owed (real r24a-019)', '尊敬的客户：您账户余额为0，需缴12.30元，现已停机。', ['balance.balance 0', 'balance.balance -12.3']],
  ['under a heading of use (使用情况如下:), a colon item is what was used (real r24b-045, r24b-067, r22-029)', '截止到15日24时您本月包月使用情况如下:包月免费通话时长:12分钟,免费流量:3.50M,免费流量:0.00M。', ['voice.used 12', 'data.used 3.5', 'data.used 0']],
  ['a debt taken from the account (补扣…欠费) is no balance (real r24a-004, r24b-080)', '您好,从您的帐户上补扣信用度欠费2.15元。', ['balance.other 2.15']],
  ['a tariff\'s rounding (不足1M按1M计算) is no figure (real r24b-104, r23b-004)', '上网套餐：已使用流量20480K，不足1M按1M计算，剩余流量10240K。', ['data.used 20', 'data.remaining 10']],
  ['a package named in use before 您…剩余 passes its kind (real r24a-073)', '您现在正在使用省内流量包，您当前月剩余手机流量约15MB；您现在正在使用手机流量5元叠加包，您当前月剩余手机流量约8MB。', ['data.remaining 15 provincial', 'data.remaining 8']],
  ['a data unit glued to GPRS (10MGPRS) is still its unit (real r24b-107)', '尊敬的客户，您本月赠送20MGPRS流量,还剩5MB。', ['data.total 20', 'data.remaining 5']],
  ['the period before (上期余额) is no balance of now (real r24a-020)', '您好,您上期余额为12.00元，本期余额为40.50元。', ['balance.other 12', 'balance.balance 40.5']],
  // Guards.
  ['guard: an amount after 按 with its unit is no key', '您本月已使用流量30.00M，超出部分按1元/M计费。', ['data.used 30']],
  ['guard: 4G before 流量 is still data of a kind', '您的4G流量剩余300MB。', ['data.remaining 300']],
  ['guard: 欠费 alone is still owed', '您好，您已欠费2.15元，请及时充值。', ['balance.balance -2.15']],
  ['guard: an item under a heading of use with its own label keeps it', '您本月套餐使用情况如下：国内流量:总量1024M,剩余100M。', ['data.total 1024 general', 'data.remaining 100 general']],
  ['guard: a name and its size under a heading of use (no colon) stays its total', '您本月套餐流量使用情况如下：流量王套餐500.00MB，已使用约20.00MB，剩余约480.00MB。', ['data.total 500', 'data.used 20', 'data.remaining 480']],
  ['guard: a kind said before 已到期 still names no amount of a clause of 您…流量', '您办理的国内流量包已到期，您的流量剩余300MB。', ['data.remaining 300']],
  ['guard: M glued to other letters is no unit', '您的套餐包含5MBOX会员权益，话费余额2.00元。', ['balance.balance 2']],
];

/** [mechanism (the real texts that show it), wording of ours, the options offered]. */
const OPTIONS: [string, string, string[]][] = [
  ['a code before 使用 (回复17使用…) (real r24b-016, -063, -065, -110, -111, r23b-036)', '您本月已使用流量20.00M。手机支付用户可直接回复18使用手机支付业务。', ['18.使用手机支付业务']],
  ['a code, a comma, then a verb (回复66， 查询…) (real r24a-008, r24a-066, r24a-074)', '您的话费余额为20.00元。回复818，了解更多优惠；回复JY，升级流量套餐。', ['818.了解更多优惠', 'JY.升级流量套餐']],
  ['可以 / 可进行 between a code and its verb (real r24b-064, r24a-025, r24b-090)', '您本月流量剩余10.0M。发409到10086可以了解流量加油包，发CXYE至10086可进行查询。', ['409.了解流量加油包', 'CXYE.查询']],
  ['增加 among the verbs (real r24a-007)', '您本月流量已使用100.00M。回复663可增加本月流量。', ['663.增加本月流量']],
  ['a verb\'s label, a comma, then 请回复 a code (real r24b-041, r24b-043, r24b-122)', '您本月通话已使用90%。取消提醒，请回复QXTX。', ['QXTX.取消提醒']],
  ['a look-up\'s label before 请发送 a number 至10086 (real r24b-026, r24b-081)', '您当月累计话费20.00元。查询话费详单请发送112至10086，或登录网上营业厅。', ['112.查询话费详单']],
  // Guard.
  ['guard: a comma after a code opens no label that names its own code', '您的话费余额为20.00元。如需查询实时话费请回复112，查询优惠活动请回复3。', ['112.查询实时话费', '3.查询优惠活动']],
];

describe('round 40: batch real24\'s general rules', () => {
  it.each(FIGURES)('%s: %s', (_why, text, expected) => expect(figureWords(text)).toEqual(expected));
  it.each(OPTIONS)('%s: %s', (_why, text, expected) =>
    expect(optionLines(understandReply({ text, receivedAt: RECEIVED, from: '10086' }))).toEqual(expected));
});

/** [mechanism (the real texts that show it), wording of ours, the outcome template read]. */
const OUTCOMES: [string, string, string][] = [
  ['a command quoted between 指令 and 有误 is a wrong instruction (real r24a-041)', '您发送的指令“YECX”有误，查询余额请发送YE到10086。', 'wrong-instruction'],
  ['words the robot cannot understand (还不能理解) are a wrong instruction (real r24a-046)', '抱歉，您说的话我暂时还不能理解。', 'wrong-instruction'],
  ['what was sent beyond its knowledge (超出…知识范围) is a wrong instruction (real r24a-034)', '您发送的内容超出了我的知识范围，请换一种方式提问。', 'wrong-instruction'],
];

describe('round 40: wrong instructions in more words', () => {
  it.each(OUTCOMES)('%s: %s', (_why, text, expected) => expect(outcomeWord(text)).toBe(expected));
  it('guard: thanks for understanding (谢谢您的理解) is no wrong instruction', () =>
    expect(outcomeWord('您好！系统正在升级中，谢谢您的理解。')).not.toBe('wrong-instruction'));
});
