import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { HallCore } from '../../src-main/core';
import { unseenFailures } from '../../src-shared/fleet/sim-state';
import type { OutgoingRecord } from '../../src-shared/journal-records';
import { FAST } from '../integration/session-kit';
import { coreSuite } from './core-suite';
import { readLog, sendTyped } from './ui-kit';

/*
 * ux22: the "发送失败 n 次" badge on a SIM's fleet row could never be cleared (ux21, left open). It is now
 * a link to the SIM's thread at its newest failed instruction, where "知道了" clears the count in the
 * core (fleet.seeFailures over browser mode's WebSocket) and sends nothing again. Real core, demo modem
 * answering AT commands, real Chromium and IndexedDB.
 */
describe('a SIM’s failed sends: from the Overview’s badge to its thread, and "知道了"', () => {
  let core: HallCore;
  let page: Page;
  // Each test and each retry on a core and page of its own: a failed try's counted failures would make its retry's
  // "1 次" wrong, and the second test makes the failure it needs rather than taking the first one's.
  coreSuite({ dirPrefix: 'hall-failed-sends-e2e-', core: (dataDir) => HallCore.create({ dataDir, demo: true, emulatorOptions: FAST }), perTest: true }, (suite) => {
    ({ core, page } = suite);
  });

  it('the badge opens the thread at the failed instruction, by keyboard, read out; "知道了" clears it everywhere and resends nothing', async () => {
    const simId = (await core.call('modem.list', {}))[0]!.simId!;
    const outgoing: OutgoingRecord[] = [];
    core.on('outgoing', (r) => outgoing.push(r));
    const base = new URL(page.url()).origin + new URL(page.url()).pathname;

    // JF goes out fine, then YE is refused by the network (+CMS ERROR: 38): the thread shows it failed, with Retry.
    await sendTyped(page, `${base}#/thread/${simId}`, 'JF');
    await expect.poll(() => outgoing.some((o) => o.text === 'JF' && o.state === 'sent'), { timeout: 30_000 }).toBe(true);
    core.demo!.emulator.fault({ kind: 'command-error', command: 'AT+CMGS', cms: 38 });
    await sendTyped(page, `${base}#/thread/${simId}`, 'YE');
    await expect.poll(async () => (await readLog(page)).messages.some((m) => m.text === 'YE' && m.state === 'failed'), { timeout: 30_000 }).toBe(true);

    await page.evaluate(() => (location.hash = '#/overview'));
    const badge = page.locator(`tr[data-sim="${simId}"] .fleet-failures`);
    await expect.poll(() => badge.textContent(), { timeout: 15_000 }).toBe('发送失败 1 次');
    // A link, named for what it does, reached and followed by the keyboard.
    const link = page.getByRole('link', { name: '发送失败 1 次：打开这张 SIM 的对话查看' });
    expect(await link.count()).toBe(1);
    await link.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/#\/thread\/\d+\/failed$/);

    // The notice has the focus, named and described, so a screen reader starts at what the badge said.
    const notice = page.getByRole('region', { name: '这张 SIM 有 1 次发送失败还没看过' });
    await notice.waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains('failed-sends'))).toBe(true);
    expect(await notice.getAttribute('aria-describedby')).toBeTruthy();
    expect(await notice.textContent()).toContain('不会重发任何指令');
    // The failed YE is the message shown (highlighted, on screen), with its state and Retry.
    const failedBubble = page.locator('.bubble.focused.bubble-failed');
    await failedBubble.waitFor({ timeout: 10_000 });
    expect(await failedBubble.locator('.bubble-text').textContent()).toBe('YE');
    expect(await failedBubble.getByRole('button', { name: '重试' }).count()).toBe(1);
    // A picture of the notice over the thread, as an artifact of the run.
    await page.screenshot({ path: resolve(import.meta.dirname, '../../test-results/e2e/failed-sends-notice.png') });

    // Tab → "查看最近一条失败的指令", Tab → "知道了", Enter.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('查看最近一条失败的指令');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('知道了');
    const sent = core.demo!.emulator.sent.length;
    const records = outgoing.length;
    await page.keyboard.press('Enter');
    // Said in the live region; the notice is gone and the focus is in the thread, not dropped to the page.
    await page.locator('.toast', { hasText: '发送失败已看过。没有重发任何指令。' }).waitFor();
    await notice.waitFor({ state: 'detached' });
    expect(await page.evaluate(() => document.activeElement?.className)).toContain('message-scroller');
    // Cleared in the core; the total stays (the metrics' counter); nothing was sent or journaled again.
    const state = core.fleet.board.get(simId)!;
    expect([state.sendFailures, unseenFailures(state)]).toEqual([1, 0]);
    expect(core.demo!.emulator.sent.length).toBe(sent);
    expect(outgoing.length).toBe(records);

    // The Overview's badge is gone; a later failure brings it back, counting only that one.
    await page.evaluate(() => (location.hash = '#/overview'));
    await page.locator(`tr[data-sim="${simId}"]`).waitFor();
    expect(await badge.count()).toBe(0);
    core.demo!.emulator.fault({ kind: 'command-error', command: 'AT+CMGS', cms: 38 });
    await core.call('send', { modemId: 'demo', id: 'YE' });
    await expect.poll(() => badge.textContent(), { timeout: 30_000 }).toBe('发送失败 1 次');
  }, 120_000);

  it('in English, and with the failed instruction not in this log (cleared): the notice says so and still clears', async () => {
    const simId = (await core.call('modem.list', {}))[0]!.simId!;
    // YE refused by the network, sent from the thread: the core counts 1 failure, unseen, and this log holds it.
    core.demo!.emulator.fault({ kind: 'command-error', command: 'AT+CMGS', cms: 38 });
    const base = new URL(page.url()).origin + new URL(page.url()).pathname;
    await sendTyped(page, `${base}#/thread/${simId}`, 'YE');
    await expect.poll(async () => (await readLog(page)).messages.some((m) => m.text === 'YE' && m.state === 'failed'), { timeout: 30_000 }).toBe(true);
    await page.evaluate(() => localStorage.setItem('hall10086.lang', 'en'));
    // This log is cleared (Settings → Clear the local log), the core's count is not.
    await page.evaluate(() => (location.hash = '#/settings'));
    await page.reload();
    await page.click('.settings .danger:not([disabled])');
    await page.locator('dialog[open] button.danger').click();
    await page.locator('.toast-text', { hasText: 'cleared' }).first().waitFor({ timeout: 10_000 });
    expect(unseenFailures(core.fleet.board.get(simId)!)).toBe(1);

    await page.evaluate(() => (location.hash = '#/overview'));
    await page.getByRole('link', { name: '1 failed: open this SIM’s conversation to see them' }).click();
    const notice = page.getByRole('region', { name: 'This SIM has 1 failed sends you have not seen' });
    await notice.waitFor();
    expect(await notice.textContent()).toContain('does not hold these failed instructions');
    expect(await notice.getByRole('button', { name: 'Show the latest failed instruction' }).count()).toBe(0);
    await notice.getByRole('button', { name: 'Mark as seen' }).click();
    await notice.waitFor({ state: 'detached' });
    await page.locator('.toast', { hasText: 'Nothing was sent again.' }).waitFor();
    expect(unseenFailures(core.fleet.board.get(simId)!)).toBe(0);
    await page.evaluate(() => localStorage.removeItem('hall10086.lang'));
  }, 120_000);
});
