import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useId, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent as ReactKeyboardEvent, type ReactNode } from 'react';
import { SHORTCUTS } from '../shell/shortcuts';
import { DemoBadge } from '../components/DemoBadge';
import { ViewLoading } from '../components/ViewLoading';
import { useModems } from '../core/CoreProvider';
import { modemForSim, simLabel } from '../core/modems';
import { useErrorToast } from '../core/toasts';
import { useI18n } from '../prefs/PrefsProvider';
import { hallDb } from '../store/db';
import { HALL_PEER } from '../store/incoming-rows';
import { firstUnread, newestFailed } from '../store/queries';
import { useUnreadBySim } from '../store/unread-live';
import type { MessageRow } from '../store/rows';
// Part of this (lazy) chunk, not a chunk of its own: rolldown then splits the modules it shares with
// the start-up bundle out of that bundle, which costs the start-up ~3 KB gzip in extra requests.
import AssistantThread from './assistant/AssistantThread';
import { Composer } from './thread/Composer';
import { FailedSends, useLocalSim } from './thread/FailedSends';
import { LogSearch } from './thread/LogSearch';
import { MessageList } from './thread/MessageList';
import { setShownThread } from './thread/shown-thread';

interface SimTab {
  simId: string;
  operator: string | null;
  demo: boolean;
}

interface Props {
  simId: string | null;
  /** Opened from the SIM's "发送失败" badge: at its newest failed instruction, the focus on the notice. */
  showFailed?: boolean;
  /** The assistant's thread (小e) is the one shown, instead of a SIM's. */
  assistant: boolean;
  onSim(simId: string): void;
  onAssistant(): void;
  /** The menu's Search the log (Electron): `asked` until this view has opened its search, then `taken`. */
  logSearch?: { asked: boolean; taken(): void };
}

/** One chat with 10086 per SIM (SIMs stored in the log and SIMs in connected modems), and one with 小e. */
export default function ThreadView({ simId, showFailed = false, assistant, onSim, onAssistant, logSearch }: Props) {
  const { t } = useI18n();
  const db = hallDb();
  const { modems, sending } = useModems();
  const stored = useLiveQuery(() => db.sims.toArray(), [db]);
  const [searching, setSearching] = useState(false);
  const [focus, setFocus] = useState<MessageRow | null>(null);

  const tabs = useMemo<SimTab[]>(() => {
    const bySim = new Map<string, SimTab>();
    for (const s of [...(stored ?? [])].sort((a, b) => b.lastSeenAt - a.lastSeenAt)) bySim.set(s.simId, s);
    for (const m of modems) if (m.simId) bySim.set(m.simId, { simId: m.simId, operator: m.operator, demo: m.demo });
    return [...bySim.values()];
  }, [stored, modems]);

  const current = simId ?? sending?.simId ?? tabs[0]?.simId ?? null;
  const ids = useId();
  const header = useRef<HTMLElement>(null);

  // From the composer too (the key has modifiers, so it is never text); a second press while it is open goes back to its field.
  const openSearch = useCallback(() => {
    if (searching) header.current?.querySelector<HTMLInputElement>('.log-search input')?.focus();
    else setSearching(true);
  }, [searching]);
  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (e.isComposing || !SHORTCUTS.thread.search.is(e) || document.querySelector('dialog[open]')) return;
      e.preventDefault();
      openSearch();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [openSearch]);
  useEffect(() => {
    if (!logSearch?.asked || document.querySelector('dialog[open]')) return;
    logSearch.taken();
    openSearch();
  }, [logSearch, openSearch]);

  if (!stored) return <ViewLoading />;
  // The region is named as its heading: 小e's thread is not "the conversation with 10086".
  const title = assistant ? t('assistant.title') : t('thread.title', { peer: HALL_PEER });
  const simShown = (tab: SimTab) => !assistant && tab.simId === current;
  const assistantIds = tabIds(ids, null);
  return (
    <section className="view thread" aria-label={title}>
      <h1 className="visually-hidden">{title}</h1>
      {/* The search, open or not, comes before the tabs: the next Tab stop after the tab list is in its panel (WAI-ARIA's tabs). */}
      <header className="thread-header" ref={header}>
        <button type="button" onClick={() => setSearching((s) => !s)} aria-pressed={searching} aria-keyshortcuts={SHORTCUTS.thread.search.keys.join(' ')}>
          {t('thread.search')}
        </button>
        {searching && (
          <LogSearch
            db={db}
            onClose={() => setSearching(false)}
            onShow={(message) => {
              setSearching(false);
              setFocus(message);
              onSim(message.simId);
            }}
          />
        )}
        {/* One Tab stop (the open thread's tab; 小e's while no SIM's thread is open), the arrows between tabs: see moveAmongTabs. */}
        <div className="sim-tabs" role="tablist" aria-label={t('thread.sims')} onKeyDown={moveAmongTabs}>
          {tabs.map((tab) => (
            <SimTabButton key={tab.simId} ids={tabIds(ids, tab.simId)} tab={tab} selected={simShown(tab)} onSelect={() => onSim(tab.simId)} />
          ))}
          <button
            type="button"
            role="tab"
            id={assistantIds.tab}
            aria-controls={assistantIds.panel}
            aria-selected={assistant}
            tabIndex={assistant || !tabs.some((tab) => tab.simId === current) ? 0 : -1}
            className={assistant ? 'sim-tab selected' : 'sim-tab'}
            onClick={onAssistant}
          >
            {t('assistant.tab')}
          </button>
        </div>
      </header>
      {/* Every tab's panel is in the page (each aria-controls names one), only the selected one's holds its thread. */}
      {tabs.map((tab) => (
        <TabPanel key={tab.simId} ids={tabIds(ids, tab.simId)} shown={simShown(tab)}>
          <Thread key={tab.simId} simId={tab.simId} focus={focus?.simId === tab.simId ? focus : null} showFailed={showFailed && tab.simId === simId} />
        </TabPanel>
      ))}
      <TabPanel ids={assistantIds} shown={assistant}>
        <AssistantThread />
      </TabPanel>
      {!assistant && !current && <p className="empty">{t('thread.noSims')}</p>}
    </section>
  );
}

interface TabIds {
  tab: string;
  panel: string;
}

/** A tab's and its panel's ids, by SIM (null: 小e's), so they stay paired when the tabs reorder. */
function tabIds(base: string, simId: string | null): TabIds {
  const key = simId === null ? 'assistant' : `sim-${simId.replace(/[^\w-]/g, '_')}`;
  return { tab: `${base}tab-${key}`, panel: `${base}panel-${key}` };
}

/**
 * The region a tab opens, named by its tab, so a screen reader says which SIM's thread it is in. As WAI-ARIA's
 * tabs pattern asks, it is a Tab stop itself only while nothing in it can take the focus (an empty thread whose
 * modem is gone: a sentence and a disabled line); otherwise Tab goes from the tab straight to its first control.
 */
function TabPanel({ ids, shown, children }: { ids: TabIds; shown: boolean; children: ReactNode }) {
  const panel = useRef<HTMLDivElement>(null);
  const [holdsFocus, setHoldsFocus] = useState(false);
  useLayoutEffect(() => {
    const el = panel.current;
    if (!el || !shown) return;
    const look = () => setHoldsFocus(holdsFocusable(el));
    look();
    // A modem that comes or goes enables or disables the composer; a first message brings the list.
    const watch = new MutationObserver(look);
    watch.observe(el, { subtree: true, childList: true, attributes: true, attributeFilter: ['disabled', 'tabindex', 'hidden', 'href'] });
    return () => watch.disconnect();
  }, [shown]);
  return (
    <div ref={panel} role="tabpanel" id={ids.panel} aria-labelledby={ids.tab} tabIndex={holdsFocus ? undefined : 0} hidden={!shown} className="thread-panel">
      {shown && children}
    </div>
  );
}

const FOCUSABLE = 'a[href], button, input, select, textarea, [tabindex]';

/** Whether Tab can reach anything inside `el` (an enabled control or a focusable region, not hidden). */
function holdsFocusable(el: HTMLElement): boolean {
  return [...el.querySelectorAll<HTMLElement>(FOCUSABLE)].some((c) => c.tabIndex >= 0 && !(c as HTMLButtonElement).disabled && !c.closest('[hidden]'));
}

/**
 * The SIM tabs as WAI-ARIA's tabs pattern (manual activation): a screen reader says "tab, 1 of 3", and
 * ← / → / Home / End move between them while only the open thread's tab is a Tab stop; Enter or Space
 * opens the focused one (its composer then takes the focus). Before, the arrows did nothing and each SIM
 * was one more Tab stop between the header and the thread.
 */
function moveAmongTabs(e: ReactKeyboardEvent<HTMLDivElement>): void {
  const tabs = [...e.currentTarget.querySelectorAll<HTMLElement>('[role="tab"]')];
  const at = tabs.indexOf(document.activeElement as HTMLElement);
  if (at < 0) return;
  const keys = SHORTCUTS.tabs;
  const to = keys.next.is(e) ? (at + 1) % tabs.length : keys.previous.is(e) ? (at - 1 + tabs.length) % tabs.length : keys.first.is(e) ? 0 : keys.last.is(e) ? tabs.length - 1 : null;
  if (to === null) return;
  e.preventDefault();
  tabs[to]!.focus();
}

function SimTabButton({ ids, tab, selected, onSelect }: { ids: TabIds; tab: SimTab; selected: boolean; onSelect(): void }) {
  const { t } = useI18n();
  const unread = useUnreadBySim()?.get(tab.simId) ?? 0;
  return (
    <button type="button" role="tab" id={ids.tab} aria-controls={ids.panel} aria-selected={selected} tabIndex={selected ? 0 : -1} className={selected ? 'sim-tab selected' : 'sim-tab'} onClick={onSelect}>
      <span>{simLabel(tab.simId)}</span>
      {tab.operator && <span className="muted"> {tab.operator}</span>}
      {tab.demo && <DemoBadge />}
      {unread > 0 && (
        <span className="badge badge-unread" aria-label={t('thread.unread', { n: unread })}>
          {unread}
        </span>
      )}
    </button>
  );
}

function Thread({ simId, focus: searched, showFailed }: { simId: string; focus: MessageRow | null; showFailed: boolean }) {
  const db = hallDb();
  const reportError = useErrorToast();
  const { modems } = useModems();
  const sim = useLocalSim(simId);
  const failed = useLiveQuery(() => newestFailed(db, simId, HALL_PEER), [db, simId]);
  // The badge's way in scrolls to the newest failed instruction once; "Show" does it again (a new object each time).
  const [shown, setShown] = useState<MessageRow | null>(null);
  const [showFailedNow, setShowFailedNow] = useState(showFailed);
  useEffect(() => {
    if (!showFailedNow || failed === undefined) return;
    setShowFailedNow(false);
    if (failed) setShown({ ...failed });
  }, [showFailedNow, failed]);
  const focus = shown ?? searched;
  // Which thread is on screen, as drawn (a bare #/thread shows the first tab, which the route does not name): its log says its replies.
  useEffect(() => {
    setShownThread({ simId, atEnd: true });
    return () => setShownThread(null);
  }, [simId]);
  // Taken once when the thread opens, so the "new messages" line stays while it is read.
  const [firstUnreadId, setFirstUnreadId] = useState<string | null | undefined>(undefined);
  useEffect(() => {
    // Without the line (and with the error shown) rather than with no thread at all.
    firstUnread(db, simId, HALL_PEER).then(
      (m) => setFirstUnreadId(m?.id ?? null),
      (error: unknown) => {
        setFirstUnreadId(null);
        reportError(error);
      },
    );
  }, [db, simId, reportError]);

  return (
    <>
      {sim && (
        <FailedSends
          sim={sim}
          inLog={failed != null}
          takeFocus={showFailed}
          onShow={() => failed && setShown({ ...failed })}
          // The notice is gone: the focus goes to the thread it was about, not to the page's start.
          onDone={() => document.querySelector<HTMLElement>('.message-scroller')?.focus()}
        />
      )}
      {firstUnreadId !== undefined && <MessageList db={db} simId={simId} peer={HALL_PEER} firstUnreadId={firstUnreadId} focus={focus} />}
      <Composer modem={modemForSim(modems, simId)} />
    </>
  );
}
