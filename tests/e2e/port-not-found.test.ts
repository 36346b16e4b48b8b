import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { HallCore } from '../../src-main/core';
import { coreSuite } from './core-suite';

/*
 * ux29, the newcomer's first hour: a port typed wrong on the Modem page was answered with the command line's
 * advice ("或用 hall10086 ports 查看可用串口"), in a browser whose list of ports stands just above the field.
 */

let page: Page;
coreSuite({ dirPrefix: 'hall-ux29-port-', core: (dataDir) => HallCore.create({ dataDir, demo: false }) }, (suite) => {
  ({ page } = suite);
});

describe('a port that does not exist, typed on the Modem page', () => {
  it('says so with what to do on this page, not a command to type elsewhere', async () => {
    await page.keyboard.press('Alt+3');
    const field = page.locator('#port-by-path');
    await field.waitFor({ timeout: 30_000 });
    await field.fill('/dev/ttyNOPE9');
    await page.keyboard.press('Enter');
    const note = page.locator('#port-by-path-note[role=alert]');
    await note.waitFor({ timeout: 30_000 });
    expect(await note.textContent()).toBe('连接失败： 找不到串口 /dev/ttyNOPE9。 检查调制解调器是否插好，再在上面的「串口」列表里找它（插上后按「刷新」）。');
  }, 90_000);
});
