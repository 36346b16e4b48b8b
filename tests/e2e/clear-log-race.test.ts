import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserSuite, readLog, type Served } from './ui-kit';

/**
 * review17: "Clear the local log…" asks first, naming what it deletes (messages: N…), and then deleted
 * whatever the log held when the user confirmed. A message stored meanwhile (a reply to another tab's
 * send, a scheduled check's, anything 10086 wrote while the dialog was open, or between an export and
 * the clear) went with it, unseen and never exported; the store had acknowledged it, so the journal
 * let it go too, and the SIM's copy was deleted when it was journaled: lost.
 */

let server: Served;
let context: BrowserContext;
let page: Page;
browserSuite({ artifactPrefix: 'clear-log-race-', openApp: true }, (suite) => {
  ({ server, context, page } = suite);
});

const received = async (p: Page) => (await readLog(p)).messages.filter((m) => m.direction === 'in');

describe('clearing the local log (review17)', () => {
  it('deletes only what its dialog named: a reply stored while the dialog was open stays, and the dialog asks again with the new figures', async () => {
    await page.goto(`${server.base}#/settings`);
    await page.click('.settings .danger:not([disabled])');
    const dialog = page.locator('dialog[open]');
    await dialog.waitFor();
    const ids = async (p: Page) => new Set((await received(p)).map((m) => m.id as string));
    const named = await ids(page);

    // Meanwhile, in another tab of the app: YE sent, 10086's reply stored.
    const other = await context.newPage();
    await other.goto(await server.link());
    await other.waitForSelector('#catalog-search');
    await other.goto(`${server.base}#/instruction/YE`);
    const send = other.locator('article.instruction button.primary');
    await expect.poll(() => send.isEnabled(), { timeout: 30_000 }).toBe(true);
    await send.click();
    // Whole: a long reply's second part would change the figures again.
    const newcomers = async () => (await received(other)).filter((m) => !named.has(m.id as string) && m.complete).map((m) => m.id as string);
    await expect.poll(async () => (await newcomers()).length, { timeout: 45_000 }).toBeGreaterThan(0);
    const arrived = await newcomers();

    await dialog.locator('button.danger').click();
    // The user is asked again, with what the log holds now…
    const again = page.locator('dialog[open]');
    await expect.poll(async () => ((await again.count()) ? await again.textContent() : ''), { timeout: 10_000 }).toContain('又有新的记录');
    // …and nothing the dialog did not name was deleted: the reply is still in the log.
    expect([...(await ids(page))]).toEqual(expect.arrayContaining(arrived));
    // Confirmed with the figures in front of them, it clears what they named (asking again while more comes in).
    const done = page.locator('.toast-text', { hasText: '本机记录已清除' });
    for (let asked = 0; asked < 5 && !(await done.count()); asked++) {
      await again.locator('button.danger').click();
      await expect.poll(async () => (await done.count()) + (await again.count()), { timeout: 10_000 }).toBeGreaterThan(0);
    }
    await expect.poll(async () => [...(await ids(page))].filter((id) => arrived.includes(id)), { timeout: 10_000 }).toEqual([]);
    await other.close();
  }, 150_000);
});
