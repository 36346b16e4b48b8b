import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { Journal, type IncomingMessage } from '../../../src-main/services/journal';
import { logPath, readLog, sms, T0, useTempDirs } from './journal-test-kit';

const tempDir = useTempDirs();
const DAY = 86_400_000;
const PASSWORD = '357108';

/** Part `part` of a 2-part reply (reference 42) received `n` seconds after T0. */
function part(part: number, n: number, text = `第${part}部分`): IncomingMessage {
  return sms(n, { text, concat: { ref: 42, total: 2, part } });
}

const message = (at: number) => ({ simId: 'sim-1', from: '10086', ref: 42, total: 2, at });

/**
 * A restart a minute on, then part 2 bringing the password's last two digits, acknowledged and
 * compacted: the reopened journal and its log as it is on disk.
 */
async function restartWithLastDigits(journal: Journal, dir: string): Promise<{ journal: Journal; log: string }> {
  await journal.close();
  const reopened = await Journal.open(dir, { now: () => T0 + 120_000 });
  const two = await reopened.appendIncoming(part(2, 2, `${PASSWORD.slice(4)}，请妥善保管。`));
  await reopened.ack([two.key]);
  await reopened.compact();
  return { journal: reopened, log: await readFile(logPath(dir), 'utf8') };
}

describe('acknowledged parts of long messages', () => {
  it('are handed to a store that asks for its message, secrets masked; single SMS and other messages are not', async () => {
    const dir = await tempDir();
    const journal = await Journal.open(dir, { now: () => T0 + 60_000 });
    const one = await journal.appendIncoming(part(1, 1));
    const two = await journal.appendIncoming(part(2, 2, `您的服务密码 ${PASSWORD} 已重置`));
    const single = await journal.appendIncoming(sms(3));
    const other = await journal.appendIncoming(sms(4, { text: '别的', concat: { ref: 43, total: 2, part: 1 } }));
    await journal.ack([one.key, two.key, single.key, other.key]);

    const parts = journal.partsOf([message(part(1, 1).receivedAt)]);
    expect(parts.map((r) => [r.key, r.text])).toEqual([
      [one.key, '第1部分'],
      [two.key, '您的服务密码 ****** 已重置'],
    ]);
    expect(parts.every((r) => !('slot' in r))).toBe(true);
    // Asked twice in one request (two incomplete copies in a store): each part once.
    expect(journal.partsOf([message(T0), message(T0)]).map((r) => r.key)).toEqual([one.key, two.key]);
    // Same reference, but outside the reassembly window: another message.
    expect(journal.partsOf([message(part(1, 1).receivedAt + 4 * DAY)])).toEqual([]);
    await journal.close();
  });

  it('are only those of the sending the store holds a part of: an earlier reply under the same reference is another message (flake22)', async () => {
    // 10086 reuses 8-bit references: in an e2e run two balance replies 20 s apart both came as reference 126, part 2
    // first. A store holding the later one's part 2 asked for the rest and was handed the earlier reply as well.
    const dir = await tempDir();
    const journal = await Journal.open(dir, { now: () => T0 + 60_000 });
    const earlier = [await journal.appendIncoming(part(2, 1, '旧2')), await journal.appendIncoming(part(1, 2, '旧1'))];
    const laterTwo = await journal.appendIncoming(part(2, 21, '新2'));
    const laterOne = await journal.appendIncoming(part(1, 22, '新1'));
    await journal.ack([...earlier, laterTwo, laterOne].map((r) => r.key));
    // The store's message is the one whose first part it received then (its row's `at`).
    expect(journal.partsOf([message(T0 + 21_500)]).map((r) => r.text)).toEqual(['新1', '新2']);
    expect(journal.partsOf([message(T0 + 1_500)]).map((r) => r.text)).toEqual(['旧1', '旧2']);
    // Both asked for (two incomplete messages under one reference in a store): both, each part once.
    expect(journal.partsOf([message(T0 + 1_500), message(T0 + 21_500)]).map((r) => r.text)).toEqual(['旧1', '旧2', '新1', '新2']);
    await journal.close();
  });

  it('include the parts still pending, and acknowledging a handed-out part again changes nothing', async () => {
    const dir = await tempDir();
    const journal = await Journal.open(dir, { now: () => T0 + 60_000 });
    const one = await journal.appendIncoming(part(1, 1));
    const two = await journal.appendIncoming(part(2, 2));
    await journal.ack([one.key]);
    expect(journal.partsOf([message(T0)]).map((r) => r.key)).toEqual([one.key, two.key]);
    const before = (await readLog(dir)).records.length;
    await journal.ack([one.key]);
    expect((await readLog(dir)).records.length).toBe(before);
    expect(journal.pendingIncoming().map((r) => r.key)).toEqual([two.key]);
    await journal.close();
  });

  it('survive a compaction and a restart with their text masked on disk, and are dropped after the days kept', async () => {
    const dir = await tempDir();
    let now = T0 + 60_000;
    let journal = await Journal.open(dir, { now: () => now, keptPartsDays: 7 });
    const one = await journal.appendIncoming(part(1, 1, `密码 ${PASSWORD}`));
    await journal.ack([one.key]);
    await journal.compact();
    expect((await readFile(logPath(dir), 'utf8')).includes(PASSWORD)).toBe(false);
    await journal.close();

    journal = await Journal.open(dir, { now: () => now, keptPartsDays: 7 });
    expect(journal.pendingIncoming()).toEqual([]);
    expect(journal.partsOf([message(T0)]).map((r) => [r.key, r.text])).toEqual([[one.key, '密码 ******']]);
    // Still known: the same part read again is not journaled twice.
    expect((await journal.appendIncoming(part(1, 1, `密码 ${PASSWORD}`))).added).toBe(false);

    now = T0 + 8 * DAY;
    expect(journal.partsOf([message(T0)])).toEqual([]);
    await journal.compact();
    await journal.close();
    journal = await Journal.open(dir, { now: () => now, keptPartsDays: 7 });
    expect(journal.partsOf([message(T0)])).toEqual([]);
    // Its key is remembered for dedupe as any acknowledged one (90 days).
    expect((await journal.appendIncoming(part(1, 1, `密码 ${PASSWORD}`))).added).toBe(false);
    await journal.close();
  });

  it('are masked on disk as the message they make up: a password cut in two by the part boundary is masked in both parts', async () => {
    const dir = await tempDir();
    const journal = await Journal.open(dir, { now: () => T0 + 60_000 });
    const one = await journal.appendIncoming(part(1, 1, `尊敬的客户，您的服务密码已重置为${PASSWORD.slice(0, 4)}`));
    const two = await journal.appendIncoming(part(2, 2, `${PASSWORD.slice(4)}，请妥善保管。【中国移动】`));
    await journal.ack([one.key, two.key]);
    await journal.compact();
    const log = await readFile(logPath(dir), 'utf8');
    expect(log).not.toContain(`重置为${PASSWORD.slice(0, 4)}`);
    expect(log).toContain('重置为******');
    // Asked for by a store that misses them, the parts still read as the message, the password masked once.
    expect(journal.partsOf([message(T0)]).map((r) => r.text).join('')).toBe('尊敬的客户，您的服务密码已重置为******，请妥善保管。【中国移动】');
    await journal.close();
  });

  it('stay masked as the message reads across a restart: a code whose first piece was masked alone does not leave its last digits in clear', async () => {
    const dir = await tempDir();
    const first = await Journal.open(dir, { now: () => T0 + 60_000 });
    // The first part alone shows a code of four (masked); the second, after a restart, brings its last two digits.
    const one = await first.appendIncoming(part(1, 1, `【中国移动】您的新密码为${PASSWORD.slice(0, 4)}`));
    await first.ack([one.key]);
    await first.compact();
    const { journal, log } = await restartWithLastDigits(first, dir);
    expect(log).not.toContain(`${PASSWORD.slice(4)}，请妥善保管`);
    expect(journal.partsOf([message(T0)]).map((r) => r.text).join('')).toBe('【中国移动】您的新密码为******，请妥善保管。');
    await journal.close();
  });

  it('of a message whose other part never comes are masked where that part is missing: a password cut there keeps no digit in clear, across a restart too', async () => {
    const dir = await tempDir();
    const first = await Journal.open(dir, { now: () => T0 + 60_000 });
    // Part 2 (`08，请妥善保管。`) is lost: part 1 alone ends in four digits that no pattern reads as a password.
    const one = await first.appendIncoming(part(1, 1, `尊敬的客户，您的服务密码已重置为${PASSWORD.slice(0, 4)}`));
    await first.ack([one.key]);
    expect(first.partsOf([message(T0)]).map((r) => r.text)).toEqual(['尊敬的客户，您的服务密码已重置为******']);
    await first.compact();
    expect(await readFile(logPath(dir), 'utf8')).not.toContain(PASSWORD.slice(0, 4));

    // It comes after all, after a restart: its digits go with the mask.
    const { journal, log } = await restartWithLastDigits(first, dir);
    expect(log).not.toContain(PASSWORD.slice(0, 4));
    expect(log).not.toContain(`${PASSWORD.slice(4)}，请妥善保管`);
    expect(journal.partsOf([message(T0)]).map((r) => r.text).join('')).toBe('尊敬的客户，您的服务密码已重置为******，请妥善保管。');
    await journal.close();
  });

  it('of a message whose other part never comes keep a figure at the cut when the message names no secret', async () => {
    const dir = await tempDir();
    const journal = await Journal.open(dir, { now: () => T0 + 60_000 });
    const one = await journal.appendIncoming(part(1, 1, '尊敬的客户，您的账户余额为12'));
    await journal.ack([one.key]);
    await journal.compact();
    expect(journal.partsOf([message(T0)]).map((r) => r.text)).toEqual(['尊敬的客户，您的账户余额为12']);
    await journal.close();
  });

  it('are at most keptPartsMax, the newest', async () => {
    const dir = await tempDir();
    const journal = await Journal.open(dir, { now: () => T0 + 60_000, keptPartsMax: 1 });
    const one = await journal.appendIncoming(part(1, 1));
    const two = await journal.appendIncoming(part(2, 2));
    await journal.ack([one.key, two.key]);
    expect(journal.partsOf([message(T0)]).map((r) => r.key)).toEqual([two.key]);
    await journal.compact();
    expect((await readLog(dir)).records.filter((r) => r.kind === 'in').map((r) => r.kind === 'in' && r.key)).toEqual([two.key]);
    await journal.close();
  });

  it('do not keep an automatic compaction from shrinking the log', async () => {
    const dir = await tempDir();
    const journal = await Journal.open(dir, { now: () => T0 + DAY, keptPartsMax: 3, compactAtBytes: 4096 });
    for (let n = 1; n <= 200; n++) {
      const { key } = await journal.appendIncoming(sms(n, { concat: { ref: n % 256, total: 2, part: 1 } }));
      await journal.ack([key]);
    }
    await journal.close();
    const log = await readLog(dir);
    // 400 lines were appended; compactions kept it to the newest kept parts, seen keys and what came since.
    expect(log.records.length).toBeLessThan(150);
    expect(log.records.filter((r) => r.kind === 'in').length).toBeLessThan(70);
  });
});

describe('kept parts masked once (mend28)', () => {
  it('are not masked again at each hand-out (longParts at every start and extension recheck), in this run or after a restart; secrets stay masked', async () => {
    const dir = await tempDir();
    let masks = 0;
    const maskAtRest = (parts: readonly (string | null)[]) => {
      masks += 1;
      return parts.map((t) => t?.replace(PASSWORD, '******') ?? null);
    };
    const journal = await Journal.open(dir, { now: () => T0 + 60_000, maskAtRest });
    // As the core does once the catalog in use is loaded: a received part waits for it (secrets24).
    journal.maskKept();
    const one = await journal.appendIncoming(part(1, 1));
    const two = await journal.appendIncoming(part(2, 2, `您的服务密码 ${PASSWORD} 已重置`));
    await journal.ack([one.key, two.key]);
    const handOuts = async (j: Journal) => {
      const before = masks;
      const texts = [j.longParts(), j.longParts(), j.longParts()].map((parts) => parts.map((r) => r.text));
      return { texts, masked: masks - before };
    };
    const now = await handOuts(journal);
    expect(now.texts).toEqual(Array(3).fill(['第1部分', '您的服务密码 ****** 已重置']));
    expect(now.masked, 'masks made by three hand-outs of a message masked whole at its ack').toBe(0);
    await journal.close();
    const reopened = await Journal.open(dir, { now: () => T0 + 120_000, maskAtRest });
    // As the core does once the catalog in use is loaded (review28).
    reopened.maskKept();
    const after = await handOuts(reopened);
    expect(after.texts).toEqual(Array(3).fill(['第1部分', '您的服务密码 ****** 已重置']));
    expect(after.masked, 'masks made by three hand-outs after a restart (the start masks once)').toBe(0);
    await reopened.close();
  });
});
