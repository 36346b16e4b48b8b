import { chmod, rm } from 'node:fs/promises';
import { createServer, type Server, type Socket } from 'node:net';
import { extensionIdFromOrigin } from '../../../src-shared/api/extension-messages';
import { HallError } from '../../../src-shared/errors';
import { ExtensionSession, type ExtensionPolicy } from './extension-session';
import { readJsonLines, writeJsonLine } from './json-lines';

export interface ExtensionLink {
  path: string;
  close(): Promise<void>;
}

/**
 * The app's end of the extension channel. Only the native-messaging host connects here: Chrome
 * starts it for the extension IDs its manifest allows and hands it the caller's origin, which the
 * host passes on as its first line. The socket is the user's alone (mode 0600); there is no TCP
 * port, so no web page can reach it.
 */
export async function startExtensionLink(policy: ExtensionPolicy, path: string): Promise<ExtensionLink> {
  if (process.platform !== 'win32') await rm(path, { force: true });
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    serve(socket, policy);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (e: NodeJS.ErrnoException) => reject(listenError(e, path)));
    server.listen(path, () => resolve());
  });
  if (process.platform !== 'win32') await chmod(path, 0o600);
  return {
    path,
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function serve(socket: Socket, policy: ExtensionPolicy): void {
  let session: ExtensionSession | null = null;
  socket.on('error', () => socket.destroy());
  socket.on('close', () => session?.close());
  readJsonLines(
    socket,
    (message) => {
      if (!session) {
        const origin = (message as { origin?: unknown } | undefined)?.origin;
        const id = typeof origin === 'string' ? extensionIdFromOrigin(origin) : null;
        if (!id) return void socket.destroy();
        session = new ExtensionSession(id, policy, (m) => writeJsonLine(socket, m));
        return;
      }
      // Not queued: a send waiting for the user's confirmation must not hold back a status request.
      session.handle(message).catch(() => socket.destroy());
    },
    () => {
      writeJsonLine(socket, { type: 'error', error: { code: 'extension.frame-too-large', zh: '扩展消息太大。', en: 'Extension message too large.' } });
      socket.destroy();
    },
  );
}

function listenError(e: NodeJS.ErrnoException, path: string): HallError {
  return new HallError(
    'extension.link-unavailable',
    { zh: `无法打开扩展通道（${e.code ?? e.message}）。`, en: `Cannot open the extension channel (${e.code ?? e.message}).` },
    { details: { path } },
  );
}
