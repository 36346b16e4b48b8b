import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { runNativeHost } from '../../src-main/native-host/host';
import { encodeNativeFrame } from '../../src-shared/api/native-framing';
import { HOST_BIN } from './native-host-kit';

let cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanup.reverse()) await c().catch(() => undefined);
  cleanup = [];
});

/**
 * review40's suspicion, mend47: when Chrome closes the port (the host's stdin ends), the host destroyed its socket to
 * the app at once, and what it had written but the app had not yet taken (the app busy, the socket's buffer full)
 * was dropped: the extension's last messages never reached the app. The host's relay over a real Unix socket; the app's
 * end is a listener that reads nothing until the host has seen stdin end, as a busy app.
 */
describe('the native host, stdin ending while the app has not taken all it wrote', () => {
  it('hands the app every line before it closes the socket', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'hall-host-flush-'));
    cleanup.push(() => rm(dir, { recursive: true, force: true }));
    const socketPath = join(dir, 'app.sock');
    let appSide!: Socket;
    const accepted = new Promise<void>((resolve) => {
      const server = createServer((s) => {
        appSide = s;
        s.pause();
        resolve();
      });
      server.listen(socketPath);
      cleanup.push(() => new Promise((r) => server.close(() => r())));
    });
    const stdin = new PassThrough();
    const stdout = new PassThrough();
    const done = runNativeHost({ argv: ['--socket', socketPath, 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/'], stdin, stdout });
    await accepted;

    // Far more than a socket's buffers hold (about 200 KiB each way on Linux): most stays in the host's own buffer.
    const count = 30;
    const filler = 'x'.repeat(50_000);
    const ended = new Promise((r) => stdin.once('end', r));
    stdin.end(Buffer.concat(Array.from({ length: count }, (_, i) => encodeNativeFrame({ type: 'hello', n: i, filler }))));
    // The host's own 'end' listener was added first, so it has run by now.
    await ended;

    let text = '';
    appSide.setEncoding('utf8');
    appSide.on('data', (chunk: string) => (text += chunk));
    const closed = new Promise((r) => appSide.once('close', r));
    appSide.resume();
    await closed;
    const lines = text.split('\n').filter((l) => l !== '');
    expect(JSON.parse(lines[0]!)).toEqual({ origin: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/' });
    // A line cut off by the close would be half a message: named so.
    const got = lines.slice(1).map((l) => {
      try {
        return (JSON.parse(l) as { n: number }).n;
      } catch {
        return `cut after ${l.length} characters`;
      }
    });
    expect(got).toEqual(Array.from({ length: count }, (_, i) => i));
    expect(await done).toBe(0);
  }, 60_000);
});

/*
 * review42: once Chrome has closed the port (stdin ends) the host flushes the app's side for up to 30 s; when Chrome has
 * closed its end of the host's stdout too, a reply the app sends meanwhile cannot be written (EPIPE). The real host
 * process (bin/hall10086-native-host.mjs) between a pipe closed on its reading side and a real Unix socket, the app's
 * end answering after the host half-closed it, then closing in order.
 */
describe('the native host, Chrome gone from both ends while the app still answers', () => {
  for (const app of ['closes its side', 'keeps its side open'] as const) {
    it(`ends quietly when its stdout is closed, the app’s late replies dropped, and the app ${app}: no stack trace, exit code 0`, async () => {
      const dir = await mkdtemp(join(tmpdir(), 'hall-host-epipe-'));
      cleanup.push(() => rm(dir, { recursive: true, force: true }));
      const socketPath = join(dir, 'app.sock');
      const appSide = new Promise<Socket>((resolve) => {
        // Half-open, so its replies come after it saw the host's end, as replies the app had under way when Chrome closed.
        const server = createServer({ allowHalfOpen: true }, resolve);
        server.listen(socketPath);
        cleanup.push(() => new Promise((r) => server.close(() => r())));
      });
      const host = spawn(process.execPath, [HOST_BIN, '--socket', socketPath, 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/'], { stdio: ['pipe', 'pipe', 'pipe'] });
      cleanup.push(async () => void host.kill('SIGKILL'));
      let stderr = '';
      host.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
      const exited = new Promise<number | null>((r) => host.on('close', (code) => r(code)));
      const appEnd = await appSide;
      cleanup.push(async () => void appEnd.destroy());
      appEnd.setEncoding('utf8');
      // A host that died meanwhile leaves the app's writes nowhere to go: the exit code below says it.
      appEnd.on('error', () => undefined);
      let fromHost = '';
      const halfClosed = new Promise((r) => appEnd.once('end', r));
      appEnd.on('data', (chunk: string) => (fromHost += chunk));

      // Chrome closes the port: its reading end of the host's stdout, then the host's stdin.
      host.stdout.destroy();
      host.stdin.end(encodeNativeFrame({ type: 'hello' }));
      await halfClosed;
      expect(fromHost.split('\n')[1]).toBe(JSON.stringify({ type: 'hello' }));
      // The app answers what came before the close, more than a pipe holds.
      const filler = 'x'.repeat(50_000);
      for (let n = 0; n < 30; n++) appEnd.write(`${JSON.stringify({ type: 'hello', nonce: `${n}${filler}` })}\n`);
      // Left open, the host gives the app's side up after its 30 s (APP_TAKE_MS), and ends as in order.
      if (app === 'closes its side') appEnd.end();

      expect({ code: await exited, stderr }).toEqual({ code: 0, stderr: '' });
    }, 60_000);
  }
});
