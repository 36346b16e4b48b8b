import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPtyEmulator, type PtyEmulator } from '../../src-main/emulator/pty';
import { browserSuite, plugInByPath, type Served } from './ui-kit';

/**
 * review36: the composer's question says `confirm.viaChanged` when the sending SIM changes while it is up, but it
 * compared the modem's port only: a card swapped in the same modem (a clerk moving on to the next customer) changed
 * the SIM line quietly, and a yes went from the next customer's card. The React UI in real Chromium, browser mode, a
 * modem emulator on a real pseudo-terminal (socat) in this process, its card swapped with `swapSim`.
 */
let server: Served;
let page: Page;
browserSuite({ artifactPrefix: 'confirm-sim-swap-', openApp: true }, (suite) => {
  ({ server, page } = suite);
});

const FIRST = { iccid: '89860012345678900082', imsi: '460001234567008' };
const NEXT = { iccid: '89860012345678900108', imsi: '460001234567010' };
let modem: PtyEmulator;
beforeAll(async () => {
  modem = await startPtyEmulator({ emulatorOptions: { sim: FIRST } });
}, 30_000);
afterAll(async () => {
  await modem?.close();
});

describe('the question before a risky instruction, its card swapped meanwhile', () => {
  it('says the sending SIM changed when another card is put in the same modem, and nothing is sent before a yes', async () => {
    await plugInByPath(page, server.base, modem.path);
    await page.goto(`${server.base}#/instruction/TJ`);
    await page.getByRole('button', { name: '发送', exact: true }).click();
    const dialog = page.locator('dialog[open]');
    await dialog.waitFor({ timeout: 15_000 });
    expect(await dialog.locator('.confirm-via').textContent()).toContain('…900082');
    expect(await dialog.locator('.confirm-via-changed').count()).toBe(0);

    modem.emulator.swapSim(NEXT);
    // The page has heard of the next card once the question's sender line names it.
    await expect.poll(() => dialog.locator('.confirm-via').textContent(), { timeout: 30_000 }).toContain('…900108');
    expect(await dialog.locator('.confirm-via-changed').count()).toBe(1);
    expect(modem.emulator.sent.map((s) => s.part.text)).toEqual([]);
    await dialog.getByRole('button', { name: '取消' }).click();
  }, 90_000);
});
