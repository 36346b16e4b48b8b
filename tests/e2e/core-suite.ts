import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import type { HallCore } from '../../src-main/core';
import { startServer, type RunningServer } from '../../src-main/server';
import { buildApp, launchChromium } from './app-kit';

const RENDERER = resolve(import.meta.dirname, '../../out/renderer');

export interface CoreSuite {
  core: HallCore;
  page: Page;
}

/**
 * The hooks of a file that drives a core of its own in this process (where `serve` starts the demo
 * app as a child): `core` made on a fresh data folder, the built UI served in browser mode over it,
 * one Chromium with one page (zh-CN, then `context`) opened on the app; all closed and the folder
 * removed after the file's tests. `prepare` runs on the browser context before the page opens;
 * `bind` hands the file its core and page.
 */
export function coreSuite(
  o: { dirPrefix: string; core: (dataDir: string) => Promise<HallCore>; context?: BrowserContextOptions; prepare?: (context: BrowserContext) => Promise<unknown> },
  bind: (suite: CoreSuite) => void,
): void {
  let dir: string | undefined;
  let core: HallCore | undefined;
  let server: RunningServer | undefined;
  let browser: Browser | undefined;

  beforeAll(async () => {
    await buildApp();
    dir = await mkdtemp(join(tmpdir(), o.dirPrefix));
    core = await o.core(dir);
    server = await startServer({ core, staticDir: RENDERER });
    browser = await launchChromium();
    const context = await browser.newContext({ locale: 'zh-CN', ...o.context });
    await o.prepare?.(context);
    const page = await context.newPage();
    await page.goto(server.newLaunchLink());
    await page.waitForSelector('#catalog-search');
    bind({ core, page });
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await core?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });
}
