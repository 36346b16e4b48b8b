import { h } from './dom';
import { browserLang, isLang, LANG_KEY, LANG_NAMES, LANGS, t, type Lang } from './i18n';
import { parseRoute, routeHash, type Route } from './routes';
import { searchInWorker, type SearchReply } from './search-protocol';
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

const byWorker = (query: string, limit: number) => searchInWorker(query, limit).then((reply): SearchReply => ({ ...reply, by: 'worker' }));

// A query in the address (the omnibox, a selection) is asked of the worker at once, before anything
// else is asked of the browser: the worker that opened this tab is awake and has the index ready,
// and the answer comes while the page reads storage. (A tab restored by the browser may find it
// asleep: the question wakes it, and it answers once it has started.)
let firstSearch: { query: string; reply: Promise<SearchReply> } | null = lastQuery.trim() ? { query: lastQuery, reply: byWorker(lastQuery, RESULT_LIMIT) } : null;
const addressAnswer = firstSearch?.reply;
// The language next (the first paint waits for it).
const storedLang = chrome.storage.local.get([LANG_KEY]);

/**
 * Who answers the search box is decided once per popup. An awake worker keeps the index (and
 * answers within milliseconds). A stopped one (Chrome stops it 30 s after its last event, so most
 * toolbar popups find it so) would first have to start: the page then searches by itself
 * (page-search.ts, from the bundled catalog's prebuilt index), loading its search code while it
 * paints, and wakes the worker only after its first answer (or a second), so the two do not share
 * the CPU. With another catalog in use than the bundled one, the worker answers.
 */
// Asked once the language is read, or with a query in the address once the worker has answered it:
// nothing else goes to the browser before the first paint.
const workerAwake = (addressAnswer ?? storedLang).then(() => chrome.runtime.getContexts({ contextTypes: ['BACKGROUND'] })).then(
  (contexts) => contexts.length > 0,
  () => true,
);
// A worker woken by the address's query is left to answer it before the page loads its own search.
const pageSearch = workerAwake.then((awake) => (awake ? null : (addressAnswer ?? Promise.resolve()).then(() => import('./page-search'))));
const byPage = (query: string, limit: number) =>
  pageSearch.then(
    (m) => m?.searchHere(query, limit) ?? null,
    () => null,
  );

/** Settles with the first answer the search box gets. */
let answered: () => void = () => undefined;
const firstAnswer = new Promise<void>((resolve) => (answered = resolve));
/**
 * When the page's own search has nothing more to do for its first answer: at once when the worker
 * answers, else at that first answer (or a second after opening). The worker's port and the
 * catalog views' module wait for it, so neither shares the CPU with the first results.
 */
const firstResultsDone = workerAwake.then((awake) => awake || Promise.race([firstAnswer, new Promise((resolve) => setTimeout(resolve, WAKE_WORKER_LATEST_MS))]));

function search(query: string, limit: number): Promise<SearchReply> {
  const first = firstSearch?.query === query && limit === RESULT_LIMIT ? firstSearch.reply : null;
  firstSearch = null;
  const answer = first ?? byPage(query, limit).then((reply) => reply ?? byWorker(query, limit));
  connectToWorkerAfter(workerAwake.then((awake) => (awake ? null : answer)));
  void answer.then(answered);
  return answer;
}
// Nothing searched yet (the toolbar's popup): the worker is woken a second after opening at the latest.
connectToWorkerAfter(firstResultsDone);

void storedLang.then((stored) => {
  const chosen = stored[LANG_KEY];
  lang = isLang(chosen) ? chosen : browserLang([chrome.i18n.getUILanguage(), ...navigator.languages]);
  render();
  // Once the page is idle after its first results: the catalog views' module, and the daily update check.
  void firstResultsDone.then(() => requestIdleCallback(() => void catalogViews().then((views) => views.checkForUpdateIfDue())));
});
