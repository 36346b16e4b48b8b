/**
 * Retakes the README's and docs' pictures from the app as it is now: browser mode on three emulated modems
 * (the demo data: their SIMs and 10086's replies), real Chromium, the Chinese UI. Run it after a visible
 * change: `npm run screenshots` (it builds the UI first). Not a test: it asserts nothing beyond waiting for
 * what it pictures. It stops before taking any picture when no font for Chinese is installed: every picture
 * would show empty boxes for the text.
 */
import { execFileSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { buildApp, launchChromium, serve } from './app-kit';

const OUT = resolve(import.meta.dirname, '../../resources/screenshots');
const REPLY_TIMEOUT = { timeout: 60_000 };

async function sendFromCatalog(page: Page, query: string, code: string): Promise<void> {
  await page.goto(page.url().split('#')[0] + '#/');
  await page.fill('#catalog-search', query);
  await page.waitForFunction((c) => document.querySelector('.result.active .code')?.textContent === c, code);
  await page.keyboard.press('Enter');
  await page.waitForSelector('article.instruction button.primary:not([disabled])', REPLY_TIMEOUT);
  await page.keyboard.press('Control+Enter');
  await page.waitForFunction(() => location.hash.startsWith('#/thread'));
}

/** The families fontconfig (which Chromium asks) has for Chinese; none: the pictures would be boxes. */
function chineseFonts(): string {
  try {
    return execFileSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' }).trim();
  } catch {
    return '';
  }
}

async function main(): Promise<void> {
  if (!chineseFonts()) {
    throw new Error('No font for Chinese is installed (fc-list :lang=zh lists none): install one, e.g. Debian\'s fonts-wqy-microhei, and run it again. 没有可显示中文的字体：请先安装一个（如 fonts-wqy-microhei）再运行。');
  }
  await buildApp();
  const server = await serve(['--count', '3']);
  const browser = await launchChromium();
  try {
    // China's clock, as a user there sees the times (on a machine set to UTC every stamp would carry "UTC+8").
    const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1100, height: 720 }, deviceScaleFactor: 1 });
    const page = await context.newPage();
    await page.goto(server.url);
    await page.waitForSelector('#catalog-search');
    const base = page.url().split('#')[0];
    const shot = (name: string) => page.screenshot({ path: join(OUT, `${name}.png`) });

    await page.fill('#catalog-search', '还剩多少流量');
    await page.waitForFunction(() => document.querySelector('.result.active .code')?.textContent === 'CXYEG');
    await shot('catalog');

    await page.fill('#catalog-search', '上个月账单');
    await page.waitForFunction(() => document.querySelector('.result.active .code')?.textContent === 'ZD');
    await page.keyboard.press('Enter');
    await page.fill('#instruction-param-month', '2026-11');
    await page.waitForSelector('svg.qr', REPLY_TIMEOUT);
    await shot('instruction');

    await sendFromCatalog(page, '余额', 'YE');
    await sendFromCatalog(page, '查流量', 'CXYEG');
    await page.waitForFunction(() => document.querySelectorAll('.bubble-line.in .bubble-figures').length >= 2, null, REPLY_TIMEOUT);
    await shot('thread');

    await page.goto(`${base}#/assistant`);
    const input = page.getByPlaceholder('用自己的话问', { exact: false });
    await input.fill('我这个月流量还剩多少');
    await input.press('Enter');
    await page.locator('.assistant-turn .chip').first().waitFor();
    await shot('assistant');

    await page.goto(`${base}#/overview`);
    await page.waitForSelector('.fleet-check-all[aria-disabled="false"]', REPLY_TIMEOUT);
    await page.click('.fleet-check-all');
    await page.waitForFunction(() => document.querySelectorAll('.overview-table tbody td[data-kind="data.remaining"] strong').length >= 3, null, REPLY_TIMEOUT);
    await page.waitForFunction(() => !document.querySelector('#fleet-check-status')?.textContent?.includes('正在'), null, REPLY_TIMEOUT);
    // The per-SIM cards below the table read the stored figures a moment after the table shows them: the data card has its value.
    await page.waitForFunction(() => document.querySelector('.overview-sim .figure-card[data-kind="data.remaining"] .figure-value'), null, REPLY_TIMEOUT);
    await page.setViewportSize({ width: 1366, height: 720 });
    await shot('overview');

    await page.setViewportSize({ width: 1100, height: 720 });
    await page.goto(`${base}#/modem`);
    // Each card reading 就绪 in its 状态 fact (the SIM fact says 就绪 earlier, while the modem is still set up).
    await page.waitForFunction(
      () => [...document.querySelectorAll('.modem-card .facts > div')].filter((f) => f.querySelector('dt')?.textContent === '状态' && f.querySelector('dd')?.textContent === '就绪').length >= 3,
      null,
      REPLY_TIMEOUT,
    );
    await shot('modem');
  } finally {
    await browser.close();
    await server.stop();
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 1;
});
