import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserSuite, charLefts, readLog, type Served } from './ui-kit';

/**
 * Free text pasted into the composer with a right-to-left override (U+202E, as a chat or a web page
 * may carry) and an instruction's secrets in it asks first, like that instruction. The core sends
 * the text without the override (then withoutHidingCharacters, now outgoingText), but the confirmation showed the text as
 * typed, override included, inside `将发送“…”到 10086。`: real Chromium then drew the closing quote,
 * `到` and the number reversed (`。68001 到”`). The confirmation must show what the SMS carries.
 * The React UI in Chromium against the real browser-mode server and its demo modem.
 */

let server: Served;
let page: Page;
browserSuite({ artifactPrefix: 'composer-direction-', openApp: true }, (suite) => {
  ({ server, page } = suite);
});

const PASTED = '我要改密码 mmxg 123456 654321\u202E';

describe('the composer’s confirmation of pasted free text', () => {
  it('shows the text the SMS carries, without the override, and the number reads 10086 left to right', async () => {
    await page.goto(`${server.url.split('#')[0]}#/thread`);
    await page.waitForSelector('.composer-line input:not([disabled])');
    await page.fill('.composer-line input', PASTED);
    // Esc puts the suggestions away: Enter then sends the text as it is, which asks first like MMXG.
    await page.keyboard.press('Escape');
    await page.keyboard.press('Enter');
    await page.waitForSelector('dialog[open]');
    const said = page.locator('dialog[open] p', { hasText: '将发送' });
    expect(await said.textContent()).toBe('将发送“我要改密码 mmxg ****** ******”到 10086。');
    const lefts = await said.evaluate(charLefts, '10086');
    expect(lefts.every((left, i) => i === 0 || left > lefts[i - 1]!)).toBe(true);
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.querySelector('dialog[open]'));
    expect((await readLog(page)).commands).toEqual([]);
  });
});
