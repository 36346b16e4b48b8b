import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HallError } from '../../src-shared/errors';

/**
 * Sockets held at once per address, pages and their API connections included; past it, a new
 * connection is closed as it comes. A user's tabs need a few; a flood by another local user is
 * bounded by it instead of by the process's file descriptors. Tabs already welcomed keep theirs.
 */
export const MAX_CONNECTIONS = 256;
const REQUEST_TIMEOUT_MS = 10_000;
/** Random ports tried when another program holds [::1] on the one the system gave. */
const PORT_ATTEMPTS = 5;

/**
 * Listens on 127.0.0.1:PORT, and on [::1]:PORT too where the machine has IPv6. Browsers open
 * `localhost:PORT` at [::1] first (Chromium goes there, and stays there, when something listens):
 * any user of the machine may bind [::1]:PORT, so a server on 127.0.0.1 alone left `localhost` to
 * them, with the page, what is typed into it and a launch code pasted in. Holding both, nobody
 * else can. Port 0 picks a port free on both; a given port held on [::1] by another program is
 * refused as in use.
 */
export async function listenOnLoopback(port: number): Promise<{ servers: Server[]; port: number }> {
  for (let attempt = 1; ; attempt++) {
    const v4 = newServer();
    const bound = await listen(v4, port, '127.0.0.1').catch((error: NodeJS.ErrnoException) => {
      throw listenError(error, port, '127.0.0.1');
    });
    const v6 = newServer();
    try {
      await listen(v6, bound, '::1');
      return { servers: [v4, v6], port: bound };
    } catch (e) {
      const error = e as NodeJS.ErrnoException;
      // No IPv6 loopback here: then nobody can hold [::1] either.
      if (error.code === 'EADDRNOTAVAIL' || error.code === 'EAFNOSUPPORT') return { servers: [v4], port: bound };
      await new Promise((resolve) => v4.close(resolve));
      if (port !== 0 || attempt === PORT_ATTEMPTS) throw listenError(error, bound, '[::1]');
    }
  }
}

function newServer(): Server {
  const server = createServer();
  server.maxConnections = MAX_CONNECTIONS;
  // The UI's requests are small and local: a request still unsent after this is holding a socket on purpose.
  server.headersTimeout = REQUEST_TIMEOUT_MS;
  server.requestTimeout = REQUEST_TIMEOUT_MS;
  return server;
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

function listenError(error: NodeJS.ErrnoException, port: number, host: string): HallError {
  if (error.code === 'EADDRINUSE') {
    const where = host === '[::1]' ? { zh: `（在 [::1] 上，localhost:${port} 会打开那个程序而不是 Hall10086）`, en: ` (on [::1]: localhost:${port} would open that program instead of Hall10086)` } : { zh: '', en: '' };
    return new HallError(
      'server.port-in-use',
      { zh: `端口 ${port} 已被占用${where.zh}。`, en: `Port ${port} is already in use${where.en}.` },
      { action: { zh: '换一个端口，或用 0 让系统挑一个空闲端口。', en: 'Choose another port, or 0 to let the system pick a free one.' }, cause: error },
    );
  }
  return new HallError(
    'server.listen-failed',
    { zh: `无法在 ${host}:${port} 上监听（${error.code ?? error.message}）。`, en: `Cannot listen on ${host}:${port} (${error.code ?? error.message}).` },
    { cause: error },
  );
}
