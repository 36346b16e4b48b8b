import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { describe, expect, it, vi } from 'vitest';
import { passwordReset } from '../../../src-main/emulator/replies-10086';
import { decodeJournal, encodeLine, Journal, type JournalRecord } from '../../../src-main/services/journal';
import { builtinCatalog } from '../../../src-shared/catalog/builtin';
import { MASKER_VERSION } from '../../../src-shared/catalog/secrets';
import { clock, logPath, readLog, sms, useTempDirs } from './journal-test-kit';

/*
 * mend41 (review37 item 7): the at-rest pass read every line of the log through the mask at every open just to learn
 * that nothing was clear, and close waited for it. A log is now stamped once it is known masked, and close stops the pass.
 */
const tempDir = useTempDirs();

/** The built-in mask, counting the texts it is given. */
function countingMask() {
  const counted = { texts: 0 };
  const mask = (parts: readonly (string | null)[]) => {
    counted.texts += parts.length;
    return builtinCatalog().maskSecretParts(parts);
  };
  return { counted, mask };
}

/** The stamp a compaction wrote, naming the mask. */
function stampOf(records: readonly JournalRecord[]): JournalRecord {
  const stamp = records.find((r) => r.kind === 'masked')!;
  expect(stamp).toEqual({ kind: 'masked', by: expect.stringMatching(/^[0-9a-f]{16}$/) });
  return stamp;
}

async function writtenClear(dir: string, n: number): Promise<void> {
  const lines = Array.from({ length: n }, (_, i) => encodeLine({ kind: 'in', key: `10086|${sms(i + 1).timestamp}|-|-|-|*`, ...sms(i + 1, { text: passwordReset(String(100000 + i)) }) }));
  await writeFile(logPath(dir), Buffer.concat(lines), { mode: 0o600 });
}

describe('the at-rest pass (mend41)', () => {
  it('is skipped at the next open of a log this version wrote: none of its lines is read through the mask', async () => {
    const dir = await tempDir();
    const first = await Journal.open(dir, { now: clock });
    for (let n = 1; n <= 3; n++) await first.appendIncoming(sms(n));
    await first.close();
    const { counted, mask } = countingMask();
    // The same mask, as the core names it (its catalog's secret rules): another would read the log (review39).
    const again = await Journal.open(dir, { now: clock, maskAtRest: mask, maskAtRestShapes: () => builtinCatalog().secretShapes() });
    again.maskKept();
    await again.close();
    expect(counted.texts).toBe(0);
  });

  it('does not hold close up: stopped at a step, the log left as it was, masked by the next open', async () => {
    const dir = await tempDir();
    await writtenClear(dir, 1600);
    const before = await readFile(logPath(dir));
    const { counted, mask } = countingMask();
    const journal = await Journal.open(dir, { now: clock, maskAtRest: mask });
    journal.maskKept();
    await journal.close();
    expect(counted.texts).toBeLessThan(1600);
    expect(await readFile(logPath(dir))).toEqual(before);
    const next = await Journal.open(dir, { now: clock });
    // The rewrite, seen on disk: the stamp first, then the lines masked.
    await vi.waitFor(async () => expect(decodeJournal(await readFile(logPath(dir))).records[0]?.kind).toBe('masked'), { timeout: 30_000, interval: 10 });
    expect(next.pendingIncoming()).toHaveLength(1600);
    await next.close();
    const { records } = await readLog(dir);
    expect(records.filter((r) => r.kind === 'in' && r.text.includes('100007'))).toEqual([]);
    expect(records).toHaveLength(1600);
  });

  it('leaves a compacted log with a long message masked whole as it is: the mask of a masked text is itself', async () => {
    const dir = await tempDir();
    const journal = await Journal.open(dir, { now: clock });
    const text = passwordReset('357108');
    const cut = text.indexOf('357108') + 3;
    const parts = [text.slice(0, cut), text.slice(cut)].map((t, i) => sms(1, { text: t, concat: { ref: 9, total: 2, part: i + 1 } }));
    const keys = [];
    for (const p of parts) keys.push((await journal.appendIncoming(p)).key);
    await journal.ack(keys);
    await journal.compact();
    await journal.close();
    // As a version before the stamp (mend37) left it: the same lines without it.
    const stamped = decodeJournal(await readFile(logPath(dir))).records;
    const unstamped = Buffer.concat(stamped.filter((r: JournalRecord) => r.kind !== 'masked').map(encodeLine));
    expect(unstamped.toString()).not.toContain('357');
    await writeFile(logPath(dir), unstamped);
    const reopened = await Journal.open(dir, { now: clock });
    await reopened.close();
    // Not rewritten: the same lines, the stamp after them.
    expect(await readFile(logPath(dir))).toEqual(Buffer.concat([unstamped, encodeLine(stampOf(stamped))]));
  });
});

/*
 * mend46: the stamp named the digest of the mask's rules only, so a newer masking code (same rules, a fixed or wider
 * masking) skipped a log an older one had stamped, and what the older one left clear stayed clear on disk.
 */
describe('the stamp names the masking code too (mend46)', () => {
  /** A log of clear password replies stamped as masked by the mask whose shapes are `shapes`. */
  async function stampedClear(dir: string, shapes: string): Promise<void> {
    await writtenClear(dir, 3);
    const by = createHash('sha256').update(shapes).digest('hex').slice(0, 16);
    await writeFile(logPath(dir), Buffer.concat([encodeLine({ kind: 'masked', by }), await readFile(logPath(dir))]), { mode: 0o600 });
  }

  /** The built-in rules as shapes without any masker version: what mend41–45 digested. */
  const rulesAlone = () => JSON.stringify((JSON.parse(builtinCatalog().secretShapes()) as { rules: unknown }).rules);

  for (const [name, shapes] of [
    ['a masker before the version (its rules alone)', rulesAlone],
    ['the previous masker version', () => JSON.stringify({ masker: MASKER_VERSION - 1, rules: JSON.parse(rulesAlone()) })],
  ] as const) {
    it(`reads a log stamped by ${name} through this mask: nothing it left clear stays so`, async () => {
      const dir = await tempDir();
      await stampedClear(dir, shapes());
      const next = await Journal.open(dir, { now: clock });
      await vi.waitFor(async () => expect((await readFile(logPath(dir), 'utf8')).includes('100001')).toBe(false), { timeout: 30_000, interval: 10 });
      expect(next.pendingIncoming()).toHaveLength(3);
      await next.close();
    });
  }

  it('digests the masker version with the rules, and a log it stamped is skipped', async () => {
    expect(JSON.parse(builtinCatalog().secretShapes())).toEqual({ masker: MASKER_VERSION, rules: JSON.parse(rulesAlone()) });
    const dir = await tempDir();
    await stampedClear(dir, builtinCatalog().secretShapes());
    const { counted, mask } = countingMask();
    const again = await Journal.open(dir, { now: clock, maskAtRest: mask, maskAtRestShapes: () => builtinCatalog().secretShapes() });
    again.maskKept();
    await again.close();
    expect(counted.texts).toBe(0);
  });
});

/*
 * review44 F4: the re-mask at open read only received texts, so a password the user typed in Chinese digits
 * (`我的服务密码是一二三四五六`, masked only since MASKER_VERSION 2) stayed clear in a log an older masker wrote.
 */
describe('the at-rest pass masks what the user sent too (mend52)', () => {
  it('masks a sent text an older masker left clear, on disk and in what the journal hands out', async () => {
    const dir = await tempDir();
    // The older masker: it left Chinese digits after a cue word as they were (here: a mask that changes nothing).
    const older = await Journal.open(dir, { now: clock, maskAtRest: (parts) => parts.map((p) => p ?? ''), maskAtRestShapes: () => 'older masker' });
    await older.recordOutgoing({ id: 'c1', simId: 'sim-1', to: '10086', text: '我的服务密码是一二三四五六', state: 'sent', messageRefs: [1], error: null });
    await older.close();
    expect(await readFile(logPath(dir), 'utf8')).toContain('一二三四五六');
    const next = await Journal.open(dir, { now: clock });
    await vi.waitFor(async () => expect(await readFile(logPath(dir), 'utf8')).not.toContain('一二三四五六'), { timeout: 10_000, interval: 10 });
    expect(next.outgoing('c1')?.text).toBe('我的服务密码是******');
    await next.close();
    const { records } = await readLog(dir);
    expect(records.filter((r) => r.kind === 'out').map((r) => r.kind === 'out' && r.text)).toEqual(['我的服务密码是******']);
  });

  it('masks it in a compaction that comes before the pass: the compacted log is stamped masked', async () => {
    const dir = await tempDir();
    // Enough lines that the pass works in steps, and the compaction comes between them.
    await writtenClear(dir, 1600);
    const sent = { kind: 'out' as const, id: 'c1', simId: 'sim-1', to: '10086', text: '我的服务密码是一二三四五六', state: 'failed-retryable' as const, messageRefs: [], error: null, at: clock() };
    await writeFile(logPath(dir), Buffer.concat([await readFile(logPath(dir)), encodeLine(sent)]), { mode: 0o600 });
    const next = await Journal.open(dir, { now: clock });
    await next.compact();
    await next.close();
    expect(await readFile(logPath(dir), 'utf8')).not.toContain('一二三四五六');
  });
});
