import { describe, expect, it } from 'vitest';
import { assembleRecords, REASSEMBLY_WINDOW_MS } from '../../src-shared/assemble';
import type { IncomingRecord } from '../../src-shared/journal-records';

const part = (key: string, part: number, text: string, receivedAt: number, ref = 7): IncomingRecord => ({
  kind: 'in',
  key,
  simId: 'sim',
  from: '10086',
  text,
  encoding: 'ucs2',
  timestamp: '2026-11-25T10:00:00+08:00',
  receivedAt,
  concat: { ref, total: 2, part },
});

describe('assembleRecords', () => {
  it('puts parts together in any order', () => {
    const [m] = assembleRecords([part('b', 2, '二', 20), part('a', 1, '一', 10)]);
    expect(m).toMatchObject({ text: '一二', complete: true, keys: ['a', 'b'] });
  });

  it('keeps apart two messages that reuse a reference: one days later, or a part number seen again', () => {
    const later = REASSEMBLY_WINDOW_MS + 1;
    const messages = assembleRecords([
      part('a1', 1, 'A1', 0),
      part('a2', 2, 'A2', 5),
      part('b1', 1, 'B1', 10),
      part('c1', 1, 'C1', later),
    ]);
    expect(messages.map((m) => [m.text, m.complete])).toEqual([
      ['A1A2', true],
      ['B1', false],
      ['C1', false],
    ]);
  });

  it('keeps apart a message that lost a part and a later one under the same reference, by the service centre\'s stamps', () => {
    const stamped = (r: IncomingRecord, at: number) => ({ ...r, timestamp: new Date(at).toISOString() });
    const hour = 3_600_000;
    const messages = assembleRecords([
      stamped(part('a1', 1, 'A1', 0), 0),
      stamped(part('b1', 1, 'B1', hour), hour),
      stamped(part('b2', 2, 'B2', hour + 2000), hour + 1000),
    ]);
    expect(messages.map((m) => [m.text, m.complete])).toEqual([
      ['A1', false],
      ['B1B2', true],
    ]);
  });

  it('counts a part read twice once', () => {
    expect(assembleRecords([part('a', 1, '一', 10), part('a', 1, '一', 10)])).toHaveLength(1);
  });
});
