import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { HallCore } from '../../src-main/core';
import { INTERRUPTED_QUEUE_ERROR, type OutgoingRecord } from '../../src-shared/journal-records';
import { FAST } from '../integration/session-kit';
import { coreSuite } from './core-suite';
import { readLog, sendTyped } from './ui-kit';

/*
 * ux23: Retry in a SIM's thread sent again at once, with no confirmation, although the first send of
 * the same instruction asked (ux22, left open). An unsure send ("不确定是否已发出") may already have
 * reached 10086, so retrying a cancellation could do it twice. Retry now opens the composer's dialog
 * (catalog risk, SIM named, a line that it may already have gone out); the core refuses an unconfirmed
 * retry of what needs confirming; a look-up the composer sends in one step retries in one step.
 * Real core, demo modem answering AT commands, browser mode in real Chromium.
 */
describe('Retry asks as sending does', () => {
  let core: HallCore;
  let page: Page;
  // Each test and each retry on a core and page of its own: a failed try's toasts, failed bubbles and armed fault
  // are not what the retry starts from.
  coreSuite({ dirPrefix: 'hall-retry-confirm-e2e-', core: (dataDir) => HallCore.create({ dataDir, demo: true, emulatorOptions: FAST }), perTest: true }, (suite) => {
    ({ core, page } = suite);
  });

  const submitted = (text: string) => core.demo!.emulator.sent.filter((s) => s.part.text === text).length;

  it('an unsure QXCL: Retry opens the dialog (unsure line, risk, SIM); Escape sends nothing; the core refuses it unconfirmed; Confirm sends once', async () => {
    const modem = (await core.call('modem.list', {}))[0]!;
    const simId = modem.simId!;
    const outgoing: OutgoingRecord[] = [];
    core.on('outgoing', (r) => outgoing.push(r));

    // QXCL reaches the network, then the cable is cut in the modem's answer to it: not sure it went out. The cut is past
    // the "\r\n> " prompt (4 bytes) and the body's answer's leading "\r\n" (as the fault matrix's unplug-after-cmgs-body
    // row): a cut at the prompt's end (4, before mend61) lost the body, and since mend61 that send is surely not sent.
    core.demo!.emulator.fault({ kind: 'unplug', onCommand: 'AT+CMGS', afterBytes: 6 });
    const { commandId } = await core.call('send', { modemId: 'demo', id: 'QXCL', confirmed: true });
    await expect.poll(() => outgoing.filter((o) => o.id === commandId).at(-1)?.state, { timeout: 30_000 }).toBe('failed-retryable');
    core.demo!.emulator.replug();
    await expect.poll(async () => (await core.call('modem.list', {}))[0]?.state, { timeout: 30_000 }).toBe('ready');
    const before = submitted('QXCL');

    const base = new URL(page.url()).origin + new URL(page.url()).pathname;
    await page.goto(`${base}#/thread/${simId}`);
    await expect.poll(async () => (await readLog(page)).messages.some((m) => m.text === 'QXCL' && m.state === 'failed-retryable'), { timeout: 30_000 }).toBe(true);
    const bubble = page.locator('.bubble-failed', { hasText: 'QXCL' });
    const retry = bubble.getByRole('button', { name: '重试' });

    // Retry → the dialog, named by its title, saying it may already have gone out, why QXCL asks, and from which SIM.
    await retry.click();
    const dialog = page.getByRole('alertdialog', { name: '确认重发 QXCL？' });
    await dialog.waitFor({ timeout: 10_000 });
    const body = (await dialog.textContent()) ?? '';
    expect(body).toContain('上一次可能已经发出了：先看 10086 有没有回复');
    expect(body).toContain('取消后来电方将听到普通回铃音');
    expect(body).toContain('将发送“QXCL”到 10086。');
    expect(body).toContain(`从 SIM …${simId.slice(-6)}`);
    // Focus starts on Cancel; Escape closes it and nothing is submitted or journaled again.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('取消');
    const records = outgoing.length;
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    // The core, asked directly without the confirmation, refuses too (what the page enforces is enforced below it).
    await expect(core.call('retry', { commandId })).rejects.toMatchObject({ code: 'send.confirm-required' });
    expect(submitted('QXCL')).toBe(before);
    expect(outgoing.length).toBe(records);

    // Retry again → Tab to "确认发送" → Enter: submitted once.
    await retry.click();
    await dialog.waitFor();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('确认发送');
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await page.locator('.toast', { hasText: '已重新提交。' }).waitFor({ timeout: 15_000 });
    await expect.poll(() => outgoing.some((o) => o.text === 'QXCL' && o.id !== commandId && o.state === 'sent'), { timeout: 30_000 }).toBe(true);
    expect(submitted('QXCL')).toBe(before + 1);
  }, 120_000);

  it('an unsure KTCL (an order the catalog does not ask about): Retry asks first, saying it may have gone out (review43)', async () => {
    // KTCL (a paid ring-back tone) is sent without a question; after a network timeout (+CMS ERROR: 332, the message
    // handed over) it is "不确定是否已发出". Before, Retry asked only what the catalog asks about and sent it in one click.
    const simId = (await core.call('modem.list', {}))[0]!.simId!;
    const outgoing: OutgoingRecord[] = [];
    core.on('outgoing', (r) => outgoing.push(r));
    core.demo!.emulator.fault({ kind: 'command-error', command: 'AT+CMGS', cms: 332 });
    const { commandId } = await core.call('send', { modemId: 'demo', id: 'KTCL' });
    await expect.poll(() => outgoing.filter((o) => o.id === commandId).at(-1)?.state, { timeout: 30_000 }).toBe('failed-retryable');
    const before = submitted('KTCL');

    const base = new URL(page.url()).origin + new URL(page.url()).pathname;
    await page.goto(`${base}#/thread/${simId}`);
    await expect.poll(async () => (await readLog(page)).messages.some((m) => m.text === 'KTCL' && m.state === 'failed-retryable'), { timeout: 30_000 }).toBe(true);
    await page.locator('.bubble-failed', { hasText: 'KTCL' }).getByRole('button', { name: '重试' }).click();
    const dialog = page.getByRole('alertdialog', { name: '确认重发 KTCL？' });
    await dialog.waitFor({ timeout: 10_000 });
    expect((await dialog.textContent()) ?? '').toContain('上一次可能已经发出了：先看 10086 有没有回复');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(submitted('KTCL')).toBe(before);
    expect(outgoing.some((o) => o.text === 'KTCL' && o.id !== commandId)).toBe(false);
  }, 120_000);

  it('a KTCL the app found still queued after it stopped never left: marked failed, as its note says, and retried unasked (review44 F5)', async () => {
    // Before, its bubble said 没有发出 under the badge 不确定是否已发出, and Retry asked 上一次可能已经发出了 (the core refused it unconfirmed).
    const simId = (await core.call('modem.list', {}))[0]!.simId!;
    const change = { id: 'queued-at-stop', simId, to: '10086', text: 'KTCL', state: 'failed-retryable' as const, messageRefs: [], error: INTERRUPTED_QUEUE_ERROR };
    await core.journal.recordOutgoing(change);
    core.emit('outgoing', { kind: 'out', ...change, at: Date.now() } satisfies OutgoingRecord);
    const base = new URL(page.url()).origin + new URL(page.url()).pathname;
    await page.goto(`${base}#/thread/${simId}`);
    const bubble = page.locator('.bubble-failed', { hasText: 'KTCL' });
    await bubble.waitFor({ timeout: 30_000 });
    expect(await bubble.locator('.state').textContent()).toBe('发送失败');
    expect(await bubble.locator('.bubble-error').textContent()).toContain('没有发出');
    const before = submitted('KTCL');
    await bubble.getByRole('button', { name: '重试', exact: true }).click();
    await expect.poll(() => submitted('KTCL'), { timeout: 30_000 }).toBe(before + 1);
    expect(await page.getByRole('alertdialog').count()).toBe(0);
  }, 120_000);

  it('a failed YE (a look-up the composer sends without asking) retries in one step, as the composer sends it; then no tab offers Retry on it again', async () => {
    const simId = (await core.call('modem.list', {}))[0]!.simId!;
    core.demo!.emulator.fault({ kind: 'command-error', command: 'AT+CMGS', cms: 38 });
    // Sent from the thread's composer, as a clerk sends it (a send from the core that ends before the page's log
    // store starts is early-send.test.ts's).
    const base = new URL(page.url()).origin + new URL(page.url()).pathname;
    await sendTyped(page, `${base}#/thread/${simId}`, 'YE');
    await expect.poll(async () => (await readLog(page)).messages.some((m) => m.text === 'YE' && m.state === 'failed'), { timeout: 30_000 }).toBe(true);
    // A second tab on the same thread, open before the retry: it shows the failed bubble's Retry too.
    const other = await page.context().newPage();
    await other.goto(`${base}#/thread/${simId}`);
    const retryIn = (p: Page) => p.locator('.bubble-failed', { hasText: 'YE' }).getByRole('button', { name: '重试', exact: true });
    const retriedIn = (p: Page) => p.locator('.bubble-failed', { hasText: 'YE' }).getByRole('button', { name: '已重试：看重试的那条' });
    await retryIn(other).waitFor({ timeout: 30_000 });
    const before = submitted('YE');
    const toasts = page.locator('.toast', { hasText: '已重新提交。' });
    // A page of its own: no earlier test's toast, and this one failed YE.
    expect(await toasts.count()).toBe(0);
    await retryIn(page).click();
    await toasts.first().waitFor({ timeout: 15_000 });
    expect(await page.getByRole('alertdialog').count()).toBe(0);
    await expect.poll(() => submitted('YE'), { timeout: 30_000 }).toBe(before + 1);
    // The core refuses a second retry (review40); the failed bubble, in this tab, the other, and after a reload, says
    // it was retried and leads to the retry instead of offering a Retry that would only be refused.
    await expect(core.call('retry', { commandId: (await readLog(page)).messages.find((m) => m.text === 'YE' && m.state === 'failed')!.commandId as string })).rejects.toMatchObject({ code: 'send.already-retried' });
    for (const p of [page, other]) {
      await retriedIn(p).waitFor({ timeout: 30_000 });
      expect(await retryIn(p).count()).toBe(0);
    }
    await other.reload();
    await retriedIn(other).waitFor({ timeout: 30_000 });
    expect(await retryIn(other).count()).toBe(0);
    // "Show the retry" highlights the retry's bubble (the YE that is not failed).
    await retriedIn(other).click();
    await other.locator('.bubble.focused', { hasText: 'YE' }).waitFor({ timeout: 15_000 });
    expect(await other.locator('.bubble.focused.bubble-failed').count()).toBe(0);
    expect(submitted('YE')).toBe(before + 1);
    await other.close();
  }, 120_000);
});
