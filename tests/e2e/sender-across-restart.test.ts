import { lstatSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serve, type Served } from './app-kit';
import { chromiumForFile, modemCard, modemReady, plugInByPath, sendingBadge, twoModemsInPortOrder, type SimModem } from './ui-kit';

/*
 * ux24: after a restart of the core, the modems it opens again (those connected last time) need not come up
 * in the order they came before. The core opens them one by one before it listens, but one whose SIM is
 * still starting when the core stops waiting for it (+CME ERROR: 14 for longer than its 20 s) is left
 * "probing" and comes up after the others. The page took the first ready one, said the saved SIM was not
 * here, then, a few seconds later, that instructions went out from the saved SIM again: two toasts for one
 * restart, the first wrong, and a clerk could send from the stand-in meanwhile (ux22, left open). The
 * page now waits, while a modem that may hold the saved SIM is still on its way by itself (the state
 * the core reports for it), before it picks a stand-in.
 * `serve` as a user starts it (no --emulator: the remembered modems are opened again), two emulated
 * modems on real pseudo-terminals (socat) opened with real serialport, real Chromium.
 */

const SIMS = [
  { iccid: '89860012345670007701', imsi: '460001234567701' },
  { iccid: '89860012345670007702', imsi: '460001234567702' },
];
/** Longer than the core waits for a starting SIM at start (10 tries 2 s apart): the test ends it once the page has seen it starting. */
const SIM_STARTING_MS = 600_000;

let browser: Browser;
chromiumForFile((b) => (browser = b));
let saved: SimModem;
let other: SimModem;
beforeAll(async () => {
  [saved, other] = await twoModemsInPortOrder(SIMS);
}, 60_000);
afterAll(async () => {
  await Promise.all([saved, other].map((m) => m?.close().catch(() => undefined)));
});

const linkThere = (path: string) => lstatSync(path, { throwIfNoEntry: false }) !== undefined;

/** The ports the core will open again at its next start (modems.json in its data folder). */
const rememberedPorts = (dataDir: string) =>
  readFile(join(dataDir, 'modems.json'), 'utf8').then((text) => (JSON.parse(text) as { ports: string[] }).ports, () => []);

/** Every toast's text and every text the status line showed, from the page's start (a toast goes by its lifetime). */
function watchToastsAndStatus(): void {
  const w = window as unknown as { seen: { toasts: string[]; status: string[] } };
  w.seen = { toasts: [], status: [] };
  new MutationObserver(() => {
    for (const el of document.querySelectorAll('.toast')) {
      const text = el.textContent ?? '';
      if (!w.seen.toasts.includes(text)) w.seen.toasts.push(text);
    }
    const status = document.querySelector('.status-line a')?.textContent ?? '';
    if (status && w.seen.status.at(-1) !== status) w.seen.status.push(status);
  }).observe(document, { subtree: true, childList: true, characterData: true });
}

describe('the sending SIM across a restart of the core', () => {
  it('is the saved SIM again, with no word of a stand-in, when its modem comes up after the other one', async () => {
    // Each try from a known state: a data folder of its own (a retry must not start with the remembered modems, sender
    // and board a failed try left), its servers stopped and `saved`'s SIM done starting whatever became of the try.
    const dataDir = await mkdtemp(join(tmpdir(), 'hall10086-sender-restart-'));
    const servers: Served[] = [];
    const context = await browser.newContext({ locale: 'zh-CN' });
    try {
      await context.addInitScript(watchToastsAndStatus);
      const page = await context.newPage();
      const seen = () => page.evaluate(() => (window as unknown as { seen: { toasts: string[]; status: string[] } }).seen);
      const first = await serve([], { dataDir, port: 'remembered', modems: 'remembered' });
      servers.push(first);
      await page.goto(first.url);
      await page.waitForSelector('#catalog-search');
      // `saved` connected first sends (and is kept as the sender); `other` beside it. Both are remembered for the next start.
      await plugInByPath(page, first.base, saved.path);
      await sendingBadge(page, saved.path).waitFor({ timeout: 30_000 });
      await plugInByPath(page, first.base, other.path);
      // Both remembered before the core stops: it says so to the page only after its card is 就绪.
      await expect.poll(() => rememberedPorts(dataDir), { timeout: 30_000 }).toEqual([saved.path, other.path]);
      expect(await sendingBadge(page, other.path).count()).toBe(0);
      expect(JSON.parse((await page.evaluate(() => localStorage.getItem('hall10086.sendingModem')))!).simId).toBe(saved.iccid);

      // The core stops; `saved`'s stick loses power and its SIM is still starting when the core opens it again.
      await first.stop();
      saved.emulator.unplug();
      await expect.poll(() => linkThere(saved.path)).toBe(false);
      saved.emulator.replug();
      saved.emulator.fault({ kind: 'sim-busy', durationMs: SIM_STARTING_MS });
      await expect.poll(() => linkThere(saved.path)).toBe(true);
      const again = await serve([], { dataDir, port: 'remembered', modems: 'remembered' });
      servers.push(again);
      expect(again.base).toBe(first.base);
      await page.goto(again.url);
      await page.waitForSelector('#catalog-search');

      // The core listens once it has opened both: `other` is ready, `saved` waits for its SIM, as the Modem page shows.
      await page.evaluate(() => (location.hash = '#/modem'));
      await modemReady(page, other.path).waitFor({ timeout: 30_000 });
      await modemCard(page, saved.path).getByText('等 SIM 卡准备好', { exact: false }).waitFor({ timeout: 30_000 });
      // Meanwhile an instruction's page says sending waits for the modem, not to connect one.
      await page.evaluate(() => (location.hash = '#/instruction/YE'));
      await page.getByText('设备正在启动或重新连接，好了就能发送。', { exact: true }).waitFor({ timeout: 10_000 });
      expect(await page.getByText('请先在“设备”页连接调制解调器').count()).toBe(0);
      // Its SIM is ready now: it comes up after the other.
      saved.emulator.fault({ kind: 'sim-busy', durationMs: 0 });
      await expect.poll(async () => (await seen()).status.at(-1), { timeout: 30_000, interval: 200 }).toContain(`SIM …${saved.sim}`);
      const { toasts, status } = await seen();
      // No toast of a stand-in, nor of the saved SIM "back": nothing changed for the clerk.
      expect(toasts.filter((t) => t.includes('不在') || t.includes('现在从')), JSON.stringify(toasts)).toEqual([]);
      // While `saved` was on its way the page said the modem was starting, and never that `other` sends.
      expect(status, JSON.stringify(status)).toContain('设备正在启动…');
      expect(status.filter((s) => s.includes(`SIM …${other.sim}`)), JSON.stringify(status)).toEqual([]);
      await page.evaluate(() => (location.hash = '#/modem'));
      await sendingBadge(page, saved.path).waitFor({ timeout: 10_000 });
      expect(await sendingBadge(page, other.path).count()).toBe(0);
    } finally {
      await context.close();
      // `first` was stopped already unless the try failed before: a second stop resolves at once.
      for (const s of servers) await s.stop().catch(() => undefined);
      saved.emulator.replug();
      saved.emulator.fault({ kind: 'sim-busy', durationMs: 0 });
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 180_000);
});
