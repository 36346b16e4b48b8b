import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { startPtyEmulator } from '../../src-main/emulator/pty';
import { axeViolations, chromiumForFile, modemCard, modemReady, openApp, serve, STACK_TRACE } from './ui-kit';

/*
 * restart29: the modems kept for the next start (modems.json) that do not come up are shown on the Modem page,
 * each on its own card with its state and why, in the page's language, and Disconnect forgets it. One that fails
 * its set-up (here a modem that answers nothing) had no card, and a typed port that is not listed had no row
 * either: nothing said why it was not there, and nothing could forget it. `serve` as a user starts it, a silent
 * emulated modem on a real pseudo-terminal (socat), real Chromium.
 */

let browser: Browser;
chromiumForFile((b) => (browser = b));

/** `serve` as a user starts it on `dataDir`'s kept modems, its Modem page open in Chinese; then all closed, `close` too. */
async function onModemPage(dataDir: string, close: () => Promise<void>, run: (page: Page) => Promise<void>): Promise<void> {
  const server = await serve([], { dataDir, modems: 'remembered' });
  const context = await browser.newContext({ locale: 'zh-CN' });
  try {
    const page = await context.newPage();
    // The page-open budget the other e2e files have (flaky29): under load, opening passed Playwright's 30 s default.
    await openApp(page, server.url);
    await page.goto(`${server.base}#/modem`);
    await run(page);
  } finally {
    await context.close();
    await server.stop();
    await close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

describe('modems kept from the last run that do not come up', () => {
  it('have their card, with what is wrong in the page language, until Disconnect forgets them', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'hall10086-kept-cards-'));
    const silent = await startPtyEmulator({ emulatorOptions: { sim: { iccid: '89860012345670029101', imsi: '460001234529101' } } });
    silent.emulator.fault({ kind: 'silence', durationMs: 600_000 });
    const gone = join(dataDir, 'ttyGone');
    await writeFile(join(dataDir, 'modems.json'), `${JSON.stringify({ ports: [silent.path, gone] })}\n`);
    await onModemPage(dataDir, () => silent.close(), async (page) => {
      const failed = modemCard(page, silent.path);
      await failed.getByText('调制解调器没有应答 AT 命令。').waitFor({ timeout: 30_000 });
      const waiting = modemCard(page, gone);
      await waiting.getByText(`上次连接的 ${gone} 现在不在`, { exact: false }).waitFor({ timeout: 30_000 });
      expect(await waiting.locator('.facts').textContent()).toContain('正在重新连接');
      expect(await page.locator('main, body').first().textContent()).not.toMatch(STACK_TRACE);
      // No demo modem stands in for them.
      expect(await page.locator('.modem-card', { hasText: 'emulator://demo' }).count()).toBe(0);

      await failed.getByRole('button', { name: /^断开/ }).click();
      // Said once the core answered the disconnect, which it does after modems.json is written.
      await page.locator('.modem-gone', { hasText: '下次启动也不会再打开它' }).waitFor({ timeout: 30_000 });
      expect(await failed.count()).toBe(0);
      expect(JSON.parse(await readFile(join(dataDir, 'modems.json'), 'utf8'))).toEqual({ ports: [gone] });
    });
    // As the hooks that open the app allow: its opening alone may take PAGE_OPEN_MS.
  }, 240_000);
});

/*
 * ux31: a remembered modem unplugged while the app runs is waited for (正在重新连接), but its card said only 调制解调器已断开。
 * with 断开: nothing said it is waited for and comes back by itself, nor gave a way to try at once after plugging it back in
 * (the core's tries wait up to 30 s apart). The card now says what is waited for, with 立即重试 and 忘记.
 */
describe('a remembered modem unplugged while the app runs', () => {
  it('has a card saying it is waited for, with Try now (which says when it is still away) and Forget', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'hall10086-waiting-card-'));
    const link = join(dataDir, 'ttyStick');
    const sim = { iccid: '89860012345670029119', imsi: '460001234529119' };
    let stick = await startPtyEmulator({ link, emulatorOptions: { sim } });
    await writeFile(join(dataDir, 'modems.json'), `${JSON.stringify({ ports: [link] })}\n`);
    await onModemPage(dataDir, () => stick.close(), async (page) => {
      await modemReady(page, link).waitFor({ timeout: 30_000 });
      await stick.close();
      const card = modemCard(page, link);
      await card.getByText(`正在等 ${link} 回来：插上后会自动连接`, { exact: false }).waitFor({ timeout: 30_000 });
      expect(await card.locator('.facts').textContent()).toContain('正在重新连接');
      const tryNow = card.getByRole('button', { name: /^立即重试 / });
      expect(await tryNow.getAttribute('aria-describedby')).toBe(await card.locator('.field-note', { hasText: '正在等' }).getAttribute('id'));
      expect(await card.getByRole('button', { name: /^忘记 / }).count()).toBe(1);
      expect(await card.getByRole('button', { name: /^断开/ }).count()).toBe(0);
      expect(await axeViolations(page, '.modem-card')).toEqual([]);

      await tryNow.click();
      await card.getByRole('status').filter({ hasText: `刚才试过了：${link} 还是不在。` }).waitFor({ timeout: 30_000 });

      // Plugged back in: the card comes back 就绪 (by Try now or the core's own next try, whichever comes first; that
      // Try now brings it up is tests/integration/remembered-modems.test.ts's), and its button is 断开 again.
      stick = await startPtyEmulator({ link, emulatorOptions: { sim } });
      await modemReady(page, link).waitFor({ timeout: 30_000 });
      expect(await card.getByRole('button', { name: /^断开 / }).count()).toBe(1);

      await stick.close();
      await card.getByRole('button', { name: /^忘记 / }).click();
      await page.locator('.modem-gone', { hasText: '已忘记' }).waitFor({ timeout: 30_000 });
      expect(JSON.parse(await readFile(join(dataDir, 'modems.json'), 'utf8'))).toEqual({ ports: [] });
    });
  }, 240_000);
});
