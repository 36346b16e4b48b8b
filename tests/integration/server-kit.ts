import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { request, type IncomingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WebSocket as NodeWebSocket, type ClientOptions } from 'ws';
import { encodeHello, launchCodeOf, welcomeOf, type Credential } from '../../src-shared/api/ws-handshake';
import type { RunningServer } from '../../src-main/server';

export const INDEX_HTML = '<!doctype html><title>Hall10086</title><script type="module" src="/assets/app.js"></script>';
export const SECRET = 'TOP-SECRET-OUTSIDE-THE-ROOT';

/**
 * A built-UI folder (`ui/`) with things worth stealing right outside it: a package.json and a
 * secret file next to it, and a symlink inside pointing out.
 */
export async function makeSite(): Promise<{ root: string; remove: () => Promise<void> }> {
  const base = await mkdtemp(join(tmpdir(), 'hall10086-server-'));
  const root = join(base, 'ui');
  await mkdir(join(root, 'assets'), { recursive: true });
  await writeFile(join(root, 'index.html'), INDEX_HTML);
  await writeFile(join(root, 'assets', 'app.js'), 'console.log("app");');
  await writeFile(join(root, 'assets', 'style.css'), 'body{margin:0}');
  await writeFile(join(root, 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  await writeFile(join(root, 'data.bin'), 'opaque');
  await writeFile(join(root, '.env'), SECRET);
  await writeFile(join(base, 'package.json'), JSON.stringify({ name: SECRET }));
  await writeFile(join(base, 'secret.txt'), SECRET);
  await symlink(base, join(root, 'link-out'));
  return { root, remove: () => rm(base, { recursive: true, force: true }) };
}

export interface HttpAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A raw HTTP request: the path goes out exactly as written (no `..` resolution) and any Host header can be sent. */
export function httpRequest(port: number, path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method, headers: { host: `127.0.0.1:${port}`, ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** Opens a WebSocket with full control of the handshake; resolves with the socket, or the HTTP status of a refusal. */
export function openRawSocket(url: string, options: ClientOptions): Promise<NodeWebSocket | number> {
  return new Promise((resolve, reject) => {
    const socket = new NodeWebSocket(url, options);
    socket.once('open', () => resolve(socket));
    socket.once('unexpected-response', (req, res) => {
      resolve(res.statusCode ?? 0);
      res.resume();
      req.destroy();
    });
    // After a refusal, ws may still report the aborted request: it must not become an unhandled 'error'.
    socket.on('error', reject);
  });
}

export async function openSocket(url: string, options: ClientOptions): Promise<NodeWebSocket> {
  const outcome = await openRawSocket(url, options);
  if (typeof outcome === 'number') throw new Error(`handshake refused with ${outcome}`);
  return outcome;
}

/** A fresh one-time launch code of a running server, as its next printed link would carry. */
export function launchCode(server: RunningServer): { launch: string } {
  return { launch: launchCodeOf(server.newLaunchLink())! };
}

/**
 * Opens a WebSocket and presents a credential (by default a fresh launch code) as its first
 * message; resolves once the server has welcomed it, with the session a launch code was traded for.
 */
export async function openWelcomed(url: string, credential: Credential, options: ClientOptions): Promise<NodeWebSocket & { session: string | null }> {
  const socket = await openSocket(url, options);
  const welcome = new Promise<string>((resolve) => socket.once('message', (data) => resolve(data.toString())));
  socket.send(encodeHello(credential));
  const first = await welcome;
  const welcomed = welcomeOf(first);
  if (welcomed === null) throw new Error(`expected the welcome, got ${first}`);
  return Object.assign(socket, { session: welcomed.session });
}

/** Resolves with the close code and reason once the server has closed the connection. */
export function closed(socket: NodeWebSocket): Promise<{ code: number; reason: string }> {
  return new Promise((resolve) => {
    if (socket.readyState === NodeWebSocket.CLOSED) return resolve({ code: 1006, reason: '' });
    socket.once('close', (code, reason) => resolve({ code, reason: reason.toString() }));
  });
}

/** The next text message, parsed. */
export function nextMessage(socket: NodeWebSocket): Promise<unknown> {
  return new Promise((resolve) => socket.once('message', (data) => resolve(JSON.parse(data.toString()))));
}
