import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { modemCard, modemReady, openMmxgConfirmation, plugInByPath, sendingBadge, twoModemSuite, type Served, type SimModem } from './ui-kit';

/*
 * The newcomer's hour, tenth round (ux21): which SIM sends, with several modems on real
 * pseudo-terminals (socat), in Chromium against browser mode.
 */

const SIMS = [
  { iccid: '89860012345670005501', imsi: '460001234565501' },
  { iccid: '89860012345670005502', imsi: '460001234565502' },
];
/** `later` has the port that sorts first: on main, plugged in second, it took over sending. */
let earlier: SimModem;
let later: SimModem;

let server: Served;
let page: Page;
twoModemSuite('newcomer-tenth-', SIMS, (suite) => {
  ({ server, page, earlier, later } = suite);
});

const card = (path: string) => modemCard(page, path);
const badgeOn = (path: string) => sendingBadge(page, path);
const plugIn = (path: string) => plugInByPath(page, server.base, path);
/** `later`'s stick pulled out (its pty gone) by a test; put back by the next that needs it, or by a retry. */
let laterOut = false;
const laterIn = () => {
  if (laterOut) later.emulator.replug();
  laterOut = false;
};
const laterPulled = () => {
  later.emulator.unplug();
  laterOut = true;
};

describe('which SIM sends, with several modems', () => {
  it('a modem plugged in second does not take over sending; the user’s choice does, and is said', async () => {
    await plugIn(earlier.path);
    await badgeOn(earlier.path).waitFor();
    await expect.poll(() => page.locator('.status-line a').first().textContent()).toContain(`SIM …${earlier.sim}`);
    await plugIn(later.path);
    await card(later.path).getByRole('button', { name: /^用这个设备发送/ }).waitFor();
    expect(await badgeOn(earlier.path).count()).toBe(1);
    expect(await badgeOn(later.path).count()).toBe(0);
    expect(await page.locator('.status-line a').first().textContent()).toContain(`SIM …${earlier.sim}`);
    // The demo modem's place taken by the first real one is said; nothing about the second.
    await page.locator('.toast', { hasText: `现在从 SIM …${earlier.sim}` }).first().waitFor();
    expect(await page.locator('.toast', { hasText: `SIM …${later.sim}` }).count()).toBe(0);
    // The user's choice changes it, and the change is said in the live region.
    await card(later.path).getByRole('button', { name: /^用这个设备发送/ }).focus();
    await page.keyboard.press('Enter');
    await badgeOn(later.path).waitFor();
    await page.locator('.toast', { hasText: `现在从 SIM …${later.sim}` }).waitFor();
  });

  it('Connect it again after Disconnect makes the modem that sent send again', async () => {
    await plugIn(earlier.path);
    await plugIn(later.path);
    // The user picks the one whose port sorts last, then takes it out and puts it back.
    await card(earlier.path).getByRole('button', { name: /^用这个设备发送/ }).or(badgeOn(earlier.path)).first().click();
    await badgeOn(earlier.path).waitFor();
    await card(earlier.path).getByRole('button', { name: /^断开/ }).click();
    await page.locator('.modem-gone').waitFor({ timeout: 15_000 });
    await badgeOn(later.path).waitFor();
    await page.locator('.toast', { hasText: `现在从 SIM …${later.sim}` }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('重新连接');
    await page.keyboard.press('Enter');
    await modemReady(page, earlier.path).waitFor({ timeout: 30_000 });
    await badgeOn(earlier.path).waitFor({ timeout: 10_000 });
    expect(await badgeOn(later.path).count()).toBe(0);
    await page.locator('.toast', { hasText: `现在从 SIM …${earlier.sim}` }).waitFor();
  });

  it('a confirmation open when the sending modem goes says the SIM that will send now', async () => {
    laterIn();
    await plugIn(earlier.path);
    await plugIn(later.path);
    await card(later.path).getByRole('button', { name: /^用这个设备发送/ }).or(badgeOn(later.path)).first().click();
    await badgeOn(later.path).waitFor();
    await openMmxgConfirmation(page, server.base);
    const dialog = page.locator('dialog[open]');
    expect(await dialog.innerText()).toContain(`从 SIM …${later.sim}`);
    expect(await dialog.getByRole('alert').count()).toBe(0);
    // The sending modem is unplugged while the password change waits for the clerk.
    laterPulled();
    await expect.poll(() => dialog.innerText(), { timeout: 30_000 }).toContain(`从 SIM …${earlier.sim}`);
    expect(await dialog.innerText()).not.toContain(`SIM …${later.sim}`);
    expect(await dialog.getByRole('alert').innerText()).toContain('发送的 SIM 在此期间变了');
    await dialog.getByRole('button', { name: '取消', exact: true }).click();
    await page.waitForSelector('dialog[open]', { state: 'detached' });
  });
});

describe('Check all on the Overview', () => {
  it('says which of the table’s SIMs it leaves out, and why', async () => {
    // `later` connected, then unplugged (set up here, not left by the test above, so that a retry starts from it too):
    // its SIM stays in the table, its modem is not ready.
    laterIn();
    await plugIn(earlier.path);
    await plugIn(later.path);
    laterPulled();
    await modemReady(page, later.path).waitFor({ state: 'detached', timeout: 30_000 });
    await page.goto(`${server.base}#/overview`);
    await page.locator('.overview-table tbody tr[aria-rowindex]', { hasText: later.sim }).first().waitFor({ timeout: 30_000 });
    const rows = await page.locator('.overview-table tbody tr[aria-rowindex]').count();
    await page.getByRole('button', { name: '立即查询全部 SIM' }).click();
    const status = page.locator('#fleet-check-status');
    await expect.poll(() => status.textContent(), { timeout: 30_000 }).toMatch(/共 \d+ 张|\/ \d+ 张已回复/);
    const said = (await status.textContent())!;
    const total = Number(/共 (\d+) 张|\/ (\d+) 张已回复/.exec(said)!.slice(1).find(Boolean));
    expect(total, said).toBeLessThan(rows);
    expect(said).toContain(`表中另有 ${rows - total} 张未查询：SIM …${later.sim}（设备未就绪）`);
  });
});
