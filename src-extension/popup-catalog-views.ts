import { builtinCatalog } from '../src-shared/catalog/builtin';
import { CatalogSession } from './catalog-session';
import type { Lang } from './i18n';
import type { Route } from './routes';
import { instructionView } from './view-instruction';
import { handedOverUrl, REPORT_HANDOFF_KEY } from './report';
import { reportView } from './view-report';
import { settingsView } from './view-settings';

/**
 * The popup's views other than search, loaded after its first paint (or when one is opened
 * first): they need the catalog in use, which the search box does not (the worker searches it).
 */

// The catalog in use (signed update or built-in, province, the user's own) is read once per opening.
let session: Promise<CatalogSession> | undefined;
const catalogSession = () => (session ??= CatalogSession.open(chrome.storage.local, builtinCatalog()));

/** `query`: the last search, whose named month (查上個月帳單) an instruction's form starts with. */
export async function catalogView(lang: Lang, route: Exclude<Route, { view: 'search' }>, query = ''): Promise<HTMLElement> {
  switch (route.view) {
    case 'instruction':
      return instructionView(lang, (await catalogSession()).catalog, route.id, query);
    case 'report':
      return reportView(lang, handedOverUrl(route.url, (await chrome.storage.session.get([REPORT_HANDOFF_KEY]))[REPORT_HANDOFF_KEY]));
    case 'settings':
      return settingsView(lang, await catalogSession());
  }
}

/** The daily check, when a source is set: on opening, as the extension has no timer permission. */
export async function checkForUpdateIfDue(): Promise<void> {
  await (await catalogSession()).checkIfDue();
}
