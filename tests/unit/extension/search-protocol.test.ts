import { describe, expect, it, vi } from 'vitest';
import { builtinCatalog } from '../../../src-shared/catalog/builtin';
import { InstructionCatalog } from '../../../src-shared/catalog/catalog';
import { createSearch, type SearchEngine } from '../../../src-shared/search';
import { restoreSearch, searchSnapshot } from '../../../src-shared/search/snapshot';
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

  it('is answered with what the catalog’s own search finds, from one index kept per catalog', async () => {
    const catalog = builtinCatalog();
    const reply = await answerSearch(catalog, { kind: 'search', query: '流量', limit: 12 }, async () => null);
    expect(reply).toEqual({ results: createSearch(catalog.instructions).search('流量', 12) });
    expect(searchFor(catalog)).toBe(searchFor(catalog));
    // What crosses to the page is plain data: it survives the JSON copy Chrome makes of a message.
    expect(JSON.parse(JSON.stringify(reply))).toEqual(reply);
  });
});

describe('the prebuilt index shipped with the extension', () => {
  const built = () => createSearch(builtinCatalog().instructions);
  const queries = ['流量', 'liuliang', 'ZD202610', '亭机', 'cancel data', '我想开通流量包'];
  const answers = (engine: SearchEngine) => queries.map((q) => engine.search(q, 12));
  /** The worker's modules as a worker starts with them: no index kept yet, the bundled catalog read anew. */
  async function freshWorker() {
    vi.resetModules();
    const search = await import('../../../src-extension/worker-search');
    const { builtinCatalog: bundled } = await import('../../../src-shared/catalog/builtin');
    return { ...search, bundled: bundled() };
  }

  it('gives the bundled catalog its index, read once, answering as one built on the spot; another catalog is built', async () => {
    const { searchFor: fresh, bundled } = await freshWorker();
    const bytes = searchSnapshot(built(), bundled.instructions);
    let read = 0;
    const prebuilt = async () => (read++, bytes);
    const engine = await fresh(bundled, prebuilt);
    expect(read).toBe(1);
    expect(engine.terms.texts).not.toBe(built().terms.texts);
    expect(answers(engine)).toEqual(answers(built()));
    expect(await fresh(bundled, prebuilt)).toBe(engine);
    await fresh(new InstructionCatalog(bundled.data), prebuilt);
    expect(read).toBe(1);
  });

  it.each([
    ['missing', 'missing'],
    ['cut short', 'cut'],
    ['for another catalog', 'other'],
  ])('%s: the index is built instead, with the same answers, and nothing is thrown', async (_, kind) => {
    const { answerSearch: answer, bundled } = await freshWorker();
    const { instructions } = bundled;
    const bytes =
      kind === 'missing' ? null : kind === 'other' ? searchSnapshot(createSearch(instructions.slice(1)), instructions.slice(1)) : searchSnapshot(built(), instructions).slice(0, -12);
    expect(bytes === null || restoreSearch(instructions, bytes) === null).toBe(true);
    for (const query of queries) {
      expect(await answer(bundled, { kind: 'search', query, limit: 12 }, async () => bytes)).toEqual({ results: built().search(query, 12) });
    }
  });
});
