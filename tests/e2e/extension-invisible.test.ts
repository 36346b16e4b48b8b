import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildExtension, EXTENSION_DIR } from '../../src-extension/build';
import { loadExtension, type LoadedExtension } from '../../src-extension/load-in-chromium';

/**
 * A custom instruction in the extension (a colleague's, say) whose template carries a character
 * nobody sees: a variation selector and an emoji tag after CXYE. The SMS box showed, copied and
 * QR-encoded `CXYE` with them (the app's old cleaning kept both), so a phone sent what the user never
 * saw, and 10086 answered 指令有误. Now the box takes its text from outgoingText, as the app's core
 * sends: `CXYE`; a blank-looking letter inside (CX, U+3164, YE) is refused in Chinese and English
 * rather than shown as a space and copied as something else. The built extension in /usr/bin/chromium.
 */
let ext: LoadedExtension;
const pageErrors: string[] = [];

beforeAll(async () => {
  await buildExtension();
  ext = await loadExtension(EXTENSION_DIR, 'zh-CN');
}, 120_000);

afterAll(async () => {
  await ext?.close();
});

async function instructionPage(code: string, template: string): Promise<Page> {
  const page = await ext.context.newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto(`${ext.base}popup.html`);
  await page.waitForSelector('main section');
  await page.evaluate(
    ([c, t]) => chrome.storage.local.set({ customs: [{ code: c, template: t, to: '10086', name: { 'zh-Hans': '查余额', 'zh-Hant': '查餘額', en: 'Balance' }, confirm: false }] }),
    [code, template] as const,
  );
  await page.goto(`${ext.base}popup.html#/instruction/${encodeURIComponent(`custom:${code}`)}`);
  await page.reload();
  await page.waitForSelector('main section');
  return page;
}

describe('the extension\'s SMS box and characters nobody sees', () => {
  it('shows a custom template without its variation selector and tag', async () => {
    const page = await instructionPage('CXYE', 'CXYE\uFE0F\u{E0020}');
    await page.waitForSelector('#sms-text');
    expect(await page.locator('#sms-text').textContent()).toBe('CXYE');
    await page.close();
    expect(pageErrors).toEqual([]);
  }, 60_000);

  it('refuses a template with a blank-looking letter inside, in Chinese and English', async () => {
    const page = await instructionPage('CX', 'CX\u3164YE');
    const refused = page.locator('#sms-refused');
    await refused.waitFor({ timeout: 15_000 });
    expect(await refused.textContent()).toMatch(/U\+3164.*看起来像空格[\s\S]*looks like a space/);
    expect(await page.locator('#sms-text').count()).toBe(0);
    await page.close();
    expect(pageErrors).toEqual([]);
  }, 60_000);
});
