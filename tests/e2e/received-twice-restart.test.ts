import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { encodeDeliver } from '../../src-shared/pdu';
import { plugInByPath, readLog, readTables, restartedAppSuite, serve, type Served, STACK_TRACE } from './ui-kit';

/*
 * journal24: the network's repeat of a single SMS (its acknowledgement lost on the air: the same sender, SMSC stamp
 * and text, into another slot) was named by the journal only within the run that journaled the first (journal21/22):
 * with `hall10086 serve` restarted between the two, the page showed two bubbles and read the figures twice. Now the
 * page names it itself from what IndexedDB holds (the same SIM, sender, stamp to the second with its zone, and text).
 * Real `hall10086 serve` stopped and started again on the same data folder and port (so the same IndexedDB), our
 * emulator on a real pty through the real serialport, real Chromium.
 */

const { browser, modem, cleanup } = restartedAppSuite({ iccid: '89860012345670002401', imsi: '460001234562401' });

/** Stamped later than the rest: once its figures are read, the reader has been over everything before it. */
const CONTROL = '尊敬的客户，您的话费余额为36.80元。【中国移动】';
/** The SCTS as 10086's SMSC writes it: 2026-12-06 09:00:<second> +08:00. */
const stampOf = (second: number) => `2026-12-06T09:00:${String(second).padStart(2, '0')}+08:00`;
const pdu = (text: string, second: number) =>
  encodeDeliver({ from: '10086', text, timestamp: new Date(Date.UTC(2026, 11, 6, 1, 0, second)), tzQuarterHours: 32, smsc: '+8613800100500' }).hex;

/** One app on its own data folder, served on the port it remembers, opened in one browser profile kept across its restarts. */
async function appOnFolder(): Promise<{ page: Page; start(): Promise<Served>; stop(): Promise<void> }> {
  const dataDir = await mkdtemp(join(tmpdir(), 'hall10086-again-'));
  cleanup.push(() => rm(dataDir, { recursive: true, force: true }));
  const context: BrowserContext = await browser().newContext({ locale: 'zh-CN', viewport: { width: 1100, height: 760 } });
  cleanup.push(() => context.close());
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  cleanup.push(async () => expect(errors).toEqual([]));
  let server: Served | null = null;
  const stop = async () => {
    const running = server;
    server = null;
    await running?.stop();
  };
  cleanup.push(stop);
  return {
    page,
    stop,
    async start() {
      const started = await serve([], { dataDir, port: 'remembered' });
      server = started;
      await page.goto(await started.link());
      await page.waitForSelector('#catalog-search');
      await plugInByPath(page, started.base, modem().path);
      return started;
    },
  };
}

/** Delivers `text` stamped `second` and waits until the page holds the part and the journal has its acknowledgement. */
async function deliverAcknowledged(app: { page: Page }, served: Served, text: string, second: number, parts: number): Promise<void> {
  modem().emulator.deliverPdu(pdu(text, second));
  await expect.poll(async () => (await readLog(app.page)).parts.length, { timeout: 30_000 }).toBe(parts);
  const acknowledged = new RegExp(`"kind":"ack","keys":\\[[^\\]]*"10086\\|${stampOf(second).replace('+', '\\+')}\\|-\\|-\\|-\\|\\*`);
  await expect.poll(async () => acknowledged.test(await readFile(join(served.dataDir, 'journal.log'), 'utf8')), { timeout: 30_000 }).toBe(true);
}

/** The balance figures the page read, once the control reply's are there (read in order behind everything before it). */
async function balanceFigures(page: Page): Promise<number[]> {
  const controlId = (await readLog(page)).messages.find((m) => m.text === CONTROL)!.id;
  const figures = async () => (await readTables(page, ['figures'] as const)).figures;
  await expect.poll(async () => (await figures()).some((f) => f.messageId === controlId), { timeout: 45_000 }).toBe(true);
  return (await figures())
    .filter((f) => f.kind === 'balance.balance')
    .map((f) => f.value as number)
    .sort((a, b) => a - b);
}

async function bubblesWith(page: Page, base: string, simId: string, words: string) {
  await page.goto(`${base}#/thread/${encodeURIComponent(simId)}`);
  await expect.poll(() => page.locator('article.bubble-line', { hasText: '36.80' }).count(), { timeout: 20_000 }).toBe(1);
  expect(await page.textContent('body')).not.toMatch(STACK_TRACE);
  return page.locator('article.bubble-line', { hasText: words });
}

/**
 * `text` stamped `first` delivered and acknowledged; serve stopped and started again (the journal then remembers it by
 * its key only); `text` stamped `again` delivered, then the control reply 10086 writes later; all three in the log.
 */
async function acrossRestart(text: string, first: number, again: number) {
  const app = await appOnFolder();
  const before = await app.start();
  await deliverAcknowledged(app, before, text, first, 1);
  await app.stop();
  const after = await app.start();
  await deliverAcknowledged(app, after, text, again, 2);
  modem().emulator.deliverPdu(pdu(CONTROL, 40));
  await expect.poll(async () => (await readLog(app.page)).parts.length, { timeout: 30_000 }).toBe(3);
  return { app, after };
}

describe('a single SMS the network hands over again after the core restarted', () => {
  it('shows once, saying it came twice; both parts kept; its figures read once', async () => {
    const BALANCE = '尊敬的客户，您的话费余额为35.20元。【中国移动】';
    // The SMSC, its acknowledgement lost, hands the same SMS over again with its original stamp.
    const { app, after } = await acrossRestart(BALANCE, 7, 7);

    const log = await readLog(app.page);
    const balanceParts = log.parts.filter((p) => p.text === BALANCE);
    expect(balanceParts.map((p) => p.key)).toEqual([`10086|${stampOf(7)}|-|-|-|*`, `10086|${stampOf(7)}|-|-|-|*#2`]);
    const shown = log.messages.filter((m) => m.text === BALANCE);
    expect(shown).toHaveLength(1);
    expect(balanceParts.map((p) => p.messageId)).toEqual([shown[0]!.id, shown[0]!.id]);
    expect(shown[0]!.receivedAgain).toEqual([balanceParts[1]!.receivedAt]);
    expect(await balanceFigures(app.page)).toEqual([35.2, 36.8]);

    const bubble = await bubblesWith(app.page, after.base, String(shown[0]!.simId), '35.20');
    expect(await bubble.count()).toBe(1);
    expect(await bubble.locator('.received-again').innerText()).toContain('收到 2 次');
  }, 240_000);

  it('keeps the same text with another stamp (a second reply 10086 wrote later) as two messages', async () => {
    const BALANCE = '尊敬的客户，您的话费余额为21.45元。【中国移动】';
    const { app, after } = await acrossRestart(BALANCE, 11, 12);

    const log = await readLog(app.page);
    const shown = log.messages.filter((m) => m.text === BALANCE).sort((a, b) => String(a.timestamp).localeCompare(String(b.timestamp)));
    expect(shown.map((m) => [m.timestamp, m.receivedAgain])).toEqual([
      [stampOf(11), undefined],
      [stampOf(12), undefined],
    ]);
    expect(await balanceFigures(app.page)).toEqual([21.45, 21.45, 36.8]);
    const bubbles = await bubblesWith(app.page, after.base, String(shown[0]!.simId), '21.45');
    expect(await bubbles.count()).toBe(2);
    expect(await bubbles.locator('.received-again').count()).toBe(0);
  }, 240_000);
});
