import { describe, expect, it } from 'vitest';
import { builtinCatalog } from '../../../src-shared/catalog/builtin';
import { createSearch } from '../../../src-shared/search';
import { itAnswers, itGuessesAtMost } from './expect-answers';

/*
 * Session 23 (search20): whole requests that found nothing though an instruction answers them. Two causes, each fixed in
 * general: 给我打 (someone calls me, said with the recipient first) was no word of an incoming call while 打给我 was, so a
 * caller question's words were left to raw characters whose filler (给我, 的, 是) pushed every match under the least score;
 * and a clause opening with …的时候, typed without a comma, was read as one with its request, so the story diluted it.
 * Queries written for this file (ours, none from a query set).
 */

const engine = createSearch(builtinCatalog().instructions);

describe('给我打 is a call to me, as 打给我 is', () => {
  itAnswers(engine, 'a caller asked with 给我打', [
    ['刚才是谁给我打的电话啊', 'KTLDXS'],
    ['我想知道刚才给我打电话的是谁', 'KTLDXS'],
  ]);
  it('a person asked about still finds nothing', () => {
    expect(engine.search('李明是谁', 3)).toEqual([]);
  });
  it('telling callers to stop is still out of scope', () => {
    expect(engine.outOfScope('别给我打电话了')).toBe(true);
  });
});

describe('a longer concept word starting inside a shorter one is the one read', () => {
  // 给我打 (an incoming call) would take the start of 打电话我都不知道 (a missed call): the longer says more.
  itAnswers(engine, 'a missed call, told with 给我打', [['我关机的时候有人给我打电话我都不知道', 'KTLDTX']]);
});

describe('a clause that opens with …的时候 is cut there without a comma', () => {
  itAnswers(engine, 'the request after the when', [['半夜在山里面爬山的时候手机没有信号我想知道有谁找过我', 'KTLDTX']]);
  it('a request after a when-clause finds an answer', () => {
    expect(engine.search('手机没信号的时候有人给我打电话我想知道', 3).length).toBeGreaterThan(0);
  });
  // 的时候 inside what is asked (设置…的时候提醒我) is no clause of its own: the request keeps it.
  itAnswers(engine, 'a when inside the request', [['能不能设置一下余额不够的时候就提醒我', 'KTYETX']]);
  itGuessesAtMost(engine, 'a when-clause beside chit-chat', ['下雨的时候你在干嘛呢']);
});
