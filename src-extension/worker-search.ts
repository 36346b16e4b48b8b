import type { InstructionCatalog } from '../src-shared/catalog/catalog';
import { toHallError } from '../src-shared/errors';
import { createSearch, type SearchEngine } from '../src-shared/search';
import type { SearchReply, SearchRequest } from './search-protocol';

const engines = new WeakMap<InstructionCatalog, SearchEngine>();

/** One search index per catalog, kept while the worker lives: building it is the slow part of a search. */
export function searchFor(catalog: InstructionCatalog): SearchEngine {
  let engine = engines.get(catalog);
  if (!engine) engines.set(catalog, (engine = createSearch(catalog.instructions)));
  return engine;
}

/** A page's search request, answered from the catalog in use; a failure is said in both languages. */
export function answerSearch(catalog: InstructionCatalog, { query, limit }: SearchRequest): SearchReply {
  try {
    return { results: searchFor(catalog).search(query, limit) };
  } catch (e) {
    const { zh, en } = toHallError(e);
    return { error: { zh, en } };
  }
}
