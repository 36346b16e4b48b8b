import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HallCore } from '../../src-main/core';
import { startServer, type RunningServer } from '../../src-main/server';
import { chromiumForFile, readLog } from './ui-kit';
import { gatedScheduler, HOLD_MS } from './gated-scheduler';

/**
 * Two browser profiles (two Chromium contexts, each with its own IndexedDB) on one browser-mode core
 * and its demo modem. Profile B stores the first part of a long 10086 reply and is closed before the
 * rest arrives; profile A stores the rest and acknowledges it, so the journal no longer hands it out
 * as pending. When B opens again it must still complete the reply, each part stored once.
 */

let gate: ReturnType<typeof gatedScheduler>;
let dataDir: string;
let core: HallCore;
let server: RunningServer;
let browser: Browser;
const contexts: BrowserContext[] = [];
chromiumForFile((b) => (browser = b));

// A core of its own for each test (and each retry): parts a failed attempt left held or unacknowledged
// would be pending in the next one's journal.
beforeEach(async () => {
  gate = gatedScheduler();
  dataDir = await mkdtemp(join(tmpdir(), 'hall10086-profiles-'));
  core = await HallCore.create({ dataDir, demo: true, emulatorOptions: { partOrder: 'in-order', partGapMs: 4 * HOLD_MS, scheduler: gate } });
  server = await startServer({ core, staticDir: resolve(import.meta.dirname, '../../out/renderer') });
}, 60_000);

afterEach(async () => {
  await Promise.all(contexts.splice(0).map((c) => c.close()));
  await server?.close();
  await core?.close();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

async function profile(): Promise<BrowserContext> {
  const context = await browser.newContext({ locale: 'zh-CN' });
  contexts.push(context);
  return context;
}

async function openThread(context: BrowserContext, page?: Page): Promise<Page> {
  page ??= await context.newPage();
  await page.goto(server.newLaunchLink());
  await page.waitForSelector('#catalog-search');
  await page.goto(`${server.url.split('#')[0]}#/thread`);
  return page;
}

type Row = Record<string, unknown>;
const incoming = (rows: Row[]) => rows.filter((m) => m.direction === 'in');

async function readyModem(): Promise<string> {
  await expect.poll(async () => (await core.call('modem.list', {})).find((m) => m.demo)?.state, { timeout: 30_000 }).toBe('ready');
  return (await core.call('modem.list', {})).find((m) => m.demo)!.modemId;
}

describe('a long reply seen in part by one profile', () => {
  it('is completed from the journal when that profile opens again, though another profile acknowledged the rest', async () => {
    const a = await profile();
    const b = await profile();
    const pageA = await openThread(a);
    let pageB = await openThread(b);
    await core.call('send', { modemId: await readyModem(), id: 'YE' });

    // Part 1 reaches both profiles; the rest is held back.
    for (const page of [pageA, pageB]) await page.waitForSelector('.bubble-incomplete', { timeout: 45_000 });
    expect(gate.held()).toBeGreaterThan(0);
    const partial = incoming((await readLog(pageB)).messages);
    expect(partial).toHaveLength(1);
    expect(partial[0]).toMatchObject({ complete: false, received: 1 });
    const total = partial[0]!.total as number;
    expect(total).toBeGreaterThan(1);

    // B is closed; the rest arrives, A stores it and acknowledges it: nothing is pending any more.
    await pageB.close();
    gate.release();
    await pageA.waitForFunction(() => document.querySelector('.bubble-line.in') && !document.querySelector('.bubble-incomplete'), null, { timeout: 45_000 });
    await expect.poll(() => core.journal.stats().pending, { timeout: 15_000 }).toBe(0);
    expect((await core.call('journal.pending', {})).incoming).toEqual([]);
    const logA = await readLog(pageA);

    // B opens again and completes the reply, each part once, the same text as A.
    pageB = await openThread(b);
    await expect.poll(async () => incoming((await readLog(pageB)).messages)[0]?.complete, { timeout: 20_000 }).toBe(true);
    await pageB.waitForFunction(() => document.querySelector('.bubble-line.in') && !document.querySelector('.bubble-incomplete'), null, { timeout: 15_000 });
    const logB = await readLog(pageB);
    expect(incoming(logB.messages).map((m) => m.text)).toEqual(incoming(logA.messages).map((m) => m.text));
    expect(logB.parts.map((p) => p.key).sort()).toEqual(logA.parts.map((p) => p.key).sort());
    expect(logB.parts).toHaveLength(total);

    // Asking again (a reload: start-up catch-up) stores nothing twice.
    await pageB.reload();
    await pageB.waitForSelector('.bubble-line.in');
    await expect.poll(async () => (await readLog(pageB)).parts.length, { timeout: 5_000 }).toBe(total);
    expect(incoming((await readLog(pageB)).messages)).toHaveLength(1);

    // A profile that never saw any of it is not handed the reply: only the rest of what a log holds.
    const fresh = await openThread(await profile());
    await fresh.waitForSelector('.composer');
    expect((await readLog(fresh)).parts).toEqual([]);
  }, 180_000);

  it('is completed after a reconnect when the rest arrived while that profile was cut off', async () => {
    const a = await profile();
    const b = await profile();
    // B's connection to the core can be cut, and new ones refused, at the WebSocket.
    let down = false;
    const open = new Set<{ close(): Promise<void> }>();
    let pageB = await b.newPage();
    await pageB.routeWebSocket(/\/api/, (ws) => {
      if (down) return void ws.close();
      ws.connectToServer();
      open.add(ws);
      ws.onClose(() => open.delete(ws));
    });
    const pageA = await openThread(a);
    pageB = await openThread(b, pageB);
    await core.call('send', { modemId: await readyModem(), id: 'YE' });
    for (const page of [pageA, pageB]) await page.waitForSelector('.bubble-incomplete', { timeout: 45_000 });

    down = true;
    await Promise.all([...open].map((ws) => ws.close()));
    gate.release();
    await pageA.waitForFunction(() => document.querySelector('.bubble-line.in') && !document.querySelector('.bubble-incomplete'), null, { timeout: 45_000 });
    await expect.poll(() => core.journal.stats().pending, { timeout: 15_000 }).toBe(0);
    // Still cut off, B has only the first part.
    expect(incoming((await readLog(pageB)).messages)[0]).toMatchObject({ complete: false, received: 1 });

    down = false;
    await expect.poll(async () => incoming((await readLog(pageB)).messages)[0]?.complete, { timeout: 45_000 }).toBe(true);
    const [logA, logB] = [await readLog(pageA), await readLog(pageB)];
    expect(incoming(logB.messages).map((m) => m.text)).toEqual(incoming(logA.messages).map((m) => m.text));
    expect(logB.parts.map((p) => p.key).sort()).toEqual(logA.parts.map((p) => p.key).sort());
  }, 180_000);
});
