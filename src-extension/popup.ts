import { builtinCatalog } from '../src-shared/catalog/builtin';
import { createSearch, type SearchEngine } from '../src-shared/search';
import { h } from './dom';
import { browserLang, isLang, LANG_NAMES, LANGS, t, type Lang } from './i18n';
import { parseRoute, routeHash, type Route } from './routes';
import { instructionView } from './view-instruction';
import { reportView } from './view-report';
import { searchView } from './view-search';

/** Only the chosen language is remembered: parameter values and secrets are never stored. */
const LANG_KEY = 'lang';

const catalog = builtinCatalog();
let search: SearchEngine | undefined;
let lang: Lang;
let lastQuery = '';

function searchEngine(): SearchEngine {
  return (search ??= createSearch(catalog.instructions));
}

function viewFor(route: Route): HTMLElement {
  switch (route.view) {
    case 'search':
      return searchView(lang, searchEngine(), route.query);
    case 'instruction':
      return instructionView(lang, catalog, route.id);
    case 'report':
      return reportView(lang, route.url);
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
  return h('header', {}, h('strong', {}, t(lang, 'extName')), report, select);
}

function render(): void {
  const route = parseRoute(location.hash);
  document.documentElement.lang = lang;
  document.title = t(lang, 'extName');
  const view = viewFor(route);
  const back = route.view === 'search' ? null : h('a', { id: 'back', href: routeHash({ view: 'search', query: lastQuery }) }, t(lang, 'back'));
  document.body.replaceChildren(header(), h('main', {}, back, view));
  view.querySelector<HTMLInputElement>('input')?.focus();
}

document.addEventListener('keydown', (e) => {
  if (e.key === 'Escape' && parseRoute(location.hash).view !== 'search') {
    e.preventDefault();
    location.hash = routeHash({ view: 'search', query: lastQuery });
  }
});
window.addEventListener('hashchange', (e) => {
  // The search view keeps its query in the hash it leaves: that is where Esc comes back to.
  const left = parseRoute(new URL(e.oldURL).hash);
  if (left.view === 'search') lastQuery = left.query;
  render();
});

const storedLang = chrome.storage.local.get([LANG_KEY]);
// Building the search index is most of the time to the first results: do it while the
// language is being read rather than after.
if (parseRoute(location.hash).view === 'search') searchEngine();
void storedLang.then((stored) => {
  const chosen = stored[LANG_KEY];
  lang = isLang(chosen) ? chosen : browserLang([chrome.i18n.getUILanguage(), ...navigator.languages]);
  render();
});
