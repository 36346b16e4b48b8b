import { coreApiFromBridge, type HallBridge } from '../src-shared/api/bridge';
import type { CoreApi } from '../src-shared/api/contract';
import { connectWebSocketApi, type ConnectionState } from '../src-shared/api/ws-client';
import { launchCodeOf, type Credential } from '../src-shared/api/ws-handshake';
import { holdLogEvents, type LogEvents } from './store/log-events';

export type { ConnectionState } from '../src-shared/api/ws-client';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in browser mode. */
    hall?: HallBridge;
  }
}

export interface CoreConnection {
  api: CoreApi;
  /** Hears the current state at once, then every change. */
  onConnectionChange(cb: (state: ConnectionState) => void): () => void;
  /** The log store's events, listened to from the moment the connection is made (the store itself loads later). */
  logEvents: LogEvents;
}

/** The Electron bridge when the preload put one there, else the browser-mode server's WebSocket. */
export function connectCore(): CoreConnection {
  if (window.hall) {
    const api = coreApiFromBridge(window.hall);
    // IPC to our own main process does not drop: it is open for the life of the page.
    return { api, onConnectionChange: (cb) => (cb('open'), () => {}), logEvents: holdLogEvents(api) };
  }
  const client = connectWebSocketApi(webSocketUrl(window.location), { credential: pageCredential(), onSession: keepSession });
  // Before the socket can deliver anything (it opens on a later turn).
  const logEvents = holdLogEvents(client);
  // A refused code is forgotten, so a reload falls back to this tab's session if it has one.
  client.onConnectionChange((state) => state === 'unauthorized' && sessionStorage.removeItem(LAUNCH_KEY));
  // A link opened in a tab where the app already runs changes only the fragment: no new page would
  // trade its code, which would then stay good in history. Load the page again to trade it.
  window.addEventListener('hashchange', () => launchCodeOf(window.location.hash) && window.location.reload());
  return { api: client, onConnectionChange: (cb) => client.onConnectionChange(cb), logEvents };
}

const SESSION_KEY = 'hall10086.session';
const LAUNCH_KEY = 'hall10086.launch';

/**
 * The printed link carries a one-time launch code in its fragment (`/#launch=…`), which the browser
 * never sends anywhere, but does keep in its history: so the code is traded, on the first
 * connection, for a session secret that never appears in an address. Both live only in this tab's
 * sessionStorage (a reload, a tab the browser duplicates and a tab opened by `openAnotherTab` keep
 * the session), and the code is taken out of the address bar at once. Until its welcome comes the
 * code is kept too, so a reload in that moment still trades it. No cookie ever holds either: a
 * cookie for 127.0.0.1 would go to every other local web service the user visits.
 */
function pageCredential(): Credential {
  const fromLink = launchCodeOf(window.location.hash);
  if (fromLink) {
    sessionStorage.setItem(LAUNCH_KEY, fromLink);
    history.replaceState(history.state, '', `${window.location.pathname}#/`);
  }
  const launch = sessionStorage.getItem(LAUNCH_KEY);
  if (launch) return { launch };
  // No session: an empty one, refused at once, so the page says what to do without waiting.
  return { session: sessionStorage.getItem(SESSION_KEY) ?? '' };
}

function keepSession(session: string): void {
  sessionStorage.setItem(SESSION_KEY, session);
  sessionStorage.removeItem(LAUNCH_KEY);
}

/**
 * Browser mode: this app in another tab. window.open with an opener copies this tab's
 * sessionStorage into the new one (as duplicating a tab does), so it is let in with this tab's
 * session, and no address with a secret is ever made.
 */
export function openAnotherTab(): void {
  window.open(`${window.location.pathname}#/`, '_blank');
}

/** Only browser mode has tabs to open; Electron has one window. */
export const canOpenAnotherTab = (): boolean => window.hall === undefined;

function webSocketUrl(location: Location): string {
  const url = new URL('/api', location.href);
  url.protocol = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return url.href;
}
