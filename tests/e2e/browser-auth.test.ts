import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeHello, launchCodeOf, UNAUTHORIZED_CLOSE, type Credential } from '../../src-shared/api/ws-handshake';
import { closed, openSocket } from '../integration/server-kit';
import { buildApp, CHROMIUM_ARGS, launchChromium, serve, STACK_TRACE, type Served } from './ui-kit';

/**
 * Browser mode's keys in real Chromium. The printed link's launch code opens the app once: the
 * browser keeps that address in its history (which can sync off the machine), so the same address
 * replayed, typed again or read back from the profile's History database must open nothing, while
 * the tab that used it keeps working (reload, the in-app "New tab"). And against a neighbour: the
 * same browser visits another HTTP service on 127.0.0.1 (cookies are per host, not per port, so a
 * cookie would reach it); that service must receive nothing that can send an SMS, and a client
 * holding everything it received (and a faked Origin) must not be able to send.
 */

interface Heard {
  url: string;
  headers: IncomingHttpHeaders;
}

let app: Served;
let browser: Browser;
let neighbour: Server;
let neighbourUrl: string;
const heard: Heard[] = [];

beforeAll(async () => {
  await buildApp();
  app = await serve();
  browser = await launchChromium();
  neighbour = createServer((req, res) => {
    heard.push({ url: req.url ?? '', headers: req.headers });
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end('<!doctype html><title>neighbour</title><img src="/pixel.png">');
  });
  await new Promise<void>((resolve) => neighbour.listen(0, '127.0.0.1', resolve));
  neighbourUrl = `http://127.0.0.1:${(neighbour.address() as AddressInfo).port}`;
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
  await new Promise((resolve) => neighbour?.close(resolve));
});

/** The page reached the core: the demo modem's status came over the API. */
async function connected(page: Page): Promise<void> {
  await page.waitForSelector('.status-line .badge-demo', { timeout: 30_000 });
  expect(await page.locator('.banner').allTextContents()).toEqual([]);
}

/** The page was refused: it says what to do, shows no modem, and no stack trace. */
async function refused(page: Page): Promise<void> {
  await page.waitForSelector('.banner-error[role="alert"]', { timeout: 30_000 });
  expect(await page.textContent('.banner-error')).toMatch(/访问令牌|access token/);
  expect(await page.locator('.status-line .badge-demo').count()).toBe(0);
  expect(await page.textContent('body')).not.toMatch(STACK_TRACE);
}

/** What the tab keeps in sessionStorage: never the launch code once traded, only its session. */
function tabKeys(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() => Object.fromEntries(Object.entries(sessionStorage).filter(([key]) => key.startsWith('hall10086.'))));
}

/** A program presenting this credential with the app's Origin: the close code it got, having sent a send. */
async function replayed(credential: Credential): Promise<{ code: number; heard: string[] }> {
  const appOrigin = new URL(app.url).origin;
  const socket = await openSocket(`${appOrigin.replace('http', 'ws')}/api`, { origin: appOrigin });
  const heard: string[] = [];
  socket.on('message', (data) => heard.push(data.toString()));
  const end = closed(socket);
  socket.send(encodeHello(credential));
  socket.send(JSON.stringify({ type: 'call', id: 1, method: 'send', params: { modemId: 'demo', id: 'YE' } }));
  return { code: (await end).code, heard };
}

/** Every URL a Chromium profile's History database holds (read once that Chromium is closed). */
function historyUrls(profileDir: string): string[] {
  const read = spawnSync('python3', ['-c', 'import sqlite3,sys; print("\\n".join(r[0] for r in sqlite3.connect(sys.argv[1]).execute("select url from urls")))', join(profileDir, 'Default', 'History')], { encoding: 'utf8' });
  if (read.status !== 0) throw new Error(read.stderr);
  return read.stdout.split('\n').filter(Boolean);
}

describe('browser mode: one-time links', () => {
  it('prints a link whose launch code is in the fragment, which the browser never sends', () => {
    expect(app.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#launch=[A-Za-z0-9_-]{43}$/);
  });

  it('opens the app once from a link; the tab keeps working after a reload and through "New tab"; the same link again opens nothing', async () => {
    const context = await browser.newContext();
    try {
      const link = await app.link();
      const code = launchCodeOf(link)!;
      const page = await context.newPage();
      await page.goto(link);
      await connected(page);
      expect(page.url()).not.toContain(code);
      expect(Object.keys(await tabKeys(page))).toEqual(['hall10086.session']);
      expect(JSON.stringify(await tabKeys(page))).not.toContain(code);
      await page.reload();
      await connected(page);

      // The in-app action: a new tab with this tab's sessionStorage (as a duplicated tab has).
      const [another] = await Promise.all([context.waitForEvent('page'), page.click('.status-line .another-tab')]);
      await connected(another);
      expect(another.url()).not.toContain('launch=');

      // The address the browser recorded, opened again: in a new tab, and in the first tab itself.
      const replay = await context.newPage();
      await replay.goto(link);
      await refused(replay);
      expect(await replay.evaluate(() => location.hash)).toBe('#/');
      // And the same code presented by a program: refused, hearing nothing.
      expect(await replayed({ launch: code })).toEqual({ code: UNAUTHORIZED_CLOSE, heard: [] });

      // The tabs that traded it still work, and a fresh link opens a fresh tab.
      await page.reload();
      await connected(page);
      // A fresh link opened in a tab where the app runs (only the fragment changes) is spent too.
      const sameTab = await app.link();
      await page.goto(sameTab);
      await page.waitForURL((url) => url.hash === '#/');
      await connected(page);
      expect(await replayed({ launch: launchCodeOf(sameTab)! })).toEqual({ code: UNAUTHORIZED_CLOSE, heard: [] });
      // A spent link opened there is refused, and a reload brings the tab's own session back.
      await page.goto(link);
      await refused(page);
      await page.reload();
      await connected(page);
      const fresh = await context.newPage();
      await fresh.goto(await app.link());
      await connected(fresh);
      expect(await context.cookies()).toEqual([]);
      expect(await page.evaluate(() => document.cookie)).toBe('');
    } finally {
      await context.close();
    }
  });

  it('leaves nothing in the profile’s History database that opens the app', async () => {
    const profileDir = await mkdtemp(join(tmpdir(), 'hall10086-history-'));
    let context: BrowserContext | null = null;
    try {
      const link = await app.link();
      context = await chromium.launchPersistentContext(profileDir, { executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
      const page = context.pages()[0] ?? (await context.newPage());
      await page.goto(link);
      await connected(page);
      const session = (await tabKeys(page))['hall10086.session']!;
      await context.close();
      context = null;

      const urls = historyUrls(profileDir);
      const withCodes = urls.filter((url) => url.includes('#launch='));
      // Chromium did record the link (or this test would prove nothing), and never the session.
      expect(withCodes).toContain(link);
      expect(urls.join('\n')).not.toContain(session);

      // Each address History holds, opened again in a browser, and its code presented by a program: nothing.
      const replayer = await browser.newContext();
      try {
        for (const url of withCodes) {
          const again = await replayer.newPage();
          await again.goto(url);
          await refused(again);
          expect(await replayed({ launch: launchCodeOf(url)! })).toEqual({ code: UNAUTHORIZED_CLOSE, heard: [] });
        }
      } finally {
        await replayer.close();
      }
    } finally {
      await context?.close();
      await rm(profileDir, { recursive: true, force: true });
    }
  });

  it('says what to do in a tab opened without a link, and that tab gets nothing', async () => {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(app.base);
      await refused(page);
      // An instruction's page says why it cannot send (this tab's access), not "connect a modem" (ux24's walk: a clerk went to plug one in).
      await page.evaluate(() => (location.hash = '#/instruction/YE'));
      const why = page.locator('.view.instruction .muted', { hasText: 'nothing can be sent' });
      await why.first().waitFor({ timeout: 10_000 });
      expect(await why.first().textContent()).toBe('This page has no access token, so nothing can be sent: open a new link as the note at the top says.');
      expect(await page.getByText('connect one on the Modem page').count()).toBe(0);
    } finally {
      await context.close();
    }
  });

  it('gives a service on another 127.0.0.1 port nothing that can send, however the user gets there', async () => {
    const context = await browser.newContext();
    try {
      const link = await app.link();
      const page = await context.newPage();
      await page.goto(link);
      await connected(page);
      const { 'hall10086.session': session } = await tabKeys(page);
      heard.length = 0;
      // Typed in another tab, and followed from the app's own page (which would carry a Referer).
      const other = await context.newPage();
      await other.goto(neighbourUrl);
      await other.waitForLoadState('load');
      await page.evaluate((url) => (location.href = url), `${neighbourUrl}/from-the-app`);
      await page.waitForURL(`${neighbourUrl}/from-the-app`);
      await expect.poll(() => heard.length).toBeGreaterThanOrEqual(3);

      const everything = JSON.stringify(heard);
      expect(everything).not.toContain(launchCodeOf(link));
      expect(everything).not.toContain(session);
      expect(heard.map((h) => h.headers.cookie)).toEqual(heard.map(() => undefined));
      // Referers there are the neighbour's own pages, never the app's.
      const appOrigin = new URL(app.url).origin;
      expect(heard.filter((h) => h.headers.referer?.startsWith(appOrigin))).toEqual([]);

      // Whatever the neighbour heard, replayed by a program that fakes the app's Origin, sends nothing.
      const cookies = heard.map((h) => h.headers.cookie).filter((c): c is string => c !== undefined);
      const socket = await openSocket(`${appOrigin.replace('http', 'ws')}/api`, {
        origin: appOrigin,
        ...(cookies.length ? { headers: { cookie: cookies.join('; ') } } : {}),
      });
      const replies: string[] = [];
      socket.on('message', (data) => replies.push(data.toString()));
      const end = closed(socket);
      socket.send(JSON.stringify({ type: 'call', id: 1, method: 'send', params: { modemId: 'demo', id: 'YE' } }));
      expect((await end).code).toBe(UNAUTHORIZED_CLOSE);
      expect(replies).toEqual([]);

      // And the session itself still works, so the refusal above is the credential's doing, not a dead server.
      const own = await openSocket(`${appOrigin.replace('http', 'ws')}/api`, { origin: appOrigin });
      const welcome = new Promise((resolve) => own.once('message', (data) => resolve(data.toString())));
      own.send(encodeHello({ session: session! }));
      expect(await welcome).toBe('{"type":"welcome"}');
      own.close();
    } finally {
      await context.close();
    }
  });
});
