import { describe, expect, it } from 'vitest';
import { builtinCatalog } from '../../../src-shared/catalog/builtin';
import { createSearch } from '../../../src-shared/search';
import { itAnswers } from './expect-answers';

/*
 * A code typed as one word of a sentence (searchq7). Only a query that was the code (with its
 * parameters) was recognised; inside a sentence the code was one Latin word among others, which no
 * gram matched: 发ZD202403 found KTDXHZ (发 → 发送报告), "please send KTGPRS" and "send zd" nothing.
 */

const engine = createSearch(builtinCatalog().instructions);

describe('a code with its parameters inside a sentence', () => {
  it.each([
    ['发ZD202403', 'ZD', { month: '202403' }],
    ['text ZD202403 to 10086', 'ZD', { month: '202403' }],
    ['帮我发KTYETX30', 'KTYETX', { amount: '30' }],
    ['please send KTGPRS', 'KTGPRS', {}],
    ['我想开KTCL', 'KTCL', {}],
  ])('%s → %s with what was typed onto it', (q, id, params) => {
    expect(engine.search(q, 3)[0]).toMatchObject({ id, confident: true, params });
  });

  it('names a wrong parameter typed onto it, as for the code alone', () => {
    expect(engine.search('请发ZD209913给10086', 3)[0]).toMatchObject({ id: 'ZD', paramProblem: { code: 'param.month-range' } });
  });
});

describe('a short code as one word of a sentence', () => {
  itAnswers(engine, 'a short code', [
    ['send zd', 'ZD'],
    ['send ZD for march 2024', 'ZD'],
    ['check gn', 'GN'],
    ['请帮我发 jf', 'JF'],
  ]);

  // ye is pinyin (也) and a code; gn, ye in pinyin sentences stay words.
  it('a code that is also a pinyin syllable is read as pinyin in a sentence', () => {
    expect(engine.search('wo ye xiang cha liuliang', 3)[0]).toMatchObject({ id: 'CXYEG' });
  });
});

describe('a slip of a code as one word of a sentence', () => {
  // Typed alone, KTGPSR is KTGPRS; beside another word it was found nowhere.
  itAnswers(engine, 'a slip of a code', [
    ['KTGPSR please', 'KTGPRS'],
    ['pls QXGRPS', 'QXGPRS'],
    ['send KTGPSR now', 'KTGPRS'],
  ]);
});
