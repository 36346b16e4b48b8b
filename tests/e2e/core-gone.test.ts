import { join } from 'node:path';
import type { Browser, Page, WebSocketRoute } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { serve, type Served } from './app-kit';
import { chromiumForFile } from './ui-kit';

/**
 * Browser mode when the terminal running `hall10086 serve` (or `npm start`) is closed: the open tab
 * can only wait, so the banner says how to bring the app back, in the tab's language. Before, it
 * said "reconnecting…" for ever; and when the server went before the header's badges had loaded,
 * their failed fetch emptied the whole page (found by this test under load).
 */

let browser: Browser;
chromiumForFile((b) => (browser = b));

/**
 * A server of its own for one try (the tests stop it; another tab's send would show in this one's
 * thread), stopped after the try even when an expectation failed, so that none outlives the run or
 * is left behind by a retry. `stop` is the test's own.
 */
async function withOwnServer(run: (mine: Served, stop: () => Promise<void>) => Promise<void>): Promise<void> {
  const mine = await serve();
  let stopping: Promise<void> | undefined;
  const stop = () => (stopping ??= mine.stop());
  try {
    await run(mine, stop);
  } finally {
    await stop();
  }
}

/** A browser context (a log of its own) in that locale. */
const newContext = (locale: string) => browser.newContext({ locale, viewport: { width: 1024, height: 700 } });

/** One tab in that locale on a server of its own, both closed after the try. */
async function inOwnTab(locale: string, run: (page: Page, mine: Served, stop: () => Promise<void>) => Promise<void>): Promise<void> {
  await withOwnServer(async (mine, stop) => {
    const context = await newContext(locale);
    try {
      await run(await context.newPage(), mine, stop);
    } finally {
      await context.close();
    }
  });
}

describe('the core stopped under an open tab', () => {
  it('the banner says to start it again and open the link it prints (zh-CN, zh-TW, en-US)', async () => {
    await withOwnServer(async (mine, stop) => {
      const tabs = [];
      for (const [locale, said] of [
        ['zh-CN', /正在重试…[\s\S]*请重新启动（npm start 或 hall10086 serve），再打开它打印的链接：短信和设置都还在。/],
        ['zh-TW', /請重新啟動（npm start 或 hall10086 serve），再開啟它列印的連結/],
        ['en-US', /trying again… If the terminal where it ran was closed or stopped, start it again \(npm start, or hall10086 serve\) and open the link it prints/],
      ] as const) {
        const context = await newContext(locale);
        const page = await context.newPage();
        await page.goto(await mine.link());
        await page.waitForSelector('#catalog-search');
        tabs.push({ page, said });
      }
      await stop();
      for (const { page, said } of tabs) {
        // Between two tries to reconnect (the banner reads "connecting" while one is under way).
        const banner = page.locator('p.banner', { hasText: 'hall10086 serve' });
        await banner.waitFor({ timeout: 30_000 }).catch(async (e: unknown) => {
          throw new Error(`${String(e)}\nbanners: ${JSON.stringify(await page.locator('p.banner').allTextContents())} url: ${page.url()} body: ${(await page.textContent('body'))?.slice(0, 300)}`);
        });
        expect(await banner.textContent()).toMatch(said);
      }
    });
  }, 120_000);

  it('the Modem page and the status line claim no modem state they cannot know (zh-CN, en-US)', async () => {
    await withOwnServer(async (mine, stop) => {
      const tabs = [];
      for (const [locale, stateLabel, ready, unknown, unknownShort, sending] of [
        ['zh-CN', '状态', '就绪', '未知：与 Hall10086 的连接断开了', '设备状态未知', '发送设备'],
        ['en-US', 'State', 'Ready', 'Not known: the connection to Hall10086 is lost', 'Modem: not known', 'Sending modem'],
      ] as const) {
        const context = await newContext(locale);
        const page = await context.newPage();
        await page.goto(await mine.link());
        await page.waitForSelector('#catalog-search');
        await page.keyboard.press('Alt+3');
        const card = page.locator('article.modem-card').first();
        const state = card.locator('.facts > div', { has: page.locator('dt', { hasText: stateLabel }) }).locator('dd');
        await expect.poll(() => state.textContent(), { timeout: 30_000 }).toBe(ready);
        expect(await card.locator('.badge', { hasText: sending }).count()).toBe(1);
        tabs.push({ page, card, state, unknown, unknownShort, sending });
      }
      await stop();
      for (const { page, card, state, unknown, unknownShort, sending } of tabs) {
        await expect.poll(() => state.textContent(), { timeout: 30_000 }).toBe(unknown);
        expect(await card.locator('.badge', { hasText: sending }).count()).toBe(0);
        expect(await page.locator('.status-line a').first().textContent()).toBe(unknownShort);
      }
    });
  }, 120_000);

  it.each([
    ['zh-CN', '与 Hall10086 的连接断开了，暂时不能发送；连接恢复后自动恢复发送，已输入的内容会留在这里。'],
    ['en-US', 'The connection to Hall10086 is lost, so nothing can be sent now. Send works again by itself once it is back; what you typed stays here.'],
  ] as const)('the Messages composer (%s): Send is off with why while the core is out of reach, what is typed stays, and Send works again when it is back', async (locale, gone) => {
    await inOwnTab(locale, async (page, mine) => {
      // The page's link to the running core is cut and then let through again: the same core, the same session.
      let cut = false;
      const open: WebSocketRoute[] = [];
      await page.routeWebSocket(/\/api/, (ws) => {
        if (cut) return void ws.close();
        const core = ws.connectToServer();
        ws.onMessage((m) => core.send(m));
        core.onMessage((m) => ws.send(m));
        open.push(ws);
      });
      await page.goto(await mine.link());
      await page.waitForSelector('#catalog-search');
      await page.goto(`${mine.base}#/thread`);
      const line = page.locator('.composer input:not([disabled])');
      const sendButton = page.locator('.composer-line button.primary');
      await line.fill('Y');
      await expect.poll(() => sendButton.isEnabled(), { timeout: 30_000 }).toBe(true);

      cut = true;
      for (const ws of open.splice(0)) await ws.close();
      const note = page.locator('#composer-note');
      await expect.poll(() => note.textContent(), { timeout: 30_000 }).toBe(gone);
      expect(await sendButton.isDisabled()).toBe(true);
      // Typing goes on, and Enter sends nothing and clears nothing.
      await line.press('End');
      await line.pressSequentially('E');
      await line.press('Enter');
      expect(await line.inputValue()).toBe('YE');
      expect(await page.locator('.bubble-line.out').count()).toBe(0);

      cut = false;
      await expect.poll(() => sendButton.isEnabled(), { timeout: 30_000 }).toBe(true);
      expect(await note.textContent()).not.toBe(gone);
      expect(await line.inputValue()).toBe('YE');
      await sendButton.click();
      await page.waitForSelector('.bubble-line.out', { timeout: 30_000 });
      expect(await page.locator('.bubble-line.out .bubble-text').allTextContents()).toEqual(['YE']);
      await expect.poll(() => line.inputValue(), { timeout: 10_000 }).toBe('');
    });
  }, 120_000);

  it.each([
    ['zh-CN', '与 Hall10086 的连接断开了，这个页面暂时打不开。连接恢复后会自动打开，短信和设置都还在。', '这个页面出错了', '概览来自 Hall10086，与它的连接断开了。连接恢复后会自动显示。'],
    ['en-US', 'This page cannot be opened while the connection to Hall10086 is lost. It opens by itself once the connection is back; your messages and settings are kept.', 'This page ran into a problem', 'The overview comes from Hall10086, and the connection to it is lost. It fills in by itself once the connection is back.'],
  ] as const)('every view opens after the server stopped (%s): its code was fetched while the page was idle; one that could not be says why, with no Reload into a dead server', async (locale, cannotOpen, crashed, overviewWaits) => {
    await inOwnTab(locale, async (page, mine, stop) => {
      // The Settings view's code never arrives (as when the server went before the page was idle).
      await page.route(/\/assets\/SettingsView-[^/]+\.js$/, (route) => route.abort());
      const settled = new Set<string>();
      page.on('requestfinished', (r) => void settled.add(r.url()));
      page.on('requestfailed', (r) => void settled.add(r.url()));
      await page.goto(await mine.link());
      await page.waitForSelector('#catalog-search');
      const fetched = () => page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
      for (const view of ['ThreadView', 'ModemView', 'OverviewView']) {
        await expect.poll(async () => (await fetched()).some((name) => name.includes(`/assets/${view}-`)), { timeout: 30_000 }).toBe(true);
      }
      // A view's chunk is fetched beside the chunks it imports (one modulepreload link each, put in the page
      // together): its own having arrived says nothing of theirs. Stopped with one of them on the way (under
      // load), that view rightly could not open, and the test failed; so the server stops once every chunk
      // the page asked for has arrived (or failed, the Settings view's).
      const onTheWay = async () =>
        (await page.evaluate(() => [...document.querySelectorAll<HTMLLinkElement>('link[rel="modulepreload"]')].map((l) => l.href))).filter((href) => !settled.has(href));
      await expect.poll(onTheWay, { timeout: 30_000 }).toEqual([]);
      await stop();
      await expect.poll(async () => (await page.locator('.status-line a').first().textContent())?.trim(), { timeout: 30_000 }).not.toMatch(/^(正在连接…|Connecting…)$/);
      for (const [hash, shown] of [['#/thread', '.composer'], ['#/modem', 'article.modem-card']] as const) {
        await page.evaluate((h) => (location.hash = h), hash);
        await page.locator(shown).first().waitFor({ timeout: 30_000 });
        expect(await page.textContent('main'), hash).not.toContain(crashed);
      }
      // The overview is the core's list: it says what it waits for, not "Loading…" for ever.
      await page.evaluate(() => (location.hash = '#/overview'));
      await expect.poll(() => page.textContent('main'), { timeout: 30_000 }).toBe(overviewWaits);
      await page.evaluate(() => (location.hash = '#/settings'));
      const alert = page.locator('main [role=alert]');
      await expect.poll(() => alert.textContent(), { timeout: 30_000 }).toBe(cannotOpen);
      expect(await page.locator('main button').count()).toBe(0);
      await page.screenshot({ path: join(import.meta.dirname, `../../test-results/e2e/core-gone-views-${locale}.png`) });
    });
  }, 120_000);

  it('a header badge whose code cannot be fetched (server gone, build replaced) leaves the rest of the page working', async () => {
    await inOwnTab('en-US', async (page, mine) => {
      // What a stopped server or a rebuilt out/ gives the lazy chunk: no answer.
      await page.route(/\/assets\/(UnreadBadge|OverviewBadge)-[^/]+\.js$/, (route) => route.abort());
      // React has dealt with a failed import once it reports it: caught by a boundary (console.error) or not (a page error).
      const dealtWith = new Set<string>();
      const note = (text: string) => ['UnreadBadge', 'OverviewBadge'].forEach((chunk) => text.includes(`/assets/${chunk}-`) && dealtWith.add(chunk));
      page.on('console', (m) => m.type() === 'error' && note(m.text()));
      page.on('pageerror', (e) => note(`${e.message}\n${e.stack ?? ''}`));
      await page.goto(await mine.link());
      await page.waitForSelector('#catalog-search');
      await expect.poll(() => [...dealtWith].sort(), { timeout: 30_000, message: 'both badges\' failed imports reported by React' }).toEqual(['OverviewBadge', 'UnreadBadge']);
      expect(await page.locator('#catalog-search').count()).toBe(1);
      expect(await page.locator('nav a').count()).toBe(5);
    });
  }, 120_000);
});
