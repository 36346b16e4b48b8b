import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { figureRowsFor } from '../../src-renderer/store/figures';
import type { FigureRow, MessageRow } from '../../src-renderer/store/rows';
import { loadCorpus } from '../fixtures/replies/corpus';
import { writeOldLog } from './old-log';
import { browserSuite, readTables, type Served } from './ui-kit';

/**
 * A user's log whose figures an older reader made is read again when the app opens it (real IndexedDB
 * in Chromium, the built UI in browser mode): a pushed notice stored before notices were read raises its
 * alert, no message is lost or doubled and no figure row kept twice; and "newest" goes by when 10086
 * wrote a reply (its service-centre stamp), so a reply delivered late does not stand for a newer one.
 */

let server: Served;
let page: Page;
browserSuite({ artifactPrefix: 'reread-', openApp: false }, (suite) => {
  ({ server, page } = suite);
});

const corpus = loadCorpus(resolve(import.meta.dirname, '../fixtures/replies/real-dev.json'));
const text = (id: string) => corpus.find((e) => e.id === id)!.text;
const HOUR = 3_600_000;
const storedTable = async (name: string) => (await readTables(page, [name]))[name]!;
const byId = <T extends { id: string }>(rows: T[]) => [...rows].sort((a, b) => a.id.localeCompare(b.id));

/** A SIM the demo modem is not: the overview shows what the log holds of it. */
const SIM = '89860000000000000777';

function reply(id: string, body: string, at: number, writtenAt = at): MessageRow {
  return {
    id,
    simId: SIM,
    direction: 'in',
    peer: '10086',
    text: body,
    state: 'received',
    at,
    read: 1,
    timestamp: new Date(writtenAt).toISOString(),
    partKeys: [`${id}-part`],
    complete: true,
    total: 1,
    received: 1,
  };
}

/** The log as schema 3 left it (before the reader's stamp was kept), with these rows. */
const seedSchema3 = (messages: MessageRow[], figures: FigureRow[], queued: string[] = []) => writeOldLog(page, server, { schema: 3, messages, figures, queued, simId: SIM });

async function openOverview(): Promise<void> {
  await page.goto(await server.link());
  await page.evaluate(() => (location.hash = '#/overview'));
  await page.waitForSelector('.overview');
}

const balanceCell = `.overview-table tr[data-sim="${SIM}"] td[data-kind="balance.balance"] .figure-value`;

describe('stored replies read again by a newer reader', () => {
  it('a balance-low notice stored before notices were read raises its alert; no message lost or doubled, no row kept twice', async () => {
    const now = Date.now();
    // Real texts: the 10086 overdraft notice (话费余额已不足) an hour ago, a balance reply two hours ago.
    const notice = reply('old-notice', text('overdraft-notice'), now - HOUR);
    const balance = reply('old-balance', text('rc2-gd-autosms-balance-2016'), now - 2 * HOUR);
    // The rows as a reader from before notices left them: the notice's credit limit only, no notice row;
    // and a row of the balance reply that today's reader does not make (it must go, not stay beside the new ones).
    const olderRows: FigureRow[] = [
      ...figureRowsFor(notice).filter((r) => !r.kind.startsWith('notice.')),
      ...figureRowsFor(balance),
      { id: 'old-balance#7', messageId: 'old-balance', simId: SIM, kind: 'balance.gift', at: balance.at, value: 1, unit: 'yuan', package: null, pool: null, confidence: 'unsure' },
    ];
    expect(figureRowsFor(notice).map((r) => r.kind)).toContain('notice.balance-low');
    await seedSchema3([notice, balance], olderRows);

    await openOverview();
    const alerts = page.locator('.overview-alerts li');
    await expect.poll(() => alerts.allTextContents(), { timeout: 30_000 }).toEqual([expect.stringMatching(/：10086 提醒话费余额不足，请及时充值。/)]);

    // Each reply's rows are today's reader's, once; the messages are as they were.
    const expected = byId([notice, balance].flatMap(figureRowsFor));
    await expect.poll(async () => byId((await storedTable('figures')) as unknown as FigureRow[])).toEqual(expected);
    expect(byId((await storedTable('messages')).filter((m) => m.simId === SIM) as unknown as MessageRow[])).toEqual(byId([notice, balance]));
    await expect.poll(() => storedTable('figureQueue')).toEqual([]);
    // The page's meta table holds other marks too (sendsHeard: the log's catch-up mark, sendstate25): the reader's own row.
    const readerRow = async () => (await storedTable('meta')).filter((row) => row.key === 'figureReader');
    const [kept] = await readerRow();
    expect(kept).toMatchObject({ key: 'figureReader', total: expect.any(Number), left: 0 });

    // Opened again with the same reader: nothing is read again (the stamp and the newest replies' rows agree).
    await page.reload();
    await page.waitForSelector('.overview');
    await expect.poll(() => alerts.count(), { timeout: 30_000 }).toBe(1);
    expect(await readerRow()).toEqual([kept]);
  });

  it('the newest figure is the one 10086 wrote last: a balance delivered late does not stand for a newer one', async () => {
    const now = Date.now();
    // Real texts: 12.67 written and delivered two hours ago; 141.59 written five hours ago but delivered an
    // hour ago (its modem was off). By arrival 141.59 would be the balance now.
    const onTime = reply('on-time', text('rc2-gd-autosms-balance-2016'), now - 2 * HOUR);
    const late = reply('late', text('pdu-2018-balance-gd'), now - HOUR, now - 5 * HOUR);
    // Stored just now, their figures still to be read (as the ingest queues them).
    await seedSchema3([onTime, late], [], [onTime.id, late.id]);
    await openOverview();
    await expect.poll(() => page.locator(balanceCell).textContent(), { timeout: 30_000 }).toBe('12.67 元');
    // The SIM's own history reads it so too: its latest point, and the time shown, are the on-time reply's.
    const own = page.locator('.overview-sim [data-kind="balance.balance"]');
    await expect.poll(() => own.locator('.figure-value').textContent(), { timeout: 30_000 }).toBe('12.67 元');
    const rows = (await storedTable('figures')) as unknown as FigureRow[];
    expect(rows.find((r) => r.messageId === 'late')!.at).toBe(now - 5 * HOUR);
  });

  it('a SIM known only from the log reads its row on its reply’s stamp’s zone, as its card does', async () => {
    // A service centre stamping +05:30: the card reads the reply on that clock (ReplyTime); the table's row,
    // made from the log for a SIM the core has no figures of, read it on +08:00 before, 2½ hours off.
    const at = Date.now() - HOUR;
    const onIst = new Date(at + 330 * 60_000).toISOString();
    const ist = { ...reply('ist', text('rc2-gd-autosms-balance-2016'), at), timestamp: onIst.replace(/\.\d{3}Z$/, '+05:30') };
    await seedSchema3([ist], [], [ist.id]);
    await openOverview();
    const hhmm = onIst.slice(11, 16);
    const card = page.locator('.overview-sim [data-kind="balance.balance"] .figure-time');
    await expect.poll(() => card.textContent(), { timeout: 30_000 }).toMatch(new RegExp(` ${hhmm} UTC\\+5:30$`));
    const row = page.locator(`.overview-table tr[data-sim="${SIM}"] .fleet-updated-time`);
    await expect.poll(() => row.textContent(), { timeout: 30_000 }).toMatch(new RegExp(` ${hhmm}$`));
    expect(await row.getAttribute('title')).toContain(`${hhmm} UTC+5:30`);
  });
});
