import { readdir, readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { Journal, type OutgoingChange, type OutgoingState } from '../../../src-main/services/journal';
import { restingKey } from '../../../src-main/services/journal/journal-state';
import { clock, errnoError, logPath, readLog, sms, T0, useTempDirs, readBack } from './journal-test-kit';

const tempDir = useTempDirs();
const DAY = 86_400_000;

function instruction(id: string, state: OutgoingState): OutgoingChange {
  return { id, simId: 'sim-1', to: '10086', text: 'KTGPRS', state, messageRefs: [], error: null };
}

describe('Journal.compact', () => {
  it('keeps exactly the unacked messages, unfinished instructions and the newest dedupe keys', async () => {
    const dir = await tempDir();
    const now = T0 + DAY;
    const journal = await Journal.open(dir, { now: () => now, dedupeMaxKeys: 2 });
    const keys: string[] = [];
    for (let n = 1; n <= 5; n++) keys.push((await journal.appendIncoming(sms(n))).key);
    await journal.ack(keys.slice(0, 3));
    for (const [id, state] of [
      ['a', 'queued'],
      ['b', 'queued'],
      ['c', 'sending'],
      ['d', 'sending'],
      ['a', 'sending'],
      ['a', 'sent'],
      ['d', 'failed'],
    ] as const) {
      await journal.recordOutgoing(instruction(id, state));
    }
    const pending = journal.pendingIncoming();
    await journal.compact();

    const log = await readLog(dir);
    expect(log.records).toEqual([
      // Remembered without their texts' checksums (review17: a CRC-32 of a known template names a password in it).
      { kind: 'seen', keys: [[restingKey(keys[1]!), sms(2).receivedAt], [restingKey(keys[2]!), sms(3).receivedAt]] },
      ...pending,
      { kind: 'out', ...instruction('b', 'queued'), at: now },
      { kind: 'out', ...instruction('c', 'sending'), at: now },
    ]);
    expect(journal.stats()).toEqual({ bytes: (await readFile(logPath(dir))).length, records: 5, pending: 2 });
    expect(journal.outgoing('a')).toBeUndefined();
    expect(journal.unfinishedOutgoing().map((r) => r.id)).toEqual(['b', 'c']);

    // The oldest acknowledged key fell outside the bound: it is accepted again, the others are not.
    expect((await journal.appendIncoming(sms(1))).added).toBe(true);
    for (const n of [2, 3, 4, 5]) expect((await journal.appendIncoming(sms(n))).added).toBe(false);
    await journal.close();
  });

  it('forgets acknowledged keys older than the age bound but never an unacked message', async () => {
    const dir = await tempDir();
    const now = T0 + 91 * DAY;
    const journal = await Journal.open(dir, { now: () => now, dedupeMaxAgeDays: 90 });
    const old = await journal.appendIncoming(sms(1, { receivedAt: T0 }));
    const recent = await journal.appendIncoming(sms(2, { receivedAt: now - DAY }));
    const oldPending = await journal.appendIncoming(sms(3, { receivedAt: T0 }));
    await journal.ack([old.key, recent.key]);
    await journal.compact();

    expect((await readLog(dir)).records.map((r) => (r.kind === 'seen' ? r.keys : r.kind === 'in' ? r.key : r.kind))).toEqual([
      [[restingKey(recent.key), now - DAY]],
      oldPending.key,
    ]);
    expect((await journal.appendIncoming(sms(1, { receivedAt: now }))).added).toBe(true);
    expect((await journal.appendIncoming(sms(2, { receivedAt: now }))).added).toBe(false);
    await journal.close();
  });

  it('reopens a compacted log to the same state', async () => {
    const dir = await tempDir();
    const journal = await Journal.open(dir, { now: clock });
    const keys: string[] = [];
    for (let n = 1; n <= 6; n++) keys.push((await journal.appendIncoming(sms(n))).key);
    await journal.ack([keys[1]!, keys[4]!]);
    // An unfinished state a restart leaves as it is (a queued one becomes failed-retryable).
    await journal.recordOutgoing(instruction('q', 'failed-retryable'));
    await journal.compact();
    const pending = journal.pendingIncoming();
    const unfinished = journal.unfinishedOutgoing();
    await journal.close();

    const reopened = await Journal.open(dir, { now: clock });
    expect(reopened.pendingIncoming()).toEqual(readBack(pending));
    expect(reopened.unfinishedOutgoing()).toEqual(unfinished);
    expect(reopened.recovery).toMatchObject({ truncatedBytes: 0, corruptLines: 0, message: null });
    for (const n of [2, 5]) expect((await reopened.appendIncoming(sms(n))).added).toBe(false);
    await reopened.close();
  });

  it('leaves the log untouched and usable when the rewrite fails', async () => {
    const dir = await tempDir();
    let failSync = false;
    const journal = await Journal.open(dir, {
      fs: {
        sync: async (file) => {
          if (failSync) throw errnoError('EIO');
          await file.sync();
        },
      },
    });
    const { key } = await journal.appendIncoming(sms(1));
    await journal.appendIncoming(sms(2));
    await journal.ack([key]);
    const before = await readFile(logPath(dir));

    failSync = true;
    await expect(journal.compact()).rejects.toMatchObject({ code: 'journal.write-failed' });
    failSync = false;
    expect(await readFile(logPath(dir))).toEqual(before);
    expect((await readdir(dir)).sort()).toEqual(['journal.lock', 'journal.log']);

    expect((await journal.appendIncoming(sms(3))).added).toBe(true);
    await journal.close();
    const reopened = await Journal.open(dir);
    expect(reopened.pendingIncoming().map((r) => r.text)).toEqual([sms(2).text, sms(3).text]);
    expect(reopened.recovery.message).toBeNull();
    await reopened.close();
  });

  it('runs by itself once the log is past the threshold and mostly acknowledged', async () => {
    const dir = await tempDir();
    const journal = await Journal.open(dir, { now: clock, compactAtBytes: 4096 });
    const keys: string[] = [];
    for (let n = 1; n <= 200; n++) {
      const { key } = await journal.appendIncoming(sms(n));
      await journal.ack([key]);
      keys.push(key);
    }
    await journal.appendIncoming(sms(1000));
    await journal.close();

    const reopened = await Journal.open(dir, { now: clock, compactAtBytes: 4096 });
    // 401 lines were appended; compaction folded the acknowledged ones into a few `seen` lines.
    expect(reopened.stats().records).toBeLessThan(100);
    expect(reopened.pendingIncoming().map((r) => r.text)).toEqual([sms(1000).text]);
    for (let n = 1; n <= 200; n++) expect((await reopened.appendIncoming(sms(n))).added).toBe(false);
    await reopened.close();
  });
});

describe('compaction on its own, with the owner\'s mask (mend31)', () => {
  /**
   * Finished instructions one after another, past a small compaction size: a compaction queued by one write runs before
   * the next write (one queue), so once the last resolves any compaction the earlier ones called for has run.
   */
  async function finished(journal: Journal, count: number, from = 0) {
    for (let n = from; n < from + count; n++) await journal.recordOutgoing(instruction(`done-${n}`, 'sent'));
  }

  it('comes without a mask of the owner\'s (the setting below does compact)', async () => {
    const journal = await Journal.open(await tempDir(), { compactAtBytes: 1000 });
    await finished(journal, 40);
    expect(journal.stats().records).toBeLessThan(40);
    await journal.close();
  });

  it('waits for maskKept when the owner gives its own mask, which may not find every secret before', async () => {
    const journal = await Journal.open(await tempDir(), { compactAtBytes: 1000, maskAtRest: (parts) => [...parts] });
    await finished(journal, 40);
    expect(journal.stats().records).toBe(40);
    journal.maskKept();
    // The compaction maskKept called for (the log is past its size) is queued before this write.
    await finished(journal, 1, 40);
    expect(journal.stats().records).toBeLessThan(2);
    await journal.close();
  });
});
