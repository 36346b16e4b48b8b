import { lazy, Suspense, useCallback, useEffect, useLayoutEffect, useState, type ReactNode } from 'react';
import type { UiCommand } from '../src-shared/api/ui-commands';
import type { CoreConnection } from './api';
import { ErrorBoundary } from './components/ErrorBoundary';
import { ViewLoading } from './components/ViewLoading';
import { CoreProvider, useCore, whenIdle } from './core/CoreProvider';
import { ToastProvider, useToast } from './core/toasts';
import type { StringKey } from './i18n';
import { PrefsProvider, useI18n } from './prefs/PrefsProvider';
import { ApprovalPrompt } from './shell/ApprovalPrompt';
import { routeHash, type Route, type View } from './shell/route';
import { commandForKey, onMenuCommand } from './shell/commands';
import { SHORTCUTS, VIEW_ORDER, viewKey } from './shell/shortcuts';
import { StatusLine } from './shell/StatusLine';
import { holdTyped, useTypedDropped } from './shell/typed-ahead';
import { useRoute } from './shell/use-route';
import { CatalogView } from './views/CatalogView';
import { InstructionView } from './views/InstructionView';

// Everything but the catalog loads after it: start-up needs only the search.
const VIEW_CODE = {
  thread: () => import('./views/ThreadView'),
  modem: () => import('./views/ModemView'),
  settings: () => import('./views/SettingsView'),
  overview: () => import('./views/OverviewView'),
};
const ThreadView = lazy(VIEW_CODE.thread);
const ModemView = lazy(VIEW_CODE.modem);
const SettingsView = lazy(VIEW_CODE.settings);
const UnreadBadge = lazy(() => import('./shell/UnreadBadge'));
const NewReplyNews = lazy(() => import('./shell/UnreadBadge').then((m) => ({ default: m.NewReplyNews })));
const OverviewView = lazy(VIEW_CODE.overview);
const OverviewBadge = lazy(() => import('./shell/OverviewBadge'));
const ShortcutsDialog = lazy(() => import('./shell/ShortcutsDialog'));

export function App({ connection }: { connection: CoreConnection }) {
  return (
    <PrefsProvider>
      <ToastProvider>
        <CoreProvider connection={connection}>
          <Shell />
        </CoreProvider>
      </ToastProvider>
    </PrefsProvider>
  );
}

const NAV_ENTRIES: Record<(typeof VIEW_ORDER)[number], { view: View; label: StringKey; route: Route }> = {
  catalog: { view: 'catalog', label: 'nav.catalog', route: { view: 'catalog' } },
  thread: { view: 'thread', label: 'nav.thread', route: { view: 'thread', simId: null } },
  modem: { view: 'modem', label: 'nav.modem', route: { view: 'modem' } },
  settings: { view: 'settings', label: 'nav.settings', route: { view: 'settings' } },
  overview: { view: 'overview', label: 'nav.overview', route: { view: 'overview' } },
};
/** In the shortcut table's order, so Alt+n opens the n-th. */
const NAV = VIEW_ORDER.map((v) => NAV_ENTRIES[v]);

/** The navigation entry a route belongs to. */
function sectionOf(route: Route): View {
  if (route.view === 'instruction' || route.view === 'search') return 'catalog';
  if (route.view === 'assistant') return 'thread';
  return route.view;
}

function Shell() {
  const { t, lang } = useI18n();
  const [route, navigate] = useRoute();
  const [query, setQuery] = useState('');
  const [shortcutsOpen, setShortcutsOpen] = useState(false);
  const section = sectionOf(route);
  // The badge reads the log store: it waits until the store has loaded, after the catalog is usable.
  const { api, ingest } = useCore();
  const storeLoaded = ingest !== null;
  // Keys typed while a view loaded that no line took (the thread with no SIM tab yet): said, not kept for later.
  const toast = useToast();
  useTypedDropped(useCallback((n: number) => toast('warning', t('typed.dropped', { n })), [toast, t]));
  // One handler for the page's keys and the Electron menu: each command does the same from either.
  // Asked by the menu, for the thread view to open its log search once shown (it may not be yet).
  const [logSearchAsked, setLogSearchAsked] = useState(false);
  const run = useCallback(
    (command: UiCommand) => {
      if (command === 'shortcuts.open') setShortcutsOpen(true);
      if (command === 'logSearch.open') {
        if (route.view !== 'thread' && route.view !== 'assistant') navigate({ view: 'thread', simId: null });
        setLogSearchAsked(true);
      }
    },
    [route.view, navigate],
  );
  useEffect(() => onMenuCommand(api, run), [api, run]);
  // The desktop menu speaks the language chosen here, told at start and on each change (an older core
  // that does not know the call leaves the menu as it was, which is no reason to bother the user).
  useEffect(() => {
    api.call('ui.language', { lang }).catch(() => undefined);
  }, [api, lang]);

  // A link to a search (under a reply 10086 did not understand) fills the catalog's search box.
  useEffect(() => {
    if (route.view !== 'search') return;
    setQuery(route.q);
    navigate({ view: 'catalog' });
  }, [route, navigate]);

  // Every view's code is fetched once the page is idle: in browser mode a view first opened after the
  // server stopped could not be fetched any more (the page showed an error with a Reload that fails).
  useEffect(() => {
    const idle = whenIdle(() => Object.values(VIEW_CODE).forEach((load) => load().catch(() => {})));
    return idle.cancel;
  }, []);

  // Another view: where the focus was (the composer, say) is gone with the old one. The keyboard
  // carries on from the new view's main area, unless the view took the focus itself (its search box).
  useEffect(() => {
    const main = document.getElementById('main');
    if (main && (document.activeElement === null || document.activeElement === document.body)) main.focus({ preventScroll: true });
  }, [section]);

  // Listening from the commit that shows the view (a layout effect): an effect runs after the paint, and a key pressed
  // as the page first showed (or as a view came by a non-key route change) was lost (flaky50).
  useLayoutEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.isComposing) return;
      const typing = e.target instanceof HTMLElement && e.target.matches('input, textarea, select, [contenteditable]');
      const dialogOpen = document.querySelector('dialog[open]') !== null;
      const view = viewKey(e);
      if (view !== null) {
        e.preventDefault();
        if (route.view === 'catalog' && view === 0) selectSearch();
        else navigate(NAV[view]!.route);
      } else if (SHORTCUTS.anywhere.search.is(e) && !typing && !dialogOpen) {
        e.preventDefault();
        if (route.view === 'catalog') selectSearch();
        else navigate({ view: 'catalog' });
      } else {
        const command = commandForKey(e, { typing, dialogOpen });
        if (command !== null) {
          e.preventDefault();
          run(command);
        } else if (!typing && !dialogOpen && holdTyped(e)) e.preventDefault();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [navigate, route.view, run]);

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t('app.skip')}
      </a>
      <header className="app-header">
        <p className="app-title">{t('app.title')}</p>
        <nav aria-label={t('nav.label')}>
          {NAV.map((item, i) => (
            <a
              key={item.view}
              href={routeHash(item.route)}
              aria-current={section === item.view ? 'page' : undefined}
              title={t('nav.shortcut', { n: i + 1 })}
              aria-keyshortcuts={SHORTCUTS.anywhere.views.keys[i]}
            >
              {t(item.label)}
              {/* A badge whose code cannot be fetched (the server stopped, a new build replaced it) is left out, not the page. */}
              {item.view === 'thread' && storeLoaded && (
                <ErrorBoundary fallback={null}>
                  <Suspense fallback={null}>
                    <UnreadBadge />
                  </Suspense>
                </ErrorBoundary>
              )}
              {item.view === 'overview' && storeLoaded && (
                <ErrorBoundary fallback={null}>
                  <Suspense fallback={null}>
                    <OverviewBadge />
                  </Suspense>
                </ErrorBoundary>
              )}
            </a>
          ))}
        </nav>
        <StatusLine />
        <button type="button" className="shortcuts-button" aria-label={t('keys.title')} title={`${t('keys.title')} (?)`} aria-keyshortcuts={SHORTCUTS.anywhere.help.keys.join(' ')} aria-haspopup="dialog" onClick={() => run('shortcuts.open')}>
          ?
        </button>
      </header>
      <main id="main" tabIndex={-1}>
        <ErrorBoundary key={section} fallback={<ViewFailed />}>
          <Suspense fallback={<ViewLoading />}>{viewFor(route, navigate, query, setQuery, { asked: logSearchAsked, taken: () => setLogSearchAsked(false) })}</Suspense>
        </ErrorBoundary>
      </main>
      {storeLoaded && (
        <ErrorBoundary fallback={null}>
          <Suspense fallback={null}>
            <NewReplyNews />
          </Suspense>
        </ErrorBoundary>
      )}
      <ApprovalPrompt />
      {shortcutsOpen && (
        <ErrorBoundary fallback={null}>
          <Suspense fallback={null}>
            <ShortcutsDialog onClose={() => setShortcutsOpen(false)} />
          </Suspense>
        </ErrorBoundary>
      )}
    </div>
  );
}

/** The search box focused with its text selected: what is typed next replaces the last query. */
function selectSearch(): void {
  const search = document.getElementById('catalog-search');
  if (search instanceof HTMLInputElement) {
    search.focus();
    search.select();
  }
}

function viewFor(
  route: Route,
  navigate: (r: Route) => void,
  query: string,
  setQuery: (q: string) => void,
  logSearch: { asked: boolean; taken(): void },
): ReactNode {
  switch (route.view) {
    case 'catalog':
      return <CatalogView query={query} onQuery={setQuery} onOpen={(id) => navigate({ view: 'instruction', id })} />;
    case 'instruction':
      return (
        <InstructionView
          id={route.id}
          query={query}
          onBack={() => navigate({ view: 'catalog' })}
          onOpen={(id) => navigate({ view: 'instruction', id })}
          onSent={(simId) => navigate({ view: 'thread', simId })}
        />
      );
    case 'thread':
    case 'assistant':
      return (
        <ThreadView
          simId={route.view === 'thread' ? route.simId : null}
          showFailed={route.view === 'thread' && route.show === 'failed'}
          assistant={route.view === 'assistant'}
          onSim={(simId) => navigate({ view: 'thread', simId })}
          onAssistant={() => navigate({ view: 'assistant' })}
          logSearch={logSearch}
        />
      );
    case 'overview':
      return <OverviewView />;
    case 'modem':
      return <ModemView />;
    case 'settings':
      return <SettingsView />;
  }
}

/**
 * A view that could not be shown. While the core is out of reach it is most likely its code that could
 * not be fetched (browser mode's server stopped): a reload would lose the page, so the page loads again
 * by itself once the core is back.
 */
function ViewFailed() {
  const { t } = useI18n();
  const { reach } = useCore();
  const [lost, setLost] = useState(reach === 'lost');
  useEffect(() => {
    if (reach === 'lost') setLost(true);
    else if (reach === 'open' && lost) window.location.reload();
  }, [reach, lost]);
  if (reach === 'lost') {
    return (
      <div className="view empty" role="alert">
        <p>{t('error.viewWhileLost')}</p>
      </div>
    );
  }
  return (
    <div className="view empty" role="alert">
      <p>{t('error.view')}</p>
      <button type="button" onClick={() => window.location.reload()}>
        {t('error.reload')}
      </button>
    </div>
  );
}
