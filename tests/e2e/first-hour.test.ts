import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserSuite, type Served } from './ui-kit';

/**
 * What a newcomer met in the first hour (issue 17), in the built UI on the demo modem: secrets
 * that can be checked, limits said in words, Settings that reads as the app, the thread's layout,
 * keyboard focus, and the CSV export in the UI's language and clock.
 */

let server: Served;
let page: Page;
browserSuite({ artifactPrefix: 'first-hour-', openApp: true }, (suite) => {
  ({ server, page } = suite);
});

const open = async (hash: string, ready: string) => {
  await page.goto(`${server.url.split('#')[0]}${hash}`);
  await page.waitForSelector(ready, { timeout: 30_000 });
};

describe('the first hour', () => {
  it('shows an ID number on request, so its 18 digits can be checked, and masks it again', async () => {
    await open('#/instruction/MMHF', '#instruction-param-idNumber');
    const field = page.locator('#instruction-param-idNumber');
    await field.fill('110105194912310021');
    expect(await field.getAttribute('type')).toBe('password');
    const toggle = page.getByRole('button', { name: '显示 证件号码' });
    await toggle.click();
    expect(await field.getAttribute('type')).toBe('text');
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    await toggle.click();
    expect(await field.getAttribute('type')).toBe('password');
  });

  it('says so when Copy puts a password on the clipboard, and copies the exact SMS', async () => {
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.base });
    await open('#/instruction/MMXG', '#instruction-param-oldPassword');
    await page.fill('#instruction-param-oldPassword', '135790');
    await page.fill('#instruction-param-newPassword', '246813');
    await page.fill('#instruction-param-newPasswordAgain', '246813');
    await page.getByRole('button', { name: '复制', exact: true }).click();
    await page.waitForSelector('.toast-text:has-text("已复制到剪贴板")');
    expect(await page.textContent('.toasts')).toContain('已复制到剪贴板，里面有密码或证件号码。粘贴后请再复制一段别的文字把它换掉：剪贴板历史可能会保留它。');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('MMXG#135790#246813');
    // An SMS with nothing secret in it is just copied.
    await open('#/instruction/YE', '.sms');
    await page.getByRole('button', { name: '复制', exact: true }).click();
    await page.waitForFunction(() => [...document.querySelectorAll('.toast-text')].some((e) => e.textContent?.trim() === '已复制到剪贴板。'));
  });

  it('says in words that a composer text is too long, in the UI language, and does not send it', async () => {
    await open('#/thread', '.composer input:not([disabled])');
    await page.fill('.composer input', '话'.repeat(800));
    const note = page.locator('#composer-note');
    expect(await note.textContent()).toBe('一条短信最多 700 个字，现在有 800 个。请删短一些再发送。');
    expect(await page.locator('.composer-line button.primary').isDisabled()).toBe(true);
    expect(await page.textContent('body')).not.toMatch(/Invalid length|请求参数不对/);
  });

  it('keeps the composer at the bottom of a thread with no messages', async () => {
    await open('#/thread', '.composer input');
    const thread = (await page.locator('section.thread').boundingBox())!;
    const composer = (await page.locator('.composer').boundingBox())!;
    expect(thread.y + thread.height - (composer.y + composer.height)).toBeLessThan(24);
  });

  it('marks the matched characters of a suggestion without breaking its name apart', async () => {
    await open('#/thread', '.composer input:not([disabled])');
    await page.fill('.composer input', '余额');
    await page.waitForSelector('.suggestion mark');
    // The code and the name: two items of the row, however many marks the name holds.
    expect(await page.$$eval('.suggestion', (rows) => rows.map((r) => r.children.length))).toEqual(expect.arrayContaining([2]));
    expect(new Set(await page.$$eval('.suggestion', (rows) => rows.map((r) => r.children.length)))).toEqual(new Set([2]));
  });

  it('refuses a negative alert threshold in words and keeps the saved one; times are on a 24-hour clock', async () => {
    await open('#/settings', '#alert-dataMb');
    await page.fill('#alert-dataMb', '100');
    await page.fill('#alert-dataMb', '-5');
    expect(await page.getAttribute('#alert-dataMb', 'aria-invalid')).toBe('true');
    expect(await page.textContent('#alert-dataMb-note')).toContain('请填 0 或更大的数');
    const saved = await page.evaluate(() => Object.entries(localStorage).find(([k]) => k.includes('alert'))?.[1] ?? '');
    expect(saved).toContain('100');
    expect(saved).not.toContain('-5');
    // The demo SIM's schedule: hours 00 to 23, no AM/PM anywhere.
    const hours = await page.$$eval('.time-field select:first-child', (s) => [...(s[0] as HTMLSelectElement).options].map((o) => o.value));
    expect(hours).toEqual(Array.from({ length: 24 }, (_, h) => String(h).padStart(2, '0')));
    expect(await page.textContent('.settings')).not.toMatch(/\b[AP]M\b|上午|下午/);
  });

  it('Alt+1 comes back to the search with the old query selected, so typing replaces it', async () => {
    await page.fill('#catalog-search', '流量');
    await page.keyboard.press('Alt+3');
    await page.waitForSelector('#modems-heading');
    await page.keyboard.press('Alt+1');
    await page.waitForSelector('#catalog-search');
    await page.keyboard.type('余额');
    expect(await page.inputValue('#catalog-search')).toBe('余额');
  });

  it('Enter on a result puts the focus on the instruction page it opens', async () => {
    await page.fill('#catalog-search', 'YE');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#instruction-name');
    expect(await page.evaluate(() => document.querySelector('article.instruction')?.contains(document.activeElement))).toBe(true);
  });

  it('exports a reset service password from 10086 masked (CSV and JSON), while the thread still shows it', async () => {
    // The demo SIM's registered ID number: its 10086 resets the service password and says the new one.
    const idNumber = '110105199003074616';
    await open('#/instruction/MMHF', '#instruction-param-idNumber');
    await page.fill('#instruction-param-idNumber', idNumber);
    await page.click('.sms button.primary');
    await page.waitForSelector('dialog[open]');
    await page.click('dialog[open] button.danger');
    const reply = await page.waitForSelector('.bubble-line.in .bubble-text:has-text("重置为")', { timeout: 45_000 });
    const password = (await reply.textContent())!.match(/重置为(\d{6})/)![1]!;
    await open('#/settings', '#province');
    const exported: string[] = [];
    for (const name of ['导出 CSV', '导出 JSON']) {
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name }).click()]);
      exported.push(await readFile((await download.path())!, 'utf8'));
    }
    for (const file of exported) {
      expect(file).toContain('服务密码已重置为******');
      expect(file).not.toContain(password);
      expect(file).not.toContain(idNumber);
    }
  });

  it('exports CSV with headers in the UI language and local times with their offset', async () => {
    await open('#/thread', '.composer input:not([disabled])');
    await page.fill('.composer input', 'YE');
    await page.keyboard.press('Enter');
    await page.waitForSelector('.bubble-line.in', { timeout: 45_000 });
    await open('#/settings', '#province');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出 CSV' }).click()]);
    const csv = (await readFile((await download.path())!, 'utf8')).replace(/^\ufeff/, '');
    const [header, first] = csv.split('\r\n');
    expect(header).toBe('"时间","SIM 卡","收/发","对方号码","状态","内容","完整","已收分段","分段总数","短信中心时间","指令编号","错误"');
    expect(first).toMatch(/^"\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} [+-]\d{2}:\d{2}",/);
    expect(csv).not.toMatch(/\d{2}:\d{2}:\d{2}\.\d{3}Z/);
  });
});
