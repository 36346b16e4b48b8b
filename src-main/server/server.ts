import { access } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { CoreApi } from '../../src-shared/api/contract';
import { HallError } from '../../src-shared/errors';
import { accessPolicy, isAllowedHost, isAllowedOrigin, pathOf, type AccessPolicy } from './access';
import { BrowserSessions } from './browser-sessions';
import { METRICS_PATH, serveMetrics, type MetricsSource } from './metrics';
import { REFUSALS, refuseUpgrade, securityHeaders, sendRefusal, type Refusal } from './responses';
import { readStaticFile } from './static-files';
import { API_PATH, createWebSocketApi, type ApiLimits } from './ws-api';

export interface StartServerOptions {
  core: CoreApi;
  /** The built UI (index.html and its assets). */
  staticDir: string;
  /** 0 (the default) takes any free port. */
  port?: number;
  /** Defaults: MAX_BUFFERED_BYTES unsent before a client is dropped, HELLO_DEADLINE_MS to present a credential. */
  limits?: Partial<ApiLimits>;
  /** Hears failures that were not HallErrors (bugs); clients only ever see 'internal'. Defaults to console.error. */
  onInternalError?: (error: unknown) => void;
  /** Opt-in: GET /metrics for Prometheus, behind its own bearer token (not the page's). */
  metrics?: MetricsSource;
}

export interface RunningServer {
  /**
   * Open this in a browser: http://127.0.0.1:PORT/#launch=… (a fragment never leaves the browser).
   * Its code is spent by the first page that opens it; the browser's history then holds a dead link.
   */
  url: string;
  port: number;
  /** Another one-time link, for another browser or a tab opened by hand (the CLI prints one on Enter). */
  newLaunchLink(): string;
  close(): Promise<void>;
}

/**
 * Sockets held at once, pages and their API connections included; past it, a new connection is
 * closed as it comes. A user's tabs need a few; a flood by another local user is bounded by it
 * instead of by the process's file descriptors. Tabs already welcomed keep theirs meanwhile.
 */
export const MAX_CONNECTIONS = 256;
const REQUEST_TIMEOUT_MS = 10_000;

/** Browser mode: the UI and the API on 127.0.0.1 only, for pages that opened one of this launch's links. */
export async function startServer(options: StartServerOptions): Promise<RunningServer> {
  await assertBuiltUi(options.staticDir);
  const onInternalError = options.onInternalError ?? ((error: unknown) => console.error(error));

  const server = createServer();
  // Another user of the machine may connect as often as they like: each socket is a file
  // descriptor of this process, which also opens the serial port and writes the settings.
  server.maxConnections = MAX_CONNECTIONS;
  // The UI's requests are small and local: a request still unsent after this is holding a socket on purpose.
  server.headersTimeout = REQUEST_TIMEOUT_MS;
  server.requestTimeout = REQUEST_TIMEOUT_MS;
  const port = await listen(server, options.port ?? 0);
  const policy = accessPolicy(port);
  const sessions = new BrowserSessions();
  const api = createWebSocketApi(options.core, sessions, onInternalError, options.limits);
  const newLaunchLink = () => `http://127.0.0.1:${port}/#launch=${sessions.newLaunchCode()}`;

  server.on('error', onInternalError);
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    if (options.metrics && pathOf(req.url ?? '/') === METRICS_PATH && isAllowedHost(policy, req)) {
      return serveMetrics(req, res, options.metrics);
    }
    serveHttp(req, res, policy, options.staticDir).catch((error: unknown) => {
      onInternalError(error);
      res.destroy();
    });
  });
  server.on('upgrade', (req, socket, head) => {
    // A peer that resets mid-handshake must not become an unhandled 'error' event.
    socket.on('error', () => {});
    const refusal = upgradeRefusal(req, policy);
    if (refusal) refuseUpgrade(socket, policy, refusal);
    else api.accept(req, socket, head);
  });

  return {
    url: newLaunchLink(),
    port,
    newLaunchLink,
    async close() {
      await api.close();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
  };
}

async function serveHttp(req: IncomingMessage, res: ServerResponse, policy: AccessPolicy, staticDir: string): Promise<void> {
  for (const [name, value] of Object.entries(securityHeaders(policy))) res.setHeader(name, value);
  const headOnly = req.method === 'HEAD';
  if (!isAllowedHost(policy, req)) return sendRefusal(res, REFUSALS.host, headOnly);
  if (req.method !== 'GET' && !headOnly) return sendRefusal(res, REFUSALS.method, false);

  // The UI's files are the same for everyone and grant nothing: no credential here, so none in any cookie or request line.
  const file = await readStaticFile(staticDir, pathOf(req.url ?? '/'));
  if (file === null) return sendRefusal(res, REFUSALS.notFound, headOnly);
  res.writeHead(200, {
    'Content-Type': file.contentType,
    'Content-Length': file.body.length,
    'Cache-Control': file.isIndex ? 'no-store' : 'no-cache',
  });
  res.end(headOnly ? undefined : file.body);
}

/** The credential is checked after the upgrade, in the connection's first message (ws-api). */
function upgradeRefusal(req: IncomingMessage, policy: AccessPolicy): Refusal | null {
  if (!isAllowedHost(policy, req)) return REFUSALS.host;
  if (pathOf(req.url ?? '/') !== API_PATH) return REFUSALS.notFound;
  return isAllowedOrigin(policy, req) ? null : REFUSALS.origin;
}

/** Without a built UI every page would be a 404: better to say so at start. */
async function assertBuiltUi(staticDir: string): Promise<void> {
  try {
    await access(join(staticDir, 'index.html'));
  } catch (error) {
    throw new HallError(
      'server.no-ui',
      { zh: `找不到界面文件：${staticDir} 里没有 index.html。`, en: `The UI is missing: there is no index.html in ${staticDir}.` },
      { action: { zh: '先构建界面（npm run build）。', en: 'Build the UI first (npm run build).' }, cause: error },
    );
  }
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const fail = (error: NodeJS.ErrnoException) => reject(listenError(error, port));
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', fail);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

function listenError(error: NodeJS.ErrnoException, port: number): HallError {
  if (error.code === 'EADDRINUSE') {
    return new HallError(
      'server.port-in-use',
      { zh: `端口 ${port} 已被占用。`, en: `Port ${port} is already in use.` },
      { action: { zh: '换一个端口，或用 0 让系统挑一个空闲端口。', en: 'Choose another port, or 0 to let the system pick a free one.' }, cause: error },
    );
  }
  return new HallError(
    'server.listen-failed',
    { zh: `无法在 127.0.0.1:${port} 上监听（${error.code ?? error.message}）。`, en: `Cannot listen on 127.0.0.1:${port} (${error.code ?? error.message}).` },
    { cause: error },
  );
}
