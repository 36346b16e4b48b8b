import { describe } from 'vitest';
import { builtinCatalog } from '../../../src-shared/catalog/builtin';
import { createSearch } from '../../../src-shared/search';
import { itAnswers, itGuessesAtMost } from './expect-answers';

/*
 * Session 16 (searchq13): confidence that rests on evidence the request does not give. A denial
 * (我没有要开彩铃，…) names what is not asked, so its words are no evidence; a request whose verb no
 * catalog text speaks of (帮我交一下) asks a doing no instruction does, whatever thing it shares with
 * one. Our own queries, none from a query set (probe21 was written before this file).
 */

const engine = createSearch(builtinCatalog().instructions);

describe('a denial beside the request is no evidence for an answer', () => {
  itGuessesAtMost(engine, 'only the denied thing matches', ['我并没有要开来电显示，我是想投诉你们多收钱', '我没让你们开彩铃，我要把钱退回来']);
  itAnswers(engine, 'the other clause is what is asked', [
    ['我没有要取消彩铃，我是想查一下积分', 'JF'],
    ['不是要停机，我想查话费还剩多少', 'YE'],
  ]);
  itAnswers(engine, 'no denial: not done, not expected', [
    ['我没有开过彩铃，帮我取消', 'QXCL'],
    ['没想到彩铃要收钱，帮我关了', 'QXCL'],
  ]);
});

describe('a request whose verb the catalog never speaks of is answered by none', () => {
  itGuessesAtMost(engine, 'paying, renewing, topping up', ['帮我缴一下这个月的话费', '帮我续一下流量包', '帮我冲一下话费']);
  itAnswers(engine, 'verbs of asking, looking, reckoning and of the catalog', [
    ['帮我瞧一下话费', 'YE'],
    ['帮我核一下账单', 'ZD'],
    ['帮我查一下话费', 'YE'],
    ['帮我关一下上网', 'QXGPRS'],
    ['帮我改一下密码', 'MMXG'],
  ]);
});
