import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { HallCore } from '../../src-main/core';
import { FAST } from '../integration/session-kit';
import { coreSuite } from './core-suite';
import { ptyModemForFile } from './ui-kit';

/*
 * ux26: what a screen-reader user hears when 10086 replies, in the three places ux25 left: the open thread
 * scrolled up, a bare `#/thread` with no sending modem, and a reload. Real core with no demo modem, an emulated
 * modem on a real pseudo-terminal (socat), real Chromium and IndexedDB. Every text a status region takes on is
 * recorded from the page's load (a MutationObserver set before any script of the app), so "said once" and
 * "never said" are read from what was said, not from what the region holds at the end.
 */

const SIM = { iccid: '89860012345678904402', imsi: '460001234564402' } as const;
const NEWS = (n: number) => `SIM …904402 收到 10086 的新消息，共 ${n} 条未读。`;
const balance = (yuan: string) => `尊敬的客户，截至04月24日17时10分，您的账户余额为${yuan}元。【中国移动】`;

const modem = ptyModemForFile(SIM, FAST);

/** Set before the app's own scripts on every load: each non-empty text any polite status region shows, and each row added to a log, in order. */
function recordStatusTexts(): void {
  const said: string[] = [];
  (window as unknown as { said: string[] }).said = said;
  const last = new WeakMap<Element, string>();
  new MutationObserver((changes) => {
    for (const change of changes) {
      const node = change.target instanceof Element ? change.target : change.target.parentElement;
      // A message row added to a log already on the page is read out by the log itself (aria-live polite).
      if (node?.closest('[role=log]')) {
        for (const added of change.addedNodes) if (added instanceof Element && added.matches('[role=listitem]')) said.push(`log: ${added.textContent ?? ''}`);
        continue;
      }
      const region = node?.closest('[role=status]');
      if (!region) continue;
      const text = region.textContent ?? '';
      if (text && text !== last.get(region)) said.push(text);
      last.set(region, text);
    }
  }).observe(document, { subtree: true, childList: true, characterData: true });
}

let page: Page;
let core: HallCore;
coreSuite(
  {
    dirPrefix: 'hall-ux26-news-',
    core: (dataDir) => HallCore.create({ dataDir, demo: false }),
    perTest: true,
    prepare: (context) => context.addInitScript(recordStatusTexts),
  },
  (suite) => {
    ({ page, core } = suite);
  },
);

/** What the status regions said about 10086's replies since the page (re)loaded. */
const replyNews = () => page.evaluate(() => (window as unknown as { said: string[] }).said.filter((s) => s.includes('新消息')));
/** Where a reply was said since the page (re)loaded: `status` (the news) or `log` (its row appended to the thread's log). */
const saidOf = (yuan: string) =>
  page.evaluate((yuan) => (window as unknown as { said: string[] }).said.flatMap((s) => (s.startsWith('log: ') ? (s.includes(`${yuan}元`) ? ['log'] : []) : s.includes('新消息') ? ['status'] : [])), yuan);

async function connectModem(): Promise<string> {
  const { modemId } = await core.connect(modem().path);
  await expect.poll(async () => (await core.call('modem.list', {})).find((m) => m.modemId === modemId)?.state, { timeout: 30_000 }).toBe('ready');
  return modemId;
}

/** A reply the core takes while no page listens: the page is away (about:blank) until it is in the journal. */
async function replyWhileAway(text: string): Promise<void> {
  await page.goto('about:blank');
  modem().emulator.deliver('10086', text);
  await expect.poll(async () => (await core.call('journal.pending', {})).incoming.some((r) => r.text === text), { timeout: 30_000 }).toBe(true);
}

/** No unread reply left in any thread (the navigation's badge gone): an open thread marked its replies read. */
const allRead = () => expect.poll(() => page.locator('nav .badge-unread').count(), { timeout: 30_000 }).toBe(0);

describe('a reply from 10086 is said once, wherever the reader is', () => {
  it('in the open thread scrolled up, where its row is not drawn, a status says it and the focus stays on the line', async () => {
    await connectModem();
    await page.keyboard.press('Alt+2');
    const composer = page.locator('.composer input:not([disabled])');
    await composer.waitFor({ timeout: 30_000 });
    const log = page.getByRole('log');
    // Enough replies that the newest is not drawn once the reader scrolls to the top.
    for (let i = 0; i < 30; i++) modem().emulator.deliver('10086', balance(`${40 + i}.00`));
    await expect.poll(() => log.textContent(), { timeout: 60_000 }).toContain('69.00元');
    await allRead();
    const heardBefore = (await replyNews()).length;
    await page.locator('.message-scroller').evaluate((el) => el.scrollTo({ top: 0 }));
    await page.locator('.jump-latest').waitFor();
    await composer.focus();
    await page.keyboard.type('CX');

    modem().emulator.deliver('10086', balance('35.99'));
    await expect.poll(async () => (await replyNews()).slice(heardBefore), { timeout: 30_000 }).toEqual([NEWS(1)]);
    // Scrolled up, the reply's row is not drawn: the log could not have said it.
    expect(await log.textContent()).not.toContain('35.99元');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('输入指令');
    expect(await composer.inputValue()).toBe('CX');
    // Back at the end, the reply is seen, so read (ux27: not before, it was read on a timer), and the log says the
    // next one itself: the status does not say it a second time.
    await page.keyboard.press('Escape');
    await page.locator('.jump-latest').click();
    await page.locator('.jump-latest').waitFor({ state: 'detached' });
    await allRead();
    expect((await replyNews()).slice(heardBefore)).toEqual([NEWS(1)]);
    modem().emulator.deliver('10086', balance('35.98'));
    await expect.poll(() => log.textContent(), { timeout: 30_000 }).toContain('35.98元');
    await allRead();
    expect((await replyNews()).slice(heardBefore)).toEqual([NEWS(1)]);
  }, 180_000);

  it('on a bare #/thread with no modem to send, a reply caught up into the thread shown is said once', async () => {
    const modemId = await connectModem();
    await page.keyboard.press('Alt+2');
    modem().emulator.deliver('10086', balance('50.00'));
    await expect.poll(() => page.getByRole('log').textContent(), { timeout: 30_000 }).toContain('50.00元');
    await allRead();
    const origin = new URL(page.url()).origin;
    await replyWhileAway(balance('49.50'));
    await core.call('modem.disconnect', { modemId });

    await page.goto(`${origin}/#/thread`);
    // The only SIM's thread is shown (its first tab, which the route does not name), its newest message in view.
    await expect.poll(() => page.getByRole('log').textContent(), { timeout: 30_000 }).toContain('49.50元');
    await allRead();
    // Once: by the log when its row came after the list was drawn, by the status when the list was drawn with it.
    expect((await saidOf('49.50')).length).toBe(1);
  }, 180_000);

  it('after a reload, a reply the log already had is not said, and one caught up from the journal is said once', async () => {
    await connectModem();
    await page.keyboard.press('Alt+1');
    modem().emulator.deliver('10086', balance('60.00'));
    await expect.poll(replyNews, { timeout: 30_000 }).toEqual([NEWS(1)]);
    const origin = new URL(page.url()).origin;
    // Still unread (never opened): the log has it, the user heard it.
    await replyWhileAway(balance('59.00'));

    await page.goto(`${origin}/#/`);
    await page.locator('#catalog-search').waitFor({ timeout: 30_000 });
    await expect.poll(() => page.locator('nav .badge-unread').textContent(), { timeout: 30_000 }).toBe('2');
    await expect.poll(replyNews, { timeout: 30_000 }).toEqual([NEWS(2)]);
    // And once more with nothing new: the two the log holds are said by no one.
    await page.reload();
    await page.locator('#catalog-search').waitFor({ timeout: 30_000 });
    modem().emulator.deliver('10086', balance('58.00'));
    await expect.poll(replyNews, { timeout: 30_000 }).toEqual([NEWS(3)]);
  }, 180_000);
});
