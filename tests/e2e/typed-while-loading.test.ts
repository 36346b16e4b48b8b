import type { Page, Route } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { HallCore } from '../../src-main/core';
import { FAST } from '../integration/session-kit';
import { coreSuite } from './core-suite';

/*
 * mend60: a view whose code is fetched on its first opening (the thread's, here) showed "正在载入…" for a moment, and
 * what the clerk typed meanwhile went nowhere: the focus was on the page's main area and the composer came after.
 * Here the thread view's chunk is held on the wire (the request waits) while keys are typed, then let through: the
 * same order a slow disk or a busy machine gives, made certain. Real core with the demo modem, browser mode in real
 * Chromium, real keys (Playwright's keyboard).
 */
describe('Keys typed while the thread view loads', () => {
  let core: HallCore;
  let page: Page;
  let held: Route[] = [];
  let release = false;
  coreSuite(
    {
      dirPrefix: 'hall-typed-while-loading-',
      core: (dataDir) => HallCore.create({ dataDir, demo: true, emulatorOptions: FAST }),
      perTest: true,
      // The thread view's chunk (fetched when the page is idle, or when it is opened) is answered only once the test lets it.
      prepare: (context) => {
        held = [];
        release = false;
        return context.route(/\/assets\/ThreadView-[^/]*\.js$/, (route) => (release ? route.continue() : void held.push(route)));
      },
    },
    (suite) => {
      ({ core, page } = suite);
    },
  );

  /** The thread opened while its code is held, `keys` typed on its "正在载入…", then the code let through: the composer's line. */
  async function typedWhileHeld(keys: (page: Page) => Promise<void>) {
    // The demo modem is up (its thread has a composer that can send) and the view's code was asked for.
    await expect.poll(async () => (await core.call('modem.list', {})).some((m) => m.simId), { timeout: 30_000 }).toBe(true);
    await expect.poll(() => held.length, { timeout: 30_000 }).toBeGreaterThan(0);
    await page.evaluate(() => (location.hash = '#/thread'));
    await page.locator('main', { hasText: '正在载入…' }).waitFor({ timeout: 30_000 });
    await keys(page);
    expect(await page.locator('.composer').count(), 'the thread was not there yet while typing').toBe(0);
    release = true;
    await Promise.all(held.map((r) => r.continue()));
    const line = page.locator('.composer input:not([disabled])');
    await line.waitFor({ timeout: 30_000 });
    return line;
  }

  it('reach the composer’s line, in order, and it has the focus with the caret at the end', async () => {
    const line = await typedWhileHeld((p) => p.keyboard.type('CXYE'));
    await expect.poll(() => line.inputValue(), { timeout: 10_000, message: 'what was typed while the thread loaded' }).toBe('CXYE');
    expect(await line.evaluate((el) => el === document.activeElement)).toBe(true);
    // The next key goes after them, as in any line being typed.
    await page.keyboard.type('1');
    expect(await line.inputValue()).toBe('CXYE1');
  }, 120_000);

  it('an Enter typed before the thread is there sends nothing: the text around it stays in the line, to send by a new Enter', async () => {
    const sent: string[] = [];
    core.on('outgoing', (r) => sent.push(r.id));
    const line = await typedWhileHeld(async (p) => {
      await p.keyboard.type('Y');
      await p.keyboard.press('Enter');
      await p.keyboard.type('E');
    });
    await expect.poll(() => line.inputValue(), { timeout: 10_000, message: 'what was typed while the thread loaded' }).toBe('YE');
    // Nothing asked to go out, nothing in the thread: the log has no outgoing bubble, the core no command.
    expect(await page.locator('.bubble-line.out').count()).toBe(0);
    expect(sent).toEqual([]);
    // The Enter pressed now, in the line the clerk sees, sends it.
    await page.keyboard.press('Enter');
    await page.locator('.bubble-line.out').first().waitFor({ timeout: 30_000 });
    expect(await page.locator('.bubble-line.out .bubble-text').allTextContents()).toEqual(['YE']);
  }, 120_000);
});
