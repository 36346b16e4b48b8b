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
import { axeViolations } from './ui-kit';

/**
 * review36's leftover: with several SIMs ready the app asks about every extension send naming the SIM, but the
 * popup showed one modem (the first ready) and said nothing of which SIM a send would use. The real built extension
 * in real Chromium, the real native host, the app core on two emulated modems over socat pseudo-terminals.
 */
const SIM_A = { iccid: '89860012345678900011', imsi: '460001234567011' };
const SIM_B = { iccid: '89860012345678900022', imsi: '460001234567022' };
const SIM_C = { iccid: '89860012345678900033', imsi: '460001234567033' };

let ext: LoadedExtension;
let appDataDir: string;
let core: HallCore | null = null;
const modems: PtyEmulator[] = [];

beforeAll(async () => {
  await buildExtension();
  appDataDir = await mkdtemp(join(tmpdir(), 'hall10086-popup-sims-'));
  ext = await loadExtension(EXTENSION_DIR, 'zh-CN', (profile) =>
    installNativeHost({ dataDir: appDataDir, launcher: [process.execPath, HOST_BIN], locations: [profileManifestLocation(profile)] }).then(() => undefined),
  );
  core = await HallCore.create({ dataDir: appDataDir, emulatorOptions: FAST });
  await core.openExtensionLink();
}, 180_000);

afterAll(async () => {
  await ext?.close();
  await core?.close();
  for (const m of modems) await m.close();
  await rm(appDataDir, { recursive: true, force: true });
});

/**
 * A popup on YE's view once its desktop section shows the app's answer to the popup's own ask (each popup asks the
 * app again): `aria-busy` stays "true" while the list it shows may be from before (a modem ready since).
 */
async function popupConnected(): Promise<Page> {
  const page = await ext.context.newPage();
  await page.goto(`${ext.base}popup.html#/instruction/YE`);
  await page.waitForSelector('#desktop-status[aria-busy="false"]', { timeout: 30_000 });
  expect(await page.textContent('#desktop-status')).toMatch(/已连接桌面应用|Connected to the desktop app/);
  return page;
}

/** Paired with the app, whether a try before this one paired already or not. */
async function paired(): Promise<void> {
  const page = await ext.context.newPage();
  await page.goto(`${ext.base}popup.html#/instruction/YE`);
  await page.waitForSelector('#desktop-pair, #desktop-status[aria-busy="false"]', { timeout: 30_000 });
  if (await page.$('#desktop-pair')) {
    await page.click('#desktop-pair');
    await page.waitForSelector('#pairing-code');
    await core!.call('approvals.decide', { id: (await pendingApproval('pair')).id, approve: true });
    await page.waitForSelector('#desktop-status[aria-busy="false"]', { timeout: 30_000 });
  }
  await page.close();
}

/** No modem in the app (a try before this one may have left some). */
async function unplugAll(): Promise<void> {
  for (const m of await core!.call('modem.list', {})) await core!.call('modem.disconnect', { modemId: m.modemId });
}

const listed = (page: Page) => page.$$eval('#desktop-modems li', (lis) => lis.map((li) => `${li.getAttribute('data-state')}: ${li.textContent}`));
/** Where a send goes, as the popup says it (or, with no such line, all its desktop status says). */
const via = (page: Page) => page.$eval('#desktop-status', (s) => s.querySelector('#desktop-via')?.textContent ?? `no line on where a send goes in: ${s.textContent}`);

/** A modem on a pty, connected in the app, once it is ready with its SIM read. */
async function plugIn(sim: typeof SIM_A): Promise<PtyEmulator> {
  const modem = await startPtyEmulator({ emulatorOptions: { ...FAST, sim } });
  modems.push(modem);
  await core!.call('modem.connect', { path: modem.path });
  await expect.poll(async () => (await core!.call('modem.list', {})).some((m) => m.path === modem.path && m.state === 'ready' && m.simId === sim.iccid), { timeout: 60_000 }).toBe(true);
  return modem;
}

async function pendingApproval(kind: 'pair' | 'send') {
  let found;
  await expect.poll(async () => (found = (await core!.call('approvals.list', {})).find((a) => a.kind === kind)), { timeout: 30_000 }).toBeTruthy();
  return found!;
}

describe('the popup shows every SIM the app can send from', () => {
  it('none, one, then two SIMs: each with its state, which one a send uses, and that the app asks with two; one going away', async () => {
    await unplugAll();
    await paired();

    // No modem: said, and nothing to send with.
    let page = await popupConnected();
    expect(await listed(page)).toEqual([]);
    expect(await via(page)).toBe('桌面应用没有连接调制解调器：在应用的“设备”页连接一个后才能发送。');
    expect(await page.isDisabled('#desktop-send')).toBe(true);
    await page.close();

    // One: its SIM as the app names it, and the send goes from it.
    await plugIn(SIM_A);
    page = await popupConnected();
    expect(await listed(page)).toEqual([expect.stringMatching(/^ready: SIM …900011 .*就绪$/)]);
    expect(await via(page)).toBe('发送将从 SIM …900011 发出。');
    await page.waitForSelector('#desktop-send:not([disabled])');
    await page.close();

    // Two: both listed, and the popup says the app asks about each send naming the SIM (the extension cannot choose).
    const b = await plugIn(SIM_B);
    page = await popupConnected();
    expect((await listed(page)).sort()).toEqual([expect.stringMatching(/^ready: SIM …900011 .*就绪$/), expect.stringMatching(/^ready: SIM …900022 .*就绪$/)]);
    expect(await via(page)).toBe('2 张 SIM 卡就绪，扩展选不了卡：每次发送都会在桌面应用中请你确认，并写明从哪张卡发出；不是这位客户的卡就拒绝。');
    // Reachable by keyboard, and the Send button tells a screen reader what the line says.
    const send = page.locator('#desktop-send');
    await send.focus();
    expect(await send.evaluate((b) => b === document.activeElement && document.getElementById(b.getAttribute('aria-describedby') ?? '')?.textContent)).toMatch(/2 张 SIM 卡就绪/);
    expect(await page.getAttribute('#desktop-modems', 'aria-label')).toBe('桌面应用的 SIM 卡');
    expect(await axeViolations(page, '#desktop')).toEqual([]);
    // What the popup said is what the app does: the send is asked, naming one of the two SIMs listed.
    await page.keyboard.press('Enter');
    const asked = await pendingApproval('send');
    expect([SIM_A.iccid, SIM_B.iccid]).toContain(asked.from?.simId);
    await core!.call('approvals.decide', { id: asked.id, approve: false });
    await page.close();

    // The same in English.
    await ext.worker.evaluate(() => chrome.storage.local.set({ lang: 'en' }));
    try {
      page = await popupConnected();
      expect(await via(page)).toBe('2 SIMs are ready and the extension cannot choose one: the desktop app asks you about every send, naming the SIM it goes from; decline it if that is not the customer’s card.');
      expect((await listed(page)).sort()).toEqual([expect.stringMatching(/^ready: SIM …900011 .*ready$/), expect.stringMatching(/^ready: SIM …900022 .*ready$/)]);
      await page.close();
    } finally {
      await ext.worker.evaluate(() => chrome.storage.local.remove(['lang']));
    }

    // B's line goes (its pty closed): listed as not ready, and sends go from A alone again.
    await b.close();
    await expect.poll(async () => (await core!.call('modem.list', {})).find((m) => m.path === b.path)?.state ?? 'gone', { timeout: 60_000 }).not.toBe('ready');
    page = await popupConnected();
    const after = await listed(page);
    expect(after.filter((l) => l.startsWith('ready:'))).toEqual([expect.stringMatching(/^ready: SIM …900011 /)]);
    expect(after.filter((l) => !l.startsWith('ready:'))).toEqual([expect.stringMatching(/^(busy|offline): .*(正在准备，暂不能发送|已断开)$/)]);
    expect(await via(page)).toBe('发送将从 SIM …900011 发出。');
    await page.close();
  }, 240_000);

  it('a popup left open sees a modem come, lose its line and go, without being opened again', async () => {
    await unplugAll();
    await paired();
    const page = await popupConnected();
    expect(await listed(page)).toEqual([]);
    // Plugged in while the popup is open: the app tells the extension, unasked, and the popup lists it ready.
    const c = await plugIn(SIM_C);
    await expect.poll(() => listed(page), { timeout: 30_000 }).toContainEqual(expect.stringMatching(/^ready: SIM …900033 .*就绪$/));
    // Its line gone (pty closed): listed as not ready, still without reopening.
    await c.close();
    await expect.poll(async () => (await listed(page)).find((l) => l.includes('…900033')) ?? 'gone', { timeout: 60_000 }).toMatch(/^(busy|offline): .*(正在准备，暂不能发送|已断开)$/);
    // Disconnected in the app: gone from the list.
    const gone = (await core!.call('modem.list', {})).find((m) => m.path === c.path)!;
    await core!.call('modem.disconnect', { modemId: gone.modemId });
    await expect.poll(async () => (await listed(page)).some((l) => l.includes('…900033')), { timeout: 30_000 }).toBe(false);
    await page.close();
  }, 180_000);

  it('the app not running, and no app installed: said as before, no SIM listed', async () => {
    // `?.`: a retry of this step finds the app closed already, as it should be.
    await core?.close();
    core = null;
    const page = await ext.context.newPage();
    await page.goto(`${ext.base}popup.html#/instruction/YE`);
    await page.waitForFunction(() => document.querySelector('#desktop-status')?.textContent?.includes('没有运行'), null, { timeout: 30_000 });
    expect(await page.$('#desktop-modems')).toBeNull();
    expect(await page.isVisible('#desktop-send')).toBe(false);

    const bare = await loadExtension(EXTENSION_DIR);
    try {
      const p = await bare.context.newPage();
      await p.goto(`${bare.base}popup.html#/instruction/YE`);
      await p.waitForFunction(() => document.querySelector('#desktop-status')?.textContent?.includes('安装并打开'), null, { timeout: 30_000 });
      expect(await p.$('#desktop-modems')).toBeNull();
      expect(await p.isVisible('#desktop-send')).toBe(false);
    } finally {
      await bare.close();
    }
  }, 120_000);
});
