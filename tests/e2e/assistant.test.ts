import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { figureRowsFor } from '../../src-renderer/store/figures';
import type { MessageRow } from '../../src-renderer/store/rows';
import { writeOldLog } from './old-log';
import { axeViolations, browserSuite, readTables, serve, type Served } from './ui-kit';

/**
 * 小e, reply figures and the overview in Chromium against browser mode and its demo modem: ask in
 * everyday words, send the offered instruction, see the reply's figures on the overview; a
 * clarifying question; and the log store's upgrade that reads the figures of replies stored before.
 */

let server: Served;
let page: Page;
browserSuite({ artifactPrefix: 'assistant-', openApp: false }, (suite) => {
  ({ server, page } = suite);
});

const base = (on: Served = server) => on.url.split('#')[0]!;

async function openApp(on: Served = server): Promise<void> {
  await page.goto(await on.link());
  await page.waitForSelector('#catalog-search');
}

async function ask(question: string, on: Served = server): Promise<void> {
  await page.goto(`${base(on)}#/assistant`);
  const input = page.getByPlaceholder('用自己的话问', { exact: false });
  await input.fill(question);
  await input.press('Enter');
}

/** One table of the page's log, read with IndexedDB itself, in key order. */
const storedTable = async (name: string) => (await readTables(page, [name]))[name]!;

const storedFigures = () => storedTable('figures');

describe('小e, the assistant', () => {

  it('says it does not know zzqqxx (once a 0000 chip) and what to try next, offering common instructions instead', async () => {
    await openApp();
    await ask('zzqqxx');
    const answer = page.locator('.assistant-turn .assistant-answer').last();
    await answer.waitFor();
    expect(await answer.textContent()).toContain('这个我还不懂。换个说法试试，或者从常用指令开始：');
    expect(await page.locator('.assistant-turn .chip[data-instruction="0000"]').count()).toBe(0);
    expect(await page.locator('.assistant-turn .chip').count()).toBeGreaterThan(0);
  });
  it('answers 我还剩多少流量 with CXYEG; Send sends it; the reply’s data figures show under it and on the overview', async () => {
    await openApp();
    await ask('我还剩多少流量');
    const chip = page.locator('.assistant-turn .chip[data-instruction="CXYEG"]');
    await chip.waitFor();
    expect(await chip.locator('.code').textContent()).toBe('CXYEG');
    // Keyboard: the chip is a button; Enter opens the form, whose Send button then has the focus.
    await chip.focus();
    await page.keyboard.press('Enter');
    const send = page.getByRole('button', { name: '发送到 10086' });
    await expect.poll(() => send.isEnabled(), { timeout: 30_000 }).toBe(true);
    expect(await page.textContent('.assistant-form .sms-text')).toBe('CXYEG');
    await send.click();
    await page.waitForSelector('.assistant-form', { state: 'detached' });

    await page.goto(`${base()}#/thread`);
    const figuresLine = page.locator('.bubble-line.in .bubble-figures');
    await figuresLine.waitFor({ timeout: 45_000 });
    const line = (await figuresLine.textContent())!;
    expect(line).toMatch(/^你的流量还剩 /);
    // The figures show once, under the reply, and the reply says what it answers.
    expect(await page.locator('.bubble-line.out .bubble-figures').count()).toBe(0);
    expect(await page.textContent('.bubble-line.in .bubble-pair')).toBe('回复 CXYEG');

    await page.goto(`${base()}#/overview`);
    const cell = page.locator('.overview-table td[data-kind="data.remaining"] .figure-value');
    await cell.waitFor();
    // The table shows the core's figures at once; the log store reads the same reply in an idle moment.
    await expect.poll(async () => (await storedFigures()).filter((f) => f.kind === 'data.remaining').length, { timeout: 10_000 }).toBeGreaterThan(0);
    // Data left is the general data only; the night-time pack is listed by name, never added in.
    const remaining = (await storedFigures()).filter((f) => f.kind === 'data.remaining');
    const general = remaining.filter((f) => f.pool === 'general').map((f) => f.value as number);
    expect(general.length).toBeGreaterThan(0);
    expect(remaining.some((f) => f.pool === 'offpeak')).toBe(true);
    const totalMb = general.reduce((a, b) => a + b, 0);
    expect(await cell.textContent()).toBe(totalMb >= 1024 ? `${(totalMb / 1024).toFixed(2)} GB` : `${totalMb.toFixed(2)} MB`);
    expect(await page.textContent('.overview-sim [data-kind="data.remaining"] .data-pools')).toContain('闲时');
    expect(await page.textContent('.overview-table td[data-kind="balance.balance"]')).toContain('暂无');

    // Asked what 10086 said, 小e explains that reply from its figures and offers to ask again.
    await ask('10086说了什么');
    // The first question's turn is still there (the conversation lives as long as the page).
    await expect.poll(() => page.locator('.assistant-turn').count()).toBe(2);
    const answer = page.locator('.assistant-turn .assistant-answer').last();
    expect(await answer.locator('.bubble-text').textContent()).toContain(line);
    expect(await answer.locator('.chip').getAttribute('data-instruction')).toBe('CXYEG');
  });

  it('shows a 回复“是” button where 10086 asks for a confirmation, and sends 是 only after it is pressed and confirmed', async () => {
    // A server of its own: the shared one's demo 10086 remembers 来电提醒 was turned on, so a retry would
    // never be asked for 是, and a fresh profile is handed the earlier attempt's KTLDTX and its reply.
    const own = await serve();
    try {
      await openApp(own);
      await ask('开通来电提醒', own);
      const chip = page.locator('.assistant-turn .chip[data-instruction="KTLDTX"]');
      await chip.click();
      const send = page.getByRole('button', { name: '发送到 10086' });
      await expect.poll(() => send.isEnabled(), { timeout: 30_000 }).toBe(true);
      await send.click();
      await page.waitForSelector('.assistant-form', { state: 'detached' });

      await page.goto(`${base(own)}#/thread`);
      const button = page.getByRole('button', { name: '回复“是”' });
      await button.waitFor({ timeout: 45_000 });
      const sentTexts = () => page.$$eval('.bubble-line.out .bubble-text', (els) => els.map((e) => e.textContent));
      expect(await sentTexts()).toEqual(['KTLDTX']);
      await button.click();
      await page.waitForSelector('dialog[open]');
      await page.locator('dialog[open]').getByRole('button', { name: '确认发送' }).click();
      await expect.poll(sentTexts, { timeout: 30_000 }).toEqual(['KTLDTX', '是']);
      await expect.poll(() => button.isDisabled()).toBe(true);
      // The log remembers the answer: after a reload the button does not offer to send it again.
      await page.reload();
      await button.waitFor({ timeout: 30_000 });
      await expect.poll(() => button.isDisabled()).toBe(true);
    } finally {
      await own.stop();
    }
  }, 120_000);

  it('asks which one when 彩铃 could mean on or off; the choice opens the form and a risky one asks before sending', async () => {
    await openApp();
    await ask('彩铃');
    await page.waitForSelector('.assistant-option');
    expect(await page.$$eval('.assistant-turn .assistant-option .assistant-option-label', (b) => b.map((x) => x.textContent))).toEqual(['开通彩铃', '取消彩铃']);
    // The risky choice carries the badge a chip carries, in its accessible name too (review41).
    expect(await page.$$eval('.assistant-turn .assistant-option', (b) => b.map((x) => x.querySelector('.badge-risk')?.textContent ?? null))).toEqual([null, '需确认']);
    await page.getByRole('button', { name: '取消彩铃 需确认', exact: true }).click();
    expect(await page.textContent('.assistant-form .callout-risk')).toBe('取消后来电方将听到普通回铃音');
    const send = page.getByRole('button', { name: '发送到 10086' });
    await expect.poll(() => send.isEnabled(), { timeout: 30_000 }).toBe(true);
    await send.click();
    await page.waitForSelector('dialog[open]');
    expect(await page.textContent('dialog[open]')).toContain('取消后来电方将听到普通回铃音');
    await page.locator('dialog[open]').getByRole('button', { name: '取消', exact: true }).click();
    await page.waitForSelector('dialog[open]', { state: 'detached' });
    // Cancelled: the form stays, nothing was sent.
    expect(await page.isVisible('.assistant-form')).toBe(true);
  });

  it('masks a password typed into a question and answers without it', async () => {
    await openApp();
    await ask('把密码 123456 改成 654321');
    await page.waitForSelector('.assistant-turn .assistant-answer');
    const shown = await page.textContent('.assistant-log');
    expect(shown).toContain('把密码 ****** 改成 ******');
    expect(shown).not.toMatch(/123456|654321/);
  });
});

describe('alerts and scheduled checks', () => {
  it('alerts when a new balance is under the threshold: a toast, a badge on Overview, and a link to KTYETX', async () => {
    await openApp();
    await page.goto(`${base()}#/settings`);
    await page.getByLabel('余额低于（元）').fill('100000');
    await ask('查余额');
    await page.locator('.assistant-turn .chip[data-instruction="YE"]').click();
    const send = page.getByRole('button', { name: '发送到 10086' });
    await expect.poll(() => send.isEnabled(), { timeout: 30_000 }).toBe(true);
    await send.click();

    // No notification permission in this browser: the alert is a toast.
    await page.waitForFunction(() => document.body.textContent?.includes('可发 KTYETX 开通余额提醒'), null, { timeout: 45_000 });
    expect(await page.getByRole('link', { name: /概览/ }).locator('.badge').textContent()).toBe('1');
    await page.goto(`${base()}#/overview`);
    const alert = page.locator('.overview-alerts li');
    expect(await alert.textContent()).toMatch(/^SIM …\d{6} 余额 \d+\.\d{2} 元，低于 100000\.00 元。可发 KTYETX 开通余额提醒。 打开 KTYETX$/);
    await alert.getByRole('link', { name: '打开 KTYETX' }).click();
    await page.waitForSelector('#instruction-name');
    expect(new URL(page.url()).hash).toBe('#/instruction/KTYETX');
  });

  it('saves a SIM’s daily checks (off until enabled) in the data folder', async () => {
    await openApp();
    await page.goto(`${base()}#/settings`);
    const group = page.locator('.schedule').first();
    await group.waitFor({ timeout: 30_000 });
    const enabled = group.getByRole('checkbox', { name: /启用/ });
    // The core keeps what a failed attempt saved: turned off first, as a user would.
    if (await enabled.isChecked()) {
      await enabled.uncheck();
      await expect.poll(() => group.locator('.schedule-next').textContent()).toBe('未启用：不会自动查询。');
    }
    expect(await group.locator('.schedule-next').textContent()).toBe('未启用：不会自动查询。');
    await enabled.check();
    // A 24-hour clock in two lists: hour and minute.
    await group.getByLabel('时间: 时', { exact: true }).selectOption('07');
    await group.getByLabel('时间: 分', { exact: true }).selectOption('30');
    // Saved as changed (ux31: no Save of its own any more), said under it.
    await group.getByRole('status').filter({ hasText: '的定时查询。' }).waitFor({ timeout: 15_000 });
    // The core tells when it will send them: 07:30 plus at most 10 minutes of jitter, today or tomorrow.
    // Polled: the toast waited for may be an earlier save's (a retry turns a kept schedule off first).
    await expect.poll(() => group.locator('.schedule-next').textContent(), { timeout: 15_000 }).toMatch(/^下次查询：(今天|\d{4}年\d{1,2}月\d{1,2}日周.) 07:(3\d|40)（应用开着时）$/);

    const saved = JSON.parse(await readFile(`${server.dataDir}/schedules.json`, 'utf8'));
    expect(saved).toEqual({
      version: 1,
      schedules: [{ simId: expect.any(String), enabled: true, instructions: ['YE', 'CXYEG'], time: '07:30', jitterMinutes: 10, quiet: { from: '22:00', to: '07:00' } }],
    });

    // Opened again, the saved schedule is changed and saved once more.
    await page.reload();
    const again = page.locator('.schedule').first();
    await again.waitFor({ timeout: 30_000 });
    expect([await again.getByLabel('时间: 时', { exact: true }).inputValue(), await again.getByLabel('时间: 分', { exact: true }).inputValue()]).toEqual(['07', '30']);
    await again.getByLabel('时间: 时', { exact: true }).selectOption('08');
    await again.getByLabel('时间: 分', { exact: true }).selectOption('15');
    await expect.poll(async () => JSON.parse(await readFile(`${server.dataDir}/schedules.json`, 'utf8')).schedules[0].time, { timeout: 15_000 }).toBe('08:15');
    await expect.poll(() => again.locator('.schedule-next').textContent(), { timeout: 15_000 }).toMatch(/ 08:(1[5-9]|2\d)（应用开着时）$/);

    // ux31: Undo puts back the schedule as it was before this visit's changes, saved too.
    await again.getByRole('button', { name: /^撤销 / }).click();
    await again.getByRole('status').filter({ hasText: '已撤销：' }).waitFor({ timeout: 15_000 });
    await expect.poll(async () => JSON.parse(await readFile(`${server.dataDir}/schedules.json`, 'utf8')).schedules[0].time, { timeout: 15_000 }).toBe('07:30');
    expect([await again.getByLabel('时间: 时', { exact: true }).inputValue(), await again.getByLabel('时间: 分', { exact: true }).inputValue()]).toEqual(['07', '30']);
    // The last instruction ticked cannot be unticked: a schedule with nothing to send is refused by the core.
    await again.getByRole('checkbox', { name: 'CXYEG', exact: true }).uncheck();
    expect(await again.getByRole('checkbox', { name: 'YE', exact: true }).isDisabled()).toBe(true);
    expect(await axeViolations(page, '.schedule')).toEqual([]);
  });
});

describe('the log store upgrade', () => {
  const at = Date.UTC(2026, 10, 20, 2, 0);
  const reply = (id: string, text: string): MessageRow => ({
    id,
    // A SIM the core has no figures of (not the demo SIM, which earlier tests may have asked): the
    // overview then shows what the upgraded log store read.
    simId: '89860000000000000999',
    direction: 'in',
    peer: '10086',
    text,
    state: 'received',
    at,
    read: 1,
    timestamp: '2026-11-20T10:00:00+08:00',
    partKeys: [`${id}-part`],
    complete: true,
    total: 1,
    received: 1,
  });
  const seeded = [
    reply('m-balance', '尊敬的客户，截至2026年11月20日10时，您的账户余额为35.20元，其中现金账户30.20元、赠送账户5.00元。本月已产生费用42.80元。【中国移动】'),
    reply('m-chat', '您好，欢迎使用中国移动10086短信营业厅。【中国移动】'),
  ];

  it('reads the figures of replies stored by the previous version when the app opens the log', async () => {
    // The log as version 1 left it: messages only, before figures were kept.
    await writeOldLog(page, server, { schema: 1, messages: seeded, simId: seeded[0]!.simId });

    // The launch link (its token in the fragment), then the overview.
    await page.goto(await server.link());
    await page.evaluate(() => (location.hash = '#/overview'));
    const balance = '.overview-table tr[data-sim="89860000000000000999"] td[data-kind="balance.balance"] .figure-value';
    await page.waitForSelector(balance);
    expect(await page.textContent(balance)).toBe('35.20 元');
    const expected = seeded.flatMap(figureRowsFor).sort((a, b) => a.id.localeCompare(b.id));
    expect(expected.map((f) => [f.kind, f.value])).toEqual([
      ['balance.balance', 35.2],
      ['balance.cash', 30.2],
      ['balance.gift', 5],
      ['balance.spentThisMonth', 42.8],
    ]);
    // The upgrade queues the stored replies; the figure reader empties the queue in the background.
    await expect.poll(storedFigures).toEqual(expected);
    expect(await storedTable('figureQueue')).toEqual([]);
  });
});
