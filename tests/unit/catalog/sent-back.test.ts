import { describe, expect, it } from 'vitest';
import { builtinCatalog } from '../../../src-shared/catalog/builtin';
import { catalogSaysChanges, knownAs, mayCancelWith } from '../../../src-shared/catalog/sent-back';

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
