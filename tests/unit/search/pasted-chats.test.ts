import { describe, expect, it } from 'vitest';
import { builtinCatalog } from '../../../src-shared/catalog/builtin';
import { createSearch } from '../../../src-shared/search';
import { itAnswers, itGuessesAtMost } from './expect-answers';

/*
 * Session 27 (search24): a chat pasted whole, and a clerk speaking of the customer at the desk. The
 * queries are our own, written for this file (probe29 was written before it and is measured, not copied, here).
 */

const engine = createSearch(builtinCatalog().instructions);

describe("a pasted chat's furniture is no thing asked about", () => {
  itAnswers(engine, 'names, times, tags, mentions, and the service’s own lines left out', [
    ['李阿姨 09:15\n我这手机的彩铃怎么关掉\n客服：您好，请问还有什么可以帮您', 'QXCL'],
    ['[语音] 我：积分在哪查\n10086：请稍等', 'JF'],
    ['小王 16:40\n帮我看下呼叫等待开了没\n客服：稍等', 'CXHJDD'],
    ['@客服 怎么查短信还剩几条', 'CXYED'],
  ]);
  // A colon with a time after it is no speaker (余额提醒 stays the thing asked about).
  itAnswers(engine, 'a time of day inside a request stays', [['余额提醒:每天8:00', 'BGYETX']]);
});

describe('a clerk of the customer at the desk', () => {
  itAnswers(engine, '把他的 / 把她的 feature: turned on or off from their phone', [
    ['把她的来电提醒关掉', 'QXLDTX'],
    ['把他的三方通话开通一下', 'KTSFTH'],
  ]);
  itGuessesAtMost(engine, 'their amount read, or their feature in a story: still another line', ['把他的余额查一下', '把她的话费查查', '她的彩铃被别人改了']);
  // 流量 is an amount as much as a feature, and a password is theirs: only turned on or off is it done from their phone (review41).
  const theirs = ['把他的流量查一下', '把她的流量还剩多少', '把他的服务密码找回来'];
  itGuessesAtMost(engine, 'their data read or their password reset: still another line', theirs);
  it.each(theirs)('%s is out of scope', (q) => expect(engine.outOfScope(q)).toBe(true));
  itAnswers(engine, 'their data turned off from their phone', [['把他的流量关了', 'QXGPRS']]);
});

describe('a clock alarm set for a time said later in its clause', () => {
  itGuessesAtMost(engine, 'an alarm clock, not the bill alarm', ['闹钟帮我调到明早五点半', '闹钟能不能改成下午两点']);
  itAnswers(engine, 'the bill alarm names 话费', [['闹钟每天早上提醒我话费', 'KTHFNZ']]);
});

describe('a card activated, and what was topped up', () => {
  itGuessesAtMost(engine, 'a new card is activated at the counter or by its pack', ['sim卡咋激活', '我的SIM卡怎么激活呢', '补办的电话卡激活不了']);
  itAnswers(engine, 'what was topped up (充的话费) is the balance', [['女儿上周给我充的话费还剩多少', 'YE']]);
  itGuessesAtMost(engine, 'topping up itself stays no instruction', ['帮我充30块话费']);
  // An amount in Chinese numerals between 充 and 的 is a top-up asked for, not what was topped up (review41).
  it.each(['帮我充一百块的话费', '给我充五十的话费', '充一百元的话费'])('%s is out of scope', (q) => expect(engine.outOfScope(q)).toBe(true));
});
