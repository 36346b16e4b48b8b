import { describe, expect, it } from 'vitest';
import type { Instruction } from '../../../src-shared/catalog/schema';
import { builtinCatalog } from '../../../src-shared/catalog/builtin';
import { createSearch } from '../../../src-shared/search';
import { fold } from '../../../src-shared/search/fold';
import { ProductNames } from '../../../src-shared/search/language/products';
import { withoutTheLine } from '../../../src-shared/search/language/scope';
import { itAnswers, itGuessesAtMost, itListsSubscriptionsFirst } from './expect-answers';

/*
 * Session 19 (search16): instructions asked for by a product's name (language/products.ts). A product the
 * catalog does not name (日租宝, 和彩云, 飞信, 139邮箱, 手机报, 咪咕) cancelled is answered with the list of
 * subscriptions (0000) first and nothing sure; anything else asked of it is never answered with confidence.
 * Whether the catalog names a product is read from the catalog. Our own queries, none from a query set
 * (probe24 was written before this file).
 */

const catalog = builtinCatalog().instructions;
const engine = createSearch(catalog);

/** One test per query: the list of subscriptions is first, and nothing is given with confidence. */
function itListsSubscriptionsUnsure(title: string, queries: readonly string[]): void {
  it.each(queries)(`%s: ${title}, 0000 first, nothing sure`, (q) => {
    const results = engine.search(q, 5);
    expect(results[0]?.id).toBe('0000');
    expect(results.filter((r) => r.confident).map((r) => r.id)).toEqual([]);
  });
}

/** The real catalog's texts, folded, as the engine asks: does some text hold this name. */
const catalogText = catalog.flatMap((e) => [...Object.values(e.name), ...Object.values(e.synonyms ?? {}).flat(), ...Object.values(e.summary ?? {})]).map(fold).join('\n');
const names = (holds: (name: string) => boolean = (n) => catalogText.includes(n)) => new ProductNames(holds, fold);

describe('which products the catalog names is read from the catalog', () => {
  it('finds the catalog\'s own products known and the others not, in every script', () => {
    const products = names();
    expect(products.unknownIn(fold('取消日租宝'))).toEqual(['日租宝']);
    expect(products.unknownIn(fold('退訂和彩雲'))).toEqual(['和彩云']);
    expect(products.unknownIn('quxiao rizubao')).toEqual(['rizubao']);
    expect(products.unknownIn('cancel my fetion account')).toEqual(['fetion account']);
    expect(products.unknownIn(fold('飞信业务不要了'))).toEqual(['飞信业务']);
    expect(products.unknownIn(fold('取消彩铃'))).toEqual([]);
  });
  it('makes every product unknown to a catalog that holds none of them', () => {
    expect(names(() => false).unknownIn(fold('取消彩铃'))).toEqual(['彩铃']);
  });
  it('makes none unknown to a catalog that holds them all', () => {
    expect(names(() => true).unknownIn(fold('取消日租宝'))).toEqual([]);
  });
  it('never reads a name run on into another word', () => {
    // 手机报停 is 报停 (suspending the phone), 喜欢咪咕的 is still 咪咕
    expect(names().unknownIn(fold('手机报停怎么办'))).toEqual([]);
    expect(names().unknownIn('i have a migraine')).toEqual([]);
  });
  it('puts another Chinese name of a product the catalog names in the catalog\'s word', () => {
    expect(names().inCatalogWords(fold('把炫铃关了'))).toBe('把彩铃关了');
    expect(names().inCatalogWords(fold('把彩铃关了'))).toBeNull();
    expect(names().inCatalogWords(fold('把日租宝关了'))).toBeNull();
  });
});

describe('a product the catalog does not name, cancelled', () => {
  itListsSubscriptionsUnsure('Simplified', ['帮我把日租宝退订了', '不想用飞信了，取消掉', '139邮箱帮我停掉', '咪咕阅读不要了']);
  itListsSubscriptionsUnsure('Traditional', ['退訂和彩雲', '把手機報關掉']);
  itListsSubscriptionsUnsure('pinyin', ['quxiao feixin', 'tuiding hecaiyun']);
  itListsSubscriptionsUnsure('English', ['cancel my fetion account', 'unsubscribe the mobile newspaper', 'please end the migu music membership']);
});

describe('anything else asked of a product the catalog does not name', () => {
  itGuessesAtMost(engine, 'its name alone, or a question about it', ['手机报', '手机报怎么订', '咪咕音乐开通', '139邮箱收不到邮件', '和彩云', 'feixin', '139邮箱怎么发邮件', '咪咕视频多少钱一个月', '日租宝是什么', 'what is fetion']);
  it.each(['手机报', '和彩云', 'fetion'])('%s: 小e says no instruction does it', (q) => {
    expect(engine.outOfScope(q)).toBe(true);
  });
});

describe('a product the catalog names', () => {
  itAnswers(engine, 'by another of its Chinese names', [
    ['把炫铃取消了', 'QXCL'],
    ['我想开个炫铃', 'KTCL'],
  ]);
  itAnswers(engine, 'by its own name, as before', [
    ['来电提醒不要了', 'QXLDTX'],
    ['退订來電顯示', 'QXLDXS'],
    ['短信回执关掉', 'QXDXHZ'],
  ]);
  itAnswers(engine, 'a name run on into another word is that word', [['手机报停', 'TJ']]);

  it('is cancelled by its own instruction once a catalog names it', () => {
    // A custom instruction for 和彩云 makes the product known: its cancel is that instruction, not the list of subscriptions.
    const qx = catalog.find((e) => e.id === 'QXCL')!;
    const own: Instruction = { ...qx, id: 'QXHCY', template: 'QXHCY', opposite: undefined, related: [], name: { 'zh-Hans': '取消和彩云', 'zh-Hant': '取消和彩雲', en: 'Cancel mCloud' }, summary: { 'zh-Hans': '退订和彩云', 'zh-Hant': '退訂和彩雲', en: 'Cancel mCloud' }, synonyms: { 'zh-Hans': ['退订和彩云'], 'zh-Hant': [], en: [] }, examples: { 'zh-Hans': [], 'zh-Hant': [], en: [] } };
    const withIt = createSearch([...catalog, own]);
    expect(withIt.search('和彩云给我取消了', 3)[0]).toMatchObject({ id: 'QXHCY', confident: true });
    expect(engine.search('和彩云给我取消了', 3)[0]?.id).toBe('0000');
  });

  it('is a product the catalog does not name in a catalog without it', () => {
    const without = createSearch(catalog.filter((e) => e.id !== 'KTCL' && e.id !== 'QXCL'));
    const results = without.search('彩铃给我取消了', 5);
    expect(results[0]?.id).toBe('0000');
    expect(results.filter((r) => r.confident)).toEqual([]);
  });
});

describe('the line itself names no service', () => {
  it('takes out where the package is, in English and Chinese', () => {
    expect(withoutTheLine('remove from my line')).toBe('remove');
    expect(withoutTheLine('cancel it on this number please')).toBe('cancel it please');
    expect(withoutTheLine(fold('把我手机上的退了'))).toBe('把 退了');
    // 手机上网 is the data switch, not where something is
    expect(withoutTheLine(fold('关闭手机上网'))).toBe('关闭手机上网');
  });
  itListsSubscriptionsFirst(engine, 'a package on the line cancelled (the line is a thing of QXGPRS\'s "no internet on this line")', ['cancel the data add-on on my sim', 'take the night data add-on off my number']);
  itListsSubscriptionsUnsure('a product on the line cancelled', ['把我手机上的日租宝退了']);
  itAnswers(engine, 'the data switch on the line is still the data switch', [['把手机上的流量关了', 'QXGPRS']]);
});
