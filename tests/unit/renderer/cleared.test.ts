import { describe, expect, it } from 'vitest';
import { REASSEMBLY_WINDOW_MS } from '../../../src-shared/assemble';
import { SAME_SENDING_MS } from '../../../src-shared/sending-order';
import type { IncomingRecord } from '../../../src-shared/journal-records';
import { asLivePart, belongsToCleared, CLEARED_KEPT_MS, prunableCleared } from '../../../src-renderer/store/cleared';
import type { ClearedRow } from '../../../src-renderer/store/rows';

const T0 = Date.UTC(2026, 10, 25, 1, 30);

function part(n: number, opts: { ref?: number; total?: number; at?: number } = {}): IncomingRecord {
  const { ref = 7, total = 2, at = T0 + n * 1000 } = opts;
  const timestamp = new Date(at).toISOString();
  return { kind: 'in', key: `10086|${timestamp}|${ref}|${total}|${n}`, simId: 'sim-a', from: '10086', text: `part ${n}`, encoding: 'ucs2', timestamp, receivedAt: at, concat: { ref, total, part: n } };
}

/** A part as the clear remembered it. */
function cleared(r: IncomingRecord, messageId = 'in:m1', clearedAt = T0 + 60_000): ClearedRow {
  return { key: `part:${r.key}`, clearedAt, group: `sim-a|10086|${r.concat!.ref}|${r.concat!.total}`, messageId, part: r.concat!.part, timestamp: r.timestamp, receivedAt: r.receivedAt };
}

describe('belongsToCleared: a late part of a cleared long message is cleared too', () => {
  it('the part a cleared message lacks, stamped with it, within the window', () => {
    expect(belongsToCleared(part(2), [cleared(part(1))], [])).toBe(true);
    // Three parts: the third after the second was found late.
    expect(belongsToCleared(part(3, { total: 3 }), [cleared(part(1, { total: 3 })), cleared(part(2, { total: 3 }))], [])).toBe(true);
  });

  it('not a part the cleared message has, another reference or count, a single SMS, or one stamped apart', () => {
    expect(belongsToCleared(part(1, { at: T0 + 5000 }), [cleared(part(1))], [])).toBe(false);
    expect(belongsToCleared(part(2, { ref: 8 }), [cleared(part(1))], [])).toBe(false);
    expect(belongsToCleared(part(2, { total: 3 }), [cleared(part(1))], [])).toBe(false);
    expect(belongsToCleared({ ...part(2), concat: null }, [cleared(part(1))], [])).toBe(false);
    expect(belongsToCleared(part(2, { at: T0 + SAME_SENDING_MS + 60_000 }), [cleared(part(1))], [])).toBe(false);
    expect(belongsToCleared(part(2, { at: T0 + REASSEMBLY_WINDOW_MS + 60_000 }), [cleared(part(1))], [])).toBe(false);
  });

  it('a new message reusing the reference keeps its part when its own first part (in the log or the batch) is stamped nearer, or as near', () => {
    const old = cleared(part(1, { at: T0 }));
    const newFirst = part(1, { at: T0 + 120_000 });
    expect(belongsToCleared(part(2, { at: T0 + 121_000 }), [old], [asLivePart(newFirst)])).toBe(false);
    // As near: kept (never hidden on a guess).
    expect(belongsToCleared(part(2, { at: T0 + 60_000 }), [old], [asLivePart(part(1, { at: T0 + 120_000 }))])).toBe(false);
    // The cleared one nearer: cleared.
    expect(belongsToCleared(part(2, { at: T0 + 10_000 }), [old], [asLivePart(newFirst)])).toBe(true);
  });
});

describe('prunableCleared: only what nothing can bring back', () => {
  const now = T0 + 30 * 24 * 3600_000;
  const row = (key: string, age: number): ClearedRow => ({ key, clearedAt: now - age });
  it('rows older than the journal keeps parts for (plus a day), except what the journal still holds', () => {
    const rows = [
      row('part:old', CLEARED_KEPT_MS + 1),
      row('part:young', CLEARED_KEPT_MS - 1),
      row('part:still-pending', CLEARED_KEPT_MS * 3),
      row('command:old', CLEARED_KEPT_MS + 1),
      row('command:still-held', CLEARED_KEPT_MS * 3),
    ];
    expect(prunableCleared(rows, new Set(['still-pending']), new Set(['still-held']), now)).toEqual(['part:old', 'command:old']);
    // The window covers the journal's kept parts: 7 days and one more.
    expect(CLEARED_KEPT_MS).toBe(8 * 24 * 3600_000);
  });
});
