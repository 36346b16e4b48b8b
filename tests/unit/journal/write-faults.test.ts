import type { FileHandle } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { Journal, nodeJournalFs, type JournalFs } from '../../../src-main/services/journal';
import { errnoError, readLog, sms, useTempDirs } from './journal-test-kit';

const tempDir = useTempDirs();

/** File operations that fail with `fault` while `failing.on` is true, optionally after writing half. */
function faultyFs(fault: { on: boolean; code: string; halfWrite?: boolean }): Partial<JournalFs> {
  return {
    async write(file: FileHandle, bytes: Uint8Array) {
      if (!fault.on) return nodeJournalFs.write(file, bytes);
      if (fault.halfWrite) await nodeJournalFs.write(file, bytes.subarray(0, bytes.length >> 1));
      throw errnoError(fault.code);
    },
  };
}

describe('Journal: write failures', () => {
  it.each([
    ['ENOSPC', 'journal.disk-full'],
    ['EDQUOT', 'journal.disk-full'],
    ['EIO', 'journal.write-failed'],
    ['EROFS', 'journal.write-failed'],
  ])('%s rejects the append with %s and nothing claims the message was stored', async (errno, code) => {
    const dir = await tempDir();
    const fault = { on: false, code: errno };
    const journal = await Journal.open(dir, { fs: faultyFs(fault) });
    await journal.appendIncoming(sms(1));
    const stats = journal.stats();

    fault.on = true;
    const rejected = await journal.appendIncoming(sms(2)).catch((e: unknown) => e);
    expect(rejected).toMatchObject({ code, details: { errno, dir } });
    expect(rejected).toMatchObject({
      zh: expect.stringContaining('SIM 卡'),
      en: expect.stringContaining('stay on the SIM card'),
      action: { en: expect.stringContaining(dir) },
    });
    expect(journal.pendingIncoming().map((r) => r.text)).toEqual([sms(1).text]);
    expect(journal.stats()).toEqual(stats);

    fault.on = false;
    expect((await journal.appendIncoming(sms(2))).added).toBe(true);
    await journal.close();
    expect((await readLog(dir)).records.map((r) => (r.kind === 'in' ? r.text : r.kind))).toEqual([
      sms(1).text,
      sms(2).text,
    ]);
  });

  it('rejects every append of a failed batch and writes none of them', async () => {
    const dir = await tempDir();
    const fault = { on: true, code: 'ENOSPC' };
    const journal = await Journal.open(dir, { fs: faultyFs(fault) });
    const results = await Promise.allSettled([1, 2, 3].map((n) => journal.appendIncoming(sms(n))));
    expect(results.map((r) => (r.status === 'rejected' ? (r.reason as { code: string }).code : 'stored'))).toEqual([
      'journal.disk-full',
      'journal.disk-full',
      'journal.disk-full',
    ]);
    expect(journal.stats()).toEqual({ bytes: 0, records: 0, pending: 0 });
    await journal.close();
  });

  it('cuts a half-written batch back off so the next record is not glued to it', async () => {
    const dir = await tempDir();
    const fault = { on: false, code: 'ENOSPC', halfWrite: true };
    const journal = await Journal.open(dir, { fs: faultyFs(fault) });
    await journal.appendIncoming(sms(1));
    fault.on = true;
    await expect(journal.appendIncoming(sms(2))).rejects.toMatchObject({ code: 'journal.disk-full' });
    fault.on = false;
    await journal.appendIncoming(sms(3));
    await journal.close();

    const log = await readLog(dir);
    expect(log).toMatchObject({ corruptLines: 0, truncatedBytes: 0 });
    expect(log.records.map((r) => (r.kind === 'in' ? r.text : r.kind))).toEqual([sms(1).text, sms(3).text]);
  });

  it('rejects when fsync fails once, and stays usable after undoing the batch', async () => {
    const dir = await tempDir();
    let syncFailures = 1;
    const journal = await Journal.open(dir, {
      fs: {
        sync: async (file) => {
          if (syncFailures-- > 0) throw errnoError('EIO');
          await file.sync();
        },
      },
    });
    await expect(journal.appendIncoming(sms(1))).rejects.toMatchObject({ code: 'journal.write-failed' });
    expect(journal.pendingIncoming()).toEqual([]);
    expect((await journal.appendIncoming(sms(1))).added).toBe(true);
    await journal.close();
    expect((await readLog(dir)).records).toHaveLength(1);
  });

  it('stops writing altogether when a failed write cannot be undone', async () => {
    const dir = await tempDir();
    const fault = { on: true, code: 'EIO', halfWrite: true };
    const journal = await Journal.open(dir, {
      fs: {
        ...faultyFs(fault),
        truncate: async () => {
          throw errnoError('EIO');
        },
      },
    });
    await expect(journal.appendIncoming(sms(1))).rejects.toMatchObject({ code: 'journal.write-failed' });
    fault.on = false;
    await expect(journal.appendIncoming(sms(2))).rejects.toMatchObject({ code: 'journal.write-failed' });
    const send = { id: 'x', simId: 'sim-1', to: '10086', text: 'YE', state: 'sending', messageRefs: [], error: null } as const;
    await expect(journal.recordOutgoing({ ...send, messageRefs: [] })).rejects.toMatchObject({
      code: 'journal.write-failed',
    });
    expect(journal.pendingIncoming()).toEqual([]);
    await journal.close();

    // Reopening repairs what the broken journal left behind (it closed properly, so its half-written
    // end reads as damage, kept aside in a copy).
    const reopened = await Journal.open(dir);
    expect(reopened.recovery.damagedTailBytes).toBeGreaterThan(0);
    expect(reopened.pendingIncoming()).toEqual([]);
    await reopened.close();
  });
});

describe('Journal: group commit', () => {
  it('writes and fsyncs a burst of concurrent appends once', async () => {
    const dir = await tempDir();
    let writes = 0;
    let syncs = 0;
    const journal = await Journal.open(dir, {
      fs: {
        write: (file, bytes) => {
          writes++;
          return nodeJournalFs.write(file, bytes);
        },
        sync: (file) => {
          syncs++;
          return file.sync();
        },
      },
    });
    const results = await Promise.all(Array.from({ length: 100 }, (_, i) => journal.appendIncoming(sms(i))));
    expect(results.every((r) => r.added)).toBe(true);
    expect([writes, syncs]).toEqual([1, 1]);
    expect(journal.pendingIncoming().map((r) => r.text)).toEqual(Array.from({ length: 100 }, (_, i) => sms(i).text));
    await journal.close();
    expect((await readLog(dir)).records).toHaveLength(100);
  });

  it('lets appends that arrive during a write share the next one', async () => {
    let syncs = 0;
    const journal = await Journal.open(await tempDir(), {
      fs: {
        sync: (file) => {
          syncs++;
          return file.sync();
        },
      },
    });
    const first = journal.appendIncoming(sms(0));
    await Promise.resolve(); // the first batch has started; these queue behind it
    const rest = Array.from({ length: 50 }, (_, i) => journal.appendIncoming(sms(i + 1)));
    await Promise.all([first, ...rest]);
    expect(syncs).toBe(2);
    await journal.close();
  });
});
