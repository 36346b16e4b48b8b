import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { runNativeHost } from '../../src-main/native-host/host';
import { encodeNativeFrame } from '../../src-shared/api/native-framing';

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
