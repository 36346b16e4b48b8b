import { describe, expect, it } from 'vitest';
import { builtinCatalog } from '../../../src-shared/catalog/builtin';
import { ACTION_OPEN_MS, actionsSentBack, catalogSaysChanges, knownAs, mayCancelWith, oneClickCode } from '../../../src-shared/catalog/sent-back';

/** What a reply's button may send back, by what the built-in catalog knows each code to do (review23). */
describe('codes a reply offers to send back', () => {
  const catalog = builtinCatalog();

  it.each([
    ['KTCL', true], // 开通彩铃: an order, whatever the label beside it says
    ['ktcl', true],
    ['TJ', true],
    ['QXCL', true],
    ['YE', false], // a look-up
    ['JF', false],
    ['1', false], // unknown: the reply's word is all there is
    ['QXSJB', false],
  ])('%s changes the account by the catalog: %s', (code, changes) => {
    expect(catalogSaysChanges(catalog, code)).toBe(changes);
  });

  it.each([
    ['QXCL', true], // 取消彩铃
    ['QXGPRS', true],
    ['QXSJB', true], // unknown to the catalog
    ['1', true],
    ['KTCL', false], // orders 彩铃
    ['KTGPRS', false],
    ['TJ', false], // 停机: the line, not a service
    ['KTYETX50', false], // orders a balance reminder
    ['BGYETX50', false], // changes it
  ])('%s may be offered as a service cancel: %s', (code, offered) => {
    expect(mayCancelWith(catalog, code)).toBe(offered);
  });

  it('names what the catalog knows, and nothing for what it does not', () => {
    expect(knownAs(catalog, ' KTCL ')?.name['zh-Hans']).toBe('开通彩铃');
    expect(knownAs(catalog, 'QXSJB')).toBeNull();
  });
});

/** A bare number sent back may confirm an open request of 10086's instead of what its button says (review25). */
describe('requests a code sent back may confirm', () => {
  const at = Date.UTC(2026, 11, 6, 8, 0, 0);
  const order = { word: '1', does: 'confirms' as const, receivedAt: at, deadline: { until: at + 24 * 3600_000 } };
  const noDeadline = { word: 'Y', does: 'confirms' as const, receivedAt: at, deadline: null };

  it('finds the open request whose word is the code, as 10086 reads it (full-width, case, invisible characters)', () => {
    for (const code of ['1', '１', '1\u200B', ' 1 ']) expect(actionsSentBack(code, [order], at + 60_000)).toEqual([order]);
    for (const code of ['y', 'Ｙ', 'Y\uFE0F']) expect(actionsSentBack(code, [noDeadline], at + 60_000)).toEqual([noDeadline]);
  });

  it('not another word, nor a request past its deadline (or past a day when it names none)', () => {
    expect(actionsSentBack('2', [order], at + 60_000)).toEqual([]);
    expect(actionsSentBack('11', [order], at + 60_000)).toEqual([]);
    expect(actionsSentBack('1', [order], order.deadline.until + 1)).toEqual([]);
    expect(actionsSentBack('Y', [noDeadline], at + ACTION_OPEN_MS)).toEqual([noDeadline]);
    expect(actionsSentBack('Y', [noDeadline], at + ACTION_OPEN_MS + 1)).toEqual([]);
  });
});

describe('menu codes that may go on one click (review25)', () => {
  const catalog = builtinCatalog();
  it.each([
    ['1', true], // answers the menu it sits under
    ['１２', true],
    ['YE', true], // the catalog knows it as a look-up
    ['JF', true],
    ['QXSJB', false], // unknown: only the reply says what it does
    ['KTCL', false],
    ['QX1', false],
  ])('%s: %s', (code, one) => {
    expect(oneClickCode(catalog, code)).toBe(one);
  });
});
