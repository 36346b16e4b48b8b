import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildExtension, EXTENSION_DIR } from '../../src-extension/build';
import { loadExtension, type LoadedExtension } from '../../src-extension/load-in-chromium';
import { HallCore } from '../../src-main/core';
import { startPtyEmulator, type PtyEmulator } from '../../src-main/emulator/pty';
import { installNativeHost, profileManifestLocation } from '../../src-main/native-host';
import { HOST_BIN } from '../integration/native-host-kit';
import { FAST } from '../integration/session-kit';

/**
 * review43's leftover, mend51: a send from the extension that may have gone out (`+CMS ERROR: 332` after the body, a
 * network timeout) was told to the extension as `failed`, and the worker lets a failed send go again at once: Send
 * pressed again ordered KTCL (a paid ring-back tone, sent unasked with one SIM) twice. The real built extension in real
 * Chromium, the real native host, the app core on an emulated modem over a socat pseudo-terminal.
 */
const SIM = { iccid: '89860012345678900044', imsi: '460001234567044' };

let ext: LoadedExtension;
let appDataDir: string;
let core: HallCore;
let modem: PtyEmulator;

beforeAll(async () => {
  await buildExtension();
  appDataDir = await mkdtemp(join(tmpdir(), 'hall10086-maybe-sent-'));
  ext = await loadExtension(EXTENSION_DIR, 'zh-CN', (profile) =>
    installNativeHost({ dataDir: appDataDir, launcher: [process.execPath, HOST_BIN], locations: [profileManifestLocation(profile)] }).then(() => undefined),
  );
  core = await HallCore.create({ dataDir: appDataDir, emulatorOptions: FAST });
  await core.openExtensionLink();
}, 180_000);

/** The one modem of the app, on a pty, once it is ready with its SIM read. */
async function plugIn(): Promise<void> {
  for (const m of await core.call('modem.list', {})) await core.call('modem.disconnect', { modemId: m.modemId });
  modem = await startPtyEmulator({ emulatorOptions: { ...FAST, sim: SIM } });
  await core.call('modem.connect', { path: modem.path });
  await expect.poll(async () => (await core.call('modem.list', {})).some((m) => m.state === 'ready' && m.simId === SIM.iccid), { timeout: 60_000 }).toBe(true);
}

afterAll(async () => {
  await ext?.close();
  await core?.close();
  await modem?.close();
  await rm(appDataDir, { recursive: true, force: true });
});

async function pendingApproval(kind: 'pair' | 'send') {
  let found;
  await expect.poll(async () => (found = (await core.call('approvals.list', {})).find((a) => a.kind === kind)), { timeout: 30_000 }).toBeTruthy();
  return found!;
}

/** The popup on KTCL, paired with the app, its desktop section showing the app's answer. */
async function ktclPopup(hash = '#/instruction/KTCL'): Promise<Page> {
  const page = await ext.context.newPage();
  await page.goto(`${ext.base}popup.html${hash}`);
  await page.waitForSelector('#desktop-pair, #desktop-status[aria-busy="false"]', { timeout: 30_000 });
  if (await page.$('#desktop-pair')) {
    await page.click('#desktop-pair');
    await page.waitForSelector('#pairing-code');
    await core.call('approvals.decide', { id: (await pendingApproval('pair')).id, approve: true });
    await page.waitForSelector('#desktop-status[aria-busy="false"]', { timeout: 30_000 });
  }
  await page.waitForSelector('#desktop-send:not([disabled])', { timeout: 30_000 });
  return page;
}

const states = (page: Page) => page.$$eval('#desktop-sends li', (lis) => lis.map((li) => li.getAttribute('data-state')));


describe('a send from the extension that may have gone out', () => {
  it('is shown as "may have gone out", and Send again asks first: Cancel sends nothing, Yes sends once', async () => {
    await plugIn();
    const page = await ktclPopup();
    // The network timeout comes after the body: the modem handed KTCL over and heard no acknowledgement.
    modem.emulator.fault({ kind: 'command-error', command: 'AT+CMGS', cms: 332 });
    await page.click('#desktop-send');
    await page.waitForSelector('#desktop-sends li[data-state="maybe-sent"]', { timeout: 30_000 });
    expect(await page.textContent('#desktop-sends li')).toContain('可能已经发出：请等 10086 回复后再决定是否重发');
    expect(await states(page)).toEqual(['maybe-sent']);

    // Send again: the question first, focus on Cancel.
    await page.click('#desktop-send');
    await page.waitForSelector('#desktop-resend-no');
    expect(await page.textContent('[role="alert"]')).toContain('上一次可能已经发出了，再发一次可能办理两次、扣费两次。');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('desktop-resend-no');
    await page.click('#desktop-resend-no');
    await page.waitForSelector('#desktop-send');
    expect(await states(page)).toEqual(['maybe-sent']);

    // Yes: sent once more, on the user's word.
    await page.click('#desktop-send');
    await page.click('#desktop-resend-yes');
    await expect.poll(() => states(page), { timeout: 30_000 }).toEqual(['maybe-sent', expect.stringMatching(/^(sent|delivered)$/)]);
    expect(modem.emulator.sent.map((s) => s.part.text)).toEqual(['KTCL']);
    await page.close();
  }, 120_000);

  it('in Traditional Chinese and in English too', async () => {
    for (const [lang, words] of [
      ['zh-Hant', '可能已經發出：請等 10086 回覆後再決定是否重發'],
      ['en', 'May have gone out: wait for 10086’s reply before sending again'],
    ] as const) {
      const page = await ext.context.newPage();
      await page.goto(`${ext.base}popup.html`);
      await page.evaluate((l) => chrome.storage.local.set({ lang: l }), lang);
      await page.close();
      const popup = await ktclPopup();
      await popup.waitForSelector('#desktop-sends li[data-state="maybe-sent"]');
      expect(await popup.textContent('#desktop-sends li[data-state="maybe-sent"]')).toContain(words);
      await popup.close();
    }
  }, 60_000);
});
