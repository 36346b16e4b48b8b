import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { exportCustomFile, MAX_CUSTOM_FILE_BYTES, MAX_CUSTOM_FILE_ENTRIES } from '../../src-shared/catalog/custom/file';
import { validateCustom } from '../../src-shared/catalog/custom/validate';
import { browserSuite } from './ui-kit';

/**
 * review29: an export of 500 entries with notes (the app keeps up to 500 and 4 MiB) was more than
 * `custom.import` took (240,000 characters) and than a browser-mode frame (256 KiB): the page said only
 * 请求太大，没有发出, after the overwrite question had been answered. A file over the reader's own
 * limit went the same way. Real Chromium, the real browser-mode server and its core.
 */

let page: Page;
browserSuite({ artifactPrefix: 'custom-import-size-', openApp: true }, (suite) => {
  ({ page } = suite);
});

/** 500 entries, each with names and notes in three languages: what the app itself stores and exports. */
const fullList = (note: string) =>
  Array.from({ length: MAX_CUSTOM_FILE_ENTRIES }, (_, i) => {
    const checked = validateCustom({
      code: `KT${String(i).padStart(3, '0')}`,
      name: { 'zh-Hans': `开通业务${i}`, 'zh-Hant': `開通業務${i}`, en: `Turn on service ${i}` },
      notes: { 'zh-Hans': note, 'zh-Hant': note, en: `Used at the hall, ${i}` },
    });
    if (!checked.ok) throw new Error(JSON.stringify(checked.errors));
    return checked.value;
  });

const choose = (name: string, text: string) =>
  page.setInputFiles('#custom-import-file', { name, mimeType: 'application/json', buffer: Buffer.from(text) });

describe('importing a file of the app’s own size limits', () => {
  it('an export of 500 entries with notes is imported whole', async () => {
    const text = exportCustomFile(fullList('营业厅常用，月初办理。'.repeat(20)));
    expect(Buffer.byteLength(text)).toBeGreaterThan(256 * 1024);
    await page.click('nav a[href="#/settings"]');
    await choose('export.json', text);
    // Old code: no result; a toast said 请求太大，没有发出。请分成几次较小的请求。
    await page.locator('#custom-import-result, .toast-text').first().waitFor({ timeout: 60_000 });
    expect(await page.locator('#custom-import-result, .toast-text').first().textContent()).toMatch(/^导入完成：新增 500 条/);
    await page.waitForFunction(() => document.querySelectorAll('.custom-list tr').length === 500, null, { timeout: 30_000 });
  });

  it('a file over the size limit is refused in its own words before the overwrite question, and nothing changes', async () => {
    await page.click('nav a[href="#/settings"]');
    const row = page.locator('.custom-list tr', { has: page.locator('code:text-is("KT000")') });
    await choose('one.json', exportCustomFile(fullList('营业厅常用。').slice(0, 1)));
    await row.waitFor();
    const before = await row.locator('td').nth(1).textContent();
    // The same entries under other names (so KT000 would be overwritten), with the file padded past the limit.
    const other = exportCustomFile(fullList('同事的说明。')).replace(/开通业务/g, '同事的业务');
    const text = other.replace(/\n}$/, `${' '.repeat(MAX_CUSTOM_FILE_BYTES - Buffer.byteLength(other) + 1)}\n}`);
    await page.locator('label.choice', { hasText: '导入时覆盖同代码的指令' }).locator('input').check();
    await choose('too-big.json', text);
    const toast = page.locator('.toast-text', { hasText: /无法导入|请求/ });
    await toast.waitFor({ timeout: 30_000 });
    // Old code: 请求太大，没有发出。请分成几次较小的请求。 (the page let the file go on to the core).
    expect(await toast.textContent()).toBe(`无法导入：文件太大（${MAX_CUSTOM_FILE_BYTES + 1} 字节，最多 ${MAX_CUSTOM_FILE_BYTES}）。`);
    expect([await page.locator('dialog[open]').count(), await row.locator('td').nth(1).textContent()]).toEqual([0, before]);
  });
});
