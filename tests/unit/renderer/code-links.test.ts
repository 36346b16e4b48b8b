import { describe, expect, it } from 'vitest';
import { codeLinks } from '../../../src-renderer/catalog/code-links';
import { builtinCatalog } from '../../../src-shared/catalog/builtin';

const catalog = builtinCatalog();
const isCode = (code: string) => catalog.get(code) !== undefined;

describe('instruction codes named in a reply', () => {
  it('are cut out where the catalog has them, the text around them kept whole', () => {
    const text = '您好！您当前定制的业务如下：1.彩铃，5元/月，退订请发QXCL。【中国移动】';
    expect(codeLinks(text, isCode)).toEqual([{ text: '您好！您当前定制的业务如下：1.彩铃，5元/月，退订请发' }, { code: 'QXCL' }, { text: '。【中国移动】' }]);
    expect(codeLinks('忘记密码可发送MMHF#证件号码至10086重置。', isCode)).toEqual([{ text: '忘记密码可发送' }, { code: 'MMHF' }, { text: '#证件号码至10086重置。' }]);
  });

  it('leave alone what is no whole code of the catalog: 4G, APP, a code inside a longer word, lower case', () => {
    for (const text of ['4G飞享套餐', '详询中国移动APP。', 'YES', 'QXCLX', 'qxcl', '10086']) expect(codeLinks(text, isCode)).toEqual([{ text }]);
    expect(codeLinks('', isCode)).toEqual([]);
  });
});
