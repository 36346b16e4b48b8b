import { createSearch, type SearchEngine } from '../../src-shared/search';
import { activeCatalog } from './active-catalog';

let built: { catalog: ReturnType<typeof activeCatalog>; engine: SearchEngine } | undefined;

/** The catalog search runs here, in the page: instant and offline. Built on first use of each catalog. */
export function catalogSearch(): SearchEngine {
  const catalog = activeCatalog();
  if (built?.catalog !== catalog) built = { catalog, engine: createSearch(catalog.instructions) };
  return built.engine;
}
