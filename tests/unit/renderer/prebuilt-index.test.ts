import { describe, expect, it } from 'vitest';
import { SEARCH_INDEX_MODULE, searchIndexPlugin } from '../../../scripts/search-index-plugin';
import { catalogSearch, offerPrebuiltIndex } from '../../../src-renderer/catalog/catalog-search';
import { fromBase64 } from '../../../src-shared/bundle/base64';
import { builtinCatalog } from '../../../src-shared/catalog/builtin';
import { createSearch } from '../../../src-shared/search';

/** The module the renderer's build makes for `virtual:search-index`, run through the plugin's own hooks. */
function builtModule(): string {
  const plugin = searchIndexPlugin();
  const resolved = (plugin.resolveId as (id: string) => string | null)(SEARCH_INDEX_MODULE);
  expect(resolved).not.toBeNull();
  return (plugin.load as (id: string) => string | null)(resolved!)!;
}

const queries = ['流量', '查话费', 'liuliang', 'll', 'cx', 'ktgprs', 'KTGPRS', 'ZD202610', '開通流量', 'cancel data', '我想开通流量包', '公积金余额', '？'];

describe("the page's catalog search", () => {
  it('restores the index built with the page on its first search (its columns read in place from those bytes), and answers as one built on the spot', () => {
    const text = builtModule();
    expect(text.startsWith('export default "')).toBe(true);
    const bytes = fromBase64(JSON.parse(text.slice('export default '.length).replace(/;$/, '')) as string)!;
    offerPrebuiltIndex(() => bytes.buffer);
    const engine = catalogSearch();
    // A built index has columns of its own; a restored one reads the snapshot's bytes.
    expect(engine.terms.field.buffer).toBe(bytes.buffer);
    const built = createSearch(builtinCatalog().instructions);
    for (const q of queries) expect(engine.search(q, 20), q).toEqual(built.search(q, 20));
  });
});
