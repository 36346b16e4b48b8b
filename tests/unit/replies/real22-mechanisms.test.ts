import { describe, expect, it } from 'vitest';
import { understandReply } from '../../../src-shared/replies';
import { figureWords, optionLines, RECEIVED } from './format';

// Round 35 (branch replies34): the general rules batch real22 (2014 replies of a public SMS export) showed. Every wording
// here is OURS (written for this test, NOT a real reply), after the real dev texts each case names; each non-guard case fails
// on b1afcdea (the commit that added the batch), the guards pass there too.

const options = (text: string) => optionLines(understandReply({ text, receivedAt: RECEIVED, from: '10086' }));

/** [mechanism (the real texts that show it), wording of ours, the figures read]. */
const FIGURES: [string, string, string[]][] = [
  ['信誉度 is a credit limit (real r22-025)', '您当前的信誉度为300.00元，话费余额为12.50元。', ['balance.creditLimit 300', 'balance.balance 12.5']],
  ['福分 are points (real r22-021)', '您的话费余额：20.00元，福分：512。', ['balance.balance 20', 'points.total 512']],
  ['points earned this month and their kinds are no total (real r22-067)', '您的总积分为2000分。本月增加积分150分，其中消费积分100分、奖励积分30分，另赠送您网龄积分20分。', ['points.total 2000', 'points.other 150', 'points.other 100', 'points.other 30', 'points.other 20']],
  ['a part after 其中 named only by a word of what was done (上网) keeps its whole\'s field (real r22-049)', '您的套餐内流量剩余1200.00MB，其中手机上网流量200.00MB、省内流量1000.00MB。', ['data.remaining 1200', 'data.remaining 200', 'data.remaining 1000 provincial']],
  ['a pack\'s contents in brackets after its name pass its kind on to its use (real r22-030)', '1、5元流量包(包含国内流量40.00M)--已使用10.00M，剩余30.00M。', ['data.total 40 general', 'data.used 10 general', 'data.remaining 30 general']],
  ['the same after a price ending the name (real r22-030)', '2、上网套餐2013版-18元(包含国内流量50.00M)--已使用5.00M，剩余45.00M。', ['data.total 50 general', 'data.used 5 general', 'data.remaining 45 general']],
  ['an amount said again rounded after 约等于 is no new figure (real r22-032)', '您已使用流量5120.0K，约等于5.1M，未使用流量24.9M。', ['data.used 5', 'data.remaining 24.9']],
  ['a size alone in a pack\'s brackets, said again after them, is the name\'s (real r22-032)', '您还使用了10元上网流量包（70M），包含70.0M上网流量，已使用20.0M，未使用流量50.0M。', ['data.total 70', 'data.used 20', 'data.remaining 50']],
  ['3G before 网 is a network, no data (real r22-034)', '您已使用20.00MB，剩余580.00MB。其中按自然月计费的产品（限本月内使用）：您的动感地带3G网聊28套餐（2013版）本月内含200.00MB的移动数据流量，已使用20.00MB，剩余180.00MB。', ['data.used 20', 'data.remaining 580', 'data.total 200', 'data.used 20', 'data.remaining 180']],
  ['owed said bare beside a period\'s part is the whole; the part is other (real r22-019)', '您当前已用话费为80.00元，欠费30.00元，历史欠费0.00元。', ['balance.spentThisMonth 80', 'balance.balance -30', 'balance.other 0']],
  ['当前欠费 is owed in all beside 往月欠费 (real r22-025)', '往月欠费3.00元;当前欠费40.00元。', ['balance.other 3', 'balance.balance -40']],
  ['an amount 未结清 is owed (real r22-022)', '您目前有1.20元话费未结清，请尽快缴费。', ['balance.balance -1.2']],
  ['当月费用合计 with no lines is spent; a day\'s 当天费用合计 is other (real r22-029)', '您当月费用合计9.50元，您的余额为60.00元。当天费用合计为0.30元。', ['balance.spentThisMonth 9.5', 'balance.balance 60', 'bill.other 0.3']],
  ['主账户余额 and 副账户余额 are parts of the total (real r22-008)', '您总账户余额为40.00元。详情为：主账户余额38.00元，副账户余额2.00元。', ['balance.balance 40', 'balance.cash 38', 'balance.other 2']],
  ['a floor (底线费用) is no spending (real r22-087, r17-130)', '未出帐话费中在当月可继续使用的底线费用为0.00元，当月可用预存款总额为50.00元。', ['balance.other 0', 'balance.balance 50']],
  ['a month\'s discount in all (优惠合计) is no bill total (real r22-095)', '本月消费合计60.00元,本月优惠合计 5.00元。', ['bill.total 60', 'bill.other 5']],
  ['a rate in 分钱 per minute is no minutes (real r22-093)', '使用家庭网短号本地主叫通话1分钱/分钟，您已使用家庭短号主叫通话40分钟。', ['voice.used 40']],
  // Guards.
  ['guard: 上网 after 已使用 still names use', '您本月已使用流量300MB，其中手机上网流量200MB。', ['data.used 300', 'data.used 200']],
  ['guard: a note in brackets after an amount still keeps its kind to itself', '国内通用流量(含结转)共剩余12.06GB，省内流量剩余1GB。', ['data.remaining 12349.44 general', 'data.remaining 1024 provincial']],
  ['guard: 3G followed by a figure of data stays read', '赠送3G省内流量，已使用1G，剩余2G。', ['data.total 3072 provincial', 'data.used 1024 provincial', 'data.remaining 2048 provincial']],
  ['guard: two periods owed and no whole: each owed', '截止上月欠费为1.96元，本月欠费为54.91元。', ['balance.balance -1.96', 'balance.balance -54.91']],
];

/** [mechanism (the real texts that show it), wording of ours, the options read]. */
const MENUS: [string, string, string[]][] = [
  ['a label after 回复CODE drops 即可 (real r22-097, r22-050)', '您的话费余额为19.54元，回复114即可查询您本月的话费消费明细，回复130即可查询本机资费。', ['114.查询您本月的话费消费明细', '130.查询本机资费']],
  ['a number said once, unquoted, before a verb (real r22-062)', '您本月话费为10.00元。回复121了解话费账单项目说明。', ['121.了解话费账单项目说明']],
  // A template to fill in (18*月份#) is no option since the lead's rule of 2026-12-07: it cannot be sent as it is.
  ['a code in quotes, of words (real r22-092); one with * and # is a template, no option (r22-034)', '您本月已使用流量20MB。回复“加油包”查询办理加油包，回复“18*月份#”查询相应月份流量使用情况。', ['加油包.查询办理加油包']],
  ['a label before 请回CODE (real r22-019)', '您的余额为-5.00元。如需交费请回JHF。', ['JHF.交费']],
  ['发CODE到10086, and a label before 回复CODE closed by a bracket (real r22-093)', '您已使用主叫通话32分钟。发33到10086可查询网内实时通话分钟。（取消提醒请回复QXTX至10086）', ['33.查询网内实时通话分钟', 'QXTX.取消提醒']],
  ['a look-up or cancel label before its number (real r22-051, r22-095)', '您本月已使用流量1.97M，更多流量使用进度查询请回复113。取消请发送1072至10086。', ['113.更多流量使用进度查询', '1072.取消']],
  ['下载 is what a code does (real r22-049)', '您本月已使用流量18MB，您可回复MM下载MM商场客户端，游戏、听歌。', ['MM.下载MM商场客户端']],
  ['under a cue, a number glued to an order or a look-up (real r22-064)', '您的话费余额为10.00元。如需以下服务，请直接回复相应数字：330办理流量加油包；103查询当月及历史账单；4变更资费套餐。', ['330.办理流量加油包', '103.查询当月及历史账单', '4.变更资费套餐']],
  ['a list\'s first number never goes on from a word (a web address) (real r22-060)', '本月费用合计51.79元。如需进一步查询具体费用（如增值业务费），请回复数字25。登陆网上商城（www.sd.10086.cn)充值打折！', ['25.进一步查询具体费用（如增值业务费）']],
  ['a five-digit code whose label holds a bracket (real r22-057)', '您已使用短信34条。建议回复74200办理3元40条短信套餐（12版），当月生效。回复745了解更多短信套餐信息。', ['74200.办理3元40条短信套餐（12版）', '745.了解更多短信套餐信息']],
  ['codes with a colon on lines under 【headings】, after 回复以下业务编码或字母 (real r22-021)', '您的话费余额：50.28元。回复以下业务编码或字母了解更多自助服务。\n【常用查询】\n101：查询剩余套餐信息；\nCXLL：查询流量情况；\n【热门服务】\n6：手机上网业务导航；', ['101.查询剩余套餐信息', 'CXLL.查询流量情况', '6.手机上网业务导航']],
  ['短信回复 after a look-up label (real r22-076)', '您本月已消费25.85元。查明细短信回复18至10086。', ['18.查明细']],
  ['发短信CODE到10086 (real r22-065)', '您的话费余额为8.00元。您可发短信YE到10086查询可用余额。', ['YE.查询可用余额']],
  // Guards.
  ['guard: a code with a part to fill in is still no option', '您的余额为5.00元。回复“QX+序号”可退订对应业务。', []],
  ['guard: 发送11至10086 followed by no verb is no option', '发送11至10086不仅可以查话费，更可轻松交费充值哦！您当前已用话费为164.32元。', []],
];

describe('round 35: batch real22\'s general rules', () => {
  it.each(FIGURES)('%s: %s', (_why, text, expected) => expect(figureWords(text)).toEqual(expected));
  it.each(MENUS)('%s: %s', (_why, text, expected) => expect(options(text)).toEqual(expected));
});
