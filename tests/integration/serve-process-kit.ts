import { spawn, type ChildProcess } from 'node:child_process';
import type { ModemStatus } from '../../src-shared/api/contract';
import { launchCodeOf } from '../../src-shared/api/ws-handshake';
import { BIN } from './cli-helpers';
import { openWelcomed } from './server-kit';

/** An event the core sent the page, as it came over the WebSocket. */
export interface HeardEvent {
  event: string;
  data: unknown;
}

/**
 * `hall10086 serve` as a user starts it (no --emulator: the modems connected last time are opened
 * again), in its own process on a data folder of the test's, spoken to over its WebSocket API as the
 * page does: calls, and every event heard since the connection was made.
 */
export interface ServeProcess {
  call<T = unknown>(method: string, params: object): Promise<T>;
  /** Resolves with the first event (heard so far or later) that `match` takes. */
  heard(match: (e: HeardEvent) => boolean): Promise<HeardEvent>;
  /** Stops it as its user does (Ctrl-C: SIGTERM) or as a crash does (SIGKILL), and waits for it to be gone. */
  stop(signal: 'SIGTERM' | 'SIGKILL'): Promise<void>;
  stderr(): string;
}

export async function startServe(dataDir: string): Promise<ServeProcess> {
  const child: ChildProcess = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--data-dir', dataDir], {
    env: { ...process.env, LANG: 'en_US.UTF-8' },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const gone = new Promise((done) => child.once('close', done));
  let err = '';
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (err += d));
  const url = await new Promise<string>((done, fail) => {
    let out = '';
    child.stdout!.setEncoding('utf8').on('data', (d: string) => {
      out += d;
      const link = /^http:\/\/\S+$/m.exec(out)?.[0];
      if (link) done(link);
    });
    child.once('close', (code) => fail(new Error(`serve exited ${code}: ${err}`)));
  });
  const origin = new URL(url).origin;
  const socket = await openWelcomed(`${origin.replace('http', 'ws')}/api`, { launch: launchCodeOf(url)! }, { origin });
  const events: HeardEvent[] = [];
  const waiting = new Set<{ match: (e: HeardEvent) => boolean; done: (e: HeardEvent) => void }>();
  const answers = new Map<number, (m: { result?: unknown; error?: { code: string; en: string } }) => void>();
  socket.on('message', (raw) => {
    const m = JSON.parse(raw.toString()) as { type: string; id?: number; events?: HeardEvent[]; result?: unknown; error?: { code: string; en: string } };
    if (m.type === 'events') {
      for (const e of m.events ?? []) {
        events.push(e);
        for (const w of waiting) {
          if (!w.match(e)) continue;
          waiting.delete(w);
          w.done(e);
        }
      }
    } else if (m.id !== undefined) answers.get(m.id)?.(m);
  });
  let ids = 0;
  return {
    call<T>(method: string, params: object) {
      const id = ++ids;
      socket.send(JSON.stringify({ type: 'call', id, method, params }));
      return new Promise<T>((done, fail) =>
        answers.set(id, (m) => (m.error ? fail(Object.assign(new Error(`${m.error.code}: ${m.error.en}`), { code: m.error.code })) : done(m.result as T))),
      );
    },
    heard(match) {
      const seen = events.find(match);
      return seen ? Promise.resolve(seen) : new Promise((done) => waiting.add({ match, done }));
    },
    async stop(signal) {
      socket.terminate();
      child.kill(signal);
      await gone;
    },
    stderr: () => err,
  };
}

/** The modem event that says the core took a connect to `path` in hand: the first status of its session. */
export const modemEventFor = (path: string) => (e: HeardEvent) => e.event === 'modem' && (e.data as ModemStatus).path === path;
