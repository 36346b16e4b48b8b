import { describe, expect, it } from 'vitest';
import { builtinCatalog } from '../../../src-shared/catalog/builtin';
import { createSearch } from '../../../src-shared/search';
import { itAnswers, itAnswersAlone, itGuessesAtMost, itGuessesFirst } from './expect-answers';

/*
 * Session 29 (search27): the brief's three known confident wrong answers (明天去香港开会，手机上网先停掉吧 → 停机, 把闹钟关了 →
 * 取消话费闹钟, 我女儿丢了手机 → 停机) come first in each block; the rest are our own, written for this file (probe32 was written
 * before it and is measured, not copied, here, but for the known cases it holds too).
 */

const engine = createSearch(builtinCatalog().instructions);

describe('the net stopped is data off in every reading, not 停机', () => {
  itAnswersAlone(engine, 'data off', [
    ['明天去香港开会，手机上网先停掉吧', 'QXGPRS'],
    ['手机上网先停掉', 'QXGPRS'],
    ['下周出国，手机流量帮我停一下', 'QXGPRS'],
  ]);
  // Another net named (家里的网) stays out of scope: the rewrite leaves it alone.
  itGuessesAtMost(engine, 'another net', ['我想把家里的网关了，孩子天天上网不学习', '把公司的网停了']);
});

describe('an everyday object that shares a word with a service', () => {
  itGuessesAtMost(engine, 'an object', ['把闹钟关了', '鬧鐘幫我取消', '把電燈關掉', '帮我把台灯关了', '取消订单', 'turn off the lights', 'cancel my alarm please']);
  // The service's own qualifier said keeps the bill alarm's answer.
  itAnswers(engine, 'the bill alarm', [
    ['话费闹钟关了', 'QXHFNZ'],
    ['取消hua费闹钟', 'QXHFNZ'],
    ['balance alarm', 'KTHFNZ'],
    ['Set up a spending alarm for my phone bill', 'KTHFNZ'],
  ]);
  // A bare 闹钟 turned off is still offered first, as a guess the person confirms.
  itGuessesFirst(engine, 'a bare alarm', [['把闹钟关了', 'QXHFNZ']]);
});

describe("a family member's phone lost", () => {
  const theirs = ['我女儿丢了手机', '我媽手機不見了', '我儿子昨天丢了手机', 'my wife s phone was stolen', 'my dad lost his phone'];
  itGuessesAtMost(engine, 'their line', theirs);
  it.each(theirs)('%s is out of scope', (q) => expect(engine.outOfScope(q)).toBe(true));
  // 停机 stops the line it is sent from: still offered first, never asserted for another's line.
  itGuessesFirst(engine, 'their line', [['我女儿丢了手机', 'TJ']]);
  // One's own phone lost keeps 停机.
  itAnswers(engine, 'my own', [
    ['我手机丢了', 'TJ'],
    ['i lost my phone', 'TJ'],
  ]);
});

describe('apps and parcels typed in pinyin or English', () => {
  itGuessesAtMost(engine, 'not the line', ['wei xin mi ma zhao hui', 'zhi fu bao yu e', 'track my package', 'where is my tracking number']);
});

/*
 * Session 30 (search28): review47 F4, the service named by its everyday word and a service word (闹钟服务, 闹钟提醒, alarm
 * service, 业务订单, my data plan) is the service's again; the objects alone stay guesses (the block above).
 */
describe('an everyday word said with the line’s service words', () => {
  itAnswers(engine, 'the service named', [
    ['开通闹钟服务', 'KTHFNZ'],
    ['取消闹钟提醒', 'QXHFNZ'],
    ['cancel alarm service', 'QXHFNZ'],
    ['手机业务订单查询', '0000'],
  ]);
  it.each(['开通闹钟服务', '取消闹钟提醒', 'cancel alarm service', '手机业务订单查询', 'cancel the order of my data plan'])('%s is not out of scope', (q) =>
    expect(engine.outOfScope(q)).toBe(false),
  );
  // The object alone, or a clock reminder of one's own (提醒我吃药, 提醒我起床), stays a guess.
  itGuessesAtMost(engine, 'an object', ['stop the alarm', '关闹钟', '闹钟提醒我吃药', '设个闹钟提醒我起床', '取消订单']);
});

describe('a pinyin query with a syllable no word was read from', () => {
  // deng of guan deng is 灯 (关灯): the reading keeps it as letters, and 等 is only half of 等待.
  itGuessesAtMost(engine, 'an everyday thing', ['guan deng', 'kai deng', 'kai men', 'guan men', 'guan dian shi', 'kai kong tiao']);
  itAnswers(engine, 'a word read', [
    ['guan deng dai', 'QXHJDD'],
    ['guan bi liu liang', 'QXGPRS'],
    ['kai tong cai ling', 'KTCL'],
  ]);
});
