import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, launchChromium, serve, STACK_TRACE, type Served } from './ui-kit';

const MODEMS = 3;

/**
 * "Check all SIMs now" in the Overview, in Chromium, against `serve --emulator --count 3`: three
 * emulated modems on real pseudo-terminals, opened by the real serial binding in the served core.
 */
describe('checking every SIM at once from the Overview', () => {
  let server: Served;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    await buildApp();
    server = await serve(['--count', String(MODEMS)]);
    browser = await launchChromium();
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1200, height: 760 } });
    page = await context.newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(await server.link());
    await page.waitForSelector('#catalog-search');
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const status = async () => (await page.textContent('#fleet-check-status'))?.trim();
  const button = () => page.locator('.fleet-check-all');

  it('is reached by keyboard, says how many SIMs are done, ignores a second press while running, and leaves every SIM with figures', async () => {
    await page.evaluate(() => (location.hash = '#/overview'));
    await page.waitForFunction((n) => document.querySelector('.fleet-count')?.textContent === `显示 ${n} / 共 ${n} 张 SIM`, MODEMS, { timeout: 30_000 });
    // Usable once the modems are registered and ready.
    await page.waitForSelector('.fleet-check-all[aria-disabled="false"]', { timeout: 30_000 });
    const rows = page.locator('.overview-table tbody tr[aria-rowindex]');

    // From the search box one step back is the button; Enter starts the run.
    await page.focus('.fleet-search');
    await page.keyboard.press('Shift+Tab');
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('fleet-check-all');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('#fleet-check-status')?.textContent?.trim().startsWith('正在查询'));
    expect(await button().getAttribute('aria-disabled')).toBe('true');
    expect(await status()).toMatch(new RegExp(`^正在查询：已完成 [0-${MODEMS - 1}] / 共 ${MODEMS} 张$`));
    // A second press while it runs starts nothing (the core would refuse it, and say so in a toast).
    await page.keyboard.press('Enter');
    await page.keyboard.press('Space');

    await page.waitForFunction(
      () => document.querySelector('#fleet-check-status')?.textContent?.startsWith('查询完毕'),
      undefined,
      { timeout: 60_000 },
    );
    expect(await status()).toBe(`查询完毕：${MODEMS} / ${MODEMS} 张已回复，0 张未得到回复`);
    expect(await button().getAttribute('aria-disabled')).toBe('false');
    // The focus stayed on the button all along.
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('fleet-check-all');

    // Every SIM shows its balance and data from this round, and no SIM counts a failed send.
    await page.waitForFunction((n) => document.querySelectorAll('.overview-table tbody td[data-kind="balance.balance"] strong').length === n, MODEMS);
    await page.waitForFunction((n) => document.querySelectorAll('.overview-table tbody td[data-kind="data.remaining"] strong').length === n, MODEMS);
    expect(await page.locator('.fleet-failures').count()).toBe(0);
    // Each SIM's own account: the balances differ.
    const balances = await rows.locator('td[data-kind="balance.balance"]').allTextContents();
    expect(new Set(balances).size).toBeGreaterThan(1);
    // The second press made no second run: nothing was refused.
    expect(await page.textContent('body')).not.toContain('请等这一轮结束');
    expect(await page.textContent('body')).not.toMatch(STACK_TRACE);
    expect(pageErrors).toEqual([]);
  });
});
