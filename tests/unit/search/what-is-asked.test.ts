import { describe } from 'vitest';
import { builtinCatalog } from '../../../src-shared/catalog/builtin';
import { createSearch } from '../../../src-shared/search';
import { itAnswers, itGuessesAtMost } from './expect-answers';

/*
 * Session 17 (searchq14): what a sentence asks of us, judged by its shape rather than by its words.
 * A question whether a message or caller told the truth, a product bought, money asked back, an
 * amount of a line named by its number, and a notice wanted again and again. Our own queries, none
 * from a query set (probe22 was written before this file).
 */

const engine = createSearch(builtinCatalog().instructions);

describe('a question whether what was said is true is answered by none', () => {
  itGuessesAtMost(engine, 'the last question doubts a message or a caller', [
    '刚才有条短信说我的话费返现五十元，点链接领取，这是真的吗',
    '有个自称客服的打电话说要帮我关掉彩铃，要我报验证码，是不是骗人的',
    '短信说我的积分明天清零，真的假的',
    'got a text saying my data will be cut off tonight, is this legit',
    '10086发短信说我的号要停了，是真的吗',
  ]);
  itAnswers(engine, 'a clause asking us for something is answered', [
    ['朋友说发0000能查开了哪些业务，是真的吗，帮我查一下', '0000'],
    ['听说积分能查，真的吗？我想查下我有多少积分', 'JF'],
  ]);
  itAnswers(engine, 'no doubt: asked whether a feature is on, or a plain request', [
    ['彩铃真的开着吗', 'GN'],
    ['我的流量还剩多少', 'CXYEG'],
  ]);
});

describe('a product bought or applied for is no instruction', () => {
  itGuessesAtMost(engine, 'packages, cards and numbers are sold', ['add a data booster to my line', '给我订个夜间流量包', '想申请一张副卡给孩子用', 'I want to buy a data pack for my trip']);
  itAnswers(engine, 'what is left of a package is data left', [
    ['帮我查一下流量包还剩多少', 'CXYEG'],
    ['流量包剩余多少', 'CXYEG'],
  ]);
  itAnswers(engine, 'a feature applied for is turned on', [['办个来电显示', 'KTLDXS']]);
});

describe('money asked back, across the clause', () => {
  itGuessesAtMost(engine, 'a refund is not an SMS instruction', ['话费交错号码了可以退吗', '话费交到别人手机上了能退回来吗']);
  itAnswers(engine, '退订 is turning off', [['彩铃每月五块钱，能退订吗', 'QXCL']]);
});

describe("an amount of a line named by its number is that line's, not the sending one's", () => {
  itGuessesAtMost(engine, 'part of a number named', ['帮我看看139开头那个号码还有多少话费', '尾号8866那张卡的流量还剩多少']);
  itAnswers(engine, 'one own amount', [['我这个号还有多少话费', 'YE']]);
});

describe('being told again and again is a standing notice', () => {
  itAnswers(engine, 'every day, at set times', [
    ['每天都想知道今天花了多少话费', 'KTHFNZ'],
    ['send me what I spent every day', 'KTHFNZ'],
  ]);
  itAnswers(engine, 'not knowing what is charged each month is a look', [['每个月扣的钱我都不知道是什么，帮我查一下开了什么业务', '0000']]);
});
