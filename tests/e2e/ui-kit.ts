import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import { buildApp, CHROMIUM_ARGS, launchChromium, openApp, serve, type Served } from './app-kit';
import { startPtyEmulator, type PtyEmulator } from '../../src-main/emulator/pty';
import type { EmulatorOptions } from '../../src-main/emulator/options';

export { buildApp, CHROMIUM_ARGS, launchChromium, openApp, serve, type Served };

type Rows = Record<string, unknown>[];

/** Tables of the page's log, read with IndexedDB itself (not through the app's code), in key order. */
export function readTables<T extends string>(page: Page, names: readonly T[]): Promise<Record<T, Rows>> {
  return page.evaluate(
    (tables) =>
      new Promise((done, fail) => {
        const open = indexedDB.open('hall10086-log');
        // Before the app has created its store there is nothing to read, and nothing may be created here.
        open.onupgradeneeded = () => open.transaction!.abort();
        open.onerror = () => (open.error?.name === 'AbortError' ? done(Object.fromEntries(tables.map((t) => [t, []])) as unknown as Record<T, Rows>) : fail(open.error));
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(tables, 'readonly');
          const requests = tables.map((t) => [t, tx.objectStore(t).getAll()] as const);
          tx.oncomplete = () => {
            db.close();
            done(Object.fromEntries(requests.map(([t, r]) => [t, r.result])) as Record<T, Rows>);
          };
        };
      }),
    [...names],
  );
}

/** The log's messages, parts and commands. */
export function readLog(page: Page): Promise<Record<'messages' | 'parts' | 'commands', Rows>> {
  return readTables(page, ['messages', 'parts', 'commands'] as const);
}

/** The `from` of the log's `meta` row `sendsHeard` now (-Infinity without one: never caught up, or just cleared). */
export async function sendsHeardMark(page: Page): Promise<number> {
  const row = (await readTables(page, ['meta'] as const)).meta.find((r) => r.key === 'sendsHeard');
  return typeof row?.from === 'number' ? row.from : -Infinity;
}

/**
 * Waits until the page's catch-up with the journal is stored: sync.ts writes the `meta` row `sendsHeard`
 * (moving its `from` on) only once the records the core handed over are written. `after`: the `from` an
 * earlier catch-up of the same log left (a reloaded page must move it on). Returns the new `from`.
 */
export async function catchUpStored(page: Page, after = -Infinity): Promise<number> {
  let from = -Infinity;
  await expect
    .poll(
      async () => {
        from = await sendsHeardMark(page);
        return from > after;
      },
      { timeout: 45_000, message: 'the page\'s catch-up with the journal stored (meta sendsHeard)' },
    )
    .toBe(true);
  return from;
}

/**
 * Opens a thread (`threadUrl`: `…#/thread` for the first SIM's, `…#/thread/<sim>`) and sends `text` as typed
 * in its composer: Esc closes the suggestions first, so Enter sends the text itself rather than a completion.
 */
export async function sendTyped(page: Page, threadUrl: string, text: string): Promise<void> {
  await page.goto(threadUrl);
  const composer = page.locator('.composer input:not([disabled])');
  await composer.waitFor({ timeout: 30_000 });
  await composer.fill(text);
  await composer.press('Escape');
  await composer.press('Enter');
}

/** A modem's card on the Modem page, found by its port. */
export const modemCard = (page: Page, path: string) => page.locator('.modem-card', { hasText: path });

/**
 * The card's word when its modem is up: the 状态 fact reading 就绪. Not any 就绪 on the card: the SIM fact says 就绪 too,
 * alone from the SIM's +CPIN: READY until its id is read, while the modem is still being set up (a test that went on
 * then stopped the core before the modem was up, or remembered).
 */
export const modemReady = (page: Page, path: string) =>
  modemCard(page, path)
    .locator('.facts > div')
    .filter({ has: page.locator('dt', { hasText: /^状态$/ }) })
    .locator('dd', { hasText: /^就绪$/ });

/** The "发送设备" badge on a modem's card: the modem that sends. */
export const sendingBadge = (page: Page, path: string) => modemCard(page, path).getByText('发送设备', { exact: true });

export type SimModem = PtyEmulator & { sim: string; iccid: string; imsi: string };

/** One emulated modem holding `sim` on a real pseudo-terminal (socat) for the whole file, started before its tests and closed after them. */
export function ptyModemForFile(sim: { iccid: string; imsi: string }, options: EmulatorOptions = {}): () => PtyEmulator {
  let modem: PtyEmulator | undefined;
  beforeAll(async () => {
    modem = await startPtyEmulator({ emulatorOptions: { ...options, sim } });
  }, 60_000);
  afterAll(async () => {
    await modem?.close().catch(() => undefined);
  });
  return () => modem!;
}

/**
 * For files that stop and start `hall10086 serve` on one data folder between steps: the app built, one Chromium and one
 * emulated modem holding `sim` on a real pseudo-terminal for the file, and `cleanup`, run last first after each test (the
 * servers, contexts and folders a test made).
 */
export function restartedAppSuite(sim: { iccid: string; imsi: string }): { browser: () => Browser; modem: () => PtyEmulator; cleanup: (() => Promise<unknown>)[] } {
  let browser: Browser | undefined;
  const modem = ptyModemForFile(sim);
  const cleanup: (() => Promise<unknown>)[] = [];
  beforeAll(async () => {
    await buildApp();
    browser = await launchChromium();
  }, 180_000);
  afterEach(async () => {
    for (const c of cleanup.splice(0).reverse()) await c().catch(() => undefined);
  });
  afterAll(async () => {
    await browser?.close();
  });
  return { browser: () => browser!, modem, cleanup };
}

/**
 * browserSuite (the app opened) with one emulated modem holding `sim` on a real pseudo-terminal for the file
 * (ptyModemForFile), and 10086's replies held back with `holdReplies` (a reply to one test's send must not land
 * between another's steps): the composer files' set-up. `bind` hands the file its server, page and modem.
 */
export function composerSuite(o: { artifactPrefix: string; sim: { iccid: string; imsi: string }; holdReplies?: boolean }, bind: (suite: BrowserSuite & { modem: PtyEmulator }) => void): void {
  const modem = ptyModemForFile(o.sim);
  if (o.holdReplies) beforeAll(() => modem().emulator.fault({ kind: 'hold', what: '10086-replies' }));
  browserSuite({ artifactPrefix: o.artifactPrefix, openApp: true }, (suite) => bind({ ...suite, modem: modem() }));
}

/**
 * Two modems on real pseudo-terminals (socat), one per SIM, each with its SIM's last six digits as
 * `sim`: `earlier` first, whose port sorts last (so a pick in port order would take `later`).
 */
export async function twoModemsInPortOrder(sims: readonly { iccid: string; imsi: string }[]): Promise<[SimModem, SimModem]> {
  const started = await Promise.all(sims.map(async (sim) => Object.assign(await startPtyEmulator({ emulatorOptions: { sim } }), { sim: sim.iccid.slice(-6), ...sim })));
  started.sort((a, b) => b.path.localeCompare(a.path));
  return started as [SimModem, SimModem];
}

/**
 * browserSuite with two SIMs' modems on real pseudo-terminals for the file (twoModemsInPortOrder),
 * started before its tests and closed after them, a new server for a retried test; `bind` hands the
 * file its server, page and modems.
 */
export function twoModemSuite(artifactPrefix: string, sims: readonly { iccid: string; imsi: string }[], bind: (suite: BrowserSuite & { earlier: SimModem; later: SimModem }) => void): void {
  let modems: [SimModem, SimModem] | undefined;
  beforeAll(async () => {
    modems = await twoModemsInPortOrder(sims);
  }, 60_000);
  afterAll(async () => {
    await Promise.all((modems ?? []).map((m) => m.close().catch(() => undefined)));
  });
  // A retry on a new server: the first try's connects, disconnects and sender would decide which SIM the retry sends from.
  browserSuite({ artifactPrefix, openApp: true, freshServerOnRetry: true }, (suite) => bind({ ...suite, earlier: modems![0], later: modems![1] }));
}

/**
 * Types a modem's port under the Modem page's list (unless it is connected already: the server is the
 * file's) and waits until it is ready (its 状态, see modemReady). The core notes the port for its next
 * start before the card first shows (restart29), and answers the connect once the modem is up.
 */
export async function plugInByPath(page: Page, base: string, path: string): Promise<void> {
  await page.goto(`${base}#/modem`);
  await page.locator('#port-by-path').waitFor();
  if ((await modemCard(page, path).count()) === 0) {
    await page.locator('#port-by-path').fill(path);
    await page.locator('#port-by-path').press('Enter');
  }
  await modemReady(page, path).waitFor({ timeout: 30_000 });
}

/** Fills MMXG (a service password change, which asks for confirmation) and sends it: its dialog opens. */
export async function openMmxgConfirmation(page: Page, base: string): Promise<void> {
  await page.goto(`${base}#/catalog`);
  await page.fill('#catalog-search', 'MMXG');
  await page.locator('#catalog-search').press('Enter');
  await page.fill('#instruction-param-oldPassword', '135790');
  await page.fill('#instruction-param-newPassword', '246801');
  await page.fill('#instruction-param-newPasswordAgain', '246801');
  await page.locator('#instruction-param-newPasswordAgain').press('Control+Enter');
  await page.locator('dialog[open]').waitFor();
}

/** The left edge of each character of the last `what` in the paragraph, as Chromium lays it out (run in the page: `locator.evaluate(charLefts, what)`). */
export function charLefts(paragraph: Element, what: string): number[] {
  const node = [...paragraph.childNodes].find((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.includes(what))!;
  const start = node.textContent!.lastIndexOf(what);
  return [...what].map((_, i) => {
    const range = document.createRange();
    range.setStart(node, start + i);
    range.setEnd(node, start + i + 1);
    return range.getBoundingClientRect().left;
  });
}

/** What a user must never see: a JavaScript stack trace. */
export const STACK_TRACE = /\n\s+at .+\(.+:\d+:\d+\)|^\s+at /m;

export interface BrowserSuite {
  server: Served;
  context: BrowserContext;
  page: Page;
  /** Closes this test's context and opens a fresh one (empty log) with other options (a time zone, a window size); binds it again. */
  reopen(options: BrowserContextOptions): Promise<void>;
}

const ARTIFACTS = resolve(import.meta.dirname, '../../test-results/e2e');

/** The built app and one Chromium for the file's tests, closed after them; `bind` hands the file its browser. */
export function chromiumForFile(bind: (browser: Browser) => void): void {
  let browser: Browser | undefined;
  beforeAll(async () => {
    await buildApp();
    browser = await launchChromium();
    bind(browser);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
  });
}

/**
 * The hooks every UI test file shares: the built UI served in browser mode on the demo modem, one
 * Chromium, a fresh context (empty log) per test, and after each test a screenshot artifact, no
 * stack trace on the page and no page error. `bind` hands the file its server, context and page.
 * `freshServerOnRetry`: a retried test starts on a new server (for files whose tests set up what they need).
 */
export function browserSuite(o: { artifactPrefix: string; openApp: boolean; freshServerOnRetry?: boolean }, bind: (suite: BrowserSuite) => void): void {
  let server: Served;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let pageErrors: string[] = [];
  mkdirSync(ARTIFACTS, { recursive: true });

  beforeAll(async () => {
    await buildApp();
    server = await serve();
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const open = async (options: BrowserContextOptions) => {
    context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1100, height: 760 }, ...options });
    page = await context.newPage();
    pageErrors = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    bind({ server, context, page, reopen });
  };
  const reopen = async (options: BrowserContextOptions) => {
    await context.close();
    await open(options);
  };

  beforeEach(async (ctx) => {
    // A retry gets a server as the file's first test found it (fresh data folder, no port connected): the failed
    // try's connects and sends are not what it starts from. The file's later tests then run on that one.
    if (o.freshServerOnRetry && (ctx.task.result?.retryCount ?? 0) > 0) {
      await server.stop();
      server = await serve();
    }
    await open({});
    if (o.openApp) await openApp(page, await server.link());
  }, 240_000);

  afterEach(async (ctx) => {
    // Every test leaves a picture of where it ended, as an artifact of the run.
    const name = ctx.task.name.replace(/[^A-Za-z0-9]+/g, '-').slice(0, 80);
    await page.screenshot({ path: join(ARTIFACTS, `${o.artifactPrefix}${name}.png`), fullPage: true });
    expect(await page.textContent('body')).not.toMatch(STACK_TRACE);
    expect(pageErrors).toEqual([]);
    await context.close();
  });
}

/**
 * For tests that receive over a real pseudo-terminal into a data folder, then open the app on that
 * folder: one Chromium for the file; `cleanup` (give it to ptyRig) runs after each test, with the
 * servers and contexts `open` started.
 */
export function servedFolders(): { cleanup: (() => Promise<void>)[]; open(dataDir: string): Promise<{ server: Served; page: Page }> } {
  const cleanup: (() => Promise<void>)[] = [];
  let browser: Browser;
  beforeAll(async () => {
    await buildApp();
    browser = await launchChromium();
  }, 120_000);
  afterAll(() => browser?.close());
  afterEach(async () => {
    for (const c of cleanup.splice(0).reverse()) await c().catch(() => undefined);
  });
  return {
    cleanup,
    async open(dataDir) {
      const server = await serve([], { dataDir });
      cleanup.push(() => server.stop());
      const context = await browser.newContext({ locale: 'zh-CN' });
      cleanup.push(() => context.close());
      const page = await context.newPage();
      await openApp(page, await server.link());
      return { server, page };
    },
  };
}

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

interface Violation {
  id: string;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

/**
 * axe-core's WCAG 2.2 A/AA and best-practice violations on the page as it is now (within `selector` when given), one
 * line each with its elements; the page's CSP does not apply to code evaluated by the test driver.
 */
export async function axeViolations(page: Page, selector?: string): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const found = await page.evaluate(
    ([tags, within]) =>
      (window as unknown as { axe: { run(c: Document | string, o: object): Promise<{ violations: Violation[] }> } }).axe.run(within ?? document, {
        runOnly: { type: 'tag', values: tags },
        resultTypes: ['violations'],
      }),
    [AXE_TAGS, selector ?? null] as const,
  );
  return found.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => `${n.target.join(' ')} (${(n.failureSummary ?? '').replace(/\s+/g, ' ').slice(0, 160)})`).join('; ')}`);
}
