import { describe, expect, it } from 'vitest';
import { builtinCatalog } from '../../../src-shared/catalog/builtin';
import { mergeCustom } from '../../../src-shared/catalog/custom/merge';
import { validateCustom } from '../../../src-shared/catalog/custom/validate';
import { createSearch } from '../../../src-shared/search';

/*
 * A risky instruction that no SMS of the catalog undoes (TJ: the catalog has no 复机; MMXG, MMHF)
 * is not offered as a "maybe" below a confident answer that can be undone. Found by the newcomer
 * walk: 关闭流量 listed 停机 as a guess in the extension popup. The queries are ours.
 */

const engine = createSearch(builtinCatalog().instructions);
const ids = (q: string, limit = 10) => engine.search(q, limit).map((r) => r.id);

describe('a guess that cannot be undone', () => {
  // Asked with a sure answer on top: "check balance with my password", once here, is a near tie of YE and CXYEH that
  // asserts neither since session 24 (near-ties.test.ts), so what may be listed under it is no longer this rule's.
  it.each(['关闭流量', '關閉流量', 'turn off data', 'check my balance using my password'])('is not listed under a confident answer that can be undone: %s', (q) => {
    const results = engine.search(q, 10);
    expect(results[0]!.confident).toBe(true);
    expect(results.map((r) => r.id)).not.toContain('TJ');
    expect(results.map((r) => r.id)).not.toContain('MMXG');
  });

  it('leaves the other guesses, those that can be undone, in their places', () => {
    expect(ids('关闭流量', 3)).toEqual(['QXGPRS', 'CXYEG', 'KTGPRS']);
  });

  it.each(['停机', '挂失', '帮我停机', '手机丢了', '暂停使用', 'lost my phone'])('is still the answer when the query names it: %s', (q) => {
    const [top] = engine.search(q, 5);
    expect(top).toMatchObject({ id: 'TJ', confident: true });
  });

  // Found in review: a query asking about two things, one of them by its own words, lost that one.
  it.each([
    ['停机 查余额', 'YE'],
    ['lost phone check balance', 'YE'],
  ])('stays as a guess when the query says its words: %s', (q, first) => {
    const results = engine.search(q, 10);
    expect(results[0]).toMatchObject({ id: first, confident: true });
    expect(results.map((r) => r.id)).toContain('TJ');
  });

  it('stays as a guess below another answer that cannot be undone (密码重置 and 密码修改 for a password to change)', () => {
    expect(ids('我想把手机的服务密码换成别的，原来的我记得', 3)).toEqual(expect.arrayContaining(['MMHF', 'MMXG']));
  });

  it('stays as a guess when no answer is confident', () => {
    // 帮我听机 alone is 停机 by sound since session 20 (the whole request): split, the slip is read no more.
    const guesses = engine.search('帮我挺一下机', 10);
    expect(guesses.every((r) => !r.confident)).toBe(true);
    // Nothing confident above: whatever is there is shown, risky or not (QXLDXS, QXLDTX may be undone; TJ too is allowed).
    expect(guesses.length).toBeGreaterThan(0);
  });

  it('reads "cannot be undone" from the catalog: a custom instruction that may cost money (no service port) is no guess under 关闭流量 either', () => {
    const paid = validateCustom({ code: 'QXLLB', template: 'QXLLB', to: '10661234', name: { 'zh-Hans': '关闭流量包' } });
    if (!paid.ok) throw new Error('fixture');
    const merged = mergeCustom(builtinCatalog().data, [paid.value]);
    const results = createSearch(merged.instructions).search('关闭流量', 10);
    expect(results[0]).toMatchObject({ id: 'QXGPRS', confident: true });
    const custom = results.find((r) => r.id === 'custom:QXLLB');
    if (custom) expect(custom.confident).toBe(true);
  });

  // Session 25: under a guess, too, it was listed on a guess's evidence alone (积分兑换话费 → JF, YE, MMXG; check balance
  // with my password → YE, CXYEH, MMXG), a tap away in 小e's chips. Below the first it must score and explain as an
  // answer would; the queries are ours, none in a set.
  it.each([
    ['my ringtone got changed', 'MMXG'],
    ['积分能换电影票吗', 'MMXG'],
    ['手机卡换成eSIM', 'MMXG'],
    ['我想换个新手机', 'TJ'],
    ['我想换个新手机', 'MMXG'],
    ['重置路由器', 'MMXG'],
  ])('is not listed below the first on a guess\'s evidence: %s (%s)', (q, risky) => {
    const results = engine.search(q, 10);
    expect(results[0]!.confident).toBe(false);
    expect(results.slice(1).map((r) => r.id)).not.toContain(risky);
  });

  it('keeps the guesses that can be undone, and a first answer that cannot (the best there is)', () => {
    expect(ids('my ringtone got changed', 2)).toEqual(['KTCL', 'QXCL']);
    expect(ids('重置路由器', 1)).toEqual(['MMHF']);
  });

  it.each([
    ['服务密码忘了咋弄', 'MMXG'],
    ['密码想改个新的', 'MMHF'],
  ])('stays below the other password instruction when it explains the query as an answer would: %s', (q, sibling) => {
    expect(ids(q, 3)).toContain(sibling);
  });
});
