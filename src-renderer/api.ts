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
  const client = connectWebSocketApi(webSocketUrl(window.location));
  return { api: client, onConnectionChange: (cb) => client.onConnectionChange(cb) };
}

/**
 * `ws://<host>/api`, with the launch token when the page was opened with one. The server also
 * sets it as an HttpOnly cookie on that first load, so the token is then taken out of the address
 * bar (out of history and screenshots) and reloads authenticate with the cookie.
 */
function webSocketUrl(location: Location): string {
  const page = new URL(location.href);
  const token = page.searchParams.get('token');
  const url = new URL('/api', page);
  url.protocol = page.protocol === 'https:' ? 'wss:' : 'ws:';
  if (token) {
    url.searchParams.set('token', token);
    page.searchParams.delete('token');
    history.replaceState(history.state, '', page);
  }
  return url.href;
}
