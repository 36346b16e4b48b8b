import { builtinCatalog } from '../src-shared/catalog/builtin';
import type { InstructionCatalog } from '../src-shared/catalog/catalog';
import { toHallError } from '../src-shared/errors';
import { createSearch, type SearchEngine } from '../src-shared/search';
import { restoreSearch } from '../src-shared/search/snapshot';
import { readPrebuilt, type PrebuiltIndex } from './prebuilt-index';
import type { SearchReply, SearchRequest } from './search-protocol';

const engines = new WeakMap<InstructionCatalog, Promise<SearchEngine>>();

/**
 * One search index per catalog, kept while the worker (or page) lives. The bundled catalog's is
 * restored from the prebuilt one; any other catalog's, or the bundled one's when the prebuilt
 * index is missing, damaged or for another catalog, is built here as before.
 */
export function searchFor(catalog: InstructionCatalog, prebuilt: PrebuiltIndex = readPrebuilt): Promise<SearchEngine> {
  let engine = engines.get(catalog);
  if (!engine) engines.set(catalog, (engine = restored(catalog, prebuilt).then((e) => e ?? createSearch(catalog.instructions))));
  return engine;
}

async function restored(catalog: InstructionCatalog, prebuilt: PrebuiltIndex): Promise<SearchEngine | null> {
  if (catalog !== builtinCatalog()) return null;
  const bytes = await prebuilt();
  return bytes === null ? null : restoreSearch(catalog.instructions, bytes);
}

/** A page's search request, answered from the catalog in use; a failure is said in both languages. */
export async function answerSearch(catalog: InstructionCatalog, { query, limit }: SearchRequest, prebuilt?: PrebuiltIndex): Promise<SearchReply> {
  try {
    return answerWith(await searchFor(catalog, prebuilt), query, limit);
  } catch (e) {
    return failed(e);
  }
}

/** A query answered by an index at hand (the popup's own), or the failure in both languages. */
export function answerWith(engine: SearchEngine, query: string, limit: number): SearchReply {
  try {
    return { results: engine.search(query, limit) };
  } catch (e) {
    return failed(e);
  }
}

function failed(e: unknown): SearchReply {
  const { zh, en } = toHallError(e);
  return { error: { zh, en } };
}
