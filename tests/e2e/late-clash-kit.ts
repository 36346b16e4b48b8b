import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPtyEmulator, type PtyEmulator } from '../../src-main/emulator/pty';
import { encodeDeliver, encodeDeliverParts } from '../../src-shared/pdu';
import { browserSuite, plugInByPath, readLog, readTables, type Served } from './ui-kit';

/*
 * Two long replies from 10086 under one reference and part count, stamped the same second, read A1, B2 and then the
 * other two parts in the order a test file names. B2 finds only A's message and completes it (A1+B2): stored, its
 * figures read, the Overview showing them. The other two make a second message (B1+A2). Both are mixed: every message
 * of that second is to be marked possibly joined wrong, the first afterwards, and its figures withdrawn from the page
 * and from the fleet board the Overview shows. Real `hall10086 serve`, the emulator on a real pty, real Chromium and
 * IndexedDB. Both texts are real (real-dev.json r15-153 and r15-183); their reference and stamp are written for the test.
 */

const real = JSON.parse(readFileSync(join(import.meta.dirname, '../fixtures/replies/real-dev.json'), 'utf8')) as { id: string; text: string }[];
const BILL = real.find((x) => x.id === 'r15-153')!.text;
const DATA = real.find((x) => x.id === 'r15-183')!.text;
const BEFORE = '尊敬的客户，您的话费余额为35.20元。【中国移动】';
/** Stamped after them: once its figures are read, the reader has been over everything before it. */
const CONTROL = '尊敬的客户，您的话费余额为36.80元。【中国移动】';

const at = (second: number) => new Date(Date.UTC(2026, 11, 6, 0, 0, second));
const single = (text: string, second: number) => encodeDeliver({ from: '10086', text, timestamp: at(second), tzQuarterHours: 32, smsc: '+8613800100500' }).hex;
const long = (text: string) => encodeDeliverParts({ from: '10086', text, timestamp: at(7), tzQuarterHours: 32, smsc: '+8613800100500', concatRef: 77 }).map((p) => p.hex);

/** The file's one suite: A1, B2, then A2 and B1 in the order `later` names; the SIM's ICCID its own. */
export function lateClashSuite(o: { artifactPrefix: string; iccid: string; later: 'A2, B1' | 'B1, A2' }): void {
  let server: Served;
  let page: Page;
  browserSuite({ artifactPrefix: o.artifactPrefix, openApp: true, freshServerOnRetry: true }, (suite) => {
    ({ server, page } = suite);
  });

  let modem: PtyEmulator;
  beforeAll(async () => {
    modem = await startPtyEmulator({ emulatorOptions: { sim: { iccid: o.iccid, imsi: `46000${o.iccid.slice(-10)}` } } });
  }, 60_000);
  afterAll(async () => {
    await modem?.close();
  });

  describe(`two long replies of one reference and second, read A1, B2, ${o.later}`, () => {
    it('the first, stored and read for figures before the clash showed, is marked afterwards with the second; no figure stays from either', async () => {
      const [a1, a2] = long(BILL);
      const [b1, b2] = long(DATA);
      expect(long(BILL).length === 2 && long(DATA).length === 2).toBe(true);
      await plugInByPath(page, server.base, modem.path);
      const parts = async () => (await readLog(page)).parts.length;
      const deliver = async (hex: string, count: number) => {
        modem.emulator.deliverPdu(hex);
        await expect.poll(parts, { timeout: 30_000 }).toBe(count);
      };
      await deliver(single(BEFORE, 0), 1);
      await deliver(a1!, 2);
      await deliver(b2!, 3);

      // A1+B2 is whole, nothing shows it mixed yet: stored, its balance (A's 1.74) read and on the Overview.
      const inbound = async () => (await readLog(page)).messages.filter((m) => m.direction === 'in' && m.total === 2);
      const [first] = await inbound();
      expect([first!.complete, first!.uncertain ?? false]).toEqual([true, false]);
      const figures = async () => (await readTables(page, ['figures'] as const)).figures;
      const balanceOf = async (id: unknown) => (await figures()).filter((f) => f.messageId === id && f.kind === 'balance.balance').map((f) => f.value);
      await expect.poll(() => balanceOf(first!.id), { timeout: 45_000 }).toEqual([1.74]);
      await page.goto(`${server.base}#/overview`);
      const row = page.locator(`tr[data-sim="${String(first!.simId)}"]`);
      await row.getByText('1.74 元').waitFor({ timeout: 30_000 });

      // The other two parts make a message of their own (A's slots are taken): the clash shows.
      for (const [i, hex] of (o.later === 'A2, B1' ? [a2!, b1!] : [b1!, a2!]).entries()) await deliver(hex, 4 + i);
      await expect.poll(async () => (await inbound()).map((m) => [m.complete, m.uncertain ?? false]), { timeout: 30_000 }).toEqual([
        [true, true],
        [true, true],
      ]);
      const both = (await inbound()).map((m) => m.id);
      expect(both).toContain(first!.id);
      // Withdrawn from the page's figures, and from the fleet board the Overview reads: back to the reply before.
      await expect.poll(() => balanceOf(first!.id), { timeout: 45_000 }).toEqual([]);
      await row.getByText('35.20 元').waitFor({ timeout: 30_000 });
      expect(await row.getByText('1.74 元').count()).toBe(0);

      // No figure row from either, once the reader has read a later reply's.
      await deliver(single(CONTROL, 127), 6);
      const controlId = (await readLog(page)).messages.find((m) => m.text === CONTROL)!.id;
      await expect.poll(async () => (await figures()).some((f) => f.messageId === controlId), { timeout: 45_000 }).toBe(true);
      expect((await figures()).filter((f) => both.includes(f.messageId))).toEqual([]);
      // Both texts stay, each shown with the note.
      expect((await readLog(page)).parts).toHaveLength(6);
      await page.goto(`${server.base}#/thread/${encodeURIComponent(String(first!.simId))}`);
      await expect.poll(() => page.getByText('这条长短信可能拼错了', { exact: false }).count(), { timeout: 20_000 }).toBe(2);
    }, 180_000);
  });
}
