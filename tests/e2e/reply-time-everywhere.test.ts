import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserSuite, type BrowserSuite, type Served } from './ui-kit';

/*
 * One reply, one time (ux19): the Overview's card and fleet row read 10086's reply on the network's
 * clock, as the thread does, on a computer in London (UTC in December) and one in Shanghai. Before,
 * the Overview read this computer's clock: "今天 03:18" there, "11:18 UTC+8" in the thread.
 */

let server: Served;
let page: Page;
let reopen: BrowserSuite['reopen'];
browserSuite({ artifactPrefix: 'reply-time-everywhere-', openApp: false }, (suite) => {
  ({ server, page, reopen } = suite);
});

/** Sends YE on the demo SIM's thread in a fresh profile whose clock is in `timezoneId`, and waits for the reply. */
async function balanceReply(timezoneId: string): Promise<void> {
  await reopen({ timezoneId, viewport: { width: 1100, height: 760 } });
  await page.goto(await server.link());
  await page.waitForSelector('#catalog-search');
  await page.goto(`${server.base}#/thread`);
  await page.waitForSelector('.composer input:not([disabled])');
  await page.fill('.composer input', 'YE');
  await page.keyboard.press('Enter');
  await page.getByRole('article', { name: /^10086 / }).filter({ hasText: '余额' }).last().waitFor({ timeout: 30_000 });
}

/** The time the thread shows under the reply: "11:18" or "11:18 UTC+8". */
async function threadTime(): Promise<string> {
  return (await page.getByRole('article', { name: /^10086 / }).last().locator('time').innerText()).trim();
}

/** The balance card's and the fleet row's times on the Overview. */
async function overviewTimes(): Promise<{ card: string; cardTitle: string | null; row: string; rowTitle: string | null }> {
  await page.goto(`${server.base}#/overview`);
  const card = page.locator('.overview-sim .figure-card[data-kind="balance.balance"] .figure-time');
  await card.waitFor({ timeout: 15_000 });
  const row = page.locator('.fleet-updated-time').first();
  await row.waitFor({ timeout: 15_000 });
  return { card: (await card.innerText()).trim(), cardTitle: await card.getAttribute('title'), row: (await row.innerText()).trim(), rowTitle: await row.getAttribute('title') };
}

describe('a reply’s time on the Overview', () => {
  it('is the thread’s time, zone said, on a computer in London', async () => {
    await balanceReply('Europe/London');
    const inThread = await threadTime();
    expect(inThread).toMatch(/^\d\d:\d\d UTC\+8$/);
    const hhmm = inThread.slice(0, 5);
    const times = await overviewTimes();
    // The card says the day and the thread's time with the zone ("今天 11:18 UTC+8", or a date near midnight).
    expect(times.card.endsWith(` ${inThread}`), JSON.stringify(times)).toBe(true);
    expect(times.cardTitle).toMatch(/^本机时间 \d\d:\d\d$/);
    expect(times.cardTitle).not.toBe(`本机时间 ${hhmm}`);
    // The row is too narrow for the zone: its time is the thread's, its title says the zone and this computer's time.
    expect(times.row.endsWith(` ${hhmm}`), JSON.stringify(times)).toBe(true);
    expect(times.rowTitle).toContain(`${hhmm} UTC+8`);
    expect(times.rowTitle).toContain('本机时间');
  });

  it('is the thread’s plain time on a computer in Shanghai', async () => {
    await balanceReply('Asia/Shanghai');
    const inThread = await threadTime();
    expect(inThread).toMatch(/^\d\d:\d\d$/);
    const times = await overviewTimes();
    expect(times.card.endsWith(` ${inThread}`), JSON.stringify(times)).toBe(true);
    expect(times.cardTitle).toBeNull();
    expect(times.row.endsWith(` ${inThread}`), JSON.stringify(times)).toBe(true);
    expect(times.rowTitle).not.toContain('UTC');
  });
});
