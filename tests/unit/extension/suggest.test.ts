import { describe, expect, it } from 'vitest';
import { builtinCatalog } from '../../../src-shared/catalog/builtin';
import { createSearch } from '../../../src-shared/search';
import { escapeXml, omniboxSuggestions } from '../../../src-extension/suggest';

const search = createSearch(builtinCatalog().instructions);

describe('omnibox suggestions', () => {
  it('escapes XML', () => {
    expect(escapeXml(`a<b>&"c'`)).toBe('a&#60;b&#62;&#38;&#34;c&#39;');
  });

  it('offers instruction ids with the name in the chosen language', () => {
    const suggestions = omniboxSuggestions(search, 'KTGPSR', 'en');
    const ktgprs = builtinCatalog().require('KTGPRS');
    expect(suggestions[0]).toEqual({
      content: 'KTGPRS',
      description: `<match>KTGPRS</match> ${escapeXml(ktgprs.name.en)} <dim>${escapeXml(ktgprs.summary.en)}</dim>`,
    });
  });

  it('finds the data instructions for 流量, at most `limit` of them', () => {
    const ids = omniboxSuggestions(search, '流量', 'zh-Hans', 6).map((s) => s.content);
    expect(ids).toEqual(expect.arrayContaining(['CXYEG', 'KTGPRS', 'QXGPRS']));
    expect(ids.length).toBeLessThanOrEqual(6);
  });

  it('marks a guess as "maybe" in the chosen language, and a sure answer not', () => {
    const [guess] = omniboxSuggestions(search, '公积金余额', 'zh-Hant');
    expect(guess!.description).toMatch(/^<match>\w+<\/match> 也許 /);
    expect(omniboxSuggestions(search, '公积金余额', 'en')[0]!.description).toMatch(/<\/match> maybe /);
    expect(omniboxSuggestions(search, '查话费', 'en')[0]!.description).not.toMatch(/maybe/);
  });

  it('suggests nothing for an empty box', () => {
    expect(omniboxSuggestions(search, '', 'zh-Hans')).toEqual([]);
  });
});
