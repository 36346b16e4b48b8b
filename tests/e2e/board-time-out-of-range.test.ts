import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { HallCore } from '../../src-main/core';
import { emptySimState } from '../../src-shared/fleet/sim-state';
import { coreSuite } from './core-suite';

/*
 * review29: a time no Date can hold (beyond ±8.64e15 ms) is a finite number, so sim-board.json's check (and the same
 * check of another host's MQTT state) let it through; the Overview formats every row's times, and Intl threw
 * "Invalid time value" for that row: the whole Overview fell to its "could not be shown" fallback, every SIM's figures
 * with it. Such a row is now left out and said, as rows of another shape are (review26). Real core on a real data
 * folder, the built UI in real Chromium.
 */
const GOOD = { ...emptySimState('89860012345670002525'), balance: 35.2, lastUpdate: Date.UTC(2026, 11, 6, 9), asOf: { balance: Date.UTC(2026, 11, 6, 9), data: null, minutes: null, points: null } };
const FAR = { ...emptySimState('89860012345670007777'), balance: 12.5, lastUpdate: 1e16, asOf: { balance: 1e16, data: null, minutes: null, points: null } };

describe('a sim-board.json row timed beyond what a Date holds', () => {
  let page: Page;
  let core: HallCore;
  coreSuite(
    {
      dirPrefix: 'hall-board-time-range-e2e-',
      core: async (dataDir) => {
        await writeFile(join(dataDir, 'sim-board.json'), JSON.stringify({ version: 1, sims: [GOOD, FAR] }));
        return HallCore.create({ dataDir, demo: false });
      },
    },
    (suite) => {
      ({ page, core } = suite);
    },
  );

  it('leaves that row out and says so; the Overview shows the others', async () => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.evaluate(() => (location.hash = '#/overview'));
    // The good row is drawn, or the view fell to its fallback: whichever comes first.
    await page.waitForSelector(`.overview-table tbody tr[aria-rowindex], main .view-failed, main [role="alert"]`);
    expect(await page.locator('.overview-table tbody tr[aria-rowindex]').count(), `the view reads: ${await page.locator('main').textContent()}`).toBe(1);
    expect(await page.locator('.overview-table').textContent()).toContain('35.2');
    expect(errors).toEqual([]);
    const notices = await core.call('core.startupNotices', {});
    expect(notices.some((n) => /1 SIM row\(s\)/.test(n.en)), JSON.stringify(notices)).toBe(true);
  }, 240_000);
});
