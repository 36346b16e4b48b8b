import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WebSocket as NodeWebSocket } from 'ws';
import type { Events } from '../../src-shared/api/contract';
import { startServer, type RunningServer } from '../../src-main/server';
import { MAX_BUFFERED_BYTES } from '../../src-main/server/ws-api';
import { ScriptedCore, STANDARD_SCRIPT } from '../unit/api/scripted-core';
import { closed, launchCode, makeSite, openWelcomed } from './server-kit';

/**
 * A browser-mode client that stops reading (a frozen tab, a hostile program) must not make the
 * server keep every event for it: past MAX_BUFFERED_BYTES it is dropped, and clients that read
 * carry on. Real sockets: the slow client is a ws client whose socket is paused, so the bytes pile
 * up in the kernel and then in the server, as they would.
 */

let site: Awaited<ReturnType<typeof makeSite>>;
let core: ScriptedCore;
let server: RunningServer;

beforeAll(async () => {
  site = await makeSite();
  core = new ScriptedCore(STANDARD_SCRIPT);
  server = await startServer({ core, staticDir: site.root });
});

afterAll(async () => {
  await server.close();
  await site.remove();
});

const EVENT_BYTES = 100_000;
/** Three times the bound: enough to fill the loopback socket's buffers and pass the bound well. */
const EVENTS = Math.ceil((3 * MAX_BUFFERED_BYTES) / EVENT_BYTES);

function catalogEvent(i: number): Events['catalog'] {
  return { version: `v${i}`, padding: 'x'.repeat(EVENT_BYTES) } as unknown as Events['catalog'];
}

function count(socket: NodeWebSocket): () => number {
  let n = 0;
  socket.on('message', () => n++);
  return () => n;
}

describe('a WebSocket client that stops reading', () => {
  it('is dropped past the bound, while a client that reads gets every event', async () => {
    const connect = () => openWelcomed(`ws://127.0.0.1:${server.port}/api`, launchCode(server), { origin: `http://127.0.0.1:${server.port}` });
    const [slow, reader] = [await connect(), await connect()];
    const slowGot = count(slow);
    const readerGot = count(reader);
    const slowEnd = closed(slow);
    slow.pause();

    for (let i = 0; i < EVENTS; i++) {
      core.emit('catalog', catalogEvent(i));
      // One frame per event, as when a catalog changes again and again.
      await new Promise((resolve) => setImmediate(resolve));
    }
    await expect.poll(readerGot, { timeout: 30_000 }).toBe(EVENTS);

    slow.resume();
    const allDelivered = new Promise<'all'>((resolve) => slow.on('message', () => slowGot() === EVENTS && resolve('all')));
    const outcome = await Promise.race([slowEnd.then(({ code }) => code), allDelivered]);
    // Cut off (no close handshake: a close frame would wait behind what it does not read), short of the end.
    expect(outcome).toBe(1006);
    expect(slowGot()).toBeLessThan(EVENTS);
    expect(reader.readyState).toBe(reader.OPEN);
    reader.close();
  }, 60_000);
});
