import { builtinCatalog } from '../src-shared/catalog/builtin';
import { CatalogSession, searchFor } from './catalog-session';
import { h } from './dom';
import { browserLang, isLang, LANG_KEY, LANG_NAMES, LANGS, t, type Lang } from './i18n';
import { parseRoute, routeHash, type Route } from './routes';
import { instructionView } from './view-instruction';
import { reportView } from './view-report';
import { searchView } from './view-search';
import { recentSends } from './view-desktop-send';
import { settingsView } from './view-settings';


let session: CatalogSession;
let lang: Lang;
/** The search box's query, in memory only (see searchView): what Esc and Back come back to. */
let lastQuery = '';

function viewFor(route: Route): HTMLElement {
  switch (route.view) {
    case 'search':
      return h('div', {}, searchView(lang, session.search, lastQuery, (query) => (lastQuery = query)), recentSends(lang));
    case 'instruction':
      return instructionView(lang, session.catalog, route.id);
    case 'report':
      return reportView(lang, route.url);
    case 'settings':
      return settingsView(lang, session);
  }
}

function header(): HTMLElement {
  const select = h('select', { id: 'lang', 'aria-label': t(lang, 'language') });
  select.append(...LANGS.map((l) => h('option', { value: l }, LANG_NAMES[l])));
  select.value = lang;
  select.addEventListener('change', () => {
    if (!isLang(select.value)) return;
    lang = select.value;
    void chrome.storage.local.set({ [LANG_KEY]: lang });
    render();
  });
  const report = h('a', { href: routeHash({ view: 'report', url: '' }), id: 'report-link' }, t(lang, 'reportLink'));
  const settings = h('a', { href: routeHash({ view: 'settings' }), id: 'settings-link' }, t(lang, 'settingsLink'));
  return h('header', {}, h('strong', {}, t(lang, 'extName')), report, settings, select);
}

function render(): void {
  const route = parseRoute(location.hash);
  document.documentElement.lang = lang;
  document.title = t(lang, 'extName');
  const view = viewFor(route);
  const back = route.view === 'search' ? null : h('a', { id: 'back', href: routeHash({ view: 'search', query: '' }) }, t(lang, 'back'));
  document.body.replaceChildren(header(), h('main', {}, back, view));
  view.querySelector<HTMLElement>('input, select')?.focus();
}

document.addEventListener('keydown', (e) => {
  if (e.key === 'Escape' && parseRoute(location.hash).view !== 'search') {
    e.preventDefault();
    location.hash = routeHash({ view: 'search', query: '' });
  }
});
/** A search address with a query (the omnibox, a selection, a link) searches for it; `#/search/` comes back to the last one. */
function takeQueryFromAddress(): void {
  const route = parseRoute(location.hash);
  if (route.view === 'search' && route.query) lastQuery = route.query;
}
window.addEventListener('hashchange', () => {
  takeQueryFromAddress();
  render();
});
takeQueryFromAddress();

// The catalog in use (signed update or built-in, province, the user's own) is read once per
// opening, together with the language.
const builtin = builtinCatalog();
const opening = Promise.all([chrome.storage.local.get([LANG_KEY]), CatalogSession.open(chrome.storage.local, builtin)]);
// While storage is read: the index over the built-in catalog, which is what most popups search
// (it is used only if nothing stored changes the catalog).
if (parseRoute(location.hash).view === 'search') searchFor(builtin);
void opening.then(
  ([stored, opened]) => {
    session = opened;
    const chosen = stored[LANG_KEY];
    lang = isLang(chosen) ? chosen : browserLang([chrome.i18n.getUILanguage(), ...navigator.languages]);
    render();
    // The daily check, when a source is set: on opening, as the extension has no timer permission.
    void session.checkIfDue();
  },
);
