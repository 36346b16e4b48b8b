import { mkdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserSuite, type Served } from './ui-kit';

/**
 * The desk's scheduled checks save as they change. When a save failed, the page said so in a toast
 * only: the form kept the edit and looked saved, and nothing offered to try again. Real Chromium, the
 * real browser-mode server; the saves fail for real causes: the core cannot write schedules.json (a
 * folder in its place), then the server is gone.
 */

let server: Served;
let page: Page;
browserSuite({ artifactPrefix: 'schedule-save-failed-', openApp: true }, (suite) => {
  ({ server, page } = suite);
});

const savedTime = async () => JSON.parse(await readFile(join(server.dataDir, 'schedules.json'), 'utf8')).schedules[0].time;

describe('a scheduled-check save that fails', () => {
  it('keeps the edit on screen, marked not saved with why, and Retry saves it', async () => {
    await page.goto(`${server.base}#/settings`);
    const group = page.locator('.schedule').first();
    await group.waitFor({ timeout: 30_000 });
    const hour = group.getByLabel('时间: 时', { exact: true });
    const minute = group.getByLabel('时间: 分', { exact: true });
    // What the app writes over is a folder: the core's write fails (EISDIR), as on a disk that refuses it.
    const file = join(server.dataDir, 'schedules.json');
    await rm(file, { recursive: true, force: true });
    await mkdir(file);

    await hour.selectOption('06');
    const alert = group.getByRole('alert');
    // Old code: no alert; a toast said 内部错误，请求没有完成… and the row looked saved.
    await alert.or(page.locator('.toast-text', { hasText: '内部错误' })).first().waitFor({ timeout: 30_000 });
    expect(await alert.count()).toBe(1);
    const sim = await group.getAttribute('aria-label');
    expect(await alert.locator('p').textContent()).toBe(
      `未保存：${sim} 的定时查询仍是上次保存的设置（内部错误，请求没有完成。请重试；如果反复出现，请重新启动 Hall10086。）。修改还留在这里。`,
    );
    expect([await hour.inputValue(), await group.getAttribute('class')]).toEqual(['06', 'schedule unsaved']);

    await rm(file, { recursive: true });
    await group.getByRole('button', { name: /^重试 / }).click();
    await group.getByRole('status').filter({ hasText: '已保存' }).waitFor({ timeout: 15_000 });
    expect([await alert.count(), await group.getAttribute('class'), await savedTime()]).toEqual([0, 'schedule', `06:${await minute.inputValue()}`]);

    // The connection lost: the server stopped. The call waits for it (15 s), then fails unsent.
    await server.stop();
    await minute.selectOption('45');
    await alert.waitFor({ timeout: 60_000 });
    expect(await alert.locator('p').textContent()).toBe(`未保存：${sim} 的定时查询仍是上次保存的设置（连不上 Hall10086 核心，请求没有发出。请确认 Hall10086 仍在运行。）。修改还留在这里。`);
    expect([await hour.inputValue(), await minute.inputValue()]).toEqual(['06', '45']);
  }, 180_000);
});
