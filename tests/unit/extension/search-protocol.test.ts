import { describe, expect, it } from 'vitest';
import { builtinCatalog } from '../../../src-shared/catalog/builtin';
import { createSearch } from '../../../src-shared/search';
import { isSearchRequest } from '../../../src-extension/search-protocol';
import { answerSearch, searchFor } from '../../../src-extension/worker-search';

describe("a page's search request to the worker", () => {
  it.each([
    [{ kind: 'search', query: '流量', limit: 12 }, true],
    [{ kind: 'search', query: '', limit: 1 }, true],
    [{ kind: 'search', query: 'x'.repeat(501), limit: 12 }, false],
    [{ kind: 'search', query: 42, limit: 12 }, false],
    [{ kind: 'search', query: '流量', limit: 0 }, false],
    [{ kind: 'search', query: '流量', limit: 51 }, false],
    [{ kind: 'search', query: '流量', limit: 2.5 }, false],
    [{ kind: 'search', query: '流量' }, false],
    [{ kind: 'desktop.status' }, false],
    [null, false],
    ['search', false],
  ])('%j is a search request: %s', (message, ok) => {
    expect(isSearchRequest(message)).toBe(ok);
  });

  it('is answered with what the catalog’s own search finds, from one index kept per catalog', () => {
    const catalog = builtinCatalog();
    const reply = answerSearch(catalog, { kind: 'search', query: '流量', limit: 12 });
    expect(reply).toEqual({ results: createSearch(catalog.instructions).search('流量', 12) });
    expect(searchFor(catalog)).toBe(searchFor(catalog));
    // What crosses to the page is plain data: it survives the JSON copy Chrome makes of a message.
    expect(JSON.parse(JSON.stringify(reply))).toEqual(reply);
  });
});
