import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HallCore } from '../../src-main/core';
import { startServer, type RunningServer } from '../../src-main/server';
import { gatedScheduler, HOLD_MS } from './gated-scheduler';
import { catchUpStored, chromiumForFile, readLog, readTables, sendsHeardMark } from './ui-kit';

/*
 * ux22: what "Clear the local log" cleared stays cleared (clear16), and the table that remembers it
 * (`cleared`) no longer grows for ever; a long reply whose first part was cleared no longer shows its
 * later part alone as "incomplete". One browser-mode core on the demo modem per test, real Chromium
 * and IndexedDB.
 */

let gate: ReturnType<typeof gatedScheduler>;
let dataDir: string;
let core: HallCore;
let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
chromiumForFile((b) => (browser = b));

beforeEach(async () => {
  gate = gatedScheduler();
  dataDir = await mkdtemp(join(tmpdir(), 'hall10086-cleared-'));
  core = await HallCore.create({ dataDir, demo: true, emulatorOptions: { partOrder: 'in-order', partGapMs: 4 * HOLD_MS, scheduler: gate } });
  server = await startServer({ core, staticDir: resolve(import.meta.dirname, '../../out/renderer') });
  context = await browser.newContext({ locale: 'zh-CN' });
}, 60_000);

afterEach(async () => {
  await context?.close();
  await server?.close();
  await core?.close();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

const base = () => server.url.split('#')[0]!;
const incoming = async (page: Page) => (await readLog(page)).messages.filter((m) => m.direction === 'in');

async function openApp(page: Page): Promise<void> {
  await page.goto(server.newLaunchLink());
  await page.waitForSelector('#catalog-search');
}

async function sendYe(): Promise<void> {
  await expect.poll(async () => (await core.call('modem.list', {})).find((m) => m.demo)?.state, { timeout: 30_000 }).toBe('ready');
  await core.call('send', { modemId: 'demo', id: 'YE' });
}

async function clearLog(page: Page): Promise<void> {
  await page.goto(`${base()}#/settings`);
  await page.click('.settings .danger:not([disabled])');
  await page.locator('dialog[open] button.danger').click();
  await page.locator('.toast-text', { hasText: '本机记录已清除' }).waitFor({ timeout: 10_000 });
}

describe('a long reply cleared with only its first part in', () => {
  it('its later part, come after the clear, is cleared too: never shown alone as incomplete, nor after a reload', async () => {
    const page = await context.newPage();
    await openApp(page);
    await sendYe();
    // Part 1 of 10086's reply is in; the rest is held back by the modem's network.
    await expect.poll(async () => (await incoming(page))[0]?.received, { timeout: 45_000 }).toBe(1);
    expect(gate.held()).toBeGreaterThan(0);
    const [first] = await incoming(page);
    expect(first!.complete).toBe(false);

    await clearLog(page);
    expect((await readLog(page)).messages).toEqual([]);
    // The rest arrives now: the page is handed it (and acknowledges it) but does not store it.
    let rest = 0;
    core.on('incoming', () => rest++);
    gate.release();
    await expect.poll(() => rest, { timeout: 30_000 }).toBe((first!.total as number) - 1);
    await expect.poll(() => core.journal.stats().pending, { timeout: 30_000 }).toBe(0);
    const log = await readLog(page);
    expect(log.messages).toEqual([]);
    expect(log.parts).toEqual([]);
    // Remembered as cleared with its message's group, so the journal's kept copy (journal.parts) cannot bring it back either.
    const { cleared } = await readTables(page, ['cleared'] as const);
    const partRows = cleared.filter((r) => String(r.key).startsWith('part:'));
    expect(partRows.length).toBe(first!.total as number);
    expect(new Set(partRows.map((r) => r.group)).size).toBe(1);

    // A reload asks the journal again (pending, and the parts of incomplete messages): still nothing.
    await page.goto(`${base()}#/thread`);
    const heard = await sendsHeardMark(page);
    await page.reload();
    await page.waitForSelector('.composer');
    // What the journal handed the reloaded page is stored (or kept out) once its catch-up mark moves on.
    await catchUpStored(page, heard);
    expect(await incoming(page)).toEqual([]);
    expect(await page.locator('.bubble-incomplete').count()).toBe(0);

    // A reply that comes after the clear is kept, whole.
    await sendYe();
    gate.release();
    await expect.poll(async () => (await incoming(page)).map((m) => m.complete), { timeout: 45_000 }).toEqual([false]);
    gate.release();
    await expect.poll(async () => (await incoming(page)).map((m) => m.complete), { timeout: 45_000 }).toEqual([true]);
  }, 180_000);
});

describe('the cleared table is pruned', () => {
  it('rows nothing can bring back go; a cleared reply the journal still holds stays cleared, however old', async () => {
    const page = await context.newPage();
    // The page's acknowledgements never reach the journal: it keeps the reply pending, as after a crash mid-way.
    await page.routeWebSocket(/\/api/, (ws) => {
      const core = ws.connectToServer();
      ws.onMessage((m) => {
        if (!(typeof m === 'string' && m.includes('"journal.ack"'))) core.send(m);
      });
      core.onMessage((m) => ws.send(m));
    });
    await openApp(page);
    gate.release();
    await sendYe();
    // Whole, with every part in (each part gap is let through as it comes).
    await expect.poll(async () => {
      gate.release();
      return (await incoming(page)).map((m) => m.complete);
    }, { timeout: 45_000 }).toEqual([true]);
    const pendingKeys = (await core.call('journal.pending', {})).incoming.map((r) => r.key);
    expect(pendingKeys.length).toBeGreaterThan(0);
    await clearLog(page);

    // Nine days pass (the rows are aged in IndexedDB), and rows a clear wrote 30 days ago lie beside them.
    const DAY = 24 * 3600_000;
    await page.evaluate(
      ({ day }) =>
        new Promise<void>((done, fail) => {
          const open = indexedDB.open('hall10086-log');
          open.onerror = () => fail(open.error);
          open.onsuccess = () => {
            const tx = open.result.transaction('cleared', 'readwrite');
            const store = tx.objectStore('cleared');
            store.openCursor().onsuccess = (e) => {
              const cursor = (e.target as IDBRequest<IDBCursorWithValue | null>).result;
              if (!cursor) return;
              cursor.update({ ...cursor.value, clearedAt: Date.now() - 9 * day });
              cursor.continue();
            };
            store.put({ key: 'part:ancient-part', clearedAt: Date.now() - 30 * day });
            store.put({ key: 'command:ancient-command', clearedAt: Date.now() - 30 * day });
            tx.oncomplete = () => {
              open.result.close();
              done();
            };
            tx.onerror = () => fail(tx.error);
          };
        }),
      { day: DAY },
    );
    const before = (await readTables(page, ['cleared'] as const)).cleared.map((r) => String(r.key));
    expect(before).toEqual(expect.arrayContaining(['part:ancient-part', 'command:ancient-command', ...pendingKeys.map((k) => `part:${k}`)]));

    // Loaded again: the catch-up asks the journal what it holds, and prunes the rest.
    const heard = await sendsHeardMark(page);
    await page.reload();
    await page.waitForSelector('.settings');
    await expect.poll(async () => (await readTables(page, ['cleared'] as const)).cleared.map((r) => String(r.key)).filter((k) => k.includes('ancient')), { timeout: 20_000 }).toEqual([]);
    const after = (await readTables(page, ['cleared'] as const)).cleared.map((r) => String(r.key));
    // What the journal still holds (the reply, pending; the instruction) stays remembered: it is handed over again…
    expect(after).toEqual(expect.arrayContaining(pendingKeys.map((k) => `part:${k}`)));
    expect(after.some((k) => k.startsWith('command:'))).toBe(true);
    // …and kept out: looked at once what the catch-up was handed is stored.
    await catchUpStored(page, heard);
    expect((await readLog(page)).messages).toEqual([]);
  }, 180_000);
});
