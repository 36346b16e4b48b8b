import { builtinCatalog } from '../src-shared/catalog/builtin';
import type { SearchEngine } from '../src-shared/search';
import { CATALOG_CHANGERS } from './catalog-keys';
import type { SearchReply } from './search-protocol';
import { RESULT_LIMIT } from './view-search';
import { readPrebuilt } from './prebuilt-index';
import { answerWith, searchFor } from './worker-search';

/**
 * The popup's own search, for when the service worker is asleep: Chrome stops it 30 s after its
 * last event, so most popups find it stopped, and waking it (its start, then its index) takes
 * longer than the page answering itself. The page answers only when the catalog in use is the
 * bundled one, whose index comes prebuilt with the extension (restoring it is a fraction of
 * building it); with an update, a province or the user's own instructions the worker answers.
 */

/** Nothing stored that changes the catalog: the bundled one is in use (without loading the catalog-store code; a stored value it would leave out is left to the worker). */
const bundledIn = (stored: Record<string, unknown>) => CATALOG_CHANGERS.every((key) => stored[key] === undefined);

const WARM_UP = '查询流量 liuliang';
/** The index over the bundled catalog when it is the one in use, else null. */
let index: Promise<SearchEngine | null> = Promise.resolve(null);
/** Whether a query came; until then the index is searched once for nothing (below). */
let asked = false;

/**
 * Makes the page's index from what the popup read as it opened (the stored catalog keys, the
 * prebuilt index's bytes: both asked before this module had loaded), and again after a change in
 * Settings.
 */
export function prepare(stored: Promise<Record<string, unknown>>, prebuilt: Promise<ArrayBuffer | Uint8Array | null>): void {
  index = Promise.all([stored.then(bundledIn), prebuilt])
    .then(([bundled]) => (bundled ? searchFor(builtinCatalog(), () => prebuilt) : null))
    .then((engine) => {
      performance.mark('hall:index-restored');
      // The first search on code the page has just loaded runs cold (about 30 ms, against a few
      // once warm): done now, with Chinese and a Latin word, while the user reaches for the keys.
      if (engine && !asked) engine.search(WARM_UP, RESULT_LIMIT);
      return engine;
    })
    .catch(() => null);
}
chrome.storage.onChanged.addListener((changes, area) => {
  if (area === 'local' && CATALOG_CHANGERS.some((key) => key in changes)) prepare(chrome.storage.local.get([...CATALOG_CHANGERS]), readPrebuilt());
});

/** The page's answer, or null when the worker is the one to ask. */
export async function searchHere(query: string, limit: number): Promise<SearchReply | null> {
  asked = true;
  const engine = await index;
  if (!engine) return null;
  const reply = answerWith(engine, query, limit);
  performance.mark('hall:page-answered');
  return { ...reply, by: 'page' };
}
