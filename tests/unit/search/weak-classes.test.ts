import { describe, expect, it } from 'vitest';
import { confidenceQuality, loadQueries, WEAK_SET } from '../../../bench/search-quality';
import { builtinActions, builtinCatalog } from '../../../src-shared/catalog/builtin';
import { createSearch } from '../../../src-shared/search';
import { clausesOf } from '../../../src-shared/search/language/clauses';

/*
 * Issue 16, fourth round (branch searchq3): the classes the held-out set still misses, each with
 * queries written before the mechanism that answers them (tests/fixtures/search-queries.weak.json,
 * ours). Each class must reach its bar as a whole: a mechanism is proven by many phrasings, not one.
 * Measured before the round (same file): sentences 43/45 top-1, 3 not confident; action ties 43/47;
 * lookalikes 30/38 not confident, another person’s amounts 0/6; short phrasings 45/45.
 */

const engine = createSearch(builtinCatalog().instructions);
const set = loadQueries(WEAK_SET)!;
const judge = (q: string) => {
  const results = engine.search(q, 10);
  return { ids: results.map((r) => r.id), confident: results[0]?.confident ?? false };
};
const RISKY = new Set(builtinCatalog().instructions.filter((i) => i.risk.confirm).map((i) => i.id));
const ofKind = (...kinds: string[]) => confidenceQuality(set.filter((x) => kinds.includes(x.kind)), judge);
const missed = (c: ReturnType<typeof confidenceQuality>) => c.misses.map((m) => `${m.q} → ${m.got.join(',') || '—'}${m.confident ? '' : ' (maybe)'}`);

describe('weak classes, on queries written before their mechanisms', () => {
  it('long sentences: the request clause decides, context naming another thing does not', () => {
    const c = ofKind('sentence');
    expect(c.answerable).toBe(45);
    expect(c.top1, missed(c).join('\n')).toBeGreaterThanOrEqual(44 / 45);
    expect(c.answerableNotConfident, missed(c).join('\n')).toBeLessThanOrEqual(1 / 45);
  });

  it('near ties of one service: the action word picks on, off, check or change', () => {
    const c = ofKind('action-tie');
    expect(c.answerable).toBe(47);
    expect(c.top1, missed(c).join('\n')).toBeGreaterThanOrEqual(46 / 47);
    expect(c.answerableNotConfident).toBe(0);
  });

  it('lookalikes (call records, plans, prices, sharing data, other carriers) are not answered with confidence', () => {
    const c = ofKind('lookalike');
    expect(c.unanswerable).toBe(38);
    expect(c.unanswerableNotConfident, missed(c).join('\n')).toBeGreaterThanOrEqual(36 / 38);
  });

  it('another person’s balance, data or points is not answered with confidence; a feature turned on for them still is', () => {
    const amounts = ofKind('other-person-amount');
    expect(amounts.unanswerable).toBe(6);
    expect(amounts.unanswerableNotConfident, missed(amounts).join('\n')).toBe(1);
    const feature = ofKind('other-person');
    expect(feature.answerable).toBe(1);
    expect(feature.answerableNotConfident).toBe(0);
  });

  it('short everyday phrasings stay answered with confidence', () => {
    const c = ofKind('zh-hans', 'en-casual', 'typo', 'cantonese', 'initials');
    expect(c.answerable).toBe(45);
    expect(c.top1, missed(c).join('\n')).toBe(1);
    // Only a slip of a risky instruction (取消来电显视) is a guess: the person confirms it first (search18).
    expect(c.misses.filter((m) => m.confident || !RISKY.has(m.expect[0]!)).map((m) => m.q)).toEqual([]);
  });
});

const first = (q: string) => engine.search(q, 3)[0];
const actions = builtinActions();

describe('mechanisms of this round, one by one', () => {
  it('reads a sentence’s action from its last clause that names one', () => {
    expect(actions.detect('我用了几个月才发现在扣钱,帮我取消')).toBe('disable');
    expect(actions.detect('上网被关了,怎么重新打开')).toBe('enable');
    // Within one clause asking still outranks doing (开通了什么业务).
    expect(actions.detect('开通了什么业务')).toBe('query');
  });

  it('takes 要开什么功能 as wanting it on, 开了什么 as asking', () => {
    expect(actions.detect('要开通什么功能')).toBe('enable');
    expect(actions.detect('我开了什么功能')).toBe('query');
  });

  it('hears 提醒我 as turning on and 不用再提醒 as turning off', () => {
    expect(actions.detect('余额低于10块的时候提醒我')).toBe('enable');
    expect(actions.detect('不用再提醒我')).toBe('disable');
  });

  it('takes a negation after a noun as what is wrong, not as turning off', () => {
    expect(actions.detect('number not show')).not.toBe('disable');
    expect(actions.detect('please dont show my number')).toBe('disable');
  });

  it('changes a setting given a new value instead of turning it on', () => {
    expect(actions.setsValue('想改成30块')).toBe(true);
    expect(actions.setsValue('从50元改成10元')).toBe(true);
    expect(actions.setsValue('余额低于10块提醒我')).toBe(false);
    expect(first('我的余额提醒是20块,想改成50块')?.id).toBe('BGYETX');
  });

  it('does not let an English action word alone find the shortest text with it', () => {
    expect(first('turn off 3way calling')?.id).toBe('QXSFTH');
    expect(first('deactivate my line for a while')?.id).toBe('TJ');
  });

  it('keeps another person’s amounts, call records, plan changes and other carriers unconfident', () => {
    for (const q of ['我妈手机还剩多少话费', '查一下我女儿的流量', "my husband's balance", '打印通话详单', '换个便宜点的套餐', '联通的余额怎么查', '流量不够了,订个流量加油包']) {
      expect(first(q)?.confident ?? false, q).toBe(false);
    }
    expect(first('帮我爸的手机开个来电显示')).toMatchObject({ id: 'KTLDXS', confident: true });
  });

  it('reads a kind word after a verb, a measure word or 新/旧 as ours, after a noun as another kind', () => {
    expect(first('改密码要把旧密码和新密码一起发吗')).toMatchObject({ id: 'MMXG', confident: true });
    expect(first('我老是忘记交话费,有没有话费闹钟可以开')).toMatchObject({ id: 'KTHFNZ', confident: true });
    for (const q of ['饭卡余额', '查公积金余额', '物业费账单']) expect(first(q)?.confident ?? false, q).toBe(false);
  });

  it('meets an English phrase with a small word inside, and reads Cantonese “on or off” as asking', () => {
    expect(first('pls stop the missed a call texts')?.id).toBe('QXLDTX');
    expect(actions.detect('i get charged every month')).toBeNull();
    expect(first('呼叫等待而家係開定閂')?.id).toBe('CXHJDD');
    expect(first('三方通話開咗未呀')?.id).toBe('CXSFTH');
  });

  it('takes an alarm as the bill alarm, not any reminder', () => {
    expect(first('balance alarm on')?.id).toBe('KTHFNZ');
  });

  it('weighs down an answer that explains only the action word of a query naming a thing', () => {
    expect(first('Activate caller identification')?.id).toBe('KTLDXS');
    expect(first('stop telling me about balance')?.id).toBe('QXYETX');
    expect(first('帮我充50块话费')?.confident ?? false).toBe(false);
  });

  it('keeps a price and a phone reset unconfident, what is left in money confident', () => {
    for (const q of ['流量超了一个G多少钱', '短信多少钱一条', 'reset my phone']) expect(first(q)?.confident ?? false, q).toBe(false);
    expect(first('话费还剩多少钱')).toMatchObject({ id: 'YE', confident: true });
  });

  it('ends a clause at a sentence particle with more after it, and reads 兑换 as no action', () => {
    const acts = (c: string) => actions.detect(c) !== null;
    expect(clausesOf('关掉4g data吧要去roaming', acts, () => false).map((c) => c.text)).toEqual(['关掉4g data吧', '要去roaming']);
    expect(clausesOf('在网吧上网', acts, () => false)).toHaveLength(1);
    expect(first('关掉4G data吧要去roaming')).toMatchObject({ id: 'QXGPRS', confident: true });
    expect(actions.detect('积分可以兑换流量')).toBeNull();
  });
});
