import { describe, expect, it } from 'vitest';
import { builtinCatalog } from '../../../src-shared/catalog/builtin';
import { createSearch } from '../../../src-shared/search';
import { Families } from '../../../src-shared/search/families';
import { itAnswers, itGuessesAtMost, itListsSubscriptionsFirst } from './expect-answers';

/*
 * Session 18 (searchq15): a package, plan, bundle or paid service the catalog has no instruction of its
 * own for is cancelled from the reply to the list of subscriptions (0000, docs/replies.md), never by
 * turning mobile data off (QXGPRS), which "cancel data pack" was answered with confidence before.
 * Our own queries, none from a query set (probe23 was written before this file).
 */

const catalog = builtinCatalog().instructions;
const engine = createSearch(catalog);

describe('the list of subscriptions is read from the catalog links', () => {
  it('is the query the general status query names both ways', () => {
    const families = new Families(catalog);
    expect(catalog[families.subscriptions]?.id).toBe('0000');
  });
  it('is none in a catalog without those links', () => {
    const unlinked = catalog.map((e) => (e.id === 'GN' ? { ...e, related: [] } : e));
    expect(new Families(unlinked).subscriptions).toBe(-1);
  });
});

describe('cancelling a package no instruction names', () => {
  itListsSubscriptionsFirst(engine, 'a data package in Chinese', ['cancel data pack', '退订流量包', '取消流量包', '退订10元流量包', '流量包不要了', '帮我退掉这个月的夜间流量包', '20块的定向流量包给我取消了']);
  itListsSubscriptionsFirst(engine, 'Traditional and pinyin', ['幫我取消數據包', '退訂加油包', 'tuiding liuliangbao']);
  itListsSubscriptionsFirst(engine, 'English', ['unsubscribe me from the monthly data bundle', 'get rid of the data booster', 'i want to cancel the internet package i bought yesterday']);
  itListsSubscriptionsFirst(engine, 'a whole sentence whose story says how it was bought', ['上个月稀里糊涂订了个流量包，现在不想要了', '每个月扣我10块钱的流量包，帮我退订']);
  itListsSubscriptionsFirst(engine, 'plans, paid services and memberships', ['取消套餐', '退订增值业务', '把视频会员退掉']);
});

describe('turning data off is still turning data off', () => {
  itAnswers(engine, 'the data switch', [
    ['关闭上网', 'QXGPRS'],
    ['关掉流量', 'QXGPRS'],
    ['不要上网了', 'QXGPRS'],
    ['turn off mobile data', 'QXGPRS'],
    ['关数据', 'QXGPRS'],
    ['流量包用完了，帮我把流量关了', 'QXGPRS'],
  ]);
});

describe('a service the catalog names is cancelled by its own instruction', () => {
  itAnswers(engine, 'named beside a package word', [
    ['取消彩铃', 'QXCL'],
    ['取消彩铃包月', 'QXCL'],
    ['退订来电显示', 'QXLDXS'],
  ]);
});

describe('a package not cancelled', () => {
  itGuessesAtMost(engine, 'bought or changed, whatever 不要 says', ['我不要换套餐', '想办个流量包']);
  itAnswers(engine, 'what is left of it is data left', [['流量包还剩多少', 'CXYEG']]);
});
