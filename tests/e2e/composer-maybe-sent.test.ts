import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { PtyEmulator } from '../../src-main/emulator/pty';
import { composerSuite, plugInByPath, readLog, sendTyped, type Served } from './ui-kit';

/**
 * mend55: KTCL (a paid ring-back tone, which the catalog does not ask about) typed in the composer after the same KTCL
 * from the same SIM may have gone out (+CMS ERROR: 332 after its body) went again at once: only the extension and Retry
 * asked. Now the core refuses it unconfirmed, the composer asks in a dialog naming what may already have gone out
 * (keyboard operable), and its yes sends it as that one's retry. mend62: a reply's buttons (a menu's option, a service's
 * cancel, a confirmation word) showed that refusal as a toast; they ask in the same dialog. The React UI in real
 * Chromium, browser mode (`hall10086 serve`), a modem emulator on a real pseudo-terminal (socat) in this process.
 */

const SIM = { iccid: '89860012345678900081', imsi: '460001234567008' };
let server: Served;
let page: Page;
let modem: PtyEmulator;
// Every 10086 text here is the tests' own: an answer to KTCL landing after the menu would make it "written since".
composerSuite({ artifactPrefix: 'composer-maybe-sent-', sim: SIM, holdReplies: true }, (suite) => {
  ({ server, page, modem } = suite);
});

const reached = (text: string) => modem.emulator.sent.filter((s) => s.part.text === text).length;
const thread = () => `${server.base}#/thread/${SIM.iccid}`;

/** The modem's network times out after the body of the next send, so it may have gone out; `send` sends it. */
async function unsureSend(text: string, send: () => Promise<void>): Promise<number> {
  modem.emulator.fault({ kind: 'command-error', command: 'AT+CMGS', cms: 332 });
  await send();
  await expect.poll(async () => (await readLog(page)).messages.some((m) => m.text === text && m.state === 'failed-retryable'), { timeout: 30_000 }).toBe(true);
  return reached(text);
}

/**
 * The dialog `again` opens (failing with what the modem got when none does) says what may have gone out; Escape sends
 * nothing; `again` opens it once more, and Tab to 确认发送 and Enter sends it once, as the unsure one's retry.
 */
async function askedAgain(text: string, before: number, again: () => Promise<void>): Promise<void> {
  await again();
  const dialog: Locator = page.getByRole('alertdialog', { name: `确认重发 ${text}？` });
  await dialog.waitFor({ timeout: 15_000 }).catch(() => {
    throw new Error(`no dialog for the second ${text}; the modem got ${reached(text) - before} more`);
  });
  const body = (await dialog.textContent()) ?? '';
  expect(body).toContain('上一次可能已经发出了');
  expect(body).toContain('上一次从这张 SIM 卡发往同一号码的正是这条指令');
  expect(body).toContain(`将发送“${text}”到 10086。`);
  expect(reached(text)).toBe(before);
  // Focus starts on Cancel; Escape sends nothing.
  expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('取消');
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
  expect(reached(text)).toBe(before);

  await again();
  await dialog.waitFor({ timeout: 15_000 });
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('确认发送');
  await page.keyboard.press('Enter');
  await dialog.waitFor({ state: 'detached' });
  await expect.poll(() => reached(text), { timeout: 20_000 }).toBe(before + 1);
  await page.locator('.bubble-failed', { hasText: text }).getByText('已重试：看重试的那条').waitFor({ timeout: 15_000 });
  expect(reached(text)).toBe(before + 1);
}

describe('after a send that may have gone out', () => {
  it('the composer asks before sending the same KTCL again (Escape sends nothing), and its yes sends it once, as the retry', async () => {
    await plugInByPath(page, server.base, modem.path);
    const before = await unsureSend('KTCL', () => sendTyped(page, thread(), 'KTCL'));
    let typed = false;
    await askedAgain('KTCL', before, async () => {
      if (!typed) return void (typed = true), sendTyped(page, thread(), 'KTCL');
      // The line still holds KTCL after Escape: Enter sends it again.
      const line = page.locator('.composer input:not([disabled])');
      expect(await line.inputValue()).toBe('KTCL');
      await line.press('Enter');
    });
  }, 120_000);

  it("a reply's menu option asks in the composer's dialog, not a toast (mend62), and its yes sends it once, as the retry", async () => {
    await plugInByPath(page, server.base, modem.path);
    modem.emulator.deliver('10086', '您发送的指令有误。您是否想要：查余额请发YE，查积分请发JF。');
    await page.goto(thread());
    const option = page.getByRole('button', { name: 'JF 查积分' });
    await option.waitFor({ timeout: 30_000 });
    // A look-up goes on its click alone.
    const before = await unsureSend('JF', () => option.click());
    await askedAgain('JF', before, () => option.click());
  }, 120_000);
});
