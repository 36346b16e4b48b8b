import type { HandedOutRecord, OutgoingRecord } from '../../src-shared/journal-records';
import type { Batch } from './ingest';

export type IngestStatus =
  | { state: 'idle' }
  | { state: 'writing'; queued: number }
  | { state: 'failed'; queued: number; error: unknown };

export interface IngestQueueOptions {
  /** Must resolve only once the batch is durably committed. */
  write(batch: Batch): Promise<void>;
  /** Tells the journal it may forget these incoming keys. */
  ack(keys: string[]): Promise<unknown>;
  onStatus?(status: IngestStatus): void;
  /** At most this many records per transaction. */
  maxBatch?: number;
  /** How long events are collected before a transaction starts: about one animation frame. */
  collectMs?: number;
  retryMs?: number;
}

/** What `journal.ack` accepts in one request. */
// 2,000 keys of up to ~100 characters stay well inside one 256 KiB frame.
const MAX_ACK_KEYS = 2000;

type Item = { kind: 'in'; record: HandedOutRecord } | { kind: 'out'; record: OutgoingRecord };

/**
 * Collects events into batches, writes one batch at a time, and acknowledges a batch's incoming
 * keys only after its transaction committed. Acknowledgements run beside the writes (the next
 * batch need not wait for the journal's answer). A failed write keeps the records, in order, and
 * tries again later; a failed acknowledgement is sent again later. Until acknowledged, the journal
 * still holds every record, so nothing is lost either way.
 *
 * A part handed over again before its acknowledgement (a catch-up's `journal.pending` answers with the parts the live
 * events brought too: a page that starts or reconnects during a burst got the burst twice) is taken once: still
 * queued, it takes the later hand-over's place (as one batch holding both kept the later); being written or written,
 * it is left out (the next batch would only have found its key stored).
 */
export class IngestQueue {
  private readonly queue: Item[] = [];
  /** Incoming items queued, not yet taken into a write, by key. */
  private readonly queuedIncoming = new Map<string, Item & { kind: 'in' }>();
  /** Incoming keys of the write under way. */
  private readonly writingKeys = new Set<string>();
  /** Written, not yet acknowledged. */
  private readonly unacked = new Set<string>();
  private writing = false;
  private acking = false;
  private disposed = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private ackTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly maxBatch: number;
  private readonly collectMs: number;
  private readonly retryMs: number;
  /** Records pushed and records written so far, in order (a failed batch is retried before anything after it). */
  private pushed = 0;
  private stored = 0;
  private readonly waiting: { upTo: number; resolve: () => void }[] = [];

  constructor(private readonly options: IngestQueueOptions) {
    // One strict-durability commit (one fsync) per batch: bigger batches, fewer waits on the disk.
    this.maxBatch = options.maxBatch ?? 2000;
    this.collectMs = options.collectMs ?? 16;
    this.retryMs = options.retryMs ?? 3000;
  }

  pushIncoming(record: HandedOutRecord): void {
    const queued = this.queuedIncoming.get(record.key);
    if (queued) queued.record = record;
    else if (!this.writingKeys.has(record.key) && !this.unacked.has(record.key)) this.enqueue({ kind: 'in', record });
  }

  pushOutgoing(record: OutgoingRecord): void {
    this.enqueue({ kind: 'out', record });
  }

  /** Resolves once every record pushed before the call is written (never, if the queue is disposed first). */
  written(): Promise<void> {
    if (this.stored >= this.pushed) return Promise.resolve();
    return new Promise((resolve) => this.waiting.push({ upTo: this.pushed, resolve }));
  }

  dispose(): void {
    this.disposed = true;
    clearTimeout(this.timer);
    clearTimeout(this.ackTimer);
    this.timer = this.ackTimer = undefined;
  }

  private enqueue(item: Item): void {
    this.pushed++;
    this.queue.push(item);
    if (item.kind === 'in') this.queuedIncoming.set(item.record.key, item);
    if (this.writing) return;
    if (this.queue.length >= this.maxBatch) this.schedule(0);
    else this.timer ??= setTimeout(() => this.flush(), this.collectMs);
  }

  private schedule(ms: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.flush(), ms);
  }

  private async flush(): Promise<void> {
    this.timer = undefined;
    if (this.disposed || this.writing || this.queue.length === 0) return;
    this.writing = true;
    const items = this.queue.splice(0, this.maxBatch);
    for (const item of items) {
      if (item.kind !== 'in') continue;
      this.queuedIncoming.delete(item.record.key);
      this.writingKeys.add(item.record.key);
    }
    this.options.onStatus?.({ state: 'writing', queued: items.length + this.queue.length });
    try {
      await this.options.write(toBatch(items));
    } catch (error) {
      this.queue.unshift(...items);
      for (const item of items) {
        if (item.kind !== 'in') continue;
        this.writingKeys.delete(item.record.key);
        this.queuedIncoming.set(item.record.key, item);
      }
      this.writing = false;
      this.options.onStatus?.({ state: 'failed', queued: this.queue.length, error });
      return this.schedule(this.retryMs);
    }
    this.writing = false;
    this.stored += items.length;
    for (let i = this.waiting.length - 1; i >= 0; i--) if (this.waiting[i]!.upTo <= this.stored) this.waiting.splice(i, 1)[0]!.resolve();
    for (const item of items) {
      if (item.kind !== 'in') continue;
      this.writingKeys.delete(item.record.key);
      this.unacked.add(item.record.key);
    }
    this.acknowledge();
    if (this.queue.length) this.schedule(0);
    else this.options.onStatus?.({ state: 'idle' });
  }

  /** One acknowledgement at a time, of up to MAX_ACK_KEYS keys; whatever was written meanwhile goes next. */
  private acknowledge(): void {
    if (this.acking || this.disposed || this.unacked.size === 0) return;
    this.acking = true;
    const keys = [...this.unacked].slice(0, MAX_ACK_KEYS);
    this.options.ack(keys).then(
      () => {
        for (const k of keys) this.unacked.delete(k);
        this.acking = false;
        this.acknowledge();
      },
      () => {
        this.acking = false;
        this.ackTimer = setTimeout(() => this.acknowledge(), this.retryMs);
      },
    );
  }
}

function toBatch(items: readonly Item[]): Batch {
  const batch: Batch = { incoming: [], outgoing: [] };
  for (const item of items) {
    if (item.kind === 'in') batch.incoming.push(item.record);
    else batch.outgoing.push(item.record);
  }
  return batch;
}
