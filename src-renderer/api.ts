import { coreApiFromBridge, type HallBridge } from '../src-shared/api/bridge';
import type { CoreApi } from '../src-shared/api/contract';
import { connectWebSocketApi, type ConnectionState } from '../src-shared/api/ws-client';

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
}

/** The Electron bridge when the preload put one there, else the browser-mode server's WebSocket. */
export function connectCore(): CoreConnection {
  if (window.hall) {
    const api = coreApiFromBridge(window.hall);
    // IPC to our own main process does not drop: it is open for the life of the page.
    return { api, onConnectionChange: (cb) => (cb('open'), () => {}) };
  }
  const client = connectWebSocketApi(webSocketUrl(window.location), { token: launchToken() });
  return { api: client, onConnectionChange: (cb) => client.onConnectionChange(cb) };
}

const TOKEN_KEY = 'hall10086.token';

/**
 * The launch token arrives in the address's fragment (`/#token=…`), which the browser never sends
 * anywhere: not to our server, not in a Referer. It is kept in this tab's sessionStorage (so a
 * reload, and a tab the browser duplicates, still have it) and taken out of the address bar, out of
 * history and screenshots. Another tab is opened with the printed link again. No cookie ever holds
 * it: a cookie for 127.0.0.1 would go to every other local web service the user visits.
 */
function launchToken(): string {
  const fromLink = /^#token=([A-Za-z0-9_-]+)$/.exec(window.location.hash)?.[1];
  if (fromLink) {
    sessionStorage.setItem(TOKEN_KEY, fromLink);
    history.replaceState(history.state, '', `${window.location.pathname}#/`);
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

function webSocketUrl(location: Location): string {
  const url = new URL('/api', location.href);
  url.protocol = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return url.href;
}
