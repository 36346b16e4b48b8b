import { describe, expect, it } from 'vitest';
import { builtinCatalog } from '../../../src-shared/catalog/builtin';
import { createSearch } from '../../../src-shared/search';
import { itAnswers, itGuessesAtMost, itGuessesFirst } from './expect-answers';

/*
 * Session 20 (search17): a pinyin keyboard's slips (language/reader.ts, language/scope.ts `SOUNDED_ELSEWHERE`).
 * A homophone pair that is all the request says is read as the catalog word said whole; homophones and the
 * pinyin of things others bill (充值, 宽带, 电费, 信用卡 …) are those things, so no instruction is sure. Our own
 * queries, none from a query set (probe25 was written before this file).
 */

const engine = createSearch(builtinCatalog().instructions);

describe('a homophone that is the whole request is the catalog word it sounds as', () => {
  // 挺机 / 鸡分 have nothing beside them to run on into once 帮我 / 我想要 is read away.
  itAnswers(engine, 'a wrong-tone or wrong-character word after the frame', [['我想要鸡分', 'JF']]);
  // …but a risky instruction read from a slip is a guess to confirm, never sent straight (search18).
  itGuessesFirst(engine, 'a slip of a risky word after the frame', [['帮我挺机', 'TJ']]);
  // Not alone: a particle or another word beside it leaves the characters as typed.
  itGuessesAtMost(engine, 'characters that are words of their own', ['鱼饿了', '刚才领了快递']);
});

describe('a thing elsewhere typed with the wrong characters is still that thing', () => {
  itGuessesAtMost(engine, 'a homophone of 充值 / 电费 beside our words', ['话费怎么冲值', '在哪里冲值话费', '电废单查询']);
  it.each(['宽代到期了怎么续', '话费怎么冲值', '电废单查询'])('%s: 小e says no instruction does it', (q) => {
    expect(engine.outOfScope(q)).toBe(true);
  });
  // The sound of an everyday word met by chance across our own words (下雨 in 查下余额, 白条 in 百条, 换歌 in 换个) is no such thing.
  itAnswers(engine, 'our words whose sound holds another word', [
    ['查下余额', 'YE'],
    ['短信还有两百条吗', 'CXYED'],
    ['换个彩铃', 'KTCL'],
    ['密码重置', 'MMHF'],
  ]);
});

describe('pinyin of a thing elsewhere is read as it', () => {
  itGuessesAtMost(engine, 'pinyin of 宽带 / of 充值 beside 话费', ['查kuandai', '话费怎么chongzhi']);
  // chongzhi is also 重置: beside 密码 it runs on as the catalog's 密码重置 does.
  itAnswers(engine, 'pinyin that runs on into our words', [
    ['密码chongzhi', 'MMHF'],
    ['mima chongzhi', 'MMHF'],
  ]);
});
