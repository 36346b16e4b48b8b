import type { SearchResult } from '../src-shared/search';
import { h } from './dom';
import { t, type Lang } from './i18n';
import { routeHash } from './routes';
import type { SearchReply } from './search-protocol';
import { errorText } from './view-desktop-send';

export const RESULT_LIMIT = 12;

/**
 * The search box and its results, updated on every keystroke. ↑/↓ choose, Enter opens. Each query
 * goes to `onQuery` (the page keeps it in memory, for Esc from an instruction), never into the
 * address: Chromium writes every address a tab takes, even one set by replaceState, into its history
 * and session files, keystroke by keystroke, so a password or ID number typed here would be kept there.
 */
export function searchView(lang: Lang, search: (query: string, limit: number) => Promise<SearchReply>, initialQuery: string, onQuery: (query: string) => void): HTMLElement {
  const input = h('input', {
    id: 'search',
    type: 'search',
    autocomplete: 'off',
    spellcheck: 'false',
    placeholder: t(lang, 'searchPlaceholder'),
    'aria-controls': 'results',
  });
  input.value = initialQuery;
  const list = h('ol', { id: 'results', role: 'listbox' });
  const hint = h('p', { class: 'hint' });
  let results: SearchResult[] = [];
  let selected = 0;
  /** The worker answers each query in turn; only the answer to the latest one is shown. */
  let asked = 0;
  let answered: Promise<void> = Promise.resolve();

  const open = (id: string) => (location.hash = routeHash({ view: 'instruction', id }));
  const select = (index: number) => {
    selected = Math.max(0, Math.min(results.length - 1, index));
    list.querySelectorAll('li').forEach((li, i) => li.setAttribute('aria-selected', String(i === selected)));
    list.children[selected]?.scrollIntoView({ block: 'nearest' });
  };
  const show = (query: string, reply: SearchReply) => {
    results = 'results' in reply ? reply.results : [];
    list.dataset.by = reply.by ?? '';
    selected = 0;
    list.replaceChildren(...results.map((r, i) => resultItem(lang, r, i === 0, () => open(r.id))));
    hint.textContent =
      'error' in reply
        ? errorText(lang, reply.error)
        : !query.trim() ? t(lang, 'searchHint') : !results.length ? t(lang, 'noResults') : results[0]!.confident ? '' : t(lang, 'unsure');
  };
  const update = () => {
    const query = input.value;
    onQuery(query);
    const ask = ++asked;
    if (!query.trim()) return show(query, { results: [] });
    answered = search(query, RESULT_LIMIT).then((reply) => {
      if (ask === asked) show(query, reply);
    });
  };

  input.addEventListener('input', update);
  input.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      select(selected + (e.key === 'ArrowDown' ? 1 : -1));
    } else if (e.key === 'Enter') {
      // Typed and entered at once: what opens is the first answer to what was typed.
      e.preventDefault();
      void answered.then(() => {
        const chosen = results[selected];
        if (chosen) open(chosen.id);
      });
    }
  });
  update();
  return h('section', { class: 'search' }, input, hint, list);
}

function resultItem(lang: Lang, result: SearchResult, selected: boolean, open: () => void): HTMLLIElement {
  const { instruction, matched } = result;
  const name = instruction.name[lang];
  const li = h(
    'li',
    { role: 'option', 'data-id': instruction.id, 'aria-selected': String(selected) },
    h('code', {}, instruction.id),
    ' ',
    result.confident ? null : h('em', { class: 'maybe' }, `${t(lang, 'maybe')} `),
    h('span', { class: 'name' }, name),
    matched.text !== name && matched.text !== instruction.id ? h('small', {}, matched.text) : null,
    result.paramProblem ? h('small', { class: 'problem' }, lang === 'en' ? result.paramProblem.en : result.paramProblem.zh) : null,
  );
  li.addEventListener('click', open);
  return li;
}
