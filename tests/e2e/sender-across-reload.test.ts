import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { modemCard, plugInByPath, sendingBadge, twoModemSuite, type Served, type SimModem } from './ui-kit';

/*
 * ux22: the sending modem lived only in the page (ux21's `current`). After a reload with no saved
 * choice, the first ready modem in port order sent again, and nothing said so. Two modems on real
 * pseudo-terminals (socat), browser mode, real Chromium.
 */

const SIMS = [
  { iccid: '89860012345670006601', imsi: '460001234566601' },
  { iccid: '89860012345670006602', imsi: '460001234566602' },
];
/** `earlier` is plugged in first; `later`'s port sorts first, so a pick in port order takes it. */
let earlier: SimModem;
let later: SimModem;

let server: Served;
let page: Page;
twoModemSuite('sender-across-reload-', SIMS, (suite) => {
  ({ server, page, earlier, later } = suite);
});

const card = (path: string) => modemCard(page, path);
const badgeOn = (path: string) => sendingBadge(page, path);
const statusSim = () => page.locator('.status-line a').first().textContent();

describe('the sending modem across a reload', () => {
  it('a reload sends from the SIM that sent before, not the first in port order; when that SIM is away the page says so; back, it sends again', async () => {
    await plugInByPath(page, server.base, earlier.path);
    await badgeOn(earlier.path).waitFor();
    await plugInByPath(page, server.base, later.path);
    await card(later.path).getByRole('button', { name: /^用这个设备发送/ }).waitFor();

    // Reloaded (or the app started again): the same SIM sends, silently, though `later` sorts first.
    await page.reload();
    await page.goto(`${server.base}#/modem`);
    await badgeOn(earlier.path).waitFor({ timeout: 30_000 });
    expect(await badgeOn(later.path).count()).toBe(0);
    await expect.poll(statusSim).toContain(`SIM …${earlier.sim}`);
    expect(await page.locator('.toast').count()).toBe(0);
    // Kept by SIM id and port, nothing else of the SIM (its IMSI is not written).
    const kept = await page.evaluate(() => localStorage.getItem('hall10086.sendingModem'));
    expect(JSON.parse(kept!)).toEqual({ simId: earlier.iccid, path: earlier.path, chosen: false, demo: false });
    expect(kept).not.toContain(earlier.imsi);

    // The saved SIM is taken out; the page is loaded again: another SIM sends, and the page says which, and that the saved one is away.
    await card(earlier.path).getByRole('button', { name: /^断开/ }).click();
    await page.locator('.modem-gone').waitFor({ timeout: 15_000 });
    await page.reload();
    const away = page.locator('.toast', { hasText: `上次发送用的 SIM …${earlier.sim} 不在：现在从 SIM …${later.sim}` });
    await away.waitFor({ timeout: 30_000 });
    // A warning, in the live region that reads it out.
    expect(await away.getAttribute('class')).toContain('warning');
    expect(await page.locator('[aria-live], [role=status], [role=alert]').filter({ has: away }).count()).toBeGreaterThan(0);
    await expect.poll(statusSim).toContain(`SIM …${later.sim}`);
    // The stand-in is not saved: the saved SIM is still the one meant.
    expect(JSON.parse((await page.evaluate(() => localStorage.getItem('hall10086.sendingModem')))!).simId).toBe(earlier.iccid);

    // Connected again: it sends again, and that is said too.
    await plugInByPath(page, server.base, earlier.path);
    await badgeOn(earlier.path).waitFor({ timeout: 10_000 });
    await page.locator('.toast', { hasText: `现在从 SIM …${earlier.sim}` }).waitFor();
    await expect.poll(statusSim).toContain(`SIM …${earlier.sim}`);
  }, 150_000);
});
