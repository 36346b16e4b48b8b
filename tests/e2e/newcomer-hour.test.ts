import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserSuite, type Served } from './ui-kit';

/**
 * What a newcomer met in the fifth round's first hour, in the built UI on the demo modem: the
 * keyboard's place after a risky send is called off, and the browser's own larger text.
 */

let server: Served;
let page: Page;
browserSuite({ artifactPrefix: 'newcomer-hour-', openApp: true }, (suite) => {
  ({ server, page } = suite);
});

const open = async (hash: string, ready: string) => {
  await page.goto(`${server.base}${hash}`);
  await page.waitForSelector(ready, { timeout: 30_000 });
};

const focused = () => page.evaluate(() => document.activeElement?.outerHTML.slice(0, 80) ?? 'nothing');

describe('the keyboard after a confirmation is called off', () => {
  it.each([
    ['Escape', () => page.keyboard.press('Escape')],
    ['Cancel', () => page.locator('dialog[open] button').first().press('Enter')],
  ])('%s puts the focus back on Send, so Tab and Enter carry on from there', async (_how, callOff) => {
    await open('#/instruction/QXGPRS', '#instruction-name');
    const send = page.locator('article.instruction button.primary');
    await send.focus();
    await page.keyboard.press('Enter');
    await page.waitForSelector('dialog[open]');
    await callOff();
    await page.waitForSelector('dialog[open]', { state: 'detached' });
    await page.waitForFunction(() => document.activeElement !== document.body, undefined, { timeout: 5_000 }).catch(() => {});
    expect(await send.evaluate((b) => b === document.activeElement), await focused()).toBe(true);
    expect(await send.isDisabled()).toBe(false);
  });
});

describe('larger text set in the browser', () => {
  it('makes the messages, lists and hints larger too, not only the headings', async () => {
    await open('#/thread', '.composer input');
    const sizes = () =>
      page.evaluate(() => ['body', '.composer input', 'p.empty'].map((s) => getComputedStyle(document.querySelector(s)!).fontSize));
    const normal = await sizes();
    // What Chromium's Settings → Appearance → Font size "Very large" does: the default size becomes 24px.
    await page.addStyleTag({ content: 'html { font-size: 24px }' });
    const large = await sizes();
    expect(normal[0]).toBe('15px');
    for (const [i, size] of large.entries()) expect(parseFloat(size), ['body', 'composer', 'empty thread'][i]).toBeCloseTo(parseFloat(normal[i]!) * 1.5, 1);
  });
});

describe('Alt+1…5 from the keyboard', () => {
  it.each([
    ['Alt+4', '#settings-heading'],
    ['Alt+5', '#overview-heading'],
  ])('%s leaves the focus in the new view, so Tab goes on from there and not from the top of the page', async (keys, heading) => {
    await open('#/thread', '.composer input:not([disabled])');
    await page.focus('.composer input');
    await page.keyboard.press(keys);
    await page.waitForSelector(heading);
    expect(await page.evaluate(() => document.getElementById('main')!.contains(document.activeElement)), await focused()).toBe(true);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.getElementById('main')!.contains(document.activeElement)), await focused()).toBe(true);
  });
});

describe('a 1024 × 700 window', () => {
  it.each(['简体中文', '繁體中文', 'English'])('keeps the header on one row in %s, with unread counts beside the views', async (language) => {
    await page.setViewportSize({ width: 1024, height: 700 });
    await open('#/settings', '#settings-heading');
    await page.getByRole('radio', { name: language, exact: true }).check();
    await open('#/catalog', '#catalog-search');
    const top = async (selector: string) => (await page.locator(selector).first().boundingBox())!.y;
    const nav = await top('.app-header nav');
    expect(Math.abs((await top('.status-line')) - nav), 'status line beside the views').toBeLessThan(12);
    expect(Math.abs((await top('.app-title')) - nav), 'title beside the views').toBeLessThan(12);
    // Room for the unread and alert badges two views can carry.
    const spare = await page.evaluate(() => {
      const header = document.querySelector('.app-header')!;
      const used = [...header.children].reduce((sum, c) => sum + c.getBoundingClientRect().width, 0);
      return header.clientWidth - used;
    });
    expect(spare).toBeGreaterThan(40);
  });
});
