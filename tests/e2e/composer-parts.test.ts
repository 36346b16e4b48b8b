import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { PtyEmulator } from '../../src-main/emulator/pty';
import { composerSuite, plugInByPath, type Served } from './ui-kit';

/**
 * review47 F-A: since the composer gives no suggestions for a line over 500 characters (mend58), Enter on a pasted
 * 520-character reply had nothing to take and sent the line to 10086 as free text, 8 paid UCS-2 parts, unasked. Now
 * free text that goes as more than one SMS asks first: the dialog names the part count, the focus is on Cancel, Esc
 * keeps the line and nothing goes. The React UI in real Chromium, browser mode, a modem emulator on a real
 * pseudo-terminal (socat) in this process: what reaches the modem is asserted.
 */

const SIM = { iccid: '89860012345678900075', imsi: '460001234567009' };
let server: Served;
let page: Page;
let modem: PtyEmulator;
composerSuite({ artifactPrefix: 'composer-parts-', sim: SIM, holdReplies: true }, (suite) => {
  ({ server, page, modem } = suite);
});

// A pasted 10086-style reply, written for this test (not a real text), repeated to 520 characters: 8 UCS-2 parts of 67 (review47 counted 7 within its 6-s wait; the modem got 8 on the old code).
const PASTED = '尊敬的客户，您好！截至12月07日，您本月已用流量1.5G，剩余流量还有358.83M，查询余额请发送YE到10086。'.repeat(20).slice(0, 520);

async function enterPasted(): Promise<number> {
  await plugInByPath(page, server.base, modem.path);
  const before = modem.emulator.sent.length;
  await page.goto(`${server.base}#/thread/${SIM.iccid}`);
  const line = page.locator('.composer input:not([disabled])');
  await line.waitFor({ timeout: 30_000 });
  await line.fill(PASTED);
  await line.press('Enter');
  await page.locator('dialog[open]').waitFor({ timeout: 15_000 }).catch(() => {
    throw new Error(`no dialog; the modem got ${modem.emulator.sent.length - before} parts`);
  });
  return before;
}

describe('free text longer than one SMS', () => {
  it('Enter on a pasted 520-character line asks first, naming 8 parts, focus on Cancel; Esc keeps the line and sends nothing', async () => {
    const before = await enterPasted();
    const dialog = page.locator('dialog[open]');
    expect(await dialog.locator('h2').textContent()).toBe('分成 8 条短信发送？');
    expect(await dialog.locator('.confirm-parts').textContent()).toContain('分成 8 条发出');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('取消');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('dialog[open]').count()).toBe(0);
    expect(await page.locator('.composer input').inputValue()).toBe(PASTED);
    expect(modem.emulator.sent.length).toBe(before);
  }, 90_000);

  it('the dialog\'s Send sends the 8 parts', async () => {
    const before = await enterPasted();
    await page.locator('dialog[open]').getByRole('button', { name: '确认发送' }).click();
    await expect.poll(() => modem.emulator.sent.length - before, { timeout: 30_000 }).toBe(8);
  }, 90_000);
});
