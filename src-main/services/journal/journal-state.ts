import { isUnfinished, type IncomingRecord, type JournalRecord, type OutgoingRecord } from '../../../src-shared/journal-records';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Seen keys per compacted line: a damaged line then costs only this many dedupe keys. */
const SEEN_KEYS_PER_LINE = 1000;

export interface DedupeRetention {
  /** At most this many acknowledged keys are remembered (the newest). */
  maxKeys: number;
  /** Acknowledged keys older than this are forgotten. */
  maxAgeDays: number;
}

/**
 * What the journal knows, rebuilt by replaying its records in order. No I/O: the same replay
 * serves opening the file, applying a durable append, and checking a compaction.
 */
export class JournalState {
  /** Unacknowledged incoming parts, in the order they were journaled. */
  readonly pending = new Map<string, IncomingRecord>();
  /** Every key journaled or remembered for dedupe → its receivedAt (epoch ms). */
  readonly known = new Map<string, number>();
  /**
   * Journaled parts the modem may still hold, by key (each knows its slot): the same slot read
   * again is one of these; an identical part in any other slot is a new message.
   */
  readonly held = new Map<string, IncomingRecord>();
  /** Latest state of each outgoing instruction, by id. */
  readonly outgoing = new Map<string, OutgoingRecord>();

  static replay(records: Iterable<JournalRecord>): JournalState {
    const state = new JournalState();
    for (const record of records) state.apply(record);
    return state;
  }

  apply(record: JournalRecord): void {
    switch (record.kind) {
      case 'in':
        if (this.known.has(record.key)) return;
        this.known.set(record.key, record.receivedAt);
        this.pending.set(record.key, frozen(record));
        if (record.slot !== undefined) this.held.set(record.key, record);
        return;
      case 'ack':
        for (const key of record.keys) {
          this.pending.delete(key);
          // An ack whose `in` line was damaged still proves the store has the message.
          if (!this.known.has(key)) this.known.set(key, record.at);
        }
        return;
      case 'out':
        this.outgoing.set(record.id, frozen(record));
        return;
      case 'seen':
        for (const [key, at] of record.keys) if (!this.known.has(key)) this.known.set(key, at);
        return;
      case 'gone':
        for (const key of record.keys) this.held.delete(key);
        return;
    }
  }

  unfinishedOutgoing(): OutgoingRecord[] {
    return [...this.outgoing.values()].filter((r) => isUnfinished(r.state));
  }

  /** Records that must still be there after a compaction; everything else only costs space. */
  liveRecords(): number {
    return this.pending.size + this.heldAcknowledged().length + this.unfinishedOutgoing().length;
  }

  /** Parts the store has, but the modem may still hold: their slots must outlive a compaction. */
  private heldAcknowledged(): IncomingRecord[] {
    return [...this.held.values()].filter((r) => !this.pending.has(r.key));
  }

  /**
   * The smallest record list that replays to the same pending messages, held slots and unfinished
   * instructions, plus the newest acknowledged keys within `retention` (oldest first, so replay order is time order).
   */
  compacted(now: number, retention: DedupeRetention): JournalRecord[] {
    const cutoff = now - retention.maxAgeDays * DAY_MS;
    const eligible = [...this.known]
      .filter(([key, at]) => !this.pending.has(key) && !this.held.has(key) && at >= cutoff)
      .sort((a, b) => a[1] - b[1]);
    const remembered = eligible.slice(Math.max(0, eligible.length - retention.maxKeys));
    const seen: JournalRecord[] = [];
    for (let i = 0; i < remembered.length; i += SEEN_KEYS_PER_LINE) {
      seen.push({ kind: 'seen', keys: remembered.slice(i, i + SEEN_KEYS_PER_LINE) });
    }
    const heldAcknowledged = this.heldAcknowledged();
    const stillHeld: JournalRecord[] = heldAcknowledged.length === 0 ? [] : [...heldAcknowledged, { kind: 'ack', keys: heldAcknowledged.map((r) => r.key), at: now }];
    return [...seen, ...stillHeld, ...this.pending.values(), ...this.unfinishedOutgoing()];
  }
}

/** Records are handed out to callers as they are held here, so nobody may change them. */
function frozen<T extends object>(record: T): T {
  for (const value of Object.values(record)) if (typeof value === 'object' && value !== null) Object.freeze(value);
  return Object.freeze(record);
}
