import { describe, expect, it } from 'vitest';
import type { IncomingRecord } from '../../../src-shared/journal-records';
import { generationMessageRow, partRow, singleMessageRow, storedGeneration, threadPeer } from '../../../src-renderer/store/incoming-rows';
import { concatGroup, joinSlots, MISSING_PART, Reassembler } from '../../../src-renderer/store/reassembly';
import { REASSEMBLY_WINDOW_MS } from '../../../src-shared/assemble';

const T0 = Date.UTC(2026, 10, 25, 1, 30);

function part(n: number, text: string, opts: { ref?: number; total?: number; at?: number; from?: string; simId?: string } = {}): IncomingRecord {
  const { ref = 7, total = 3, at = T0 + n * 1000, from = '10086', simId = 'sim-a' } = opts;
  const timestamp = new Date(at).toISOString();
  return { kind: 'in', key: `${from}|${timestamp}|${ref}|${total}|${n}`, simId, from, text, encoding: 'ucs2', timestamp, receivedAt: at, concat: { ref, total, part: n } };
}

function single(text: string, at = T0): IncomingRecord {
  const timestamp = new Date(at).toISOString();
  return { kind: 'in', key: `10086|${timestamp}|-|-|-`, simId: 'sim-a', from: '10086', text, encoding: 'ucs2', timestamp, receivedAt: at, concat: null };
}

/** Places records in order and returns the text of every message that changed, keyed by message id. */
function assemble(records: IncomingRecord[], stored: Reassembler = new Reassembler([])) {
  const ids = records.map((r) => stored.place(r));
  const texts = Object.fromEntries(stored.changedGenerations().map((g) => [g.messageId, joinSlots(g.slots)]));
  return { ids, texts, generations: stored.changedGenerations() };
}

describe('concatGroup', () => {
  it.each([
    ['a part of a long message', part(2, 'x'), 'sim-a|10086|7|3'],
    ['a single SMS', single('x'), null],
    ['a "long" message of one part', part(1, 'x', { total: 1 }), null],
    ['a part numbered beyond its total (kept whole)', part(4, 'x', { total: 3 }), null],
  ])('%s → %j', (_why, record, group) => {
    expect(concatGroup(record)).toBe(group);
  });

  it('keeps different SIMs and senders apart', () => {
    expect(concatGroup(part(1, 'x', { simId: 'sim-b' }))).not.toBe(concatGroup(part(1, 'x')));
    expect(concatGroup(part(1, 'x', { from: '10658' }))).not.toBe(concatGroup(part(1, 'x')));
  });
});

describe('joinSlots', () => {
  it.each([
    [['尊敬的', '客户，', '您好'], '尊敬的客户，您好'],
    [['尊敬的', null, '您好'], `尊敬的${MISSING_PART}您好`],
    [[null, '客户，', null], `${MISSING_PART}客户，`],
    [[null, null], ''],
  ])('%j → %j', (texts, joined) => {
    expect(joinSlots(texts.map((t) => (t === null ? null : { text: t })))).toBe(joined);
  });
});

describe('Reassembler', () => {
  it('takes a part handed out again masked under a key this log does not hold (moved by review18) for the part it has', () => {
    const stored = new Reassembler([]);
    // Stored under its key as it was before review18 (ending in the text's CRC-32).
    const first = part(1, '尊敬的客户，您的服务密码已重置为357108，请');
    assemble([{ ...first, key: `${first.key}|4a1f09c2` }, part(2, '妥善保管。')], stored);
    const masked = part(1, '尊敬的客户，您的服务密码已重置为******，请');
    const again = { ...masked, key: `${masked.key}|*#2` };
    const before = stored.changedGenerations().length;
    stored.place(again);
    expect(stored.changedGenerations().length).toBe(before);
    expect(joinSlots(stored.changedGenerations()[0]!.slots)).toBe('尊敬的客户，您的服务密码已重置为357108，请妥善保管。');
    // Another text in that place is another message.
    expect(stored.place({ ...part(1, '尊敬的客户，您的流量已用完，请'), key: `${masked.key}|*#3` })).not.toBe(stored.place(again));
    // So is another sending's part that reads as the masked one (another password, stamped 5 s later):
    // loose matching is for the same key fields only.
    const later = part(1, '尊敬的客户，您的服务密码已重置为******，请', { at: T0 + 6000 });
    expect(stored.place(later)).not.toBe(stored.place(again));
  });

  it('keeps another code in the same wording, under the same fields, apart from a part it holds masked (review20)', () => {
    // This log got part 1 of a reset from the journal's kept parts (masked), part 2 as it came.
    const stored = new Reassembler([]);
    const held = part(1, '尊敬的客户，您的服务密码已重置为******，请');
    const first = assemble([{ ...held, key: `${held.key}|*` }, { ...part(2, '妥善保管。'), key: `${part(2, '').key}|*` }], stored).ids[0];
    // A second reset of that second and reference, another password: its own message, not taken for the first's part 1.
    const second = part(1, '尊敬的客户，您的服务密码已重置为640215，请');
    expect(stored.place({ ...second, key: `${second.key}|*#2` })).not.toBe(first);
  });

  it('puts the parts of one message together in part order, whatever order they come in', () => {
    const { ids, texts } = assemble([part(3, 'C'), part(1, 'A'), part(2, 'B')]);
    expect(new Set(ids).size).toBe(1);
    expect(Object.values(texts)).toEqual(['ABC']);
  });

  it('names the message after the first part that arrived, so a replay gives the same id', () => {
    const first = part(2, 'B');
    expect(assemble([first, part(1, 'A')]).ids).toEqual([`in:${first.key}`, `in:${first.key}`]);
  });

  it('treats a part re-delivered with the same text as the same part', () => {
    const again = { ...part(1, 'A'), key: 'another-key-same-text', receivedAt: T0 + 9000 };
    const { ids, generations } = assemble([part(1, 'A'), part(2, 'B'), again]);
    expect(new Set(ids).size).toBe(1);
    expect(generations[0]!.slots.map((s) => s?.key ?? null)).toEqual([part(1, 'A').key, part(2, 'B').key, null]);
  });

  it('starts a new message when the sender reuses a reference for different text', () => {
    const { ids, texts } = assemble([part(1, 'A'), part(2, 'B'), part(3, 'C'), part(1, 'X', { at: T0 + 60_000 })]);
    expect(ids[3]).not.toBe(ids[0]);
    expect(Object.values(texts)).toEqual(['ABC', 'X']);
  });

  it('gives a late part to the oldest message still missing it', () => {
    const { ids } = assemble([part(1, 'A'), part(1, 'X', { at: T0 + 5000 }), part(2, 'B'), part(2, 'Y')]);
    expect(ids).toEqual([ids[0], ids[1], ids[0], ids[1]]);
  });

  it('gives a part to the message the service centre stamped with it, not to an older one that lost that part under the same reference', () => {
    const hour = 3_600_000;
    const lost = part(1, 'A', { total: 2 });
    const { ids, texts } = assemble([lost, part(1, 'X', { total: 2, at: T0 + hour }), part(2, 'Y', { total: 2, at: T0 + hour + 2000 })]);
    expect(ids).toEqual([ids[0], ids[1], ids[1]]);
    expect(texts).toEqual({ [ids[0]!]: 'A', [ids[1]!]: 'XY' });
    // A part stamped an hour away from every message missing it is of none of them.
    const alone = assemble([lost, part(2, 'B', { total: 2, at: T0 + hour })]).ids;
    expect(alone[1]).not.toBe(alone[0]);
  });

  it('does not join a part to a message first seen outside the window', () => {
    const late = part(2, 'B', { at: T0 + 1000 + REASSEMBLY_WINDOW_MS + 1 });
    const { ids } = assemble([part(1, 'A'), late]);
    expect(ids[1]).not.toBe(ids[0]);
  });

  it('continues a message stored earlier, reporting it as changed', () => {
    const stored = assemble([part(1, 'A')]).generations[0]!;
    const reassembler = new Reassembler([{ ...stored, slots: [...stored.slots] }]);
    const { ids, texts } = assemble([part(2, 'B'), part(3, 'C')], reassembler);
    expect(ids).toEqual([stored.messageId, stored.messageId]);
    expect(texts).toEqual({ [stored.messageId]: 'ABC' });
  });

  it('refuses a single SMS', () => {
    expect(() => new Reassembler([]).place(single('x'))).toThrow(RangeError);
  });
});

describe('message rows', () => {
  it('describes a long message as it stands', () => {
    const { generations } = assemble([part(3, 'C'), part(1, 'A')]);
    const row = generationMessageRow(generations[0]!, 'sim-a', '+8610086');
    expect(row).toMatchObject({
      simId: 'sim-a',
      direction: 'in',
      peer: '10086',
      text: `A${MISSING_PART}C`,
      state: 'received',
      at: T0 + 1000,
      read: 0,
      timestamp: part(1, 'A').timestamp,
      group: 'sim-a|10086|7|3',
      partKeys: [part(1, 'A').key, null, part(3, 'C').key],
      complete: false,
      total: 3,
      received: 2,
    });
  });

  it('describes a single SMS and its part', () => {
    const r = single('您的余额为 12.30 元');
    expect(singleMessageRow(r)).toMatchObject({ id: `in:${r.key}`, text: r.text, complete: true, total: 1, received: 1, partKeys: [r.key] });
    expect(partRow(r, 'm')).toMatchObject({ key: r.key, messageId: 'm', ref: null, total: 1, part: 1 });
  });

  it('rebuilds a stored long message from its row and part rows', () => {
    const records = [part(1, 'A'), part(2, 'B')];
    const { generations } = assemble(records);
    const row = generationMessageRow(generations[0]!, 'sim-a', '10086');
    const parts = new Map(records.map((r) => [r.key, partRow(r, row.id)]));
    expect(storedGeneration(row, parts)).toEqual(generations[0]);
    expect(storedGeneration(singleMessageRow(single('x')), parts)).toBeNull();
  });
});

describe('threadPeer', () => {
  it.each([
    ['10086', '10086'],
    ['+8610086', '10086'],
    ['008613800138000', '13800138000'],
    ['+85212345678', '+85212345678'],
    ['+86', '+86'],
    ['China Mobile', 'China Mobile'],
  ])('%s → %s', (from, peer) => {
    expect(threadPeer(from)).toBe(peer);
  });
});
