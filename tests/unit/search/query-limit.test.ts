import { describe, expect, it } from 'vitest';
import { builtinCatalog } from '../../../src-shared/catalog/builtin';
import { createSearch, MAX_QUERY } from '../../../src-shared/search';
import { composerSuggestions } from '../../../src-renderer/catalog/catalog-search';
import { isSearchRequest } from '../../../src-extension/search-protocol';

/**
 * review46 C3: the app's search read a query of any length (20,000 pasted Chinese characters: 6 s on the page's main
 * thread, on every keystroke in the composer). The engine now reads a query's first MAX_QUERY code units, the limit the
 * extension refuses longer queries at, and the composer asks for no suggestions for a longer line. Behaviour only.
 */
const engine = createSearch(builtinCatalog().instructions);
const ids = (query: string) => engine.search(query, 5).map((r) => r.id);

describe('a query longer than MAX_QUERY', () => {
  it('is searched as its first MAX_QUERY code units: what follows them changes nothing', () => {
    const head = `我想查余额${'，'.repeat(MAX_QUERY - 5)}`;
    expect(head).toHaveLength(MAX_QUERY);
    const pasted = `${head}我要停机，关闭GPRS，取消彩铃，${'办理流量包'.repeat(4000)}`;
    expect(ids(pasted)).toEqual(ids(head));
    expect(ids(head)).toContain('YE');
    expect(engine.outOfScope(pasted)).toBe(engine.outOfScope(head));
  });

  it('is not cut inside a surrogate pair', () => {
    const head = '查'.repeat(MAX_QUERY - 1);
    expect(ids(`${head}😀${'流量'.repeat(300)}`)).toEqual(ids(head));
  });

  it('is the limit the extension refuses a longer query at', () => {
    expect(isSearchRequest({ kind: 'search', query: 'x'.repeat(MAX_QUERY), limit: 5 })).toBe(true);
    expect(isSearchRequest({ kind: 'search', query: 'x'.repeat(MAX_QUERY + 1), limit: 5 })).toBe(false);
  });
});

describe("the composer's suggestions", () => {
  it('are the search for a line up to MAX_QUERY long, and none for a longer line (a pasted reply or article)', () => {
    const line = `查余额${' '.repeat(MAX_QUERY - 3)}`;
    expect(composerSuggestions(line, 5).map((r) => r.id)).toContain('YE');
    expect(composerSuggestions(`${line}。`, 5)).toEqual([]);
    expect(composerSuggestions('查余额'.repeat(7000), 5)).toEqual([]);
  });
});
