import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HallCore } from '../../src-main/core';
import { startPtyEmulator, type PtyEmulator } from '../../src-main/emulator/pty';
import { isUnidentifiedSim } from '../../src-shared/at/sim-id';
import { coreSuite } from './core-suite';
import { STACK_TRACE } from './ui-kit';

/**
 * simid26 / fleet25: a SIM that answers neither ICCID nor IMSI, put into one USB modem after another such card. The
 * user is told, in the UI's language, when it comes up (a warning) and on its modem card (a line saying why its
 * messages and retries are this insertion's only). The Overview keeps one row per modem for such cards: the one
 * before goes, live, when the next is brought up, and nothing of its figures passes to the next. The emulator on a
 * real pseudo-terminal (socat), opened by the real serial binding; the built UI in real Chromium.
 */

let core: HallCore;
let page: Page;
coreSuite({ dirPrefix: 'hall10086-unidentified-', core: (dataDir) => HallCore.create({ dataDir, demo: false }), context: { viewport: { width: 1100, height: 760 } } }, (suite) => {
  ({ core, page } = suite);
});

let modem: PtyEmulator;
beforeAll(async () => {
  modem = await startPtyEmulator({ emulatorOptions: { sim: { idsUnreadable: true, iccid: '89860012345678900074', imsi: '460001234567007' } } });
}, 60_000);
afterAll(async () => {
  await modem?.close();
});

/** The insertion before this one, whose row must go when this one comes up. */
let previous: string | null = null;

describe('a SIM that cannot be identified, one card after another in one modem', () => {
  it.each([
    ['简体中文', '无法识别这张 SIM 卡', '它的消息和重发只属于这一次插入', '这张 SIM 卡既读不出 ICCID 也读不出 IMSI，无法识别。本次插入记作 '],
    ['English', 'SIM could not be identified', 'Its messages and retries belong to this insertion only', 'This SIM gives neither its ICCID nor its IMSI, so it cannot be identified. This insertion is '],
  ])('is said so (%s) in a warning and on its modem card, and the Overview keeps one row for the modem, not one per card', async (language, line, why, warning) => {
    for (const m of await core.call('modem.list', {})) await core.call('modem.disconnect', { modemId: m.modemId });
    modem.emulator.insertSim({ idsUnreadable: true, iccid: `8986001234567890008${language === 'English' ? 2 : 1}`, imsi: '460001234567008' });
    const base = new URL(page.url()).origin + new URL(page.url()).pathname;
    // The UI's language, chosen in Settings as a user does.
    await page.goto(`${base}#/settings`);
    await page.getByRole('radio', { name: language, exact: true }).check();
    await page.goto(`${base}#/overview`);
    const rows = page.locator('tr[data-sim^="unidentified:"]');
    if (previous) await page.locator(`tr[data-sim="${previous}"]`).waitFor({ timeout: 30_000 });

    // Brought up while the page is open: the warning comes as it happens.
    const { modemId } = await core.connect(modem.path);
    let simId: string | null | undefined;
    await expect.poll(async () => (simId = (await core.call('modem.list', {})).find((m) => m.modemId === modemId && m.state === 'ready')?.simId), { timeout: 30_000 }).toBeTruthy();
    expect(isUnidentifiedSim(simId!)).toBe(true);
    expect(simId).not.toBe(previous);
    const toast = page.locator('.toast', { hasText: warning });
    await toast.waitFor({ timeout: 30_000 });
    expect(await toast.textContent()).toContain(`${warning}${simId}`);

    // The Overview: this insertion's row, and the one before it gone without a reload.
    await page.locator(`tr[data-sim="${simId}"]`).waitFor({ timeout: 30_000 });
    await expect.poll(() => rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-sim'))), { timeout: 30_000 }).toEqual([simId]);

    await page.goto(`${base}#/modem`);
    const facts = page.locator('.modem-card .facts');
    await facts.getByText(line, { exact: true }).waitFor({ timeout: 30_000 });
    expect(await facts.textContent()).toContain(why);
    expect(await page.textContent('body')).not.toMatch(STACK_TRACE);
    await page.screenshot({ path: join(import.meta.dirname, `../../test-results/e2e/unidentified-sim-${language === 'English' ? 'en' : 'zh'}.png`) });
    previous = simId!;
  }, 120_000);
});
