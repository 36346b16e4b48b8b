import { describe, expect, it } from 'vitest';
import { incomingKey } from '../../../src-shared/journal-key';
import {
  INTERRUPTED_QUEUE_ERROR,
  INTERRUPTED_SEND_ERROR,
  Journal,
  type OutgoingChange,
  type OutgoingState,
} from '../../../src-main/services/journal';
import { clock, readLog, sms, useTempDirs, readBack } from './journal-test-kit';

const tempDir = useTempDirs();

function instruction(id: string, state: OutgoingState, overrides: Partial<OutgoingChange> = {}): OutgoingChange {
  return { id, simId: 'sim-1', to: '10086', text: 'YE', state, messageRefs: [], error: null, ...overrides };
}

describe('Journal: incoming messages', () => {
  it('gives back after a reopen exactly what was appended, in order', async () => {
    const dir = await tempDir();
    const journal = await Journal.open(dir);
    const messages = [sms(1), sms(2, { from: '+8613800138000', encoding: 'gsm7', text: 'OK' }), sms(3)];
    for (const m of messages) expect((await journal.appendIncoming(m)).added).toBe(true);
    const before = journal.pendingIncoming();
    await journal.close();

    const reopened = await Journal.open(dir);
    expect(reopened.pendingIncoming()).toEqual(readBack(before));
    expect(reopened.pendingIncoming().map((r) => r.text)).toEqual(messages.map((m) => m.text));
    expect(reopened.recovery).toEqual({
      truncatedBytes: 0,
      damagedTailBytes: 0,
      corruptLines: 0,
      recovered: 3,
      corruptCopy: null,
      interruptedSends: [],
      message: null,
    });
    expect(reopened.stats()).toEqual({ bytes: journal.stats().bytes, records: 3, pending: 3 });
    await reopened.close();
  });

  it('keys each record with incomingKey of its sender, timestamp and part', async () => {
    const journal = await Journal.open(await tempDir());
    const part = sms(1, { concat: { ref: 9, total: 2, part: 2 } });
    const { key } = await journal.appendIncoming(part);
    expect(key).toBe(incomingKey({ from: part.from, timestamp: part.timestamp, text: part.text, ref: 9, total: 2, part: 2 }));
    expect(journal.pendingIncoming()).toEqual([{ kind: 'in', key, ...part }]);
    await journal.close();
  });

  it('journals the parts of one long SMS separately', async () => {
    const journal = await Journal.open(await tempDir());
    const parts = [1, 2, 3].map((part) => sms(1, { concat: { ref: 200, total: 3, part } }));
    const results = await Promise.all(parts.map((p) => journal.appendIncoming(p)));
    expect(results.map((r) => r.added)).toEqual([true, true, true]);
    expect(journal.pendingIncoming().map((r) => r.concat?.part)).toEqual([1, 2, 3]);
    await journal.close();
  });

  it('refuses a duplicate: at once, after an ack, after a compaction and after a reopen', async () => {
    const dir = await tempDir();
    let journal = await Journal.open(dir, { now: clock });
    const { key } = await journal.appendIncoming(sms(1));
    await journal.appendIncoming(sms(2));

    expect(await journal.appendIncoming(sms(1))).toEqual({ added: false, key });
    await journal.ack([key]);
    expect(await journal.appendIncoming(sms(1))).toEqual({ added: false, key });
    await journal.compact();
    expect(await journal.appendIncoming(sms(1))).toEqual({ added: false, key });
    await journal.close();
    journal = await Journal.open(dir, { now: clock });
    expect(await journal.appendIncoming(sms(1))).toEqual({ added: false, key });
    expect(await journal.appendIncoming(sms(2))).toMatchObject({ added: false });

    expect(journal.pendingIncoming().map((r) => r.text)).toEqual([sms(2).text]);
    expect((await readLog(dir)).records.filter((r) => r.kind === 'in')).toHaveLength(1);
    await journal.close();
  });

  it('writes a part once when the same part is appended twice at the same time', async () => {
    const dir = await tempDir();
    const journal = await Journal.open(dir);
    const results = await Promise.all([journal.appendIncoming(sms(5)), journal.appendIncoming(sms(5))]);
    expect(results.map((r) => r.added).sort()).toEqual([false, true]);
    expect(journal.pendingIncoming()).toHaveLength(1);
    await journal.close();
    expect((await readLog(dir)).records).toHaveLength(1);
  });

  it('drops acknowledged messages from pending, across a reopen', async () => {
    const dir = await tempDir();
    const journal = await Journal.open(dir);
    const keys = [];
    for (let n = 1; n <= 4; n++) keys.push((await journal.appendIncoming(sms(n))).key);
    await journal.ack([keys[0]!, keys[2]!]);
    expect(journal.pendingIncoming().map((r) => r.key)).toEqual([keys[1], keys[3]]);
    await journal.close();

    const reopened = await Journal.open(dir);
    expect(reopened.pendingIncoming().map((r) => r.key)).toEqual([keys[1], keys[3]]);
    expect(reopened.stats().pending).toBe(2);
    await reopened.close();
  });

  it('writes nothing for an ack of unknown or already acknowledged keys', async () => {
    const journal = await Journal.open(await tempDir());
    const { key } = await journal.appendIncoming(sms(1));
    await journal.ack([key]);
    const records = journal.stats().records;
    await journal.ack([key, 'no-such-key']);
    expect(journal.stats().records).toBe(records);
    await journal.close();
  });

  it('rejects a malformed message without writing it, naming only the field', async () => {
    const journal = await Journal.open(await tempDir());
    const bad = { ...sms(1), receivedAt: -1 };
    await expect(journal.appendIncoming(bad)).rejects.toMatchObject({
      code: 'journal.invalid-record',
      details: { field: 'receivedAt' },
    });
    expect(journal.stats()).toEqual({ bytes: 0, records: 0, pending: 0 });
    await journal.close();
  });

  it('hands out records nobody can alter', async () => {
    const journal = await Journal.open(await tempDir());
    await journal.appendIncoming(sms(1, { concat: { ref: 1, total: 2, part: 1 } }));
    const [record] = journal.pendingIncoming();
    expect(Object.isFrozen(record)).toBe(true);
    expect(Object.isFrozen(record!.concat)).toBe(true);
    await journal.close();
  });

  it('refuses writes once closed', async () => {
    const journal = await Journal.open(await tempDir());
    await journal.close();
    await expect(journal.appendIncoming(sms(1))).rejects.toMatchObject({ code: 'journal.closed' });
    await expect(journal.recordOutgoing(instruction('a', 'queued'))).rejects.toMatchObject({ code: 'journal.closed' });
  });
});

describe('Journal: outgoing instructions', () => {
  it('keeps the latest state of each instruction, across a reopen', async () => {
    const dir = await tempDir();
    const journal = await Journal.open(dir, { now: () => 1000 });
    await journal.recordOutgoing(instruction('a', 'queued'));
    await journal.recordOutgoing(instruction('b', 'queued'));
    await journal.recordOutgoing(instruction('a', 'sending'));
    await journal.recordOutgoing(instruction('a', 'sent', { messageRefs: [17, 18] }));
    expect(journal.outgoing('a')).toEqual({ kind: 'out', ...instruction('a', 'sent', { messageRefs: [17, 18] }), at: 1000 });
    expect(journal.unfinishedOutgoing().map((r) => r.id)).toEqual(['b']);
    await journal.close();

    const reopened = await Journal.open(dir);
    expect(reopened.outgoing('a')?.state).toBe('sent');
    expect(reopened.outgoing('a')?.messageRefs).toEqual([17, 18]);
    expect(reopened.unfinishedOutgoing().map((r) => r.id)).toEqual(['b']);
    expect(reopened.outgoing('zzz')).toBeUndefined();
    await reopened.close();
  });

  it.each<[OutgoingState[], OutgoingState]>([
    [['queued', 'sending'], 'failed-retryable'],
    [['sending', 'sent'], 'sent'],
    [['sending', 'failed'], 'failed'],
    [['sending', 'sent', 'delivered'], 'delivered'],
    // Queued by a process that died before sending: nothing went out, and no outbox remains to send it.
    [['queued'], 'failed-retryable'],
    [['sending', 'failed-retryable', 'sending'], 'failed-retryable'],
  ])('after %j and a restart the instruction is %s', async (states, expected) => {
    const dir = await tempDir();
    const journal = await Journal.open(dir);
    for (const state of states) await journal.recordOutgoing(instruction('x', state));
    await journal.close();

    const reopened = await Journal.open(dir);
    expect(reopened.outgoing('x')?.state).toBe(expected);
    const interrupted = states.at(-1) === 'sending';
    expect(reopened.recovery.interruptedSends).toEqual(interrupted ? ['x'] : []);
    expect(reopened.recovery.message === null).toBe(!interrupted);
    await reopened.close();
  });

  it('keeps the retry of an instruction that may have gone out through a compaction and a reopen (review40)', async () => {
    // A failed-retryable instruction outlives every compaction; its retry, once sent, is finished. Forgotten, the first
    // would be retryable again, and a second Retry would send it twice.
    const dir = await tempDir();
    const journal = await Journal.open(dir);
    await journal.recordOutgoing(instruction('unsure', 'failed-retryable', { error: INTERRUPTED_SEND_ERROR }));
    await journal.recordOutgoing(instruction('again', 'sent', { retryOf: 'unsure' }));
    await journal.recordOutgoing(instruction('done', 'sent'));
    await journal.compact();
    await journal.close();

    const reopened = await Journal.open(dir);
    expect(reopened.retryOf('unsure')).toMatchObject({ id: 'again', state: 'sent', retryOf: 'unsure' });
    expect(reopened.outgoing('done')).toBeUndefined();
    await reopened.close();
  });

  it('keeps a retry of a retry through a compaction and a reopen (review41)', async () => {
    // The retry of an unsure instruction failed for good (finished, with a Retry of its own), and that was retried.
    // Forgotten at the compaction, the failed retry would be retryable again: the order sent a third time.
    const dir = await tempDir();
    const journal = await Journal.open(dir);
    await journal.recordOutgoing(instruction('unsure', 'failed-retryable', { error: INTERRUPTED_SEND_ERROR }));
    await journal.recordOutgoing(instruction('again', 'failed', { retryOf: 'unsure' }));
    await journal.recordOutgoing(instruction('third', 'failed', { retryOf: 'again' }));
    await journal.recordOutgoing(instruction('fourth', 'sent', { retryOf: 'third' }));
    await journal.recordOutgoing(instruction('done', 'failed', { retryOf: 'gone' }));
    await journal.compact();
    await journal.close();

    const reopened = await Journal.open(dir);
    expect(reopened.retryOf('again')).toMatchObject({ id: 'third', retryOf: 'again' });
    expect(reopened.retryOf('third')).toMatchObject({ id: 'fourth', state: 'sent', retryOf: 'third' });
    expect(reopened.outgoing('done')).toBeUndefined();
    await reopened.close();
  });

  it('marks an instruction still queued when the app stopped as never sent, for the user to retry', async () => {
    const dir = await tempDir();
    const journal = await Journal.open(dir);
    await journal.recordOutgoing(instruction('q', 'queued'));
    await journal.close();

    const reopened = await Journal.open(dir);
    expect(reopened.outgoing('q')).toMatchObject({ state: 'failed-retryable', error: INTERRUPTED_QUEUE_ERROR });
    expect(reopened.unfinishedOutgoing().map((r) => r.id)).toEqual(['q']);
    await reopened.close();
  });

  it('writes the failed-retryable record itself, so it survives and is not reported twice', async () => {
    const dir = await tempDir();
    const journal = await Journal.open(dir);
    await journal.recordOutgoing(instruction('x', 'sending', { text: 'MMXG#******#******' }));
    await journal.close();

    const first = await Journal.open(dir);
    expect(first.outgoing('x')).toMatchObject({
      state: 'failed-retryable',
      error: INTERRUPTED_SEND_ERROR,
      text: 'MMXG#******#******',
    });
    expect(first.recovery.message?.en).toContain('will not be re-sent automatically');
    expect(first.recovery.message?.zh).toContain('不会自动重发');
    await first.close();
    expect((await readLog(dir)).records.map((r) => (r.kind === 'out' ? r.state : r.kind))).toEqual([
      'sending',
      'failed-retryable',
    ]);

    const second = await Journal.open(dir);
    expect(second.recovery.interruptedSends).toEqual([]);
    expect(second.unfinishedOutgoing().map((r) => [r.id, r.state])).toEqual([['x', 'failed-retryable']]);
    await second.close();
  });

  it('rejects an unknown state', async () => {
    const journal = await Journal.open(await tempDir());
    const bad = { ...instruction('x', 'queued'), state: 'maybe' } as unknown as OutgoingChange;
    await expect(journal.recordOutgoing(bad)).rejects.toMatchObject({ code: 'journal.invalid-record' });
    expect(journal.outgoing('x')).toBeUndefined();
    await journal.close();
  });
});
