import { bilingual } from './bilingual';
import { h } from './dom';
import { CATALOG_CHANGERS } from './catalog-keys';
import { browserLang, isLang, LANG_KEY, LANG_NAMES, LANGS, t, type Lang } from './i18n';
import { readPrebuilt } from './prebuilt-index';
import { parseRoute, routeHash, type Route } from './routes';
import { HANDOFF_GONE, handedOverText, handoffKey } from './search-handoff';
import { askFirstQuery, searchInWorker, type SearchReply } from './search-protocol';
import { RESULT_LIMIT, searchView } from './view-search';
import { connectToWorkerAfter, recentSends } from './view-desktop-send';

// Steps of the popup's start, on the page's performance timeline: `npm run bench -- extension` reads them (hall:*).
performance.mark('hall:popup-script');
let lang: Lang;
/** The search box's query, in memory only (see searchView): what Esc and Back come back to. */
let lastQuery = '';

/** Everything but the search box waits for the catalog, in a module of its own (popup-catalog-views.ts). */
const catalogViews = () => import('./popup-catalog-views');

/** The view for `route`; one that arrives after the page moved on (`current` false) is not made. */
function viewFor(route: Route, current: () => boolean): HTMLElement | Promise<HTMLElement | null> {
  if (route.view === 'search') {
    // Every render waits for the one read of a handed-over text (a language repaint meanwhile too).
    if (handoff && !handoffRead) return handoff.then(() => (current() ? viewFor(route, current) : null));
    const gone = handoffGone && route.handoff ? h('p', { id: 'handoff-gone', class: 'field-error', role: 'status' }, ...bilingual(lang, HANDOFF_GONE)) : null;
    const view = () => h('div', {}, gone, searchView(lang, search, lastQuery, (query) => (lastQuery = query)), recentSends(lang));
    if (!firstSearch) return view();
    // A query in the address: an awake worker's answer comes within milliseconds, and the page is
    // laid out and painted once, with it. A page that searches by itself paints the box as soon as
    // it knows, before its results: its first layout (the Chinese text, the fonts a fresh renderer
    // looks up) then runs while the search code loads, not after it.
    const asleep = workerAwake.then((awake) => (awake ? new Promise<void>(() => undefined) : undefined));
    return Promise.race([firstSearch.reply, asleep]).then(() => (current() ? view() : null));
  }
  return catalogViews().then((views) => views.catalogView(lang, route, lastQuery));
}

function header(): HTMLElement {
  const select = h('select', { id: 'lang', 'aria-label': t(lang, 'language') });
  select.append(...LANGS.map((l) => h('option', { value: l }, LANG_NAMES[l])));
  select.value = lang;
  select.addEventListener('change', () => {
    if (!isLang(select.value)) return;
    keepLang(select.value);
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
  if (route.view !== 'search') otherViewShown();
  const current = ++renders;
  const view = viewFor(route, () => current === renders);
  if (view instanceof HTMLElement) return show(route, view);
  void view.then((v) => v && current === renders && show(route, v));
}

function show(route: Route, view: HTMLElement): void {
  document.documentElement.lang = lang;
  document.title = t(lang, 'extName');
  const back = route.view === 'search' ? null : h('a', { id: 'back', href: routeHash({ view: 'search', query: '' }) }, t(lang, 'back'));
  document.body.replaceChildren(header(), h('main', {}, back, view));
  performance.mark('hall:view-shown');
  // The search box sits at the top: focused without scrolling to it, which would lay the page out
  // there and then (a forced layout) before the frame's own (box 3–6 ms, awake 2–8 ms sooner in two
  // A/Bs at load 12). Another view's first field may be lower, so it is scrolled to.
  view.querySelector<HTMLElement>('input, select')?.focus({ preventScroll: route.view === 'search' });
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
 * A selection's or the omnibox's text, handed over in memory (search-handoff.ts), never in the
 * address: read once at start, and asked at once like a query in the address. Gone (a tab restored
 * after the browser closed), the page says so above an empty box.
 */
let handoffRead = false;
let handoffGone = false;
const handoff = ((route) => {
  if (route.view !== 'search' || !route.handoff) return null;
  const key = handoffKey(route.handoff);
  return chrome.storage.session
    .get([key])
    .then(
      (values) => handedOverText(values[key]),
      () => null,
    )
    .then((text) => {
      handoffRead = true;
      handoffGone = text === null;
      if (!text?.trim()) return;
      lastQuery = text;
      firstSearch = { query: text, reply: askFirstQuery(text, RESULT_LIMIT, byPage) };
    });
})(parseRoute(location.hash));

const byWorker = (query: string, limit: number) => searchInWorker(query, limit).then((reply): SearchReply => ({ ...reply, by: 'worker' }));

/**
 * Who answers the search box is decided once per popup, from the first thing the page asks the
 * browser: whether the worker runs (`getContexts` starts nothing). An awake worker keeps the index
 * and answers within milliseconds. A stopped one (Chrome stops it 30 s after its last event, so
 * most popups find it so) would first have to start, then restore its index: the page then
 * searches by itself (page-search.ts, from the bundled catalog's prebuilt index), a query in the
 * address included, and wakes the worker only once its first results are on screen, so the two
 * never share the CPU. With another catalog in use than the bundled one, the worker answers.
 */
const workerAwake = chrome.runtime.getContexts({ contextTypes: ['BACKGROUND'] }).then(
  (contexts) => (performance.mark('hall:worker-asked'), contexts.length > 0),
  () => true,
);
// Beside it, in one read: the language (to check the page's copy, below) and the keys that say which catalog is in use.
const stored = chrome.storage.local.get([LANG_KEY, ...CATALOG_CHANGERS]);
void stored.then(() => performance.mark('hall:storage-read'));
/**
 * Only a popup that opens on the search box searches by itself (another view wakes the worker).
 * Its prebuilt index is fetched while its search code loads.
 */
const pageSearch = workerAwake.then((awake) => {
  if (awake || parseRoute(location.hash).view !== 'search') return null;
  const prebuilt = readPrebuilt();
  void prebuilt.then(() => performance.mark('hall:index-read'));
  return import('./page-search').then((m) => (performance.mark('hall:search-code'), m.prepare(stored, prebuilt), m));
});
const byPage = (query: string, limit: number) =>
  pageSearch.then(
    (m) => m?.searchHere(query, limit) ?? null,
    () => null,
  );

/** Settles when the popup first shows another view than the search box. */
let otherViewShown: () => void = () => undefined;
const otherView = new Promise<void>((resolve) => (otherViewShown = resolve));
/** Settles with the first answer the search box asks for (whenever that is). */
let firstAsked: (answer: Promise<unknown>) => void = () => undefined;
const firstAnswer = new Promise<unknown>((resolve) => (firstAsked = resolve));
const answerFor = (query: string, limit: number) => byPage(query, limit).then((reply) => reply ?? byWorker(query, limit));
/** A query in the address (the omnibox, a selection) is asked at once, not after the first paint (search-protocol.ts). */
let firstSearch = lastQuery.trim() ? { query: lastQuery, reply: askFirstQuery(lastQuery, RESULT_LIMIT, byPage) } : null;

function search(query: string, limit: number): Promise<SearchReply> {
  const first = firstSearch?.query === query && limit === RESULT_LIMIT ? firstSearch.reply : null;
  firstSearch = null;
  const answer = first ?? answerFor(query, limit);
  firstAsked(answer);
  return answer;
}

const afterPaint = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
/**
 * When the first results are on screen: at once when the worker answers them. A page that
 * searches by itself wakes the worker (its port, for the desktop section) and loads the catalog
 * views' module only then, so neither shares the CPU with its first results; until then the
 * desktop section shows what the worker kept (view-desktop-send.ts), and another view than the
 * search box wakes the worker as it opens.
 */
const firstResultsDone = workerAwake.then((awake) => awake || Promise.race([firstAnswer.then(afterPaint), otherView]));
connectToWorkerAfter(firstResultsDone, workerAwake.then((awake) => !awake));

/**
 * The language is painted without waiting for storage: chrome.storage.local keeps the choice (the
 * worker and the options page read it there), and the page's own localStorage a copy, which it
 * reads at once. When the two differ (a choice made before the copy existed), storage wins and the
 * page is painted again.
 */
const uiLang = (chosen: unknown): Lang => (isLang(chosen) ? chosen : browserLang([chrome.i18n.getUILanguage(), ...navigator.languages]));
function keepLang(chosen: Lang): void {
  lang = chosen;
  localStorage.setItem(LANG_KEY, chosen);
}
lang = uiLang(localStorage.getItem(LANG_KEY));
render();
void stored.then((values) => {
  const chosen = values[LANG_KEY];
  if (!isLang(chosen)) localStorage.removeItem(LANG_KEY);
  if (uiLang(chosen) !== lang) {
    lang = uiLang(chosen);
    if (isLang(chosen)) keepLang(chosen);
    render();
  }
  // Once the page is idle after its first results: the catalog views' module, and the daily update check.
  void firstResultsDone.then(() => requestIdleCallback(() => void catalogViews().then((views) => views.checkForUpdateIfDue())));
});
