import { describe, expect, it } from 'vitest';
import { builtinCatalog } from '../../../src-shared/catalog/builtin';
import { createSearch } from '../../../src-shared/search';
import { itAnswers, itGuessesAtMost, itGuessesFirst } from './expect-answers';

/*
 * Session 21 (search18): found with probe26 (Chinese and English mixed as young users type, written before the
 * changes) and the lead's known misses (帮我挺机, 几分钟能到, 刘亮是谁, gb上网). Each rule is tested with queries
 * written for this file, none from a query set; the first block of each fails on the code before it.
 */

const engine = createSearch(builtinCatalog().instructions);

describe('a risky instruction is never sent straight from a slip', () => {
  // 停机 (what no SMS undoes and one confirmed tap sends): found only through a keyboard's slip, a pair's sound or an English correction, it is a guess to confirm.
  itGuessesFirst(engine, 'a slip of a risky request', [
    ['帮我挺机', 'TJ'],
    ['麻烦帮我婷机', 'TJ'],
    ['suspnd my line', 'TJ'],
  ]);
  // A password instruction waits for the passwords (or the ID number) to be typed, and is confirmed: as sure as its words, slip or not.
  itAnswers(engine, 'a slip in a password instruction', [
    ['我要改个蜜码', 'MMXG'],
    ['forgot my pasword', 'MMHF'],
  ]);
  // A cancel its opposite undoes is as sure as its words, slip or not: it is confirmed before it is sent anyway.
  itAnswers(engine, 'a slip of a cancel that can be undone', [
    ['取消菜铃', 'QXCL'],
    ['pls QXGRPS', 'QXGPRS'],
  ]);
  // Said as typed it is still answered.
  itAnswers(engine, 'a risky request said as typed', [
    ['帮我停机', 'TJ'],
    ['取消彩铃', 'QXCL'],
    ['关掉流量', 'QXGPRS'],
    ['suspend my line', 'TJ'],
    ['密码忘了', 'MMHF'],
  ]);
});

describe('a chat spelling of filler is filler', () => {
  // thx was corrected into some word of the catalog's English texts, which "explained" it.
  it('when im on a call other ppl cant get thru, turn on waiting: no other answer is sure', () => {
    const results = engine.search('when im on a call other ppl cant get thru, turn on waiting', 3);
    expect(results.filter((r) => r.confident && r.id !== 'KTHJDD').map((r) => r.id)).toEqual([]);
  });
  itAnswers(engine, 'thanks said short', [['turn off call waiting thx', 'QXHJDD']]);
});

describe('how long something takes is no instruction', () => {
  itGuessesAtMost(engine, 'a wait asked', ['几分钟能到', '短信几分钟能收到', '开通要多久', '回复多久才到', 'how long does it take to arrive']);
  it.each(['几分钟能到', '开通要多久'])('%s: 小e says no instruction does it', (q) => {
    expect(engine.outOfScope(q)).toBe(true);
  });
  itAnswers(engine, 'minutes left', [['还剩几分钟', 'CXYEB']]);
});

describe('who someone is, or their number, is no instruction', () => {
  itGuessesAtMost(engine, 'a person asked about', ['刘亮是谁', '张伟是谁啊', 'who is kevin']);
  itGuessesAtMost(engine, 'a number asked for', ['我的number是多少', 'Lisa的手机号', '王小明的电话number', 'what is my number']);
  // Who called, and a number shown for caller ID, are ours; so is one's number in a story.
  itAnswers(engine, 'caller ID and a story', [
    ['刚才打来的是谁', 'KTLDXS'],
    ['看不到对方的手机号', 'KTLDXS'],
    ['我儿子用我的手机号，他让我别开上网，那就帮我关了吧', 'QXGPRS'],
  ]);
});

describe('a data unit', () => {
  // Counted, it is an amount: never the initials of 关闭.
  itAnswers(engine, 'counted', [
    ['还有几个gb', 'CXYEG'],
    ['3gb流量', 'CXYEG'],
  ]);
  itGuessesAtMost(engine, 'priced', ['1gb多少钱']);
  // Uncounted beside hanzi, gb may be gigabytes or 关闭's initials: both are read, neither is sure.
  it('gb上网: turning data off is among the first three, nothing is sure', () => {
    const results = engine.search('gb上网', 3);
    expect(results.map((r) => r.id)).toContain('QXGPRS');
    expect(results.some((r) => r.confident)).toBe(false);
  });
  itAnswers(engine, 'its action named', [['关gb', 'QXGPRS']]);
});

describe('a state said in English and asked in Chinese', () => {
  itAnswers(engine, 'on着吗, on了没', [
    ['彩铃on着吗', 'GN'],
    ['call waiting on了没', 'CXHJDD'],
  ]);
  itAnswers(engine, 'off said, not asked', [['data off了', 'QXGPRS']]);
});
