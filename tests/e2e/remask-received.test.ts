import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { decodeJournal, encodeLine } from '../../src-main/services/journal/line-codec';
import { builtinCatalog } from '../../src-shared/catalog/builtin';
import { MASKER_VERSION } from '../../src-shared/catalog/secrets';
import type { JournalRecord } from '../../src-shared/journal-records';
import { encodeDeliver } from '../../src-shared/pdu';
import type { MessageRow, PartRow } from '../../src-renderer/store/rows';
import { plugInByPath, readLog, readTables, restartedAppSuite, serve, type Served } from './ui-kit';

/*
 * mend67: the core did not say whether a received part it handed to the page was masked, nor by which masker, so the page
 * stamped no received row and its re-mask pass left every received row as stored, one an older masker left a secret in
 * too. A part journaled and not yet stored when the core stopped comes back from `journal.log` masked by the masker that
 * wrote the line. Here the line is put back as masker 6 wrote it (it kept off dates: a date-shaped password stayed
 * clear), with a stamp naming masker 6's shapes, as tests/unit/journal/masked-stamp.test.ts simulates an older masker.
 * Real `hall10086 serve` stopped and started on one data folder and port (one IndexedDB), the emulator on a real pty
 * through the real serialport, real Chromium. The texts are constructed in the shapes the masker is tested with, not real.
 */

const { browser, modem, cleanup } = restartedAppSuite({ iccid: '89860012345670006701', imsi: '460001234566701' });

/** Masker 7 masks it (a date-shaped value right after a password word); masker 6 left it clear. */
const RESET = '尊敬的客户，您的服务密码：2019 12 31，请妥善保管。';
const RESET_MASKED = '尊敬的客户，您的服务密码：******，请妥善保管。';
/** A reply with figures, a date and an amount: every masker leaves it whole. */
const BALANCE = '尊敬的客户，截至2026年12月07日，您的话费余额为12.50元，本月已用流量2.35GB。';
const pdu = (text: string, second: number) =>
  encodeDeliver({ from: '10086', text, timestamp: new Date(Date.UTC(2026, 11, 7, 1, 0, second)), tzQuarterHours: 32, smsc: '+8613800100500' }).hex;

/** The stamp a log masked by masker 6 carried: the digest of its shapes (Catalog.secretShapes with its version). */
function masker6Stamp(): string {
  const shapes = JSON.parse(builtinCatalog().secretShapes()) as { masker: number; rules: unknown };
  return createHash('sha256').update(JSON.stringify({ masker: MASKER_VERSION - 1, rules: shapes.rules })).digest('hex').slice(0, 16);
}

/** journal.log as masker 6 would have left it: the reset reply's line with its date-shaped password clear, stamped by masker 6. */
async function asMasker6Wrote(dataDir: string): Promise<void> {
  const path = join(dataDir, 'journal.log');
  const { records } = decodeJournal(await readFile(path));
  const older = (r: JournalRecord): JournalRecord => (r.kind === 'in' && r.text === RESET_MASKED ? { ...r, text: RESET } : r);
  const lines = [{ kind: 'masked', by: masker6Stamp() } as const, ...records.filter((r) => r.kind !== 'masked').map(older)];
  expect(lines.filter((r) => r.kind === 'in').map((r) => r.kind === 'in' && r.text)).toEqual([RESET, BALANCE]);
  await writeFile(path, Buffer.concat(lines.map(encodeLine)), { mode: 0o600 });
}

describe('a received text an older masker left a secret in', () => {
  it('comes back from the journal masked by this masker and stamped so; the pass masks one stored under an older stamp; figures stay', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'hall10086-remask-received-'));
    cleanup.push(() => rm(dataDir, { recursive: true, force: true }));
    const context: BrowserContext = await browser().newContext({ locale: 'zh-CN' });
    cleanup.push(() => context.close());
    const page: Page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    let served: Served | null = await serve([], { dataDir, port: 'remembered' });
    cleanup.push(async () => served?.stop());

    // The modem plugged in; then no page open while the two replies come: journaled, not stored, not acknowledged.
    await page.goto(await served.link());
    await page.waitForSelector('#catalog-search');
    await plugInByPath(page, served.base, modem().path);
    const base = served.base;
    await page.goto('about:blank');
    modem().emulator.deliverPdu(pdu(RESET, 1));
    modem().emulator.deliverPdu(pdu(BALANCE, 2));
    const log = join(dataDir, 'journal.log');
    await expect.poll(async () => decodeJournal(await readFile(log)).records.filter((r) => r.kind === 'in').length, { timeout: 30_000 }).toBe(2);
    await served.stop();
    served = null;
    await asMasker6Wrote(dataDir);

    served = await serve([], { dataDir, port: 'remembered' });
    expect(served.base).toBe(base);
    await page.goto(await served.link());
    await page.waitForSelector('#catalog-search');
    await expect.poll(async () => (await readLog(page)).parts.length, { timeout: 30_000 }).toBe(2);
    const stored = await readLog(page);
    const parts = stored.parts as unknown as PartRow[];
    const messages = stored.messages as unknown as MessageRow[];
    const byText = <R extends { text: string }>(rows: readonly R[], start: string) => rows.filter((r) => r.text.startsWith(start));
    expect(byText(parts, '尊敬的客户，您的服务密码').map((p) => [p.text, p.masker])).toEqual([[RESET_MASKED, MASKER_VERSION]]);
    expect(byText(messages, '尊敬的客户，您的服务密码').map((m) => [m.text, m.masker])).toEqual([[RESET_MASKED, MASKER_VERSION]]);
    expect(byText(parts, '尊敬的客户，截至').map((p) => [p.text, p.masker])).toEqual([[BALANCE, MASKER_VERSION]]);
    expect(JSON.stringify(await readTables(page, ['messages', 'parts'] as const))).not.toContain('2019 12 31');

    // As a page of masker 6 stored them (its stamp, its text), and its pass done: this version's pass masks the one.
    const older = (row: PartRow | MessageRow) => ({ ...row, text: row.text === RESET_MASKED ? RESET : row.text, masker: MASKER_VERSION - 1 });
    await page.evaluate(
      ({ parts, messages, meta }) =>
        new Promise<void>((done, fail) => {
          const open = indexedDB.open('hall10086-log');
          open.onsuccess = () => {
            const tx = open.result.transaction(['parts', 'messages', 'meta'], 'readwrite');
            for (const p of parts) tx.objectStore('parts').put(p);
            for (const m of messages) tx.objectStore('messages').put(m);
            tx.objectStore('meta').put(meta);
            tx.oncomplete = () => (open.result.close(), done());
            tx.onerror = () => fail(tx.error);
          };
          open.onerror = () => fail(open.error);
        }),
      { parts: parts.map(older), messages: messages.filter((m) => m.direction === 'in').map(older), meta: { key: 'masker', version: MASKER_VERSION - 1, table: 'done', after: null } },
    );
    expect(JSON.stringify(await readTables(page, ['messages', 'parts'] as const))).toContain('2019 12 31');
    await page.goto(await served.link());
    await page.waitForSelector('#catalog-search');
    await expect.poll(async () => (await readTables(page, ['meta'] as const)).meta.find((r) => r.key === 'masker'), { timeout: 30_000 }).toEqual({
      key: 'masker', version: MASKER_VERSION, table: 'done', after: null,
    });
    const after = await readLog(page);
    expect(JSON.stringify(after)).not.toContain('2019 12 31');
    for (const rows of [after.parts, after.messages] as unknown as { text: string; masker?: number }[][]) {
      expect(byText(rows, '尊敬的客户，您的服务密码').map((r) => [r.text, r.masker])).toEqual([[RESET_MASKED, MASKER_VERSION]]);
      // Figures, the date and the amount unharmed; its row, unchanged, keeps its older stamp.
      expect(byText(rows, '尊敬的客户，截至').map((r) => [r.text, r.masker])).toEqual([[BALANCE, MASKER_VERSION - 1]]);
    }
    expect(errors).toEqual([]);
  }, 300_000);
});
