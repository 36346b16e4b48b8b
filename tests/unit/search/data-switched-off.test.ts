import { describe, expect, it } from 'vitest';
import { builtinCatalog } from '../../../src-shared/catalog/builtin';
import { createSearch } from '../../../src-shared/search';
import { itAnswers, itGuessesAtMost } from './expect-answers';

/*
 * Session 28 (search25): data switched off in everyday verbs. The first query is the brief's known case (帮我把手机的网关了吧
 * answered 停机 with confidence); the rest are our own, written for this file (probe30 was written before it and is
 * measured, not copied, here).
 */

const engine = createSearch(builtinCatalog().instructions);

describe('the net or the data with 关 / 断 / 停 / 掐, asked for, is data turned off', () => {
  const off = [
    ['帮我把手机的网关了吧', 'QXGPRS'],
    ['把网给我断了', 'QXGPRS'],
    ['网帮我停一下', 'QXGPRS'],
    ['数据能不能给我停掉', 'QXGPRS'],
    ['把流量先掐了吧', 'QXGPRS'],
    ['手机上网帮我断掉吧', 'QXGPRS'],
  ] as const;
  itAnswers(engine, 'data off', off);
  // 停 of the net is no 停机: the line is not offered, not even as a guess.
  it.each(off)('%s does not offer 停机', (q) => expect(engine.search(q, 5).map((r) => r.id)).not.toContain('TJ'));
});

describe('what the net did, not what is asked', () => {
  // A complaint (网断了: no signal), a thing that happened (网被关了), another net (家里的, 电脑的): not rewritten into a request.
  itGuessesAtMost(engine, 'told, not asked', ['网断了', '网被关了', '家里的网断了帮我看看', '把电脑的网关了']);
});

describe('停机 in a near tie with an answer that can be undone and explains more', () => {
  // 停机 matched 手机 and the action as 停用号码; 关闭流量 matched those and the data too: the safe answer leads, 停机 is never asserted.
  const cases = [
    ['shut off phone data', 'QXGPRS'],
    ['停用手机数据', 'QXGPRS'],
    ['关掉手机流量', 'QXGPRS'],
  ] as const;
  itAnswers(engine, 'the safe answer first', cases);
  it.each(cases)('%s asserts no 停机', (q) => expect(engine.search(q, 5).filter((r) => r.confident).map((r) => r.id)).not.toContain('TJ'));
  // The line named as the thing (号, 門號) keeps 停机 first and sure.
  itAnswers(engine, 'the line itself', [
    ['stop 我的号', 'TJ'],
    ['我的門號停用', 'TJ'],
  ]);
});

describe('money asked back however it is asked', () => {
  // 能退 was out of scope; 怎么退 / 咋退 / 如何退 answered the balance with confidence.
  const refunds = ['余额咋退', '话费如何退回来', '充错的钱怎么退'];
  itGuessesAtMost(engine, 'a refund', refunds);
  it.each(refunds)('%s is out of scope', (q) => expect(engine.outOfScope(q)).toBe(true));
  // A reminder or a service cancelled (退) is no refund.
  it.each(['余额提醒怎么退', '话费闹钟能退吗'])('%s is not out of scope', (q) => expect(engine.outOfScope(q)).toBe(false));
});

describe("another carrier's service number", () => {
  // Unicom's 10010 and Telecom's 10000 / 10001 sent or called to: the code is theirs, not ours.
  const theirs = ['JF 10010', '发CXYE到10001', 'text CXLL to 10010', '10000号能查积分吗'];
  itGuessesAtMost(engine, 'sent to another carrier', theirs);
  it.each(theirs)('%s is out of scope', (q) => expect(engine.outOfScope(q)).toBe(true));
  // An amount is no number, and 10086 is ours.
  itAnswers(engine, 'an amount, or 10086', [
    ['积分有10000了吗', 'JF'],
    ['发YE到10086', 'YE'],
  ]);
});

describe('a thing lost that is not the phone', () => {
  // Lost and stolen are words of 停机, which no SMS takes back: a wallet, keys, a bike or a pet lost is no line to suspend.
  const others = ['钥匙被偷了', '我家猫丢了', 'lost my wallet on the bus', 'my car got stolen'];
  itGuessesAtMost(engine, 'not the phone', others);
  it.each(others)('%s is out of scope', (q) => expect(engine.outOfScope(q)).toBe(true));
  itAnswers(engine, 'the phone lost with it', [
    ['钱包和手机一起丢了', 'TJ'],
    ['lost my phone and wallet', 'TJ'],
  ]);
});
