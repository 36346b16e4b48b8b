import { describe, expect, it } from 'vitest';
import { builtinCatalog } from '../../../src-shared/catalog/builtin';
import { createSearch } from '../../../src-shared/search';
import { itAnswers, itGuessesAtMost } from './expect-answers';

/*
 * Session 24 (search21): answers given with confidence and wrongly. The main cause, fixed in general: a first answer that
 * scores barely above the next (within a tenth) while leaving a thing of the query unexplained (密码 for YE, the balance
 * as typed) that the next explains with all the rest (CXYEH, the balance read with the password). The margin does not
 * say which is meant, the words say the first is short of one: neither is asserted, both stay offered. And a second:
 * 不是 straight before an action (不是查…，是查…) was no denial, so the thing denied counted for its own instruction.
 * Queries written for this file (ours, none from a query set).
 */

const engine = createSearch(builtinCatalog().instructions);

describe('a near tie whose runner-up explains what the first leaves out asserts neither', () => {
  itGuessesAtMost(engine, 'the password named beside a balance read', ['check balance password', '余额查询 服务密码']);
  it.each([
    ['check balance password', 'CXYEH'],
    ['余额查询 服务密码', 'CXYEH'],
  ])('%s: %s still among the first three', (q, id) => {
    expect(engine.search(q, 3).map((r) => r.id)).toContain(id);
  });
  // A notice of delivery reports with no action: asking whether it is on (CXDXHZ) or turning it on (KTDXHZ) is open.
  itGuessesAtMost(engine, 'delivery reports named with no action', ['短信回执通知']);
});

describe('what the tie leaves alone', () => {
  // The first explains all of it: a runner-up that does too is no reason for doubt.
  itAnswers(engine, 'the first explains everything', [
    ['短信回执', 'CXDXHZ'],
    ['用服务密码查余额', 'CXYEH'],
    ['余额', 'YE'],
  ]);
  // A package cancelled: the list of subscriptions leads whatever matched the package's kind as well (KTGPRS, data).
  it('a data add-on cancelled is still the list of subscriptions, sure', () => {
    expect(engine.search('i want to cancel the data add-on', 3)[0]).toMatchObject({ id: '0000', confident: true });
  });
});

describe('不是 straight before an action denies it, as 不是要 does', () => {
  // The denied thing was evidence for its own instruction: with it, the sentence was read as a near tie, or as the denied service.
  itAnswers(engine, 'what is asked after the denial', [['不是办来电显示，是开来电提醒', 'KTLDTX']]);
  it('the denied amount is no sure answer beside the one asked for', () => {
    expect(engine.search('不是查流量，是看看余额', 3).filter((r) => r.confident).map((r) => r.id)).toEqual(['YE']);
  });
});

/*
 * Session 25 (search22): on unseen text the toss-up above made right answers guesses. Where what the query asks (its
 * action, a password forgotten or remembered, a month gone by) weighed the first above the runner-up, a thing only the
 * runner-up explains does not overturn it: the action was asked in so many words. And a further answer that what the
 * query asks weighed below the first is offered, never asserted. Queries written for this file.
 */
describe('a near tie that what the query asks settles', () => {
  // Forgotten: the reset (MMHF). MMXG's 重新设密码 explains 重新 and scores within a tenth, but forgetting weighed it down.
  it.each(['密码不记得了 重新设密码', '密码想不起来了重新设密码'])('%s: the reset, sure', (q) => {
    expect(engine.search(q, 3)[0]).toMatchObject({ id: 'MMHF', confident: true });
  });
});

describe('a further answer that what the query asks weighed below the first is a guess', () => {
  it.each([
    ['服务密码还记得，想换个新的', 'MMXG', 'MMHF'],
    ['餘額提醒改做三十蚊', 'BGYETX', 'QXYETX'],
    ['餘額提醒改做三十蚊', 'BGYETX', 'KTYETX'],
    ['余额低于30块提醒我', 'KTYETX', 'BGYETX'],
  ])('%s: %s sure, %s offered as a guess', (q, first, other) => {
    const results = engine.search(q, 3);
    expect(results[0]).toMatchObject({ id: first, confident: true });
    expect(results.find((r) => r.id === other)).toMatchObject({ confident: false });
  });
  // Nothing asked weighs them apart: both halves of a pair stay sure (小e asks which).
  it('a pair with no action asked keeps both sure', () => {
    const results = engine.search('彩铃', 2);
    expect(results.map((r) => r.confident)).toEqual([true, true]);
  });
});
