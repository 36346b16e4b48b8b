import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src-main/server';
import { MAX_CONNECTIONS } from '../../src-main/server/loopback';
import { ScriptedCore, STANDARD_SCRIPT } from '../unit/api/scripted-core';
import { launchCode, makeSite, nextMessage, openWelcomed } from './server-kit';

/**
 * Another user of the machine can connect to browser mode's port as often as they like. Before a
 * credential, a connection can do nothing, but each holds a file descriptor of the server (the
 * process that also opens the serial port and writes the settings): unbounded, a flood used them up.
 */

let site: Awaited<ReturnType<typeof makeSite>>;
let server: RunningServer;

beforeAll(async () => {
  site = await makeSite();
  server = await startServer({ core: new ScriptedCore(STANDARD_SCRIPT), staticDir: site.root });
});

afterAll(async () => {
  await server.close();
  await site.remove();
});

const page = () => openWelcomed(`ws://127.0.0.1:${server.port}/api`, launchCode(server), { origin: `http://127.0.0.1:${server.port}` });

/** A page, once the server has heard that the flood's sockets closed (a moment after this side did). */
async function pageOnceFree(): Promise<Awaited<ReturnType<typeof page>>> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await page();
    } catch (error) {
      if (attempt === 50) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

async function answers(socket: Awaited<ReturnType<typeof page>>): Promise<unknown> {
  const reply = nextMessage(socket);
  socket.send(JSON.stringify({ type: 'call', id: 1, method: 'catalog.search', params: { query: '余额' } }));
  return reply;
}

describe('a flood of connections that never say hello', () => {
  it('holds at most MAX_CONNECTIONS sockets; a page already open keeps working, and a new one connects once it ends', async () => {
    const open = await page();
    const flood: Socket[] = [];
    let droppedByServer = 0;
    const FLOOD = MAX_CONNECTIONS + 50;
    for (let i = 0; i < FLOOD; i++) {
      const s = connect(server.port, '127.0.0.1');
      s.on('error', () => {});
      s.on('close', () => droppedByServer++);
      flood.push(s);
    }
    // The page holds one socket: all but MAX_CONNECTIONS - 1 of the flood are closed at once.
    await expect.poll(() => droppedByServer, { timeout: 15_000 }).toBeGreaterThanOrEqual(FLOOD - (MAX_CONNECTIONS - 1));
    expect(await answers(open)).toMatchObject({ type: 'result', id: 1 });
    for (const s of flood) s.destroy();
    await expect.poll(() => droppedByServer).toBe(FLOOD);
    const later = await pageOnceFree();
    expect(await answers(later)).toMatchObject({ type: 'result', id: 1 });
    later.close();
    open.close();
  });
});
