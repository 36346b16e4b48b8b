import { useEffect, useState } from 'react';
import { useFocusReturn } from '../../components/focus-return';
import { Highlighted } from '../../components/Highlighted';
import { simLabel } from '../../core/modems';
import { useErrorToast } from '../../core/toasts';
import { useI18n } from '../../prefs/PrefsProvider';
import type { HallDb } from '../../store/db';
import { HALL_PEER } from '../../store/incoming-rows';
import { logTextIndex } from '../../store/log-index';
import type { MessageRow } from '../../store/rows';
import { SHORTCUTS } from '../../shell/shortcuts';
import { NETWORK_OFFSET_MIN, offsetOf } from './network-zone';
import { NetworkTime } from './NetworkTime';

const MAX_RESULTS = 200;

/** Finds text in every stored message; a hit in a 10086 thread can be shown in place. Closed, it gives the focus back to the button that opened it. */
export function LogSearch({ db, onShow, onClose }: { db: HallDb; onShow(message: MessageRow): void; onClose(): void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const reportError = useErrorToast();
  useFocusReturn();
  const [query, setQuery] = useState('');
  // With the query they answer: while a newer one runs, the shown rows keep their own highlights.
  const [results, setResults] = useState<{ query: string; rows: MessageRow[] } | null>(null);

  // Reading a large log's text takes a moment, once: until then the panel says so.
  const [loaded, setLoaded] = useState(false);
  useEffect(() => {
    void logTextIndex(db)
      .warm()
      .catch(reportError)
      .finally(() => setLoaded(true));
  }, [db, reportError]);

  useEffect(() => {
    if (!query.trim()) return setResults(null);
    // A search over the in-memory text takes a few milliseconds: every keystroke gets its answer.
    let current = true;
    logTextIndex(db)
      .search(query, MAX_RESULTS)
      .then(
        (rows) => current && setResults({ query, rows }),
        (error: unknown) => current && reportError(error),
      );
    return () => {
      current = false;
    };
  }, [db, query, reportError]);

  const now = Date.now();
  return (
    <section
      className="log-search"
      aria-label={t('thread.search')}
      // From anywhere in it (its field, Close, a result's button), as the shortcuts page says, and as the other panels do.
      onKeyDown={(e) => {
        if (SHORTCUTS.panel.close.is(e) && !e.nativeEvent.isComposing) {
          e.preventDefault();
          onClose();
        }
      }}
    >
      <div className="log-search-bar">
        <input
          type="search"
          aria-label={t('thread.search')}
          placeholder={t('thread.searchPlaceholder')}
          autoFocus
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        <button type="button" onClick={onClose}>
          {t('thread.searchClose')}
        </button>
      </div>
      {!loaded && query.trim() && !results && (
        <p className="muted log-search-loading" role="status">
          {t('thread.searchLoading')}
        </p>
      )}
      {results && (
        <>
          <p className="result-count" aria-live="polite" data-query={results.query}>
            {results.rows.length ? t('thread.searchResults', { n: results.rows.length, max: MAX_RESULTS }) : t('thread.searchNone', { q: results.query.trim() })}
          </p>
          <ul className="log-results">
            {results.rows.map((m) => (
              <li key={m.id} className={`log-result ${m.direction}`}>
                <p className="muted">
                  <NetworkTime at={m.at} zone={offsetOf(m.timestamp) ?? NETWORK_OFFSET_MIN} now={now} /> · {simLabel(m.simId)}{m.peer !== HALL_PEER && ` · ${t('thread.otherPeer', { peer: m.peer })}`}
                </p>
                <p className="bubble-text">
                  <Highlighted text={m.text} query={results.query} />
                </p>
                {m.peer === HALL_PEER && (
                  <button type="button" className="link" onClick={() => onShow(m)}>
                    {t('thread.showInThread')}
                  </button>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
