import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import type { HallCore } from '../../src-main/core';
import { startServer, type RunningServer, type StartServerOptions } from '../../src-main/server';
import { buildApp, launchChromium, openApp } from './app-kit';

const RENDERER = resolve(import.meta.dirname, '../../out/renderer');

export interface CoreSuite {
  core: HallCore;
  page: Page;
}

interface CoreSuiteOptions {
  dirPrefix: string;
  core: (dataDir: string) => Promise<HallCore>;
  context?: BrowserContextOptions;
  prepare?: (context: BrowserContext) => Promise<unknown>;
  /**
   * A core, data folder and page of its own for each test, and for each retry of it: what a failed try
   * changed (a failure counted, a toast, a failed bubble in the log, a fault still armed) is not what its
   * retry starts from. Without it, the file's tests share one core and page, in order.
   */
  perTest?: boolean;
  /** The server's limits (default: the app's). */
  limits?: StartServerOptions['limits'];
}

/**
 * The hooks of a file that drives a core of its own in this process (where `serve` starts the demo
 * app as a child): `core` made on a fresh data folder, the built UI served in browser mode over it,
 * one Chromium with one page (zh-CN, then `context`) opened on the app; all closed and the folder
 * removed after the file's tests (after each test with `perTest`). `prepare` runs on the browser
 * context before the page opens; `bind` hands the file its core and page.
 */
export function coreSuite(o: CoreSuiteOptions, bind: (suite: CoreSuite) => void): void {
  let dir: string | undefined;
  let core: HallCore | undefined;
  let server: RunningServer | undefined;
  let browser: Browser | undefined;

  const open = async () => {
    await buildApp();
    dir = await mkdtemp(join(tmpdir(), o.dirPrefix));
    core = await o.core(dir);
    server = await startServer({ core, staticDir: RENDERER, ...(o.limits ? { limits: o.limits } : {}) });
    browser = await launchChromium();
    const context = await browser.newContext({ locale: 'zh-CN', ...o.context });
    await o.prepare?.(context);
    const page = await context.newPage();
    await openApp(page, server.newLaunchLink());
    bind({ core, page });
  };
  const close = async () => {
    await browser?.close();
    await server?.close();
    await core?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
    [browser, server, core, dir] = [undefined, undefined, undefined, undefined];
  };

  if (o.perTest) {
    beforeEach(open, 240_000);
    afterEach(close);
  } else {
    beforeAll(open, 240_000);
    afterAll(close);
  }
}
