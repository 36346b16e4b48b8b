import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { HallCore } from '../../src-main/core';
import { FAST } from '../integration/session-kit';
import type { CommandRow, MessageRow } from '../../src-renderer/store/rows';
import type { OutgoingRecord } from '../../src-shared/journal-records';
import { coreSuite } from './core-suite';
import { writeOldLog } from './old-log';
import { browserSuite, readTables, type Served } from './ui-kit';

/*
 * mend37 (perf24's suggestion): the thread's live query for its newest failed instruction read every instruction of the
 * log, and ran again at every write of any instruction: each send writes its own three or four times, so a day of sends
 * read the table over and over. Now an index [simId+state] (schema 7) gives it the SIM's failed ones. Counted, not
 * timed: the instruction rows the page reads. Real core, demo modem, WebSocket, Chromium and IndexedDB.
 */

/** Counts instruction rows read (getAll results, cursor steps) in read-only transactions over more than `commands` alone. */
const COUNT_COMMAND_READS = `(() => {
  const w = window;
  w.commandRowsRead = 0;
  w.failedRead = false;
  const counted = (source) => {
    const store = source instanceof IDBIndex ? source.objectStore : source;
    const tx = store.transaction;
    return w.countReads && store.name === 'commands' && tx.mode === 'readonly' && tx.objectStoreNames.length > 1;
  };
  for (const Kind of [IDBObjectStore, IDBIndex]) {
    const getAll = Kind.prototype.getAll;
    Kind.prototype.getAll = function (...args) {
      const request = getAll.apply(this, args);
      if (counted(this)) request.addEventListener('success', () => {
        w.commandRowsRead += request.result.length;
        if (request.result.some((c) => c.state === 'failed')) w.failedRead = true;
      });
      return request;
    };
  }
  const step = IDBCursor.prototype.continue;
  IDBCursor.prototype.continue = function (...args) {
    if (counted(this.source)) {
      w.commandRowsRead += 1;
      if (this.value && this.value.state === 'failed') w.failedRead = true;
    }
    return step.apply(this, args);
  };
})()`;

const SENDS = 12;

describe('the thread’s newest failed instruction', () => {
  let core: HallCore;
  let page: Page;
  coreSuite({ dirPrefix: 'hall-newest-failed-e2e-', core: (dataDir) => HallCore.create({ dataDir, demo: true, emulatorOptions: FAST }), perTest: true }, (suite) => {
    ({ core, page } = suite);
  });

  it(`is read through the index: ${SENDS} sends and a failed one read fewer instruction rows than sends`, async () => {
    const simId = (await core.call('modem.list', {}))[0]!.simId!;
    const last = new Map<string, OutgoingRecord['state']>();
    core.on('outgoing', (r) => last.set(r.id, r.state));
    const base = new URL(page.url()).origin + new URL(page.url()).pathname;
    await page.goto(`${base}#/thread/${simId}`);
    await page.locator('.composer input:not([disabled])').waitFor({ timeout: 30_000 });
    await page.evaluate(COUNT_COMMAND_READS);
    await page.evaluate(() => ((window as unknown as { countReads: boolean }).countReads = true));
    for (let i = 0; i < SENDS; i++) {
      const { commandId: id } = await core.call('send', { modemId: 'demo', id: 'YE' });
      await expect.poll(() => ['sent', 'delivered'].includes(last.get(id) ?? ''), { timeout: 30_000 }).toBe(true);
    }
    // The last one refused by the network: a write the query must see, and the proof it ran after every write before it.
    core.demo!.emulator.fault({ kind: 'command-error', command: 'AT+CMGS', cms: 38 });
    const { commandId: failing } = await core.call('send', { modemId: 'demo', id: 'YE' });
    await expect.poll(() => last.get(failing), { timeout: 30_000 }).toBe('failed');
    await expect.poll(() => page.evaluate(() => (window as unknown as { failedRead: boolean }).failedRead), { timeout: 30_000 }).toBe(true);
    const stored = (await readTables(page, ['commands'])).commands as unknown as CommandRow[];
    expect(stored.filter((c) => c.simId === simId)).toHaveLength(SENDS + 1);
    expect(await page.evaluate(() => (window as unknown as { commandRowsRead: number }).commandRowsRead)).toBeLessThan(SENDS);
  }, 180_000);
});

/** A SIM the demo modem is not, so nothing the app does meanwhile writes to its rows. */
const SIM = '89860000000000000737';

describe('a log of schema 6 (before the index) opened by this version', () => {
  let server: Served;
  let page: Page;
  browserSuite({ artifactPrefix: 'newest-failed-', openApp: false }, (suite) => {
    ({ server, page } = suite);
  });

  it('keeps every row of every table, and the index holds the failed instructions it already had', async () => {
    const now = Date.now();
    const command = (id: string, state: CommandRow['state'], minutesAgo: number): CommandRow => ({
      id, simId: SIM, to: '10086', text: 'YE', state, error: state.startsWith('failed') ? 'modem.cms-38' : null, messageRefs: [],
      createdAt: now - minutesAgo * 60_000, updatedAt: now - minutesAgo * 60_000,
    });
    const commands = [command('c1', 'sent', 50), command('c2', 'failed', 40), command('c3', 'failed-retryable', 30), command('c4', 'delivered', 20)];
    const messages: MessageRow[] = commands.map((c) => ({
      id: `out:${c.id}`, simId: SIM, direction: 'out', peer: '10086', text: c.text, state: c.state, at: c.createdAt, read: 1,
      partKeys: [], complete: true, total: 1, received: 1, commandId: c.id, error: c.error,
    }));
    const meta = [{ key: 'sendsHeard' as const, from: now - 3_600_000 }];
    const cleared = [{ key: 'command:c0', clearedAt: now - 3_600_000 }];
    await writeOldLog(page, server, { schema: 6, messages, simId: SIM, commands, meta, cleared });
    // meta is the app's own (its catch-up mark moves at every start): seeded so the upgrade has it to keep, not compared.
    const tables = ['messages', 'commands', 'sims', 'cleared'] as const;
    const before = await readTables(page, tables);

    await page.goto(await server.link());
    await page.evaluate(() => (location.hash = '#/overview'));
    await page.waitForSelector('.overview');
    // Opened by the app: Dexie's version 7 is IndexedDB's 70.
    await expect.poll(async () => (await page.evaluate(() => indexedDB.databases())).find((d) => d.name === 'hall10086-log')?.version, { timeout: 30_000 }).toBe(70);
    const after = await readTables(page, tables);
    for (const t of tables) {
      const ours = (rows: Record<string, unknown>[]) => rows.filter((r) => !('simId' in r) || r.simId === SIM);
      expect(ours(after[t]), t).toEqual(expect.arrayContaining(ours(before[t])));
    }
    expect(after.commands.filter((c) => c.simId === SIM)).toEqual(before.commands);
    expect(after.messages.filter((m) => m.simId === SIM)).toEqual(before.messages);
    // The index, built by IndexedDB from the rows the log had: the SIM's failed instructions, in key order.
    const failed = await page.evaluate((sim) => new Promise<string[]>((done, fail) => {
      const open = indexedDB.open('hall10086-log');
      open.onerror = () => fail(open.error);
      open.onsuccess = () => {
        const db = open.result;
        const index = db.transaction('commands', 'readonly').objectStore('commands').index('[simId+state]');
        const request = index.getAll(IDBKeyRange.bound([sim, 'failed'], [sim, 'failed-retryable']));
        request.onsuccess = () => {
          db.close();
          done((request.result as { id: string }[]).map((c) => c.id));
        };
        request.onerror = () => fail(request.error);
      };
    }), SIM);
    expect(failed).toEqual(['c2', 'c3']);
  }, 120_000);
});
