import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { HallCore } from '../../src-main/core';
import { FAST } from '../integration/session-kit';
import { coreSuite } from './core-suite';
import { ptyModemForFile } from './ui-kit';

/*
 * ux27, two leftovers of ux25/ux26 in the thread: a reply is read once it has been on screen (not 1.5 s after it
 * came below a reader scrolled up), and a menu reply's buttons stay reachable by Tab while no modem can send,
 * saying why. Real core with no demo modem, an emulated modem on a real pseudo-terminal (socat), real Chromium
 * and IndexedDB.
 */

const SIM = { iccid: '89860012345678904402', imsi: '460001234564402' } as const;
const balance = (yuan: string) => `尊敬的客户，截至04月24日17时10分，您的账户余额为${yuan}元。【中国移动】`;
const MENU = '您好！截至04月24日17时10分，您本月已使用移动数据流量1G241.21M，套餐内流量剩余2G386.52M。\n回复序号办理:\n661.流量包\n662.流量加油包\n【中国移动】';
/** The old timer marked the thread read this long after a reply came; the page's clock is moved on twice that. */
const OLD_READ_AFTER_MS = 1500;

const modem = ptyModemForFile(SIM, FAST);

let page: Page;
let core: HallCore;
// The page's clock is the test's (it runs as a real one until moved on), so a timer can be run without waiting for it.
const install = (context: BrowserContext) => context.clock.install();
coreSuite({ dirPrefix: 'hall-ux27-seen-', core: (dataDir) => HallCore.create({ dataDir, demo: false }), prepare: install, perTest: true }, (suite) => {
  ({ page, core } = suite);
});

async function connectModem(): Promise<string> {
  const { modemId } = await core.connect(modem().path);
  await expect.poll(async () => (await core.call('modem.list', {})).find((m) => m.modemId === modemId)?.state, { timeout: 30_000 }).toBe('ready');
  return modemId;
}

/** An unread badge's number (the navigation's, else the SIM tab's), or null when there is none. */
const unreadBadge = (where = 'nav') => page.evaluate((where) => document.querySelector(`${where} .badge-unread`)?.textContent ?? null, where);
const navUnread = () => unreadBadge();

/** The thread of a modem with 30 replies, all read (the newest was on screen), then scrolled to its top: a new reply comes below the fold. */
async function thirtyReadThenScrolledUp() {
  await connectModem();
  await page.keyboard.press('Alt+2');
  await page.locator('.composer input:not([disabled])').waitFor({ timeout: 30_000 });
  const log = page.getByRole('log');
  for (let i = 0; i < 30; i++) modem().emulator.deliver('10086', balance(`${40 + i}.00`));
  await expect.poll(() => log.textContent(), { timeout: 60_000 }).toContain('69.00元');
  // At the end, the newest on screen: all read.
  await expect.poll(navUnread, { timeout: 30_000 }).toBe(null);
  await page.locator('.message-scroller').evaluate((el) => el.scrollTo({ top: 0 }));
  await page.locator('.jump-latest').waitFor();
  return log;
}

describe('the thread, as a reader sees it', () => {
  it('a reply that came below a reader scrolled up stays unread until it is scrolled into view', async () => {
    const log = await thirtyReadThenScrolledUp();

    modem().emulator.deliver('10086', balance('35.99'));
    await expect.poll(navUnread, { timeout: 30_000 }).toBe('1');
    // Twice the old timer later (every timer due by then has run), still below the fold: still unread. A reply stored
    // after it, whose write comes after any marking such a timer began, counts two unread, in the navigation and on
    // the SIM's tab; one had the first been marked read unseen.
    await page.clock.fastForward(OLD_READ_AFTER_MS * 2);
    modem().emulator.deliver('10086', balance('36.99'));
    await expect.poll(() => Promise.all([navUnread(), unreadBadge('[role=tab]')]), { timeout: 30_000 }).toEqual(['2', '2']);
    expect(await log.textContent()).not.toContain('35.99元');
    // Scrolled into view: read.
    await page.locator('.jump-latest').click();
    await expect.poll(() => log.textContent(), { timeout: 30_000 }).toContain('36.99元');
    await expect.poll(navUnread, { timeout: 30_000 }).toBe(null);
  }, 180_000);

  // mend49: "back to the latest" goes away once at the end; pressed by keyboard it took the focus with it, to the page's body.
  it('back to the latest pressed by keyboard leaves the focus in the thread’s log, at its end', async () => {
    const log = await thirtyReadThenScrolledUp();
    await page.locator('.jump-latest').focus();
    await page.keyboard.press('Enter');
    await page.locator('.jump-latest').waitFor({ state: 'detached', timeout: 30_000 });
    expect(await page.evaluate(() => (document.activeElement === document.body ? 'body' : (document.activeElement?.getAttribute('role') ?? document.activeElement?.tagName)))).toBe('log');
    expect(await log.textContent()).toContain('69.00元');
  }, 180_000);

  it('the navigation’s badge and the SIM tab’s show one count, and change together, once (mend28: one live query)', async () => {
    await thirtyReadThenScrolledUp();
    // Every pair of numbers the page ever shows, after each change of the page: before, the badge, the screen
    // reader's news and each tab each ran a query of their own, and the two badges changed apart.
    await page.evaluate(() => {
      const w = window as unknown as { shownPairs: string[] };
      w.shownPairs = [];
      const pair = () => JSON.stringify(['nav', '[role=tab]'].map((at) => document.querySelector(`${at} .badge-unread`)?.textContent ?? null));
      const note = () => w.shownPairs.at(-1) !== pair() && w.shownPairs.push(pair());
      note();
      new MutationObserver(note).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    modem().emulator.deliver('10086', balance('35.99'));
    await expect.poll(() => Promise.all([navUnread(), unreadBadge('[role=tab]')]), { timeout: 30_000 }).toEqual(['1', '1']);
    modem().emulator.deliver('10086', balance('36.99'));
    await expect.poll(() => Promise.all([navUnread(), unreadBadge('[role=tab]')]), { timeout: 30_000 }).toEqual(['2', '2']);
    expect(await page.evaluate(() => (window as unknown as { shownPairs: string[] }).shownPairs)).toEqual(['[null,null]', '["1","1"]', '["2","2"]']);
  }, 180_000);

  it('with no modem to send, a menu reply’s buttons are reached by Tab, say why, and a press sends nothing', async () => {
    const modemId = await connectModem();
    await page.keyboard.press('Alt+2');
    modem().emulator.deliver('10086', MENU);
    const option = page.getByRole('button', { name: '661 流量包' });
    await option.waitFor({ timeout: 30_000 });
    await core.call('modem.disconnect', { modemId });
    await page.locator('.composer input[disabled]').waitFor({ timeout: 30_000 });

    // By keyboard from the thread's log: the first option is the next Tab stop.
    await page.locator('.message-scroller').focus();
    await page.keyboard.press('Tab');
    const focused = () => page.evaluate(() => (document.activeElement?.textContent ?? '').trim());
    expect(await focused()).toBe('661 流量包');
    // What a screen reader says with it: unavailable, and why.
    const said = await option.evaluate((el) => ({
      disabled: el.getAttribute('aria-disabled'),
      why: (el.getAttribute('aria-describedby') ?? '')
        .split(' ')
        .map((id) => document.getElementById(id)?.textContent?.trim() ?? '')
        .join(' '),
    }));
    expect(said).toEqual({ disabled: 'true', why: '这张 SIM 卡所在的设备没有连接，暂时不能发送。' });
    await page.keyboard.press('Enter');
    await page.keyboard.press('Space');
    // Nothing asked, nothing sent, the focus where it was.
    expect(await page.locator('dialog[open]').count()).toBe(0);
    expect(await page.locator('.bubble-line.out').count()).toBe(0);
    expect(await focused()).toBe('661 流量包');
  }, 120_000);
});
