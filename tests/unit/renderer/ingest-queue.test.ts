import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { IncomingRecord, OutgoingRecord } from '../../../src-shared/journal-records';
import type { Batch } from '../../../src-renderer/store/ingest';
import { IngestQueue, type IngestStatus } from '../../../src-renderer/store/ingest-queue';

function incoming(n: number): IncomingRecord {
  return { kind: 'in', key: `k${n}`, simId: 's', from: '10086', text: `#${n}`, encoding: 'gsm7', timestamp: '2026-11-25T09:30:15+08:00', receivedAt: n, concat: null };
}

function outgoing(state: OutgoingRecord['state']): OutgoingRecord {
  return { kind: 'out', id: 'c1', simId: 's', to: '10086', text: 'YE', state, messageRefs: [], error: null, at: 1 };
}

/** A queue whose write and ack record what they were given, and fail when told to. */
function harness(options: { maxBatch?: number } = {}) {
  const log: string[] = [];
  const batches: Batch[] = [];
  const acks: string[][] = [];
  const statuses: IngestStatus['state'][] = [];
  const failures = { write: 0, ack: 0 };
  const queue = new IngestQueue({
    maxBatch: options.maxBatch ?? 500,
    collectMs: 16,
    retryMs: 1000,
    async write(batch) {
      log.push(`write ${batch.incoming.length}+${batch.outgoing.length}`);
      if (failures.write > 0) {
        failures.write--;
        throw new DOMException('full', 'QuotaExceededError');
      }
      batches.push(batch);
    },
    async ack(keys) {
      log.push(`ack ${keys.length}`);
      if (failures.ack > 0) {
        failures.ack--;
        throw new Error('disconnected');
      }
      acks.push(keys);
    },
    onStatus: (s) => statuses.push(s.state),
  });
  return { queue, log, batches, acks, statuses, failures };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('IngestQueue', () => {
  it('written() resolves once what was pushed before it is written, after a failed write is retried, not before', async () => {
    const h = harness({ maxBatch: 2 });
    // Nothing pushed: nothing to wait for (this would time out otherwise).
    await h.queue.written();
    h.failures.write = 1;
    for (let i = 0; i < 3; i++) h.queue.pushIncoming(incoming(i));
    let done = false;
    void h.queue.written().then(() => (done = true));
    h.queue.pushIncoming(incoming(3));
    await vi.advanceTimersByTimeAsync(16);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(1000);
    // Two batches of two: the first three records are in after the second, whatever came after them.
    expect(h.batches.map((b) => b.incoming.length)).toEqual([2, 2]);
    expect(done).toBe(true);
  });

  it('collects one frame of events into one transaction, then acknowledges its keys', async () => {
    const h = harness();
    for (let i = 0; i < 3; i++) h.queue.pushIncoming(incoming(i));
    h.queue.pushOutgoing(outgoing('queued'));
    expect(h.log).toEqual([]);
    await vi.advanceTimersByTimeAsync(16);
    expect(h.log).toEqual(['write 3+1', 'ack 3']);
    expect(h.acks).toEqual([['k0', 'k1', 'k2']]);
    expect(h.statuses).toEqual(['writing', 'idle']);
  });

  it('writes at once when a batch is full, and splits a burst into batches of at most maxBatch', async () => {
    const h = harness({ maxBatch: 4 });
    for (let i = 0; i < 10; i++) h.queue.pushIncoming(incoming(i));
    await vi.runAllTimersAsync();
    expect(h.batches.map((b) => b.incoming.map((r) => r.key))).toEqual([
      ['k0', 'k1', 'k2', 'k3'],
      ['k4', 'k5', 'k6', 'k7'],
      ['k8', 'k9'],
    ]);
    expect(h.acks.flat()).toEqual(h.batches.flatMap((b) => b.incoming.map((r) => r.key)));
  });

  it('never acknowledges what was not written, and retries it later in the same order', async () => {
    const h = harness();
    h.failures.write = 1;
    h.queue.pushIncoming(incoming(1));
    h.queue.pushOutgoing(outgoing('sending'));
    await vi.advanceTimersByTimeAsync(16);
    expect(h.log).toEqual(['write 1+1']);
    expect(h.statuses).toEqual(['writing', 'failed']);
    h.queue.pushIncoming(incoming(2));
    await vi.advanceTimersByTimeAsync(1000);
    expect(h.log).toEqual(['write 1+1', 'write 2+1', 'ack 2']);
    expect(h.batches[0]!.incoming.map((r) => r.key)).toEqual(['k1', 'k2']);
    expect(h.batches[0]!.outgoing.map((r) => r.state)).toEqual(['sending']);
  });

  it('sends an acknowledgement that failed again, without writing again', async () => {
    const h = harness();
    h.failures.ack = 1;
    h.queue.pushIncoming(incoming(1));
    await vi.advanceTimersByTimeAsync(16);
    expect(h.acks).toEqual([]);
    await vi.advanceTimersByTimeAsync(1000);
    expect(h.log).toEqual(['write 1+0', 'ack 1', 'ack 1']);
    expect(h.acks).toEqual([['k1']]);
  });

  it('keeps every acknowledgement inside one WebSocket frame (2,000 keys)', async () => {
    const h = harness({ maxBatch: 6000 });
    for (let i = 0; i < 6000; i++) h.queue.pushIncoming(incoming(i));
    await vi.runAllTimersAsync();
    expect(h.acks.map((a) => a.length)).toEqual([2000, 2000, 2000]);
  });

  it('does not hold the next write back while an acknowledgement is on its way', async () => {
    let answer!: () => void;
    const log: string[] = [];
    const queue = new IngestQueue({
      collectMs: 16,
      write: async (batch) => void log.push(`write ${batch.incoming[0]!.key}`),
      ack: (keys) => {
        log.push(`ack ${keys.join(',')}`);
        return log.length === 2 ? new Promise<void>((r) => (answer = r)) : Promise.resolve();
      },
    });
    queue.pushIncoming(incoming(1));
    await vi.advanceTimersByTimeAsync(16);
    queue.pushIncoming(incoming(2));
    await vi.advanceTimersByTimeAsync(16);
    expect(log).toEqual(['write k1', 'ack k1', 'write k2']);
    answer();
    await vi.advanceTimersByTimeAsync(0);
    expect(log).toEqual(['write k1', 'ack k1', 'write k2', 'ack k2']);
  });

  it('takes a part handed over again before its acknowledgement once (a catch-up during a burst): queued, the later hand-over takes its place; being written or written, it is left out', async () => {
    let release!: () => void;
    let answer!: () => void;
    const batches: string[][] = [];
    const acks: string[][] = [];
    const queue = new IngestQueue({
      collectMs: 16,
      write: (batch) => {
        batches.push(batch.incoming.map((r) => `${r.key}${r.maybeStoredAs ? `>${r.maybeStoredAs}` : ''}`));
        return batches.length === 1 ? new Promise<void>((r) => (release = r)) : Promise.resolve();
      },
      ack: (keys) => {
        acks.push(keys);
        return acks.length === 1 ? new Promise<void>((r) => (answer = r)) : Promise.resolve();
      },
    });
    queue.pushIncoming(incoming(1));
    queue.pushIncoming(incoming(2));
    // The catch-up's answer names a key the store may hold k2 under: the later hand-over is the one written.
    queue.pushIncoming({ ...incoming(2), maybeStoredAs: 'old2' });
    await vi.advanceTimersByTimeAsync(16);
    expect(batches).toEqual([['k1', 'k2>old2']]);
    // Again while that write is under way, and with a new part.
    queue.pushIncoming(incoming(1));
    queue.pushIncoming(incoming(3));
    release();
    await vi.advanceTimersByTimeAsync(16);
    expect(batches).toEqual([['k1', 'k2>old2'], ['k3']]);
    // Written, its acknowledgement on the way: not written again.
    queue.pushIncoming(incoming(2));
    queue.pushIncoming(incoming(4));
    await vi.advanceTimersByTimeAsync(16);
    expect(batches).toEqual([['k1', 'k2>old2'], ['k3'], ['k4']]);
    answer();
    await vi.advanceTimersByTimeAsync(0);
    expect(acks.flat().sort()).toEqual(['k1', 'k2', 'k3', 'k4']);
    // Acknowledged: the journal has let it go, so a later hand-over is a store's own business again (skipped by its key there).
    queue.pushIncoming(incoming(1));
    await vi.advanceTimersByTimeAsync(16);
    expect(batches.at(-1)).toEqual(['k1']);
  });

  it('writes one batch at a time: events during a write wait for the next one', async () => {
    let release!: () => void;
    const writes: number[] = [];
    const queue = new IngestQueue({
      collectMs: 16,
      write: (batch) => {
        writes.push(batch.incoming.length);
        return writes.length === 1 ? new Promise<void>((r) => (release = r)) : Promise.resolve();
      },
      ack: async () => {},
    });
    queue.pushIncoming(incoming(1));
    await vi.advanceTimersByTimeAsync(16);
    queue.pushIncoming(incoming(2));
    queue.pushIncoming(incoming(3));
    await vi.advanceTimersByTimeAsync(100);
    expect(writes).toEqual([1]);
    release();
    await vi.advanceTimersByTimeAsync(0);
    expect(writes).toEqual([1, 2]);
  });
});
