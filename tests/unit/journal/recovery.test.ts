import { appendFile, chmod, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { encodeLine, Journal } from '../../../src-main/services/journal';
import { logPath, readLog, sms, T0, useTempDirs, readBack } from './journal-test-kit';

const tempDir = useTempDirs();

/** Journals sms(1..count), closes, and returns the pending records as they were. */
async function journalWith(dir: string, count: number) {
  const journal = await Journal.open(dir);
  for (let n = 1; n <= count; n++) await journal.appendIncoming(sms(n));
  const pending = journal.pendingIncoming();
  await journal.close();
  return pending;
}

/** What a writer killed mid-run leaves besides its log: its lock, naming a process that is gone. */
async function leftByACrash(dir: string): Promise<void> {
  await writeFile(join(dir, 'journal.lock'), 'no such process\n');
}

describe('Journal.open: recovery', () => {
  it('cuts off a torn last line and keeps every record before it', async () => {
    const dir = await tempDir();
    const pending = await journalWith(dir, 3);
    const intactSize = (await stat(logPath(dir))).size;
    const line = encodeLine({ kind: 'in', key: 'torn', ...sms(4) });
    const torn = line.subarray(0, Math.floor(line.length / 2));
    await appendFile(logPath(dir), torn);
    await leftByACrash(dir);

    const journal = await Journal.open(dir);
    expect(journal.pendingIncoming()).toEqual(readBack(pending));
    expect(journal.recovery).toMatchObject({ truncatedBytes: torn.length, corruptLines: 0, recovered: 3 });
    expect(journal.recovery.message?.en).toContain(`cut off ${torn.length} bytes`);
    expect(journal.recovery.message?.zh).toContain(`${torn.length} 字节`);
    expect((await stat(logPath(dir))).size).toBe(intactSize);

    await journal.appendIncoming(sms(4));
    await journal.close();
    const after = await readLog(dir);
    expect(after).toMatchObject({ truncatedBytes: 0, corruptLines: 0 });
    expect(after.records).toHaveLength(4);
  });

  it('cuts off a tail of zero bytes (blocks allocated but never written before a power cut)', async () => {
    const dir = await tempDir();
    await journalWith(dir, 2);
    // A power cut may lose the lock file too (it is never synced): zeros alone say what happened.
    await appendFile(logPath(dir), new Uint8Array(4096));

    const journal = await Journal.open(dir);
    expect(journal.recovery).toMatchObject({ truncatedBytes: 4096, corruptLines: 0, recovered: 2 });
    expect(journal.pendingIncoming()).toHaveLength(2);
    await journal.close();
  });

  it('skips a damaged line in the middle, keeps the original aside, and rewrites a clean log', async () => {
    const dir = await tempDir();
    const pending = await journalWith(dir, 3);
    const original = await readFile(logPath(dir));
    const damaged = Buffer.from(original);
    // The first line is the stamp that the log is masked (mend41), the second the first record.
    const secondLine = damaged.indexOf(0x0a, damaged.indexOf(0x0a) + 1) + 1;
    damaged.writeUInt8(damaged.readUInt8(secondLine + 20) ^ 0x01, secondLine + 20); // one bit, inside the second record's JSON
    await writeFile(logPath(dir), damaged);

    const now = T0 + 86_400_000;
    const journal = await Journal.open(dir, { now: () => now });
    expect(journal.pendingIncoming()).toEqual(readBack([pending[0]!, pending[2]!]));
    const copyName = `journal.log.corrupt-${new Date(now).toISOString().replace(/[:.]/g, '-')}`;
    expect(journal.recovery).toEqual({
      truncatedBytes: 0,
      damagedTailBytes: 0,
      corruptLines: 1,
      recovered: 2,
      corruptCopy: join(dir, copyName),
      interruptedSends: [],
      message: expect.objectContaining({ en: expect.stringContaining(`kept as ${copyName}`) }),
    });
    expect(await readFile(join(dir, copyName))).toEqual(damaged);
    expect(await readLog(dir)).toMatchObject({ corruptLines: 0, truncatedBytes: 0 });
    expect((await readLog(dir)).records).toEqual([pending[0], pending[2]]);
    await journal.close();
  });

  it('treats a line with a valid CRC but an unknown shape as damaged', async () => {
    const dir = await tempDir();
    await journalWith(dir, 1);
    await appendFile(logPath(dir), encodeLine({ kind: 'mystery' } as never));

    const journal = await Journal.open(dir);
    expect(journal.recovery).toMatchObject({ corruptLines: 1, recovered: 1 });
    await journal.close();
  });

  it('ignores and removes the temp file of a compaction that crashed before its rename', async () => {
    const dir = await tempDir();
    const pending = await journalWith(dir, 2);
    await writeFile(join(dir, 'journal.log.tmp'), encodeLine({ kind: 'in', key: 'ghost', ...sms(9) }));

    const journal = await Journal.open(dir);
    expect(journal.pendingIncoming()).toEqual(readBack(pending));
    expect(journal.recovery.message).toBeNull();
    expect((await readdir(dir)).sort()).toEqual(['journal.lock', 'journal.log']);
    await journal.close();
  });
});

describe('Journal.open: damage keeps history and is named for what it is', () => {
  it('one damaged line drops that line only: finished instructions and remembered keys stay in the live journal', async () => {
    const dir = await tempDir();
    let journal = await Journal.open(dir, { now: () => T0 });
    const kept = await journal.appendIncoming(sms(1));
    await journal.ack([kept.key]);
    for (const id of ['a', 'b', 'c']) {
      await journal.recordOutgoing({ id, simId: 's', to: '10086', text: `YE ${id}`, state: 'sending', messageRefs: [], error: null });
      await journal.recordOutgoing({ id, simId: 's', to: '10086', text: `YE ${id}`, state: 'delivered', messageRefs: [7], error: null });
    }
    await journal.appendIncoming(sms(2));
    await journal.close();
    const original = await readFile(logPath(dir));
    const lines = original.toString('utf8').split('\n');
    // Damage the last line but one (sms(2)'s): a bit flipped inside its JSON.
    const at = original.length - Buffer.byteLength(lines.at(-2)!) - 1 + 20;
    const damaged = Buffer.from(original);
    damaged.writeUInt8(damaged.readUInt8(at) ^ 0x01, at);
    await writeFile(logPath(dir), damaged);

    journal = await Journal.open(dir, { now: () => T0 });
    expect(journal.recovery).toMatchObject({ corruptLines: 1, truncatedBytes: 0, damagedTailBytes: 0 });
    expect(journal.heldOutgoing().map((r) => [r.id, r.state])).toEqual([
      ['a', 'delivered'],
      ['b', 'delivered'],
      ['c', 'delivered'],
    ]);
    expect(await journal.appendIncoming(sms(1))).toEqual({ added: false, key: kept.key });
    expect(journal.recovery.message?.en).toContain('kept every other one, finished history included');
    await journal.close();
    const live = await readLog(dir);
    expect(live.corruptLines).toBe(0);
    expect(live.records.filter((r) => r.kind === 'out')).toHaveLength(6);
  });

  it.each([
    ['the file cut inside a record after the writer closed properly', (log: Buffer, secondEnd: number) => log.subarray(0, secondEnd + 40)],
    ['the middle of a record left at the end (not its start)', (log: Buffer, secondEnd: number) => Buffer.concat([log.subarray(0, secondEnd), log.subarray(secondEnd + 40, log.length - 1)])],
  ])('%s is damage, not a record half-written by an unexpected exit', async (_what, cut) => {
    const dir = await tempDir();
    await journalWith(dir, 3);
    const original = await readFile(logPath(dir));
    // After the stamp (mend41) and the first record.
    const secondEnd = original.indexOf(0x0a, original.indexOf(0x0a, original.indexOf(0x0a) + 1) + 1) + 1;
    await writeFile(logPath(dir), cut(original, secondEnd));

    const journal = await Journal.open(dir);
    expect(journal.recovery).toMatchObject({ truncatedBytes: 0, recovered: 2 });
    expect(journal.recovery.damagedTailBytes).toBeGreaterThan(0);
    expect(journal.recovery.corruptCopy).not.toBeNull();
    expect(journal.recovery.message?.en).not.toContain('bytes left half-written');
    expect(journal.recovery.message?.en).toContain('damaged bytes at the end of the file');
    expect(journal.recovery.message?.zh).toContain('已损坏');
    await journal.close();
    expect(await readLog(dir)).toMatchObject({ corruptLines: 0, truncatedBytes: 0 });
  });

  it('journal.log and its rewrites are the user’s alone (0600), in a folder only the user may enter (0700)', async () => {
    const dir = join(await tempDir(), 'fresh');
    let journal = await Journal.open(dir);
    await journal.appendIncoming(sms(1));
    expect((await stat(dir)).mode & 0o777).toBe(0o700);
    expect((await stat(logPath(dir))).mode & 0o777).toBe(0o600);
    await journal.compact();
    expect((await stat(logPath(dir))).mode & 0o777).toBe(0o600);
    await journal.close();
    // A log left world-readable by an earlier version is made private when opened.
    await chmod(logPath(dir), 0o644);
    journal = await Journal.open(dir);
    expect((await stat(logPath(dir))).mode & 0o777).toBe(0o600);
    await journal.close();
    await appendFile(logPath(dir), 'garbage\n');
    await chmod(logPath(dir), 0o644);
    journal = await Journal.open(dir);
    expect((await stat(journal.recovery.corruptCopy!)).mode & 0o777).toBe(0o600);
    expect((await stat(logPath(dir))).mode & 0o777).toBe(0o600);
    await journal.close();
  });
});
