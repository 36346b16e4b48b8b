import { builtinCatalog } from '../src-shared/catalog/builtin';
import type { SearchEngine } from '../src-shared/search';
import { CATALOG_KEYS } from './catalog-store';
import { loadCatalogInUse } from './catalog-session';
import type { SearchReply } from './search-protocol';
import { answerWith, readPrebuilt, searchFor } from './worker-search';

/**
 * The popup's own search, for when the service worker is asleep: Chrome stops it 30 s after its
 * last event, so most popups find it stopped, and waking it (its start, then its index) takes
 * longer than the page answering itself. The page answers only when the catalog in use is the
 * bundled one, whose index comes prebuilt with the extension (restoring it is a fraction of
 * building it); with an update, a province or the user's own instructions the worker answers.
 */

/**
 * The index over the bundled catalog when it is the one in use, else null: worked out as soon as
 * this module loads (the popup loads it while it paints), again after a change in Settings.
 */
let index: Promise<SearchEngine | null>;
// Read while storage says which catalog is in use.
const prebuilt = readPrebuilt();
const prepare = () =>
  (index = loadCatalogInUse(chrome.storage.local, builtinCatalog())
    .then((inUse) => (inUse.catalog === builtinCatalog() ? searchFor(inUse.catalog, () => prebuilt) : null))
    .catch(() => null));
prepare();
chrome.storage.onChanged.addListener((changes, area) => {
  if (area === 'local' && CATALOG_KEYS.some((key) => key in changes)) prepare();
});

/** The page's answer, or null when the worker is the one to ask. */
export async function searchHere(query: string, limit: number): Promise<SearchReply | null> {
  const engine = await index;
  return engine && { ...answerWith(engine, query, limit), by: 'page' };
}
