import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeHello, UNAUTHORIZED_CLOSE } from '../../src-shared/api/ws-handshake';
import { closed, openSocket } from '../integration/server-kit';
import { buildApp, launchChromium, serve, STACK_TRACE, type Served } from './ui-kit';

/**
 * Browser mode's token against a neighbour: the app is opened in real Chromium, then the same
 * browser visits another HTTP service on 127.0.0.1 (cookies are per host, not per port, so a cookie
 * would reach it). That service must receive nothing that can send an SMS, and a client holding
 * everything it received (and a faked Origin) must not be able to send.
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

const token = () => /token=([A-Za-z0-9_-]+)/.exec(app.url)![1]!;

/** The page reached the core: the demo modem's status came over the API. */
async function connected(page: Page): Promise<void> {
  await page.waitForSelector('.status-line .badge-demo', { timeout: 30_000 });
  expect(await page.locator('.banner').allTextContents()).toEqual([]);
}

describe('browser mode without cookies', () => {
  it('prints a link whose token is in the fragment, which the browser never sends', () => {
    expect(app.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#token=[A-Za-z0-9_-]{43}$/);
  });

  it('works from the printed link, after a reload, in a second tab opened from the link, and keeps the token out of the address bar', async () => {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(app.url);
      await connected(page);
      expect(page.url()).not.toContain(token());
      await page.reload();
      await connected(page);
      const second = await context.newPage();
      await second.goto(app.url);
      await connected(second);
      expect(await context.cookies()).toEqual([]);
      expect(await page.evaluate(() => document.cookie)).toBe('');
    } finally {
      await context.close();
    }
  });

  it('says what to do in a tab opened without the link, and that tab gets nothing', async () => {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(new URL('/', app.url).href);
      await page.waitForSelector('.banner-error[role="alert"]');
      expect(await page.textContent('.banner-error')).toMatch(/访问令牌|access token/);
      expect(await page.locator('.status-line .badge-demo').count()).toBe(0);
      expect(await page.textContent('body')).not.toMatch(STACK_TRACE);
    } finally {
      await context.close();
    }
  });

  it('gives a service on another 127.0.0.1 port nothing that can send, however the user gets there', async () => {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(app.url);
      await connected(page);
      heard.length = 0;
      // Typed in another tab, and followed from the app's own page (which would carry a Referer).
      const other = await context.newPage();
      await other.goto(neighbourUrl);
      await other.waitForLoadState('load');
      await page.evaluate((url) => (location.href = url), `${neighbourUrl}/from-the-app`);
      await page.waitForURL(`${neighbourUrl}/from-the-app`);
      await expect.poll(() => heard.length).toBeGreaterThanOrEqual(3);

      const everything = JSON.stringify(heard);
      expect(everything).not.toContain(token());
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

      // And the token itself still works, so the refusal above is the token's doing, not a dead server.
      const own = await openSocket(`${appOrigin.replace('http', 'ws')}/api`, { origin: appOrigin });
      const welcome = new Promise((resolve) => own.once('message', (data) => resolve(data.toString())));
      own.send(encodeHello(token()));
      expect(await welcome).toBe('{"type":"welcome"}');
      own.close();
    } finally {
      await context.close();
    }
  });
});
