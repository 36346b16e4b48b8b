import { appendFile, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { encodeLine, Journal } from '../../../src-main/services/journal';
import { logPath, readLog, sms, T0, useTempDirs } from './journal-test-kit';

const tempDir = useTempDirs();

/** Journals sms(1..count), closes, and returns the pending records as they were. */
async function journalWith(dir: string, count: number) {
  const journal = await Journal.open(dir);
  for (let n = 1; n <= count; n++) await journal.appendIncoming(sms(n));
  const pending = journal.pendingIncoming();
  await journal.close();
  return pending;
}

describe('Journal.open: recovery', () => {
  it('cuts off a torn last line and keeps every record before it', async () => {
    const dir = await tempDir();
    const pending = await journalWith(dir, 3);
    const intactSize = (await stat(logPath(dir))).size;
    const line = encodeLine({ kind: 'in', key: 'torn', ...sms(4) });
    const torn = line.subarray(0, Math.floor(line.length / 2));
    await appendFile(logPath(dir), torn);

    const journal = await Journal.open(dir);
    expect(journal.pendingIncoming()).toEqual(pending);
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
    const secondLine = damaged.indexOf(0x0a) + 1;
    damaged.writeUInt8(damaged.readUInt8(secondLine + 20) ^ 0x01, secondLine + 20); // one bit, inside the second record's JSON
    await writeFile(logPath(dir), damaged);

    const now = T0 + 86_400_000;
    const journal = await Journal.open(dir, { now: () => now });
    expect(journal.pendingIncoming()).toEqual([pending[0], pending[2]]);
    const copyName = `journal.log.corrupt-${new Date(now).toISOString().replace(/[:.]/g, '-')}`;
    expect(journal.recovery).toEqual({
      truncatedBytes: 0,
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
    expect(journal.pendingIncoming()).toEqual(pending);
    expect(journal.recovery.message).toBeNull();
    expect((await readdir(dir)).sort()).toEqual(['journal.lock', 'journal.log']);
    await journal.close();
  });
});
