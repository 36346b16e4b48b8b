import { describe, expect, it } from 'vitest';
import { builtinCatalog } from '../../../src-shared/catalog/builtin';
import { createSearch } from '../../../src-shared/search';
import { itAnswers, itGuessesAtMost } from './expect-answers';

/*
 * Session 15 (searchq11): the card stopped in words (把卡停了), one's own number changed or
 * cancelled, callers asked to stop calling. Each block is one cause; its queries are our own, none
 * from a query set (probe19 was written before this file and is measured, not copied, here).
 */

const engine = createSearch(builtinCatalog().instructions);

describe('the card or the number stopped is the line suspended', () => {
  itAnswers(engine, '停卡 and 把卡/号停 read as 停机', [
    ['我想把卡停了，以后不用了', 'TJ'],
    ['这张卡先停卡吧', 'TJ'],
    ['麻烦把号停一下，出国用不上', 'TJ'],
  ]);
});

describe('one\'s own number changed or cancelled, callers told to stop: nothing answers', () => {
  itGuessesAtMost(engine, 'no instruction gives a new number or cancels one', ['想换个号，现在这个太难记', '我要换个手机号', '这个号码怎么注销掉']);
  itGuessesAtMost(engine, 'no instruction stops a person calling', ['别打电话给我了', '叫他们不要再给我打电话']);
});

describe('a request said after a story that names such a thing', () => {
  itAnswers(engine, 'the last clause asks what the catalog does', [['我打算换个手机号，旧的先停机', 'TJ']]);
  itGuessesAtMost(engine, 'but not a request before the strange one', ['流量不够了，订个流量加油包']);
});

describe('a remark beside the request (我也弄不明白这些) is left out like a context clause', () => {
  it('我也弄不明白这些，就想把开了的业务都列出来看看: the list of what is on comes first (it found nothing)', () => {
    expect(['0000', 'GN']).toContain(engine.search('我也弄不明白这些，就想把开了的业务都列出来看看', 3)[0]?.id);
  });
  itGuessesAtMost(engine, 'not when the remark names another kind of card', ['公交卡掉了，麻烦帮我停掉吧']);
});
