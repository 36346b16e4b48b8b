import { h } from './dom';
import { browserLang, isLang, LANG_KEY, LANG_NAMES, LANGS, t, type Lang } from './i18n';
import { parseRoute, routeHash, type Route } from './routes';
import { searchInWorker, UNREACHABLE, type SearchReply } from './search-protocol';
import { RESULT_LIMIT, searchView } from './view-search';
import { connectToWorkerAfter, recentSends } from './view-desktop-send';

/** A popup that searches by itself wakes the worker (for the desktop section) after its first answer, or this long after opening. */
const WAKE_WORKER_LATEST_MS = 1000;

let lang: Lang;
/** The search box's query, in memory only (see searchView): what Esc and Back come back to. */
let lastQuery = '';

/** Everything but the search box waits for the catalog, in a module of its own (popup-catalog-views.ts). */
const catalogViews = () => import('./popup-catalog-views');

function viewFor(route: Route): HTMLElement | Promise<HTMLElement> {
  if (route.view === 'search') return h('div', {}, searchView(lang, search, lastQuery, (query) => (lastQuery = query)), recentSends(lang));
  return catalogViews().then((views) => views.catalogView(lang, route));
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

/** Counts renders: a view that arrives after the page moved on is not shown. */
let renders = 0;

function render(): void {
  const route = parseRoute(location.hash);
  const view = viewFor(route);
  const current = ++renders;
  if (view instanceof HTMLElement) return show(route, view);
  void view.then((v) => current === renders && show(route, v));
}

function show(route: Route, view: HTMLElement): void {
  document.documentElement.lang = lang;
  document.title = t(lang, 'extName');
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

/**
 * Who answers the search box is decided once per popup. An awake worker keeps the index (and
 * answers within milliseconds). A stopped one (Chrome stops it 30 s after its last event, so most
 * popups find it so) would first have to start; the page then searches by itself (page-search.ts,
 * the bundled catalog's index prebuilt) and wakes the worker only after its first answer, so the
 * two do not share the CPU. With another catalog in use than the bundled one, the worker answers.
 */
const workerAwake = chrome.runtime.getContexts({ contextTypes: ['BACKGROUND'] }).then(
  (contexts) => contexts.length > 0,
  () => true,
);
const pageSearch = workerAwake.then((awake) => (awake ? null : import('./page-search')));
const byWorker = (query: string, limit: number) => searchInWorker(query, limit).then((reply): SearchReply => ({ ...reply, by: 'worker' }));
const byPage = (query: string, limit: number) =>
  pageSearch.then(
    (m) => m?.searchHere(query, limit) ?? null,
    () => null,
  );

// A query in the address (the omnibox, a selection) is asked of the worker at once: the worker
// that opened this tab is awake and has the index ready, and the answer comes while the page reads
// storage. Should the worker have been stopped after all, the page's own answer may come first.
let firstSearch: { query: string; reply: Promise<SearchReply> } | null = lastQuery.trim() ? { query: lastQuery, reply: byWorker(lastQuery, RESULT_LIMIT) } : null;
function search(query: string, limit: number): Promise<SearchReply> {
  const first = firstSearch?.query === query && limit === RESULT_LIMIT ? firstSearch.reply : null;
  firstSearch = null;
  const here = byPage(query, limit);
  const answer = first ? firstAnswer(here, first) : here.then((reply) => reply ?? byWorker(query, limit));
  connectToWorkerAfter(workerAwake.then((awake) => (awake ? null : answer)));
  return answer;
}
// Nothing searched yet (the toolbar's popup): the worker is woken a second after opening at the latest.
connectToWorkerAfter(workerAwake.then((awake) => awake || new Promise((resolve) => setTimeout(resolve, WAKE_WORKER_LATEST_MS))));

/** The first of two answers that has results; else the one with an error (the page's null is no answer). */
function firstAnswer(here: Promise<SearchReply | null>, there: Promise<SearchReply>): Promise<SearchReply> {
  return new Promise((resolve) => {
    let waiting = 2;
    let error: SearchReply | null = null;
    const take = (reply: SearchReply | null) => {
      waiting--;
      if (reply && 'results' in reply) return resolve(reply);
      error ??= reply;
      if (!waiting) resolve(error ?? { error: UNREACHABLE });
    };
    void here.then(take);
    void there.then(take);
  });
}

void chrome.storage.local.get([LANG_KEY]).then((stored) => {
  const chosen = stored[LANG_KEY];
  lang = isLang(chosen) ? chosen : browserLang([chrome.i18n.getUILanguage(), ...navigator.languages]);
  render();
  // Once the page is idle (its first results painted): the catalog views' module, and the daily update check.
  requestIdleCallback(() => void catalogViews().then((views) => views.checkForUpdateIfDue()));
});
