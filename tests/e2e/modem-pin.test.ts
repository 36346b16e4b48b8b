import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RENDERER_DIR } from '../../src-main/cli/commands/serve-command';
import { createCore } from '../../src-main/core';
import type { HallCore } from '../../src-main/core/core';
import { startPtyEmulator, type PtyEmulator } from '../../src-main/emulator/pty';
import { startServer, type RunningServer } from '../../src-main/server';
import { buildApp, launchChromium } from './app-kit';
import { STACK_TRACE } from './ui-kit';

/**
 * A SIM that asks for its PIN, on an emulated modem behind a real pseudo-terminal (socat), opened by
 * the real serial binding; the built UI in real Chromium. A wrong PIN is said where the next one is
 * typed, with what to do, in the UI's language.
 */

let dataDir: string;
let core: HallCore;
let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  await buildApp();
  dataDir = await mkdtemp(join(tmpdir(), 'hall10086-pin-'));
  core = await createCore({ demo: false, dataDir });
  server = await startServer({ core, staticDir: RENDERER_DIR, port: 0 });
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await core?.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('a wrong SIM PIN', () => {
  it.each([
    ['zh-CN', '密码（PIN 码）错误。', '连续输错 3 次会锁卡', '设备需要处理', '等你处理'],
    ['en-US', 'Incorrect password (PIN).', 'three wrong tries lock the card', 'Modem needs attention', 'Waiting for you'],
  ])('is said under the PIN field with what to do (%s), the field keeps the focus, and the right PIN then unlocks', async (locale, wrong, advice, status, waiting) => {
    // Its own modem each time: the first unlocks its SIM.
    const modem: PtyEmulator = await startPtyEmulator({ emulatorOptions: { sim: { pin: '1234', puk: '12345678', iccid: '89860012345678900017', imsi: '460001234567001', smsc: '+8613800100500' } } });
    const { modemId } = await core.connect(modem.path);
    const context = await browser.newContext({ locale, viewport: { width: 1024, height: 700 } });
    try {
      const page = await context.newPage();
      await page.goto(server.newLaunchLink());
      await page.waitForSelector('#catalog-search');
      await page.goto(`${server.url.split('#')[0]}#/modem`);
      const field = page.locator('.pin-entry input');
      await field.waitFor({ timeout: 30_000 });
      // The status line on every page: the modem waits for its PIN, it is not missing.
      expect((await page.locator('.status-line a').first().textContent())?.trim()).toBe(status);
      expect(await page.locator('.modem-card .facts').textContent()).toContain(waiting);
      const note = page.locator('.pin-entry [role=alert]');
      await field.fill('0000');
      await field.press('Enter');
      await note.waitFor({ timeout: 20_000 });
      expect(await note.textContent()).toContain(wrong);
      expect(await note.textContent()).toContain(advice);
      expect(await field.evaluate((f) => f === document.activeElement)).toBe(true);
      expect(await field.getAttribute('aria-invalid')).toBe('true');
      expect(await page.textContent('body')).not.toMatch(STACK_TRACE);
      await page.screenshot({ path: join(import.meta.dirname, `../../test-results/e2e/modem-pin-wrong-${locale}.png`) });
      await field.fill('1234');
      await field.press('Enter');
      await page.locator('.pin-entry').waitFor({ state: 'detached', timeout: 30_000 });
      await page.waitForFunction((attention) => document.querySelector('.status-line a')?.textContent?.trim() !== attention, status, { timeout: 30_000 });
    } finally {
      await context.close();
      await core.call('modem.disconnect', { modemId });
      await modem.close();
    }
  }, 90_000);
});

describe('a SIM that stays busy starting (+CME ERROR: 14)', () => {
  it('reads "waiting for the SIM", not "Waiting for you", and the status line "starting", not "needs attention": there is nothing for the user to do yet', async () => {
    const modem: PtyEmulator = await startPtyEmulator({ emulatorOptions: { sim: { iccid: '89860012345678900025', imsi: '460001234567002', smsc: '+8613800100500' } } });
    // Every +CPIN answered "SIM busy": the session asks again for about 20 s, then waits for the SIM's READY.
    modem.emulator.fault({ kind: 'command-error', command: '+CPIN', cme: 14, times: 1000 });
    const { modemId } = await core.connect(modem.path);
    const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1024, height: 700 } });
    try {
      const page = await context.newPage();
      await page.goto(server.newLaunchLink());
      await page.waitForSelector('#catalog-search');
      await page.goto(`${server.url.split('#')[0]}#/modem`);
      const facts = page.locator('.modem-card .facts');
      await expect.poll(() => facts.textContent(), { timeout: 60_000 }).toContain('Waiting for the SIM card to be ready');
      expect(await facts.textContent()).not.toContain('Waiting for you');
      expect(await page.locator('.modem-card .traps').textContent()).toContain('stays busy');
      // The status line on every page agrees with the card: on its way, not "needs attention".
      expect((await page.locator('.status-line a').first().textContent())?.trim()).toBe('Modem starting…');
    } finally {
      await context.close();
      await core.call('modem.disconnect', { modemId });
      await modem.close();
    }
  }, 120_000);
});
