import { builtinCatalog } from '../../src-shared/catalog/builtin';
import { createSearch, MAX_QUERY, type SearchEngine, type SearchResult } from '../../src-shared/search';
import { restoreSearch } from '../../src-shared/search/snapshot';
import { activeCatalog } from './active-catalog';

let built: { catalog: ReturnType<typeof activeCatalog>; engine: SearchEngine } | undefined;
/** The built-in catalog's index as built with the page (prebuilt-index.ts), read when first needed. */
let prebuilt: (() => ArrayBuffer) | null = null;

/** The catalog search runs here, in the page: instant and offline. Built on first use of each catalog. */
export function catalogSearch(): SearchEngine {
  const catalog = activeCatalog();
  if (built?.catalog !== catalog) built = { catalog, engine: restored(catalog) ?? createSearch(catalog.instructions) };
  return built.engine;
}

/**
 * The composer's suggestions for its line: none for a line longer than a query (MAX_QUERY), as a pasted reply or article
 * is no question, and searching it (even its first MAX_QUERY characters) on every keystroke slows the page (review46).
 */
export function composerSuggestions(text: string, limit: number): SearchResult[] {
  return text.trim() && text.length <= MAX_QUERY ? catalogSearch().search(text, limit) : [];
}

/**
 * The built-in catalog's index from its snapshot, or null: another catalog in use, no snapshot (yet), or one
 * refused (another catalog's, damaged). Restored indexes answer as built ones (tests/unit/search/snapshot.test.ts).
 */
function restored(catalog: ReturnType<typeof activeCatalog>): SearchEngine | null {
  return prebuilt === null || catalog !== builtinCatalog() ? null : restoreSearch(catalog.instructions, prebuilt());
}

/** The built-in catalog's prebuilt index (its bytes when asked), to restore on first need instead of building it. */
export function offerPrebuiltIndex(bytes: () => ArrayBuffer): void {
  prebuilt = bytes;
}
