import { describe, expect, it } from 'vitest';
import { understandReply } from '../../../src-shared/replies';
import { figureWords, optionLines, RECEIVED } from './format';

// Round 37 (branch replies37): the general rules batch real23's dev part (2014 replies of a public SMS export) showed. Every
// wording here is OURS (written for this test, NOT a real reply), after the real dev texts each case names; each non-guard
// case fails on 70469e13 (the commit that added the batch's dev part), the guards pass there too.

const options = (text: string) => optionLines(understandReply({ text, receivedAt: RECEIVED, from: '10086' }));

/** [mechanism (the real texts that show it), wording of ours, the figures read]. */
const FIGURES: [string, string, string[]][] = [
  ['即时话费 is what was spent (real r23b-023)', '尊敬的客户，您的即时话费45.2 元，您的话费余额30.10元。', ['balance.spentThisMonth 45.2', 'balance.balance 30.1']],
  ['本月通信费 is what was spent, beside a balance (real r23b-020, r23b-050)', '本月通信费88.00元,当前余额-12.50元,短信合计100条,已使用20条,剩余80条。', ['balance.spentThisMonth 88', 'balance.balance -12.5', 'sms.total 100', 'sms.used 20', 'sms.remaining 80']],
  ['话费使用总额 is what was spent (real r23b-085)', '您从本月1日截止到当前的话费使用总额为：12.40元。', ['balance.spentThisMonth 12.4']],
  ['待扣话费 is owed (real r23a-034)', '您累计待扣话费为20.50元，当前帐号余额0.00元，请充值。', ['balance.balance -20.5', 'balance.balance 0']],
  ['欠费额度 is a credit limit, nothing owed (real r23b-082)', '您的信用星级现已被调整为2星级，欠费额度为50.00元。', ['balance.creditLimit 50']],
  ['an amount said again rounded after ≈ is no new figure, nor the first a name (real r23b-117)', '3、上网套餐(个人)，GPRS流量：已使用流量3072 K ≈3.00 M，未使用流量27648 K≈27.00 M。', ['data.used 3', 'data.remaining 27']],
  ['data one may fetch free each month (免费领取) is an advert (real r23a-041, -042, -051, -098)', '您本月的上网数据流量为20.00MB，剩余80.00MB。即日起使用掌厅客户端可每月免费领取50M流量！', ['data.used 20', 'data.remaining 80']],
  ['a code sent by SMS to 10086 is no count of messages (real r23a-024, r23b-032)', '当前您的充值帐户余额为19.13元。短信发2至10086查询即时话费信息。', ['balance.balance 19.13']],
  // Guards.
  ['guard: messages sent, then 至10086, are still messages', '您本月已发送短信12条至10086。', ['sms.used 12']],
  ['guard: a code sent without 短信 is not masked (an offer after it stays an offer)', '您省内流量剩余50.00MB。发456到10086首次下载营业厅送流量300M。', ['data.remaining 50 provincial']],
  ['guard: 欠费 alone is still owed', '您的话费余额为-5.00元，欠费5.00元。', ['balance.balance -5', 'balance.balance -5']],
];

/** [mechanism (the real texts that show it), wording of ours, the options read]. */
const MENUS: [string, string, string[]][] = [];

describe('round 37: batch real23\'s general rules', () => {
  it.each(FIGURES)('%s: %s', (_why, text, expected) => expect(figureWords(text)).toEqual(expected));
  if (MENUS.length) it.each(MENUS)('%s: %s', (_why, text, expected) => expect(options(text)).toEqual(expected));
});
