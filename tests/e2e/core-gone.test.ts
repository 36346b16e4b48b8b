import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, launchChromium, serve, type Served } from './app-kit';

/**
 * Browser mode when the terminal running `hall10086 serve` (or `npm start`) is closed: the open tab
 * can only wait, so the banner says how to bring the app back, in the tab's language. Before, it
 * said "reconnecting…" for ever.
 */

let server: Served;
let stopped = false;
let browser: Browser;

beforeAll(async () => {
  await buildApp();
  server = await serve();
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  if (!stopped) await server?.stop();
});

describe('the core stopped under an open tab', () => {
  it('the banner says to start it again and open the link it prints (zh-CN, zh-TW, en-US)', async () => {
    const tabs = [];
    for (const [locale, said] of [
      ['zh-CN', /正在重试…[\s\S]*请重新启动（npm start 或 hall10086 serve），再打开它打印的链接：短信和设置都还在。/],
      ['zh-TW', /請重新啟動（npm start 或 hall10086 serve），再開啟它列印的連結/],
      ['en-US', /trying again… If the terminal where it ran was closed or stopped, start it again \(npm start, or hall10086 serve\) and open the link it prints/],
    ] as const) {
      const context = await browser.newContext({ locale, viewport: { width: 1024, height: 700 } });
      const page = await context.newPage();
      await page.goto(await server.link());
      await page.waitForSelector('#catalog-search');
      tabs.push({ page, said });
    }
    await server.stop();
    stopped = true;
    for (const { page, said } of tabs) {
      const banner = page.locator('p.banner[role=status]');
      await banner.waitFor({ timeout: 30_000 });
      expect(await banner.textContent()).toMatch(said);
    }
  }, 120_000);
});
