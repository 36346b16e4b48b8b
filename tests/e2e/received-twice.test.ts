import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPtyEmulator, type PtyEmulator } from '../../src-main/emulator/pty';
import { encodeDeliver } from '../../src-shared/pdu';
import { axeViolations, browserSuite, plugInByPath, readLog, readTables, type Served } from './ui-kit';

/*
 * journal22: a single SMS the network hands over twice (its acknowledgement lost on the air: the same sender,
 * service-centre second and text, into another slot) is journaled twice and named `sameTextAs` (journal21). The page
 * showed it as two bubbles and read its figures twice. Now it is one bubble saying "收到 2 次" with both times, both
 * part rows stay in IndexedDB, and its figures are read once. Real `hall10086 serve`, the emulator on a real pty,
 * real Chromium and IndexedDB.
 */

let server: Served;
let page: Page;
// A retry on a new server: its journal has not had the first try's deliveries, which would make a retried PDU a third
// arrival (#3), not the second the test asserts.
browserSuite({ artifactPrefix: 'received-twice-', openApp: true, freshServerOnRetry: true }, (suite) => {
  ({ server, page } = suite);
});

let modem: PtyEmulator;
beforeAll(async () => {
  modem = await startPtyEmulator({ emulatorOptions: { sim: { iccid: '89860012345670002201', imsi: '460001234562201' } } });
}, 60_000);
afterAll(async () => {
  await modem?.close();
});

const BALANCE = '尊敬的客户，您的话费余额为35.20元。【中国移动】';
/** Stamped later: once its figures are read, the reader has been over everything before it. */
const CONTROL = '尊敬的客户，您的话费余额为36.80元。【中国移动】';
const pdu = (text: string, second: number) =>
  encodeDeliver({ from: '10086', text, timestamp: new Date(Date.UTC(2026, 11, 6, 1, 0, second)), tzQuarterHours: 32, smsc: '+8613800100500' }).hex;

describe('a single SMS the network hands over twice', () => {
  it('shows once, says it came twice with both times, keeps both parts, and its figures are read once', async () => {
    await plugInByPath(page, server.base, modem.path);
    modem.emulator.deliverPdu(pdu(BALANCE, 7));
    await expect.poll(async () => (await readLog(page)).parts.length, { timeout: 30_000 }).toBe(1);
    // The SMSC, its acknowledgement lost, hands the same SMS over again; then a later reply.
    modem.emulator.deliverPdu(pdu(BALANCE, 7));
    await expect.poll(async () => (await readLog(page)).parts.length, { timeout: 30_000 }).toBe(2);
    modem.emulator.deliverPdu(pdu(CONTROL, 40));
    await expect.poll(async () => (await readLog(page)).parts.length, { timeout: 30_000 }).toBe(3);

    const log = await readLog(page);
    // Both parts stay, under their own keys, both of the one message.
    const balanceParts = log.parts.filter((p) => p.text === BALANCE);
    expect(balanceParts.map((p) => p.key)).toEqual([expect.any(String), expect.stringMatching(/#2$/)]);
    const shown = log.messages.filter((m) => m.text === BALANCE);
    expect(shown).toHaveLength(1);
    expect(balanceParts.map((p) => p.messageId)).toEqual([shown[0]!.id, shown[0]!.id]);
    expect(shown[0]!.receivedAgain).toEqual([balanceParts[1]!.receivedAt]);

    // Figures: once, when the control reply's are there (read in order behind it).
    const figures = async () => (await readTables(page, ['figures'] as const)).figures;
    const controlId = log.messages.find((m) => m.text === CONTROL)!.id;
    await expect.poll(async () => (await figures()).some((f) => f.messageId === controlId), { timeout: 45_000 }).toBe(true);
    expect((await figures()).filter((f) => f.kind === 'balance.balance').map((f) => f.value)).toEqual(expect.arrayContaining([35.2, 36.8]));
    expect((await figures()).filter((f) => f.kind === 'balance.balance')).toHaveLength(2);

    // One bubble, a quiet "收到 2 次" whose times show on focus and are read with it.
    await page.goto(`${server.base}#/thread/${encodeURIComponent(String(shown[0]!.simId))}`);
    const bubble = page.locator('article.bubble-line', { hasText: '35.20' });
    await expect.poll(() => page.locator('article.bubble-line', { hasText: '36.80' }).count(), { timeout: 20_000 }).toBe(1);
    expect(await bubble.count()).toBe(1);
    const marker = bubble.locator('.received-again');
    expect(await marker.innerText()).toContain('收到 2 次');
    const times = bubble.getByRole('tooltip');
    const width = async () => (await times.boundingBox())?.width ?? 0;
    expect(await width()).toBeLessThanOrEqual(1);
    await marker.focus();
    await expect.poll(width).toBeGreaterThan(40);
    expect(await times.innerText()).toMatch(/^收到时间：\d\d:\d\d:\d\d、\d\d:\d\d:\d\d$/);
    // A screen reader gets the times as the marker's description; axe finds nothing in the thread, times shown.
    expect(await marker.getAttribute('aria-describedby')).toBe(await times.getAttribute('id'));
    expect(await axeViolations(page, '.message-area')).toEqual([]);
  }, 150_000);

  it('comes to a page that opens after both came (journal.pending, one batch) as one message that came twice', async () => {
    await plugInByPath(page, server.base, modem.path);
    // No page connected: both wait in the journal, the second named `sameTextAs` the first.
    await page.goto('about:blank');
    const AGAIN = '尊敬的客户，您的话费余额为12.60元。【中国移动】';
    modem.emulator.deliverPdu(pdu(AGAIN, 21));
    modem.emulator.deliverPdu(pdu(AGAIN, 21));
    await expect.poll(() => modem.emulator.messages('SM').length, { timeout: 30_000 }).toBe(0);
    await page.goto(await server.link());
    await expect.poll(async () => (await readLog(page)).parts.filter((p) => p.text === AGAIN).length, { timeout: 30_000 }).toBe(2);
    const shown = (await readLog(page)).messages.filter((m) => m.text === AGAIN);
    expect(shown.map((m) => (m.receivedAgain as number[] | undefined)?.length)).toEqual([1]);
  }, 150_000);
});
