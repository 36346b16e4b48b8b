import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { PtyEmulator } from '../../src-main/emulator/pty';
import { composerSuite, plugInByPath, readLog, sendTyped, type Served } from './ui-kit';

/**
 * mend55: KTCL (a paid ring-back tone, which the catalog does not ask about) typed in the composer after the same KTCL
 * from the same SIM may have gone out (+CMS ERROR: 332 after its body) went again at once: only the extension and Retry
 * asked. Now the core refuses it unconfirmed, the composer asks in a dialog naming what may already have gone out
 * (keyboard operable), and its yes sends it as that one's retry. The React UI in real Chromium, browser mode
 * (`hall10086 serve`), a modem emulator on a real pseudo-terminal (socat) in this process.
 */

const SIM = { iccid: '89860012345678900081', imsi: '460001234567008' };
let server: Served;
let page: Page;
let modem: PtyEmulator;
composerSuite({ artifactPrefix: 'composer-maybe-sent-', sim: SIM }, (suite) => {
  ({ server, page, modem } = suite);
});

const reached = () => modem.emulator.sent.filter((s) => s.part.text === 'KTCL').length;

describe('the composer after a send that may have gone out', () => {
  it('asks before sending the same KTCL again (Escape sends nothing), and its yes sends it once, as the retry', async () => {
    await plugInByPath(page, server.base, modem.path);
    const thread = `${server.base}#/thread/${SIM.iccid}`;
    modem.emulator.fault({ kind: 'command-error', command: 'AT+CMGS', cms: 332 });
    await sendTyped(page, thread, 'KTCL');
    await expect.poll(async () => (await readLog(page)).messages.some((m) => m.text === 'KTCL' && m.state === 'failed-retryable'), { timeout: 30_000 }).toBe(true);
    const before = reached();

    await sendTyped(page, thread, 'KTCL');
    const dialog = page.getByRole('alertdialog', { name: '确认重发 KTCL？' });
    await dialog.waitFor({ timeout: 15_000 }).catch(() => {
      throw new Error(`no dialog for the second KTCL; the modem got ${reached() - before} more`);
    });
    const body = (await dialog.textContent()) ?? '';
    expect(body).toContain('上一次可能已经发出了');
    expect(body).toContain('上一次从这张 SIM 卡发往同一号码的正是这条指令');
    expect(body).toContain('将发送“KTCL”到 10086。');
    expect(reached()).toBe(before);
    // Focus starts on Cancel; Escape sends nothing.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('取消');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(reached()).toBe(before);

    // The line still holds KTCL: Enter again, then Tab to 确认发送 and Enter: sent once, and the unsure bubble now points
    // at its retry.
    const line = page.locator('.composer input:not([disabled])');
    expect(await line.inputValue()).toBe('KTCL');
    await line.press('Enter');
    await dialog.waitFor({ timeout: 15_000 });
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('确认发送');
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(reached, { timeout: 20_000 }).toBe(before + 1);
    await page.locator('.bubble-failed', { hasText: 'KTCL' }).getByText('已重试：看重试的那条').waitFor({ timeout: 15_000 });
    expect(reached()).toBe(before + 1);
  }, 120_000);
});
