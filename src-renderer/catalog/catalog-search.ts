import { builtinCatalog } from '../../src-shared/catalog/builtin';
import { createSearch, type SearchEngine } from '../../src-shared/search';

let engine: SearchEngine | undefined;

/** The catalog search runs here, in the page: instant and offline. Built on first use. */
export function catalogSearch(): SearchEngine {
  return (engine ??= createSearch(builtinCatalog().instructions));
}
