import { describe, expect, it } from 'vitest';
import { builtinCatalog } from '../../../src-shared/catalog/builtin';
import { createSearch } from '../../../src-shared/search';
import { itAnswers, itGuessesAtMost } from './expect-answers';

/*
 * Session 28 (search26): balances, scores, minutes and data that belong to someone else than the line (a visa, a credit
 * score, a meeting, a car), and a feature given back with 退. The brief's known cases come first in each block (what is
 * my credit score, the balance on my visa, 余额提醒怎么退); the rest are our own, written for this file (probe31 was
 * written before it and is measured, not copied, here).
 */

const engine = createSearch(builtinCatalog().instructions);

describe("a balance, a score, minutes or data that are another owner's", () => {
  const others = [
    'what is my credit score',
    'what is the balance on my visa',
    'how much do i have in savings',
    'my mastercard balance',
    '征信报告在哪看',
    '芝麻分多少了',
    'how many minutes was the meeting',
    '健身房还剩几分钟关门',
    'how much data has my tesla used',
    'set my alarm clock',
    '播放一首周杰伦的歌',
    'play a song for me',
    'did the warriors score tonight',
  ];
  itGuessesAtMost(engine, 'not the line', others);
  it.each(others)('%s is out of scope', (q) => expect(engine.outOfScope(q)).toBe(true));
  // The line named beside them keeps its answer.
  itAnswers(engine, 'the line named', [
    ['check my phone balance', 'YE'],
    ['visa没了，先查下本机余额', 'YE'],
    ['开会前查一下手机话费余额', 'YE'],
    ['how much data is left on my sim card', 'CXYEG'],
    ['跑步的时候手机流量还剩多少', 'CXYEG'],
  ]);
});

describe('退 of a feature is 取消', () => {
  itAnswers(engine, 'given back', [
    ['余额提醒怎么退', 'QXYETX'],
    ['来电显示能退吗', 'QXLDXS'],
    ['短信回执我要退', 'QXDXHZ'],
    ['退掉三方通话', 'QXSFTH'],
  ]);
  // Money given back stays a refund (out of scope), not a cancel.
  it.each(['话费怎么退', '余额能退吗'])('%s is out of scope', (q) => expect(engine.outOfScope(q)).toBe(true));
});
