import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { WebSocket } from 'ws';
import type { Events } from '../src-shared/api/contract';
import { encodeHello, launchCodeOf } from '../src-shared/api/ws-handshake';
import { startServer } from '../src-main/server';
import { MAX_BUFFERED_BYTES } from '../src-main/server/ws-api';
import { ScriptedCore, STANDARD_SCRIPT } from '../tests/unit/api/scripted-core';
import type { Bench } from './harness';

/**
 * Browser mode with one client that never reads, as in the attack of issue 14 (3,000 catalog events
 * of about 72 KB): how much the server's memory grows, with the bound (a slow client is dropped past
 * MAX_BUFFERED_BYTES) and without it (the old server), side by side in this process.
 */
const EVENTS = 3000;
const EVENT_BYTES = 72_000;

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const MB = (bytes: number) => Math.round(bytes / 1e5) / 10;

/** The heap and buffers still held once garbage is collected. */
export function heldBytes(): number {
  gc();
  const m = process.memoryUsage();
  return m.heapUsed + m.external;
}

async function run(maxBufferedBytes: number): Promise<{ growth: number; dropped: boolean }> {
  const dir = await mkdtemp(join(tmpdir(), 'hall10086-bench-ws-'));
  await writeFile(join(dir, 'index.html'), '<!doctype html>');
  const core = new ScriptedCore(STANDARD_SCRIPT);
  const server = await startServer({ core, staticDir: dir, limits: { maxBufferedBytes }, onInternalError: () => {} });
  const slow = new WebSocket(`ws://127.0.0.1:${server.port}/api`, { origin: `http://127.0.0.1:${server.port}` });
  await new Promise((resolve) => slow.once('open', resolve));
  const welcomed = new Promise((resolve) => slow.once('message', resolve));
  slow.send(encodeHello({ launch: launchCodeOf(server.newLaunchLink())! }));
  await welcomed;
  let dropped = false;
  slow.on('close', () => (dropped = true));
  slow.pause();

  const before = heldBytes();
  const padding = 'x'.repeat(EVENT_BYTES);
  for (let i = 0; i < EVENTS; i++) {
    core.emit('catalog', { version: `v${i}`, padding } as unknown as Events['catalog']);
    await new Promise((resolve) => setImmediate(resolve));
  }
  const growth = heldBytes() - before;
  slow.resume();
  slow.terminate();
  await server.close();
  await rm(dir, { recursive: true, force: true });
  return { growth, dropped: dropped || slow.readyState === WebSocket.CLOSED };
}

const bench: Bench = async () => {
  const bounded = await run(MAX_BUFFERED_BYTES);
  const unbounded = await run(Infinity);
  return {
    title: `WebSocket back-pressure: one client that never reads, ${EVENTS} catalog events of ${EVENT_BYTES / 1000} KB`,
    figures: [
      { name: 'server memory growth, bounded', value: MB(bounded.growth), unit: 'MB', target: `≤ ${MB(MAX_BUFFERED_BYTES) + 8} MB`, pass: bounded.growth <= MAX_BUFFERED_BYTES + 8e6 },
      { name: 'server memory growth, no bound (before)', value: MB(unbounded.growth), unit: 'MB' },
      { name: 'slow client dropped, bounded', value: String(bounded.dropped) },
    ],
    notes: [`bound: ${MAX_BUFFERED_BYTES} bytes unsent per client (ws bufferedAmount); memory = V8 heap used + external after a full GC`],
  };
};

export default bench;
