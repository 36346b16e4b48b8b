import { access } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { join } from 'node:path';
import type { CoreApi } from '../../src-shared/api/contract';
import { HallError } from '../../src-shared/errors';
import { accessPolicy, isAllowedHost, isAllowedOrigin, pathOf, type AccessPolicy } from './access';
import { BrowserSessions } from './browser-sessions';
import { listenOnLoopback } from './loopback';
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

/** Browser mode: the UI and the API on the loopback only (127.0.0.1, and [::1] so that `localhost` is ours too), for pages that opened one of this launch's links. */
export async function startServer(options: StartServerOptions): Promise<RunningServer> {
  await assertBuiltUi(options.staticDir);
  const onInternalError = options.onInternalError ?? ((error: unknown) => console.error(error));

  const { servers, port } = await listenOnLoopback(options.port ?? 0);
  const policy = accessPolicy(port);
  const sessions = new BrowserSessions();
  const api = createWebSocketApi(options.core, sessions, onInternalError, options.limits);
  const newLaunchLink = () => `http://127.0.0.1:${port}/#launch=${sessions.newLaunchCode()}`;

  const onRequest = (req: IncomingMessage, res: ServerResponse) => {
    if (options.metrics && pathOf(req.url ?? '/') === METRICS_PATH && isAllowedHost(policy, req)) {
      return serveMetrics(req, res, options.metrics);
    }
    serveHttp(req, res, policy, options.staticDir).catch((error: unknown) => {
      onInternalError(error);
      res.destroy();
    });
  };
  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    // A peer that resets mid-handshake must not become an unhandled 'error' event.
    socket.on('error', () => {});
    const refusal = upgradeRefusal(req, policy);
    if (refusal) refuseUpgrade(socket, policy, refusal);
    else api.accept(req, socket, head);
  };
  for (const server of servers) server.on('error', onInternalError).on('request', onRequest).on('upgrade', onUpgrade);

  return {
    url: newLaunchLink(),
    port,
    newLaunchLink,
    async close() {
      await api.close();
      await Promise.all(
        servers.map((server) => {
          const closed = new Promise<void>((resolve) => server.close(() => resolve()));
          server.closeAllConnections();
          return closed;
        }),
      );
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
