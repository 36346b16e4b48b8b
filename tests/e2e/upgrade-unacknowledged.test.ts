import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeLine } from '../../src-main/services/journal';
import { crc32Hex } from '../../src-shared/crc32';
import type { IncomingRecord } from '../../src-shared/journal-records';
import { buildApp, launchChromium, serve } from './app-kit';

/**
 * review19 left it: a page that stored a single SMS under the key an older app gave it (ending in the text's
 * CRC-32) but had not acknowledged it when the app was upgraded got it again under its new key and stored
 * it twice: the thread showed it twice. Real `hall10086 serve`, real Chromium and IndexedDB; the older app's
 * side is played by rewriting, on the page's WebSocket, the key it hands out to the one it had then, and by
 * holding the page's acknowledgement back (the app stopped before it came). Text written for the test.
 */
const TEXT = '尊敬的客户，您的话费余额为35.20元。【中国移动】';
const TIMESTAMP = '2026-12-06T08:00:07+08:00';
const OLD_KEY = `10086|${TIMESTAMP}|-|-|-|${crc32Hex(new TextEncoder().encode(TEXT))}`;
const NEW_KEY = `10086|${TIMESTAMP}|-|-|-|*`;
/** Another message of that second (a code), pending only when the upgraded app starts: it moves to `…|*#2`. */
const OTHER = '【中国移动】您的验证码为640215，5分钟内有效，请勿泄露。';
const OTHER_NEW_KEY = `${NEW_KEY}#2`;

let browser: Browser;
let dataDir: string;
const dataDirs: string[] = [];

beforeAll(async () => {
  await buildApp();
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  for (const dir of dataDirs) await rm(dir, { recursive: true, force: true });
});

/** The journal as the older app left it: the balance reply pending under its old key (and `texts` after it), none on the SIM any more. */
async function writeOldJournal(texts: readonly string[] = [TEXT]): Promise<void> {
  const record = (text: string, i: number): IncomingRecord => ({
    kind: 'in',
    key: `10086|${TIMESTAMP}|-|-|-|${crc32Hex(new TextEncoder().encode(text))}`,
    simId: '89860012345678900001',
    from: '10086',
    text,
    encoding: 'ucs2',
    timestamp: TIMESTAMP,
    receivedAt: Date.now() - 60_000 + i,
    concat: null,
  });
  await writeFile(join(dataDir, 'journal.log'), Buffer.concat(texts.map((t, i) => encodeLine(record(t, i)))), { mode: 0o600 });
}

/**
 * The page's API connection through Playwright, each frame to the page rewritten by `toPage`; with `holdAcks`
 * the page's acknowledgements are answered here and never reach the app. Returns what closes Playwright's own
 * connection to the server, which it otherwise keeps open after the page closes.
 */
async function proxied(page: Page, toPage: (frame: string) => string, holdAcks: boolean): Promise<() => Promise<void>> {
  const servers: { close(): Promise<void> }[] = [];
  await page.routeWebSocket(/\/api/, (ws) => {
    const server = ws.connectToServer();
    servers.push(server);
    ws.onMessage((frame) => {
      const m = JSON.parse(String(frame)) as { type?: string; id?: unknown; method?: string };
      if (holdAcks && m.type === 'call' && m.method === 'journal.ack') ws.send(JSON.stringify({ type: 'result', id: m.id, result: { ok: true } }));
      else server.send(frame);
    });
    server.onMessage((frame) => ws.send(toPage(String(frame))));
  });
  return async () => {
    for (const server of servers) await server.close();
  };
}

/** Rows of the page's log holding `text` (every stored message with it). */
function storedCopies(page: Page, text = TEXT): Promise<number> {
  return page.evaluate(
    (text) =>
      new Promise<number>((done, fail) => {
        const open = indexedDB.open('hall10086-log');
        // Not created by the app yet: this look must not create it (nor hold it open against the app's upgrade).
        open.onupgradeneeded = () => open.transaction!.abort();
        open.onerror = () => done(0);
        open.onsuccess = () => {
          if (!open.result.objectStoreNames.contains('messages')) {
            open.result.close();
            return done(0);
          }
          const all = open.result.transaction('messages').objectStore('messages').getAll();
          all.onsuccess = () => {
            open.result.close();
            done((all.result as { text: string }[]).filter((m) => m.text === text).length);
          };
          all.onerror = () => fail(all.error);
        };
      }),
    text,
  );
}

async function waitFor(check: () => Promise<boolean>, what: string, ms = 30_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * The older app: the page gets the message under its old key and stores it, then does `then` (if given); the app stops
 * before the acknowledgement.
 */
async function storedByOlderApp(context: BrowserContext, then?: (older: Page, base: string) => Promise<void>): Promise<void> {
  await writeOldJournal();
  const before = await serve([], { dataDir, port: 'remembered' });
  const older = await context.newPage();
  const asOlder = (frame: string) => frame.replaceAll(JSON.stringify(NEW_KEY), JSON.stringify(OLD_KEY)).replace(/,"maybeStoredAs":"[^"]*"/g, '');
  const unproxy = await proxied(older, asOlder, true);
  try {
    await older.goto(before.url);
    await older.waitForSelector('#catalog-search');
    await waitFor(async () => (await storedCopies(older)) === 1, 'the page storing it under its old key');
    await then?.(older, before.url.split('#')[0]!);
  } finally {
    await unproxy();
    await older.close();
    await before.stop();
  }
}

/** review23: the user clears the log in the older app's page before its acknowledgement reached the app: the clear remembers the old key only. */
async function clearLog(older: Page, base: string): Promise<void> {
  await older.goto(`${base}#/settings`);
  await older.click('.settings .danger:not([disabled])');
  await older.locator('dialog[open] button.danger').click();
  await older.locator('.toast-text', { hasText: '本机记录已清除' }).waitFor({ timeout: 10_000 });
  expect(await storedCopies(older)).toBe(0);
}

/** A fresh data folder (`dataDir`) and browser context for `body`; the context is closed after it. */
async function inFreshFolder(prefix: string, body: (context: BrowserContext) => Promise<void>): Promise<void> {
  dataDir = await mkdtemp(join(tmpdir(), prefix));
  dataDirs.push(dataDir);
  const context = await browser.newContext({ locale: 'zh-CN' });
  try {
    await body(context);
  } finally {
    await context.close();
  }
}

/** The upgraded app on the folder and a page of it, once the page acknowledged the message by its new key: `check`, then no stack trace printed. */
async function afterUpgrade(context: BrowserContext, check: (page: Page) => Promise<void>): Promise<void> {
  const after = await serve([], { dataDir, port: 'remembered' });
  const page = await context.newPage();
  try {
    await page.goto(after.url);
    await page.waitForSelector('#catalog-search');
    await waitFor(async () => /"kind":"ack","keys":\[[^\]]*"10086\|2026-12-06T08:00:07\+08:00\|-\|-\|-\|\*"/.test(await readFile(join(dataDir, 'journal.log'), 'utf8')), 'the page acknowledging it by its new key');
    await check(page);
    expect(after.stderr()).not.toMatch(/at .*\.(js|ts):\d+/);
  } finally {
    await page.close();
    await after.stop();
  }
}

describe('an upgrade while a page had stored a single SMS but not acknowledged it', () => {
  it('shows it once: the journal names the key it had, which the page holds', async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'hall10086-upgrade-'));
    dataDirs.push(dataDir);
    const context = await browser.newContext({ locale: 'zh-CN' });
    try {
      await storedByOlderApp(context);
      // Upgraded: the journal, as the older app left it, moves the message to its new key at this start.
      // Another message of that second, which this page never had, is named as maybe stored under the
      // first one's key (as the journal names one it holds masked): another text there, so it is stored.
      await writeOldJournal([TEXT, OTHER]);
      const after = await serve([], { dataDir, port: 'remembered' });
      const page = await context.newPage();
      const named = (frame: string) => {
        const at = frame.indexOf(`"key":${JSON.stringify(OTHER_NEW_KEY)}`);
        if (at < 0) return frame;
        // Its own former key, which this page never had, in place of the first message's.
        const end = frame.indexOf('}', frame.indexOf('"concat"', at));
        return frame.slice(0, at) + frame.slice(at, end).replace(/,"maybeStoredAs":"[^"]*"/, '') + `,"maybeStoredAs":${JSON.stringify(OLD_KEY)}` + frame.slice(end);
      };
      const unproxyAfter = await proxied(page, named, false);
      try {
        await page.goto(after.url);
        await page.waitForSelector('#catalog-search');
        await waitFor(async () => /"kind":"ack","keys":\[[^\]]*"10086\|2026-12-06T08:00:07\+08:00\|-\|-\|-\|\*"/.test(await readFile(join(dataDir, 'journal.log'), 'utf8')), 'the page acknowledging it by its new key');
        expect(await storedCopies(page)).toBe(1);
        await waitFor(async () => (await storedCopies(page, OTHER)) === 1, 'the other message stored');
        expect(after.stderr()).not.toMatch(/at .*\.(js|ts):\d+/);
      } finally {
        await unproxyAfter();
        await page.close();
        await after.stop();
      }
    } finally {
      await context.close();
    }
  }, 150_000);

  it('shows it once also when the upgraded app stopped again before the page caught up (journal21)', async () => {
    await inFreshFolder('hall10086-upgrade-twice-', async (context) => {
      await storedByOlderApp(context);
      await writeOldJournal();
      // Upgraded: the key moves at this start, and the app stops again with no page connected.
      const moving = await serve([], { dataDir, port: 'remembered' });
      await moving.stop();
      const log = await readFile(join(dataDir, 'journal.log'), 'utf8');
      expect(log).toContain(`"key":${JSON.stringify(NEW_KEY)}`);
      // What the page holds it under is not written with the checksum, which names a code in a known wording.
      expect(log).not.toContain(crc32Hex(new TextEncoder().encode(TEXT)));
      await afterUpgrade(context, async (page) => expect(await storedCopies(page)).toBe(1));
    });
  }, 150_000);

  it('keeps it cleared when the log was cleared before the upgrade: the key the journal names holds the very text (review23)', async () => {
    await inFreshFolder('hall10086-upgrade-cleared-', async (context) => {
      await storedByOlderApp(context, clearLog);
      await writeOldJournal();
      // Upgraded: the message moves to its new key, named as maybe stored under the old one, which the page cleared.
      await afterUpgrade(context, async (page) => {
        expect(await storedCopies(page)).toBe(0);
        await page.reload();
        await page.waitForSelector('#catalog-search');
        expect(await storedCopies(page)).toBe(0);
      });
    });
  }, 150_000);
});
