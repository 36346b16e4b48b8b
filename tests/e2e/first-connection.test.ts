import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RENDERER_DIR } from '../../src-main/cli/commands/serve-command';
import { createCore } from '../../src-main/core';
import type { HallCore } from '../../src-main/core/core';
import { serveIpc } from '../../src-main/electron/ipc';
import { startServer, type RunningServer } from '../../src-main/server';
import { serve, type Served } from './app-kit';
import { chromiumForFile } from './ui-kit';

/**
 * What the status line says while the page first reaches its core. Electron's bridge is open from the
 * first paint; browser mode's WebSocket takes a moment; then the core lists its modems. Before, the
 * page started as "connecting" and said "Modem: not known" for a frame at every start although
 * nothing had failed, then "No modem" until the list came. Every text the status line ever held is
 * recorded from the document's start, so a one-frame flash is seen.
 */

let browser: Browser;
chromiumForFile((b) => (browser = b));

declare global {
  interface Window {
    statusTexts?: string[];
  }
}

/** Records every text the status line's modem link shows, from before the app's first paint. */
async function recordStatusLine(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    window.statusTexts = seen;
    new MutationObserver(() => {
      const text = document.querySelector('.status-line a')?.textContent?.trim();
      if (text && seen.at(-1) !== text) seen.push(text);
    }).observe(document, { subtree: true, childList: true, characterData: true });
  });
}

const statusTexts = (page: Page) => page.evaluate(() => window.statusTexts ?? []);

const WORDS = {
  'zh-CN': { connecting: '正在连接…', unknown: '设备状态未知', none: '未连接设备' },
  'en-US': { connecting: 'Connecting…', unknown: 'Modem: not known', none: 'No modem' },
} as const;

describe('the Electron window (its bridge to a real core, as the preload gives it)', () => {
  let core: HallCore;
  let files: RunningServer;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'hall10086-bridge-'));
    core = await createCore({ demo: true, dataDir });
    // Only the app's files: the page talks to the core through window.hall, not the WebSocket.
    files = await startServer({ core, staticDir: RENDERER_DIR, port: 0 });
  }, 60_000);

  afterAll(async () => {
    await files?.close();
    await core?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it.each(['zh-CN', 'en-US'] as const)('never says "not known" or "no modem" from its first paint (%s)', async (locale) => {
    const context = await browser.newContext({ locale, viewport: { width: 1024, height: 700 } });
    let handler: ((event: { senderFrame: { url: string; parent: unknown } | null }, message: unknown) => Promise<unknown>) | null = null;
    const toPage: unknown[] = [];
    const page = await context.newPage();
    // Electron's ipcMain and the window's web contents, as src-main/electron/ipc.ts uses them.
    const stop = serveIpc({
      ipcMain: { handle: (_channel, listener) => void (handler = listener), removeHandler: () => {} },
      core,
      isAppUrl: () => true,
      targets: () => [{ send: (_channel, message) => void toPage.push(message), isDestroyed: () => page.isClosed(), getURL: () => page.url() }],
      onInternalError: (e) => {
        throw e;
      },
    });
    try {
      await page.exposeBinding('hallInvoke', (_source, message: unknown) => handler!({ senderFrame: { url: page.url(), parent: null } }, message));
      // What src-main/electron/preload.ts exposes, on top of the binding (events are not needed here).
      await page.addInitScript(() => {
        const invoke = (window as unknown as { hallInvoke(message: unknown): Promise<unknown> }).hallInvoke;
        let id = 1;
        window.hall = { call: (method, params) => invoke({ type: 'call', id: id++, method, params }), on: () => () => {} };
      });
      await recordStatusLine(page);
      await page.goto(files.url.split('#')[0]!);
      await page.waitForSelector('#catalog-search');
      // The demo modem comes up and is the sending one: the line names its operator.
      await expect.poll(() => statusTexts(page), { timeout: 30_000 }).toContainEqual(expect.stringMatching(/CMCC|CHINA MOBILE|中国移动/));
      const seen = await statusTexts(page);
      expect(seen).not.toContain(WORDS[locale].unknown);
      // Nor "no modem" before the core has said which modems it has.
      expect(seen).not.toContain(WORDS[locale].none);
      expect(await page.locator('p.banner').count()).toBe(0);
    } finally {
      stop();
      await context.close();
    }
  }, 60_000);
});

describe('browser mode', () => {
  let server: Served | null = null;

  afterAll(async () => {
    await server?.stop();
  });

  it.each(['zh-CN', 'en-US'] as const)('says "connecting" while its first connection is made, never "not known", then the modem (%s)', async (locale) => {
    server ??= await serve();
    const context = await browser.newContext({ locale, viewport: { width: 1024, height: 700 } });
    try {
      const page = await context.newPage();
      // The first connection is held a while, as on a loaded machine, then let through.
      let release!: () => void;
      const released = new Promise<void>((done) => (release = done));
      await page.routeWebSocket(/\/api/, async (ws) => {
        await released;
        const core = ws.connectToServer();
        ws.onMessage((m) => core.send(m));
        core.onMessage((m) => ws.send(m));
      });
      await recordStatusLine(page);
      await page.goto(await server.link());
      await page.waitForSelector('#catalog-search');
      const line = page.locator('.status-line a').first();
      expect((await line.textContent())?.trim()).toBe(WORDS[locale].connecting);
      release();
      await expect.poll(async () => (await line.textContent())?.trim(), { timeout: 30_000 }).not.toBe(WORDS[locale].connecting);
      const seen = await statusTexts(page);
      expect(seen[0]).toBe(WORDS[locale].connecting);
      expect(seen).not.toContain(WORDS[locale].unknown);
      expect(seen).not.toContain(WORDS[locale].none);
    } finally {
      await context.close();
    }
  }, 60_000);

  it.each(['zh-CN', 'en-US'] as const)('says "not known" once the core really is out of reach: its first connection refused (%s)', async (locale) => {
    server ??= await serve();
    const context = await browser.newContext({ locale, viewport: { width: 1024, height: 700 } });
    try {
      const page = await context.newPage();
      let attempts = 0;
      await page.routeWebSocket(/\/api/, (ws) => {
        attempts++;
        ws.close();
      });
      await recordStatusLine(page);
      await page.goto(await server.link());
      await page.waitForSelector('#catalog-search');
      const line = page.locator('.status-line a').first();
      await expect.poll(async () => (await line.textContent())?.trim(), { timeout: 30_000 }).toBe(WORDS[locale].unknown);
      // The retries that follow do not make it "connecting" again: two more tries refused since it said so (each
      // set its state before the next could start), and every text the line held since is recorded, a flash too.
      const said = attempts;
      await expect.poll(() => attempts, { timeout: 30_000 }).toBeGreaterThanOrEqual(said + 2);
      const seen = await statusTexts(page);
      expect(seen.slice(seen.indexOf(WORDS[locale].unknown))).toEqual([WORDS[locale].unknown]);
    } finally {
      await context.close();
    }
  }, 60_000);
});
