import { maskedAsMessages } from '../../../src-shared/received-at-rest';
import { isLongPart, isUnfinished, type IncomingRecord, type JournalRecord, type OutgoingRecord } from '../../../src-shared/journal-records';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Seen keys per compacted line: a damaged line then costs only this many dedupe keys. */
const SEEN_KEYS_PER_LINE = 1000;

export interface DedupeRetention {
  /** At most this many acknowledged keys are remembered (the newest). */
  maxKeys: number;
  /** Acknowledged keys older than this are forgotten. */
  maxAgeDays: number;
}

export interface KeptPartsRetention {
  /** Acknowledged parts of long messages are kept this long after they were received… */
  days: number;
  /** …and at most this many (the newest). */
  maxParts: number;
  /**
   * What the texts of one message's parts (in part order, null where one has not come) become on disk:
   * secrets masked, as in every copy at rest, also one cut in two by a part boundary or by a missing part.
   */
  mask: (parts: readonly (string | null)[]) => (string | null)[];
}

/**
 * A remembered key as it rests on disk: its text's checksum left out (`…|part|*`, `#n` kept). The key's
 * CRC-32 of a known template holding a 6-digit password or a one-time code names it (trying the
 * 10^6 codes takes seconds), and acknowledged keys are kept 90 days after their texts are gone
 * (review17). Without it, a remembered key still numbers the next identical message (`#2`), which is
 * all a key remembered after its text is gone is for.
 */
export function restingKey(key: string): string {
  return key.replace(/\|[0-9a-f]{8}(#\d+)?$/, (_, n: string | undefined) => `|*${n ?? ''}`);
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
  /**
   * Acknowledged parts of long messages, by key: a store that holds only some parts of a message
   * asks for the rest (another store may have acknowledged them). Bounded at compaction.
   */
  readonly kept = new Map<string, IncomingRecord>();
  /** Latest state of each outgoing instruction, by id. */
  readonly outgoing = new Map<string, OutgoingRecord>();
  /**
   * Kept parts whose text is held masked in memory too (every part of their message acknowledged) → a keyed
   * digest of the clear text (Journal.veryText): what tells the network's repeat of a part from another code in
   * the same wording, with nothing of the code readable in memory (journal21). Memory only, its key never written.
   */
  readonly keptDigests = new Map<string, string>();
  /**
   * Kept parts whose message was masked whole in memory (Journal.maskKeptMessages, with or without a secret): their
   * text is what they are handed out as, so a hand-out (longParts at each start and extension recheck) masks only the rest.
   */
  readonly maskedWhole = new Set<string>();
  /** Pending key → a key under which a store may hold that very message (MaybeRecord), until the key is acknowledged. */
  readonly maybe = new Map<string, string>();
  /** Pending key → how many parts its `maybe` name at rest stands for (MaybeRecord.alike), when its line says so. */
  readonly alike = new Map<string, number>();

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
          const part = this.pending.get(key);
          if (part && isLongPart(part)) this.kept.set(key, part);
          this.pending.delete(key);
          this.maybe.delete(key);
          this.alike.delete(key);
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
      case 'maybe':
        // Only a pending part is handed out again: one acknowledged meanwhile needs no hint.
        if (!this.pending.has(record.key)) return;
        this.maybe.set(record.key, record.storedAs);
        if (record.alike !== undefined) this.alike.set(record.key, record.alike);
        return;
      case 'masked':
        return;
    }
  }

  /**
   * This state (a compaction's, its received texts masked as written) with the texts `previous`
   * held in memory for the same records: what decides whether a part read again is the one journaled
   * must see its very text, not the mask, or two codes in one wording read as one (review20). Memory
   * only: on disk they stay masked.
   */
  keepTextsOf(previous: JournalState): this {
    for (const records of ['pending', 'held', 'kept'] as const) {
      for (const key of this[records].keys()) {
        const before = previous.pending.get(key) ?? previous.held.get(key) ?? previous.kept.get(key);
        if (before) this[records].set(key, before);
      }
    }
    for (const [key, digest] of previous.keptDigests) if (this.kept.has(key)) this.keptDigests.set(key, digest);
    for (const key of previous.maskedWhole) if (this.kept.has(key)) this.maskedWhole.add(key);
    // A moved part's name as worked out from the clear text memory keeps (namesAtRest).
    for (const [key, storedAs] of previous.maybe) if (this.maybe.has(key)) this.maybe.set(key, storedAs);
    return this;
  }

  unfinishedOutgoing(): OutgoingRecord[] {
    return [...this.outgoing.values()].filter((r) => isUnfinished(r.state));
  }

  /**
   * What a compaction keeps of the instructions: the unfinished ones, and the whole chain of retries from each of them
   * (a failed-retryable one is unfinished; a retry that failed has a Retry of its own): a retry forgotten would leave
   * what it retried retryable again, and a second Retry would send it twice.
   */
  private outgoingToKeep(): OutgoingRecord[] {
    const kept = this.unfinishedOutgoing();
    const ids = new Set(kept.map((r) => r.id));
    for (let added = true; added; ) {
      added = false;
      for (const r of this.outgoing.values()) {
        if (ids.has(r.id) || r.retryOf === undefined || !ids.has(r.retryOf)) continue;
        kept.push(r);
        ids.add(r.id);
        added = true;
      }
    }
    return kept;
  }

  /** Records that must still be there after a compaction; everything else only costs space. */
  liveRecords(now: number, keep: KeptPartsRetention): number {
    return this.pending.size + this.maybe.size + this.heldAcknowledged().length + this.keptWithin(now, keep).length + this.outgoingToKeep().length;
  }

  /** The kept parts still within `keep` (its days, the newest `maxParts`), oldest first, text as held in memory. */
  keptWithin(now: number, keep: KeptPartsRetention): IncomingRecord[] {
    const since = now - keep.days * DAY_MS;
    const recent = [...this.kept.values()].filter((r) => r.receivedAt >= since).sort((a, b) => a.receivedAt - b.receivedAt);
    return recent.slice(Math.max(0, recent.length - keep.maxParts));
  }

  /** Parts the store has, but the modem may still hold: their slots must outlive a compaction. */
  private heldAcknowledged(): IncomingRecord[] {
    return [...this.held.values()].filter((r) => !this.pending.has(r.key));
  }

  /**
   * The smallest record list that replays to the same pending messages (and what a store may hold them as),
   * held slots and unfinished instructions, plus the newest acknowledged keys within `retention` (oldest first, so replay order is time order)
   * and the kept parts within `keep` (written as acknowledged parts, their text masked).
   */
  compacted(now: number, retention: DedupeRetention, keep: KeptPartsRetention): JournalRecord[] {
    const cutoff = now - retention.maxAgeDays * DAY_MS;
    const kept = this.keptWithin(now, keep).filter((r) => !this.held.has(r.key));
    const keptKeys = new Set(kept.map((r) => r.key));
    const eligible = [...this.known]
      .filter(([key, at]) => !this.pending.has(key) && !this.held.has(key) && !keptKeys.has(key) && at >= cutoff)
      .sort((a, b) => a[1] - b[1]);
    // Without their checksums; two keys of one sender's second may then rest as one, which counts the same.
    const remembered = [...new Map(eligible.slice(Math.max(0, eligible.length - retention.maxKeys)).map(([key, at]) => [restingKey(key), at] as const))];
    const seen: JournalRecord[] = [];
    for (let i = 0; i < remembered.length; i += SEEN_KEYS_PER_LINE) {
      seen.push({ kind: 'seen', keys: remembered.slice(i, i + SEEN_KEYS_PER_LINE) });
    }
    // Pending parts masked as well (secrets24): the file never holds a received text clear, acknowledged or not.
    const heldOrKept = [...this.heldAcknowledged(), ...kept];
    const masked = maskedAsMessages([...heldOrKept, ...this.pending.values()], keep.mask);
    const acknowledged = masked.slice(0, heldOrKept.length);
    const stillHeld: JournalRecord[] = acknowledged.length === 0 ? [] : [...acknowledged, { kind: 'ack', keys: acknowledged.map((r) => r.key), at: now }];
    const maybe: JournalRecord[] = [...this.maybe].map(([key, storedAs]) => {
      const alike = this.alike.get(key);
      return { kind: 'maybe', key, storedAs, ...(alike === undefined ? {} : { alike }) };
    });
    return [...seen, ...stillHeld, ...masked.slice(heldOrKept.length), ...maybe, ...this.outgoingToKeep()];
  }
}

/** Records are handed out to callers as they are held here, so nobody may change them. */
function frozen<T extends object>(record: T): T {
  for (const value of Object.values(record)) if (typeof value === 'object' && value !== null) Object.freeze(value);
  return Object.freeze(record);
}
