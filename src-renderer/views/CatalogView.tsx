import { useDeferredValue, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { whenIdle } from '../core/CoreProvider';
import type { Instruction } from '../../src-shared/catalog/schema';
import type { MatchField } from '../../src-shared/search';
import { useActiveCatalog } from '../catalog/active-catalog';
import { catalogSearch } from '../catalog/catalog-search';
import { matchNote } from '../catalog/match-note';
import { instructionCode } from '../catalog/param-check';
import { Highlighted } from '../components/Highlighted';
import { bilingual } from '../i18n';
import { useI18n } from '../prefs/PrefsProvider';
import { arrowStep, SHORTCUTS } from '../shell/shortcuts';
import { undoKeyLabel } from '../shell/platform';

interface Row {
  instruction: Instruction;
  matched?: { field: MatchField; text: string };
  category?: string;
  /** False for a search guess, shown as "maybe". */
  confident?: boolean;
  /** What is wrong with a parameter typed with the instruction, in both languages. */
  paramProblem?: { zh: string; en: string };
}

const RESULT_LIMIT = 20;

/** Rows by category, in order, each with its place in the whole list (↑/↓ move through them all); a search's rows are one group of none. */
function groupsOf(rows: readonly Row[]): { category: string | null; rows: { row: Row; index: number }[] }[] {
  const groups: { category: string | null; rows: { row: Row; index: number }[] }[] = [];
  rows.forEach((row, index) => {
    if (row.category !== undefined || groups.length === 0) groups.push({ category: row.category ?? null, rows: [] });
    groups.at(-1)!.rows.push({ row, index });
  });
  return groups;
}

/** Search as you type, over the catalog in the page; with no query, every instruction by category. */
export function CatalogView({ query, onQuery, onOpen }: { query: string; onQuery(q: string): void; onOpen(id: string): void }) {
  const { t, lang } = useI18n();
  const input = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLUListElement>(null);
  const [active, setActive] = useState(0);
  const catalog = useActiveCatalog();
  // What Esc last emptied, until something is typed: the browser's own undo knows nothing of a value React set.
  const [cleared, setCleared] = useState<string | null>(null);

  const searching = query.trim() !== '';
  // The whole catalog's rows are first drawn in a render of their own, after the search box is up: one
  // typing at once gets the box sooner, and the answer to the query without the whole list drawn first.
  const listDrawn = useDeferredValue(true, false);
  const shown = searching || listDrawn;
  const rows = useMemo<Row[]>(() => {
    if (searching) {
      return catalogSearch()
        .search(query, RESULT_LIMIT)
        .map((r) => ({ instruction: r.instruction, matched: r.matched, confident: r.confident, ...(r.paramProblem ? { paramProblem: r.paramProblem } : {}) }));
    }
    return catalog.data.categories.flatMap((c) =>
      catalog.instructions.filter((i) => i.category === c.id).map((instruction, k) => ({ instruction, ...(k === 0 ? { category: c.id } : {}) })),
    );
  }, [query, searching, catalog]);

  useEffect(() => setActive(0), [query]);
  // Back on the search (Alt+1, the nav link, Esc from an instruction): the old query is selected, so typing replaces it.
  useEffect(() => input.current?.select(), []);
  // Build the search index in the first quiet moment, so the first keystroke does not wait for it.
  useEffect(() => whenIdle(() => void catalogSearch()).cancel, []);
  useEffect(() => {
    list.current?.querySelector(`[data-row="${active}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [active]);

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    // Keys that pick a candidate in a Chinese input method are not ours.
    if (e.nativeEvent.isComposing) return;
    const keys = SHORTCUTS.catalog;
    if (keys.choose.is(e)) {
      e.preventDefault();
      const step = arrowStep(e);
      setActive((a) => (rows.length ? (a + step + rows.length) % rows.length : 0));
    } else if (keys.open.is(e)) {
      const row = rows[active];
      if (row) onOpen(row.instruction.id);
    } else if (keys.clear.is(e)) {
      e.preventDefault();
      // Never a password back (a query may be a typed instruction with its passwords): as the composer's line.
      setCleared(query.trim() && catalog.secretSpans(query).length === 0 ? query : null);
      onQuery('');
    } else if (keys.undo.is(e) && cleared !== null && !query) {
      e.preventDefault();
      onQuery(cleared);
      setCleared(null);
    }
  };

  const optionId = (i: number) => `catalog-option-${i}`;
  return (
    <section className="catalog view" aria-labelledby="catalog-heading">
      <h1 id="catalog-heading" className="visually-hidden">
        {t('nav.catalog')}
      </h1>
      <div className="search-box">
        <input
          ref={input}
          id="catalog-search"
          type="search"
          role="combobox"
          aria-label={t('catalog.label')}
          aria-expanded="true"
          aria-controls="catalog-results"
          aria-activedescendant={shown && rows.length ? optionId(active) : undefined}
          aria-autocomplete="list"
          aria-keyshortcuts={SHORTCUTS.anywhere.search.keys.join(' ')}
          placeholder={t('catalog.placeholder')}
          autoFocus
          autoComplete="off"
          spellCheck={false}
          value={query}
          onChange={(e) => {
            setCleared(null);
            onQuery(e.target.value);
          }}
          onKeyDown={onKeyDown}
          aria-describedby="catalog-search-note"
        />
        <p id="catalog-search-note" className="hint">
          <span role="status">{cleared !== null && !query ? t('catalog.cleared', { undo: undoKeyLabel() }) : ''}</span>
          {cleared !== null && !query ? '' : t('catalog.keys')}
        </p>
      </div>
      <p className="result-count" aria-live="polite">
        {searching ? (rows.length ? t('catalog.results', { n: rows.length }) : '') : t('catalog.all', { n: rows.length })}
      </p>
      {searching && rows.length > 0 && rows[0]!.confident === false && (
        <p className="hint unsure" role="status">
          {t('catalog.unsure')}
        </p>
      )}
      {searching && rows.length === 0 ? (
        <div className="empty">
          <p>{t('catalog.noResults', { q: query.trim() })}</p>
        </div>
      ) : (
        <ul id="catalog-results" ref={list} className="results" role="listbox" aria-label={t('catalog.label')}>
          {shown && groupsOf(rows).map((group) => {
            const options = group.rows.map(({ row, index }) => (
              <ResultRow
                key={row.instruction.id}
                row={row}
                index={index}
                id={optionId(index)}
                query={query}
                active={index === active}
                onOpen={() => onOpen(row.instruction.id)}
                onHover={() => setActive(index)}
              />
            ));
            if (group.category === null) return options;
            // A category is a group of options named by its heading (as Radix Select's Group and Label):
            // a screen reader says which group the option it reaches is in.
            const headingId = `catalog-group-${group.category}`;
            return (
              <li key={group.category} role="none">
                <div role="group" aria-labelledby={headingId}>
                  <div id={headingId} className="category-heading" aria-hidden="true">
                    {catalog.categoryName(group.category, lang)}
                  </div>
                  <ul role="none" className="results">
                    {options}
                  </ul>
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

function ResultRow(props: {
  row: Row;
  index: number;
  id: string;
  query: string;
  active: boolean;
  onOpen(): void;
  onHover(): void;
}) {
  const { t, lang } = useI18n();
  const { instruction, matched } = props.row;
  const name = instruction.name[lang];
  const note = useMemo(() => matchNote(instruction, matched, props.query, lang), [instruction, matched, props.query, lang]);
  return (
    <li
      id={props.id}
      data-row={props.index}
      role="option"
      aria-selected={props.active}
      className={props.active ? 'result active' : 'result'}
      onClick={props.onOpen}
      onMouseMove={props.onHover}
    >
      <span className="code">
        <Highlighted text={instructionCode(instruction)} query={props.query} codeLike />
      </span>
      <span className="result-main">
        <span className="result-name">
          {props.row.confident === false && <span className="badge badge-maybe">{t('catalog.maybe')}</span>}
          <Highlighted text={name} query={props.query} />
        </span>
        <span className="result-summary">{instruction.summary[lang]}</span>
        {note !== null && <span className="result-matched">{t('catalog.matchedBy', { text: note })}</span>}
        {props.row.paramProblem && (
          <span className="result-problem" role="note">
            {t('catalog.paramProblem', { problem: bilingual(lang, props.row.paramProblem) })}
          </span>
        )}
      </span>
      <span className="result-badges">
        {instruction.params.length > 0 && <span className="badge">{t('catalog.needsParams')}</span>}
        {instruction.risk.confirm && <span className="badge badge-risk">{t('catalog.risky')}</span>}
      </span>
    </li>
  );
}
