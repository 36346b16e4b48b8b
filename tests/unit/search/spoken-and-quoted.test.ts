import { describe, expect, it } from 'vitest';
import { builtinCatalog } from '../../../src-shared/catalog/builtin';
import { createSearch } from '../../../src-shared/search';
import { itAnswers, itGuessesAtMost } from './expect-answers';

/*
 * Session 16 (searchq12): who said what, quoted messages, worries and conditions beside a request,
 * a complaint beside a strange request, and everyday wishes that share words with instructions.
 * Each block is one cause; its queries are our own, none from a query set (probe20 was written
 * before this file and is measured, not copied, here).
 */

const engine = createSearch(builtinCatalog().instructions);

describe('who said something is no thing asked about', () => {
  itAnswers(engine, 'the speaker is read away', [
    ['客服跟我讲发个短信就能关掉彩铃，帮我关', 'QXCL'],
    ['他说：你那个呼叫等待好像没开，帮我开了吧', 'KTHJDD'],
    ['我表姐跟我说可以发短信查流量，那怎么查', 'CXYEG'],
  ]);
});

describe('a retail hall one would rather not go to is the reason, not the question', () => {
  itAnswers(engine, 'the hall avoided', [['来电显示怎么取消，营业厅离家远不想去', 'QXLDXS']]);
  itGuessesAtMost(engine, 'the hall asked about', ['营业厅离家远不远']);
});

describe('a quoted message is what was received, not what is asked', () => {
  itAnswers(engine, 'the request beside it', [['收到一条：“您的来电提醒已开通，如需取消请回复”，我要取消', 'QXLDTX']]);
  itGuessesAtMost(engine, 'topping up asked beside a pasted reminder', ['短信提示“余额不足请充值”，在哪儿能充']);
});

describe('a worry or a condition beside the request is context', () => {
  itAnswers(engine, 'the request leads', [
    ['我总担心话费不够用，想开个话费闹钟每天告诉我花了多少', 'KTHFNZ'],
    ['如果手机没信号的时候有人打电话，能不能开个提醒告诉我谁打过', 'KTLDTX'],
  ]);
});

describe('when what is asked names something out of scope, a complaint beside it cannot carry the sentence', () => {
  itGuessesAtMost(engine, 'the complaint matched an instruction', ['帮我把家里网关掉，孩子老上网玩', '请问哪里能买到不限量的流量卡，现在这个套餐不够用']);
});

describe('remarks on what one knows, pauses and wanting to ask are no things asked', () => {
  itAnswers(engine, 'the request alone', [
    ['说实话我也不清楚，就想问问卡里还有没有钱', 'YE'],
    ['那个啥，帮我查下积分', 'JF'],
  ]);
});

describe('everyday wishes sharing words with instructions', () => {
  itGuessesAtMost(engine, 'another person\'s feature by a pronoun', ['她的彩铃是谁给改的']);
  itGuessesAtMost(engine, 'a handset bought', ['楼主想买个新手机，有推荐吗']);
  itGuessesAtMost(engine, 'an appliance stopped', ['空调停机了怎么办']);
  itGuessesAtMost(engine, 'points spent on goods, data given away', ['积分能换一桶油吗', '流量匀一点给我老公']);
  itGuessesAtMost(engine, 'a reminder at a time of day, the phone\'s light', ['提醒我明天早上八点吃药', '帮我打开手电筒']);
  itGuessesAtMost(engine, 'a bare reminder is of the strange thing beside it', ['我想记得晚饭后吃药，到时候提醒我一下']);
});

describe('words', () => {
  itAnswers(engine, 'hold, missed calls, money left, adding a caller', [
    ['通话的时候先不挂，让对方等着，开这个功能', 'KTHJBC'],
    ['我没接到电话的时候能短信通知我吗', 'KTLDTX'],
    ['这手机还有几个子儿', 'YE'],
    ['能不能把我同事拉进来一起通话', 'KTSFTH'],
  ]);
  it('楼主说发0000可以查业务，我试一下: a digits-only code in a sentence is that code', () => {
    expect(engine.search('楼主说发0000可以查业务，我试一下', 3)[0]).toMatchObject({ id: '0000', confident: true });
  });
});

describe('another person\'s line lost or cut off, a request pointing back at a strange thing', () => {
  itGuessesAtMost(engine, 'what is asked is for their line', ['我媳妇手机被偷了，想帮她把号停掉', '他的卡欠费停机了，帮他交钱能用我的手机吗']);
  itGuessesAtMost(engine, '那个功能 is the strange thing named before it', ['听说能用手机扫码坐地铁，帮我开通一下那个功能']);
  itAnswers(engine, 'but not when the clause before it names ours', [['换了新手机以后来电都不显示号码，是不是没开那个功能', 'KTLDXS']]);
});

describe('a forum post\'s address to its readers', () => {
  itAnswers(engine, '求问 before 话费 names no other kind of bill', [['求问话费闹钟怎么设置，想每天知道花了多少', 'KTHFNZ']]);
});
