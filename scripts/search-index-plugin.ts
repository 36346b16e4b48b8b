import type { Plugin } from 'vite';
import { builtinCatalog } from '../src-shared/catalog/builtin';
import { createSearch } from '../src-shared/search';
import { searchSnapshot } from '../src-shared/search/snapshot';

/** The module the page imports the built-in catalog's prebuilt search index from (src-renderer/catalog/prebuilt-index.ts). */
export const SEARCH_INDEX_MODULE = 'virtual:search-index';
const RESOLVED = `\0${SEARCH_INDEX_MODULE}`;

/**
 * The built-in catalog's search index, built with the renderer (as `npm run build:extension` builds the
 * extension's): a module whose default export is the snapshot's bytes in base64. A module rather than a
 * file beside the page, because the desktop window loads the page from file://, where fetch cannot read.
 */
export function searchIndexPlugin(): Plugin {
  return {
    name: 'hall10086-search-index',
    resolveId: (id) => (id === SEARCH_INDEX_MODULE ? RESOLVED : null),
    load(id) {
      if (id !== RESOLVED) return null;
      const { instructions } = builtinCatalog();
      const bytes = searchSnapshot(createSearch(instructions), instructions);
      return `export default ${JSON.stringify(Buffer.from(bytes).toString('base64'))};`;
    },
  };
}
