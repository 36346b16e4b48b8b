import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { PtyEmulator } from '../../src-main/emulator/pty';
import { composerSuite, plugInByPath, sendTyped, type Served } from './ui-kit';

/**
 * Text typed or pasted into the composer with a character nobody sees (a variation selector after YE,
 * as a phone keyboard or a chat leaves it) went to 10086 as typed, unasked: 10086 answers such a text
 * 指令有误 and the user never saw why. A blank-looking letter (U+3164 HANGUL FILLER, drawn 20 px wide in
 * Chromium) between KT and GPRS went as typed too. Now the composer takes what it sends from
 * outgoingText, as the core does: the dialog shows what goes out and says in Chinese and English what
 * was taken out, and a blank inside is refused. The React UI in real Chromium, browser mode, a modem
 * emulator on a real pseudo-terminal (socat) in this process: what reaches the modem is asserted.
 */

const SIM = { iccid: '89860012345678900073', imsi: '460001234567007' };
let server: Served;
let page: Page;
let modem: PtyEmulator;
// 10086's answers to this file's sends (YE, Y) are not what it looks at, and one that came 2.5 s after a YE of the
// first test, between the third's confirmation request and its click, made that request superseded (mend55: the
// CI run on 3d8b9a54 passed the third only on retry; alone the answer came 357 ms before the request). Kept back.
composerSuite({ artifactPrefix: 'composer-invisible-', sim: SIM, holdReplies: true }, (suite) => {
  ({ server, page, modem } = suite);
});

const sentTexts = () => modem.emulator.sent.map((s) => s.part.text);

describe('the composer and characters nobody sees', () => {
  // The second, review24's leftover: the catalog recognises Y+ZWSP+E as YE, which went by id on Enter with no word of
  // what was taken out. What is sent is still YE, but the user must be told the line held a character nobody sees.
  it.each([
    ['YE\uFE0F', 'free text', ['已去掉 1 个', 'U+FE0F 变体选择符', 'Removed 1 invisible']],
    ['Y\u200BE', 'recognised as YE (review25)', ['U+200B', 'Removed 1 invisible']],
  ])('asks first for %j (%s), showing YE and naming what was taken out in both languages; the modem gets YE', async (typed, _how, said) => {
    await plugInByPath(page, server.base, modem.path);
    const before = modem.emulator.sent.length;
    await sendTyped(page, `${server.base}#/thread/${SIM.iccid}`, typed);
    const dialog = page.locator('dialog[open]');
    await dialog.waitFor({ timeout: 15_000 }).catch(() => {
      throw new Error(`no dialog for ${JSON.stringify(typed)}; the modem got ${JSON.stringify(sentTexts().slice(before))}`);
    });
    expect(await dialog.locator('p', { hasText: '将发送' }).textContent()).toBe('将发送“YE”到 10086。');
    const note = await dialog.locator('.confirm-removed').textContent();
    for (const words of said) expect(note).toContain(words);
    expect(modem.emulator.sent.length).toBe(before);
    await dialog.getByRole('button', { name: '确认发送' }).click();
    await expect.poll(() => sentTexts().slice(before), { timeout: 20_000 }).toEqual(['YE']);
  }, 90_000);

  it('refuses a blank-looking letter between KT and GPRS, saying so, and sends nothing', async () => {
    await plugInByPath(page, server.base, modem.path);
    const before = modem.emulator.sent.length;
    await sendTyped(page, `${server.base}#/thread/${SIM.iccid}`, 'KT\u3164GPRS');
    const toast = page.locator('.toast', { hasText: 'U+3164' });
    await toast.waitFor({ timeout: 15_000 });
    expect(await toast.textContent()).toMatch(/看起来像空格/);
    expect(await page.locator('dialog[open]').count()).toBe(0);
    // The text stays in the line, to be mended.
    expect(await page.locator('.composer-line input').inputValue()).toBe('KT\u3164GPRS');
    expect(modem.emulator.sent.length).toBe(before);
  }, 90_000);

  it('a reply\'s confirmation word holding a variation selector is sent without it, the dialog saying so', async () => {
    // 10086's request, as a message forwarded through a phone's emoji keyboard could carry it (written for this test):
    // the reply parser keeps the selector inside the word (Y + U+FE0F), which then went back as typed.
    await plugInByPath(page, server.base, modem.path);
    modem.emulator.deliver('10086', '尊敬的客户，您将开通视频会员15元/月，回复Y\uFE0F确认办理，24小时内有效。【中国移动】');
    await page.goto(`${server.base}#/thread/${SIM.iccid}`);
    const button = page.locator('button.confirm-reply');
    await button.waitFor({ timeout: 30_000 });
    await expect.poll(() => button.isEnabled(), { timeout: 15_000 }).toBe(true);
    const before = modem.emulator.sent.length;
    await button.click();
    const dialog = page.locator('dialog[open]');
    await dialog.waitFor();
    expect(await dialog.locator('p', { hasText: '将发送' }).textContent()).toBe('将发送“Y”到 10086。');
    expect(await dialog.locator('.confirm-removed').textContent()).toContain('U+FE0F');
    expect(modem.emulator.sent.length).toBe(before);
    await dialog.getByRole('button', { name: '确认发送' }).click();
    await expect.poll(() => sentTexts().slice(before), { timeout: 20_000 }).toEqual(['Y']);
  }, 90_000);
});
