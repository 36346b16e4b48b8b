import { createHash, createHmac, randomBytes } from 'node:crypto';
import { chmod, copyFile, mkdir, open, readFile, rm, type FileHandle } from 'node:fs/promises';
import * as v from 'valibot';
import type { HallError } from '../../../src-shared/errors';
import { incomingKey, occurrenceKey, oldKeyBase } from '../../../src-shared/journal-key';
import { MASKER_VERSION } from '../../../src-shared/catalog/secrets';
import { samePartText, sameReadText, withoutSplitEscape } from '../../../src-shared/same-part';
import { closedError, invalidRecordError, openError, writeError } from './errors';
import {
  journalPaths,
  nodeJournalFs,
  PRIVATE_FILE,
  syncDirectory,
  truncateLog,
  writeTempThenRename,
  type JournalFs,
  type JournalPaths,
} from './file-io';
import { GroupCommit } from './group-commit';
import { assembleRecords, REASSEMBLY_WINDOW_MS } from '../../../src-shared/assemble';
import { builtinCatalog } from '../../../src-shared/catalog/builtin';
import { maskedAsMessages, receivedTextAtRest, rekeptAtRest } from '../../../src-shared/received-at-rest';
import { JournalState, restingKey, type DedupeRetention, type KeptPartsRetention } from './journal-state';
import { decodeJournal, encodeLine } from './line-codec';
import { namedAtRest, namesAtRest, namesOfOldKey, storedAsOf, withPartKeysMoved } from './part-keys';
import { acquireLock, type HeldLock } from './lock-file';
import {
  IncomingMessageSchema,
  OutgoingChangeSchema,
  type IncomingMessage,
  type HandedOutRecord,
  type IncomingRecord,
  type JournalRecord,
  type OutgoingChange,
  type OutgoingRecord,
  INTERRUPTED_QUEUE_ERROR,
  INTERRUPTED_SEND_ERROR,
  isLongPart,
  SETTLED_PARTS_KEPT_DAYS,
} from '../../../src-shared/journal-records';
import { recoveryReport, type RecoveryReport } from './recovery';

export interface JournalOptions {
  /** Test seam: replaces the file operations whose faults the journal must survive. */
  fs?: Partial<JournalFs>;
  /** Clock in epoch ms (ack times, dedupe age, names of preserved corrupt copies). */
  now?: () => number;
  /** Acknowledged keys remembered for dedupe: at most this many (default 20,000)… */
  dedupeMaxKeys?: number;
  /** …and none older than this (default 90 days). */
  dedupeMaxAgeDays?: number;
  /** Compact automatically once the log is this big and mostly dead records (default COMPACT_AT_BYTES). */
  compactAtBytes?: number;
  /** Acknowledged parts of long messages kept for stores that missed some (default SETTLED_PARTS_KEPT_DAYS)… */
  keptPartsDays?: number;
  /** …at most this many (default 5,000). */
  keptPartsMax?: number;
  /**
   * Masks secrets in the texts of one message's kept parts, in part order, null where a part has not
   * come (default: the built-in catalog's detector; the core passes the catalog in use). Given, it finds
   * every secret only once the owner says so (`maskKept`): until then the journal compacts only when told to.
   */
  maskAtRest?: KeptPartsRetention['mask'];
  /**
   * What `maskAtRest` masks by now (Catalog.secretShapes; default: the built-in catalog's with the built-in mask). The
   * log's stamp names its digest: a log stamped by another mask is read through this one at open (review39: a custom
   * instruction saved later never masked an older line on disk). An owner's mask without it stamps no name.
   */
  maskAtRestShapes?: () => string;
}

/** The long message a store holds incomplete: its parts share these, and were received within the reassembly window of `at`. */
export interface LongMessageRef {
  simId: string;
  from: string;
  ref: number;
  total: number;
  at: number;
}

/** Where the modem held a part: `SM:3` for a stored one, `direct` for a +CMT. */
export interface ModemPlace {
  slot: string;
  /** The modem listed it as never read ("REC UNREAD"): no earlier read of this slot was journaled. */
  unread?: boolean;
}

/** What appending a part did: journaled or not, its key, and what a store or a counter should know of it (HandedOutRecord). */
export interface Appended {
  added: boolean;
  key: string;
  maybeStoredAs?: string;
  sameTextAs?: string;
}

/**
 * How long an acknowledged single SMS's text is remembered (as a keyed digest) for naming the network's repeat of it:
 * an SMSC retries a delivery whose acknowledgement it missed within minutes (its retry schedule), not hours.
 */
const REPEAT_WINDOW_MS = 10 * 60 * 1000;

/** The size at which a log of mostly dead records is compacted, unless the owner chose another. */
export const COMPACT_AT_BYTES = 4 * 1024 * 1024;

/** The stamp of a log whose every received part is masked by the mask named `by` (MaskedRecordSchema). */
function maskedStamp(by: string | undefined): JournalRecord {
  return by === undefined ? { kind: 'masked' } : { kind: 'masked', by };
}

/** Lines masked between two turns of the event loop when a log written clear is masked at open. */
const MASKED_PER_STEP = 500;

/** The place of a part handed over with +CMT: the modem holds it only until its +CNMA. */
const DIRECT_SLOT = 'direct';

export interface JournalStats {
  /** Size of journal.log. */
  bytes: number;
  /** Lines in journal.log. */
  records: number;
  /** Incoming parts not yet acknowledged by the store. */
  pending: number;
}

/** Error code recorded on an instruction that was `sending` when the app stopped. */

interface Settings {
  now: () => number;
  retention: DedupeRetention;
  keep: KeptPartsRetention;
  compactAtBytes: number;
  /** The owner's mask (JournalOptions.maskAtRest): not to be written with before `maskKept`. */
  ownMask: boolean;
  /** The digest of what the mask in use masks by (JournalOptions.maskAtRestShapes), named by the stamp. */
  maskedBy: () => string | undefined;
}

interface OnDisk {
  state: JournalState;
  bytes: number;
  records: number;
}

export { INTERRUPTED_QUEUE_ERROR, INTERRUPTED_SEND_ERROR };

/**
 * The durable, append-only journal of received SMS parts and outgoing instruction states.
 * A promise from `appendIncoming`, `ack` or `recordOutgoing` resolves only once the record is
 * fsynced; if it rejects, nothing in memory claims the record exists (the SIM copy must stay).
 */
export class Journal {
  private state: JournalState;
  private handle: FileHandle | null;
  private bytes: number;
  private records: number;
  /** Set when the end of the log is no longer known (a failed write could not be undone): writes refuse until reopened. */
  private broken: HallError | null = null;
  private closing: Promise<void> | null = null;
  /** The last append under way for each content key: the next one with that content waits for it. */
  private readonly inFlight = new Map<string, Promise<void>>();
  private readonly commits: GroupCommit;
  private compactionQueued = false;
  private compactAt: number;
  /**
   * A compaction writes kept parts masked, with the mask as it is then. The core's mask is the catalog in use, loaded
   * after the journal opens; a start's first write (an interrupted send marked failed) compacted a log past its size
   * with the built-in catalog, and a custom instruction's password quoted in a kept part went to disk clear (mend31).
   */
  private maskReady: boolean;
  /**
   * Resolved by the first `maskKept` (or at once without an owner's mask): a received part waits for it, so that its
   * line is masked with the catalog in use, not the built-in one (secrets24; the core connects no modem before it).
   */
  private readonly maskGiven: Promise<void>;
  private giveMask: () => void = () => undefined;
  /** The last write failed: the next one that succeeds tells `onWritable` listeners. */
  private failing = false;
  private readonly writableListeners = new Set<() => void>();
  /**
   * Single SMS acknowledged within the last REPEAT_WINDOW_MS, by key → SIM and keyed digest of the text: the network's
   * repeat of one comes after its text is gone from the journal (sameTextAs). Memory only.
   */
  private readonly recentSingles = new Map<string, { simId: string; digest: string; at: number }>();
  /**
   * Pending single SMS named `sameTextAs` when journaled, by key → the key named: handed out so with `journal.pending`
   * too, for a page that reloads or opens after it came (journal22). Memory only: after a restart it is not named.
   */
  private readonly sameTexts = new Map<string, string>();
  /**
   * Moved parts reading alike (movedParts), by their name at rest: how many parts it stands for (its `maybe` lines'
   * `alike`, or those pending under it at open when greater), and the distinct old keys acknowledged by it since. Set
   * once at open: within a run parts only leave a name.
   */
  private readonly alike: Map<string, { atOpen: number; acked: Set<string> }>;
  /**
   * `maybe` lines that put a count of `alike` on disk where the log had none (moved by a version before mend57) or a
   * smaller one: written with the next write, before any acknowledgement can change what is pending, or at close.
   */
  private alikeDue: JournalRecord[] = [];
  /**
   * The records the log held when opened, and the bytes they fill at its start: an older version wrote received parts
   * clear (before secrets24), so the first pass with the owner's mask rewrites those lines masked (maskOpenedLog), and the
   * mask named by its last stamp, if any (undefined: stamped naming none). Null once read.
   */
  private openedWith: { records: readonly JournalRecord[]; bytes: number; stamp: { by?: string } | null } | null;
  /** The pass found nothing clear with the mask named so: the log is stamped so (maskedStamp) with its next write. */
  private stampDue: { by: string | undefined } | null = null;
  /** Bumped by each compaction: one after the pass read the log has written every part masked already. */
  private compactions = 0;
  /**
   * Pending parts read at open from a log stamped masked (MaskedRecordSchema: every received line in it is masked, by
   * whichever masker wrote it), by key: `stale` until handed out, then held masked by this version's masker (`masked`).
   * A part journaled in this run is in neither: memory holds it as it came. Nor is one read from a log with no stamp
   * (written by a version before mend41, maybe clear: before secrets24), which nothing proves masked.
   */
  private readonly readMasked = new Map<string, 'stale' | 'masked'>();
  /** The key of the kept parts' digests (JournalState.keptDigests): this run's only, never written, so no digest can be tried offline. */
  private readonly digestKey = randomBytes(32);

  private constructor(
    private readonly paths: JournalPaths,
    private readonly fs: JournalFs,
    private readonly settings: Settings,
    private readonly releaseLock: () => Promise<void>,
    handle: FileHandle,
    onDisk: OnDisk,
    /** What opening found and repaired; show `recovery.message` to the user when it is not null. */
    readonly recovery: RecoveryReport,
    /** The records read. */
    opened: readonly JournalRecord[],
  ) {
    const stamp = opened.findLast((r) => r.kind === 'masked') ?? null;
    this.openedWith = { records: opened, bytes: onDisk.bytes, stamp: stamp && { ...(stamp.by === undefined ? {} : { by: stamp.by }) } };
    this.handle = handle;
    this.state = onDisk.state;
    this.bytes = onDisk.bytes;
    this.records = onDisk.records;
    this.compactAt = settings.compactAtBytes;
    this.maskReady = !settings.ownMask;
    this.maskGiven = this.maskReady ? Promise.resolve() : new Promise((resolve) => (this.giveMask = resolve));
    this.alike = this.alikeAtOpen();
    if (stamp) for (const key of this.state.pending.keys()) this.readMasked.set(key, 'stale');
    this.commits = new GroupCommit(
      (chunks) => this.writeDurably(chunks),
      () => this.compactIfWorthIt(),
    );
  }

  /**
   * Takes the single-writer lock on `dir` (created if missing), reads the log back, repairs a torn
   * tail or damaged lines, and marks instructions interrupted mid-send as `failed-retryable`.
   */
  static async open(dir: string, options: JournalOptions = {}): Promise<Journal> {
    const paths = journalPaths(dir);
    const fs: JournalFs = { ...nodeJournalFs, ...options.fs };
    const settings: Settings = {
      now: options.now ?? Date.now,
      retention: { maxKeys: options.dedupeMaxKeys ?? 20_000, maxAgeDays: options.dedupeMaxAgeDays ?? 90 },
      keep: {
        days: options.keptPartsDays ?? SETTLED_PARTS_KEPT_DAYS,
        maxParts: options.keptPartsMax ?? 5000,
        mask: options.maskAtRest ?? builtinMask,
      },
      compactAtBytes: options.compactAtBytes ?? COMPACT_AT_BYTES,
      ownMask: options.maskAtRest !== undefined,
      maskedBy: () => {
        const shapes = options.maskAtRestShapes ?? (options.maskAtRest ? undefined : () => builtinCatalog().secretShapes());
        return shapes && createHash('sha256').update(shapes()).digest('hex').slice(0, 16);
      },
    };
    let lock: HeldLock;
    try {
      await mkdir(dir, { recursive: true, mode: 0o700 });
      lock = await acquireLock(paths.lock);
    } catch (e) {
      throw openError(e, dir);
    }
    try {
      return await Journal.recover(paths, fs, settings, lock);
    } catch (e) {
      await lock.release();
      throw openError(e, dir);
    }
  }

  private static async recover(
    paths: JournalPaths,
    fs: JournalFs,
    settings: Settings,
    lock: HeldLock,
  ): Promise<Journal> {
    // A temp file means a rewrite crashed before its rename: the log itself is still authoritative.
    await rm(paths.tmp, { force: true });
    const existing = await readIfExists(paths.log);
    const decoded = decodeJournal(existing ?? new Uint8Array());
    // A writer that closed properly left no record half-written: a cut-off end is damage then.
    const tailDamaged = decoded.truncatedBytes > 0 && (decoded.tailDamaged || (!lock.tookOver && !decoded.tailZeroed));
    const { records, moved } = withPartKeysMoved(decoded.records);
    let onDisk: OnDisk = {
      state: JournalState.replay(records),
      bytes: decoded.validBytes,
      records: records.filter((r) => r.kind !== 'masked').length,
    };
    let corruptCopy: string | null = null;
    if (decoded.corruptLines > 0 || tailDamaged) {
      corruptCopy = `${paths.log}.corrupt-${fileStamp(settings.now())}`;
      await copyFile(paths.log, corruptCopy);
      await chmod(corruptCopy, PRIVATE_FILE);
      // Only the damaged lines stay out: every intact record, finished history included, is kept as it was.
      onDisk = { ...onDisk, bytes: await rewriteAs(paths, fs, records) };
    } else if (moved.size > 0) {
      // Written before review18/19: the same records, each part and single SMS under a key without its text's checksum.
      onDisk = { ...onDisk, bytes: await rewriteAs(paths, fs, records) };
      await chmod(paths.log, PRIVATE_FILE);
    } else if (decoded.truncatedBytes > 0) {
      await truncateLog(paths, fs, decoded.validBytes);
    } else if (existing !== null) {
      // Written by a version that left it readable by everyone.
      await chmod(paths.log, PRIVATE_FILE);
    }
    const interrupted = [...onDisk.state.outgoing.values()].filter((r) => r.state === 'sending');
    // Queued by a process that is gone: its outbox went with it, so nothing would ever send these.
    const stranded = [...onDisk.state.outgoing.values()].filter((r) => r.state === 'queued');
    const report = recoveryReport({
      truncatedBytes: tailDamaged ? 0 : decoded.truncatedBytes,
      damagedTailBytes: tailDamaged ? decoded.truncatedBytes : 0,
      corruptLines: decoded.corruptLines,
      recovered: decoded.records.filter((r) => r.kind !== 'masked').length,
      corruptCopy,
      interruptedSends: interrupted.map((r) => r.id),
    });
    const handle = await open(paths.log, 'a', PRIVATE_FILE);
    const journal = new Journal(paths, fs, settings, () => lock.release(), handle, onDisk, report, records);
    // Without an owner's mask the built-in one is the mask in use from the start.
    if (!settings.ownMask) {
      journal.rekeepUnreadable();
      journal.maskOpenedLog();
    }
    try {
      if (existing === null) await syncDirectory(paths.dir);
      await Promise.all([
        // We cannot know whether these left the modem, so they must never be re-sent on their own.
        ...interrupted.map(({ kind: _kind, at: _at, ...change }) =>
          journal.recordOutgoing({ ...change, state: 'failed-retryable', error: INTERRUPTED_SEND_ERROR }),
        ),
        // They never left the modem (`sending` is journaled before the first byte), but sending them
        // now, maybe hours later, is the user's call: failed-retryable keeps them in front of the user.
        ...stranded.map(({ kind: _kind, at: _at, ...change }) =>
          journal.recordOutgoing({ ...change, state: 'failed-retryable', error: INTERRUPTED_QUEUE_ERROR }),
        ),
      ]);
    } catch (e) {
      await journal.commits.exclusive(() => journal.closeLog());
      throw e;
    }
    return journal;
  }

  /**
   * Journals one received SMS part read from `where` (a SIM slot, or `direct` for a +CMT; without
   * it, any identical part already journaled counts as this one).
   * `added: false` means this is a part already journaled from that same place and the modem may
   * still hold it (read again after a crash, or after a failed delete): either way the part is
   * durable once this resolves and its slot may be freed.
   *
   * A single-part SMS identical in every field to one journaled earlier is a new message that
   * repeats it in the same second when it comes from anywhere else: another slot, a slot freed by
   * its twin (journaled as released, or still unread: the modem marks a part read once it hands it
   * over), or a +CMT after the earlier one was acknowledged (until then, an identical part from
   * anywhere is the network handing that +CMT over again). It is journaled under the next
   * occurrence key (`…#2`, `…#3`), so the store keeps both. A part of a long SMS with the same
   * reference, number, time and text is the network delivering that part twice: refused. Another
   * text under the same sender and second (and reference, number) is another message: next number too.
   */
  async appendIncoming(message: IncomingMessage, where?: ModemPlace): Promise<Appended> {
    this.assertOpen();
    const fields = parseInput(IncomingMessageSchema, message);
    const base = incomingKey({ from: fields.from, timestamp: fields.timestamp, text: fields.text, ...fields.concat });
    // One decision at a time per content: the second of two identical parts must see the first.
    const decided = (this.inFlight.get(base) ?? Promise.resolve())
      .then(() => this.maskGiven)
      .then(() => {
        this.assertOpen();
        return this.appendOccurrence(base, fields, where);
      });
    const tail = decided.then(
      () => undefined,
      () => undefined,
    );
    this.inFlight.set(base, tail);
    void tail.then(() => {
      if (this.inFlight.get(base) === tail) this.inFlight.delete(base);
    });
    return decided;
  }

  private async appendOccurrence(base: string, fields: IncomingMessage, where: ModemPlace | undefined): Promise<Appended> {
    // Every message of one sender's second shares `base` (no key names its text): occurrences count them all, whatever their texts.
    let occurrences = 0;
    while (this.knows(occurrenceKey(base, occurrences + 1))) occurrences++;
    // From nowhere in particular (an import, a tool): a repeat cannot be told from a re-read.
    if (!where) {
      const same = this.sameContent(base, occurrences, fields);
      return same ? { added: false, key: same } : this.appendAs(occurrenceKey(base, occurrences + 1), fields, undefined);
    }
    let masked: string | undefined;
    for (let n = 1; n <= occurrences; n++) {
      const held = this.state.held.get(occurrenceKey(base, n));
      // A +CMT never acknowledged comes again, by +CMT or into a slot (the network's retry): the same part.
      if (!held || held.simId !== fields.simId || !(held.slot === DIRECT_SLOT || (!where.unread && held.slot === where.slot))) continue;
      if (sameReadText(held.text, fields.text)) return { added: false, key: held.key };
      // Held masked (read from a compacted file): the same message read again, or another code in the same
      // wording put in the slot its delete freed. Refusing it could lose the second (review20): journaled,
      // naming the key a store holds the first under, whose clear text tells.
      if (samePart(held, fields)) masked ??= held.key;
    }
    if (occurrences > 0 && fields.concat !== null) {
      const again = this.occurrenceOnSim(base, occurrences, fields);
      if (again) return { added: false, key: again };
    }
    const key = occurrenceKey(base, occurrences + 1);
    const twin = fields.concat === null ? this.singleWithSameText(base, occurrences, fields) : undefined;
    const sameTextAs = twin === undefined ? {} : { sameTextAs: twin };
    if (masked === undefined) {
      const appended = await this.appendAs(key, fields, where.slot);
      if (twin !== undefined) this.sameTexts.set(key, twin);
      return { ...appended, ...sameTextAs };
    }
    // The name goes with the record, in one write: a page that catches up after the next start is told too (journal21).
    await this.commitTogether([{ kind: 'in', key, ...fields, slot: where.slot }, { kind: 'maybe', key, storedAs: masked }]);
    if (twin !== undefined) this.sameTexts.set(key, twin);
    return { added: true, key, maybeStoredAs: masked, ...sameTextAs };
  }

  /**
   * An occurrence of this single SMS's sender and second on the same SIM with the very same text, journaled and still
   * held or acknowledged a short while ago: maybe the network handing it over again, its acknowledgement lost on the
   * air (an SMS-DELIVER carries no message reference that would tell: 3GPP TS 23.040 §9.2.2.1; TP-MR and TP-RD are
   * the sender's, in SMS-SUBMIT). A second identical message of that second is as likely as not, so it is journaled
   * all the same; the name only keeps what counts messages from counting it twice (journal21).
   */
  private singleWithSameText(base: string, occurrences: number, fields: IncomingMessage): string | undefined {
    const now = this.settings.now();
    for (let n = occurrences; n >= 1; n--) {
      const key = occurrenceKey(base, n);
      const record = this.liveRecord(key);
      if (record && record.simId === fields.simId && this.isVeryText(record, fields.text)) return key;
      const recent = this.recentSingles.get(key);
      if (recent && now - recent.at <= REPEAT_WINDOW_MS && recent.simId === fields.simId && recent.digest === this.digestOf(fields.text)) return key;
    }
    return undefined;
  }

  /** Acknowledged single SMS remembered (as a digest) for telling the network's repeat: `keys` just acknowledged. */
  private rememberSingles(keys: readonly string[], records: readonly (IncomingRecord | undefined)[]): void {
    const now = this.settings.now();
    for (const [key, recent] of this.recentSingles) if (now - recent.at > REPEAT_WINDOW_MS) this.recentSingles.delete(key);
    keys.forEach((key, i) => {
      const record = records[i];
      if (record && record.concat === null) this.recentSingles.set(key, { simId: record.simId, digest: this.digestOf(record.text), at: now });
    });
  }

  /**
   * The journaled occurrence of a long message's part that `simId`'s SIM has had already: the network
   * delivers a part twice to one SIM, never to another. The same part on another SIM is that SIM's own
   * copy (one sender's bulk notice reaching two SIMs in the same second under one reference, its
   * sending platform writing one header for all): before, it was refused and deleted from its card.
   * A part key names no text: the occurrence must hold the very same text. A kept part's text is
   * masked only on disk (its clear text stays in memory across a compaction), so one known masked
   * was read from disk at this start: two codes in one wording, one sender, second, reference and
   * part, would read as one through the mask, and the second would be refused and deleted (review20).
   * The network repeats a part within minutes, not across a compaction and a restart: such a part, and
   * one remembered by key alone, is journaled under the next number; a store holding the part takes the
   * same text for it (Reassembler).
   */
  private occurrenceOnSim(base: string, occurrences: number, fields: IncomingMessage): string | null {
    for (let n = 1; n <= occurrences; n++) {
      const record = this.liveRecord(occurrenceKey(base, n));
      // The very text: one that matches only where a kept part is masked may be another code in the same wording.
      if (record && record.simId === fields.simId && this.isVeryText(record, fields.text)) return record.key;
    }
    return null;
  }

  /** Of the occurrences journaled, the latest with the same content: a live one with the same text, or one known only by key (then it cannot be told). */
  private sameContent(base: string, occurrences: number, fields: IncomingMessage): string | null {
    for (let n = occurrences; n >= 1; n--) {
      const record = this.liveRecord(occurrenceKey(base, n));
      if (!record) return occurrenceKey(base, n);
      // A kept part masked in memory: its very text, or the masked text itself (an export imported back).
      const masked = this.state.keptDigests.has(record.key);
      if (masked ? this.isVeryText(record, fields.text) || record.text === fields.text : samePart(record, fields)) return occurrenceKey(base, n);
    }
    return null;
  }

  /** Whether `text` is the very text of `record`: compared through the keyed digest where the journal holds it masked. */
  private isVeryText(record: IncomingRecord, text: string): boolean {
    const digest = this.state.keptDigests.get(record.key);
    // A trailing split escape is no part of the text a build before mend64 journaled (withoutSplitEscape, review50 F2).
    return digest === undefined ? sameReadText(record.text, text) : this.digestOf(text) === digest || this.digestOf(withoutSplitEscape(text)) === digest;
  }

  private digestOf(text: string): string {
    return createHmac('sha256', this.digestKey).update(text).digest('base64');
  }

  /**
   * One text as the owner's mask (maskAtRest, the catalog in use; the built-in one until it is given) leaves it: for a
   * text that must reach the journal already masked, as an unreadable part read leniently (keptUnreadableText).
   */
  maskText(text: string): string {
    return this.settings.keep.mask([text])[0] ?? text;
  }

  /**
   * Kept parts are masked whole with the mask as it is now, once, not again at every hand-out: those read back at a
   * start (the log's tail holds them clear; a compaction's are masked already), and all of them again when the mask
   * changed. The owner calls it once its mask can find every secret, and after each change of it: the core opens the
   * journal before the catalog in use, and masked at open with the built-in catalog, or before a custom instruction was
   * saved, a password of it quoted in a kept part was handed out clear from then on (review28). Until called, each
   * hand-out masks them. A detector that fails leaves them to the hand-out, as at ack. A journal with the owner's
   * mask compacts on its own only from the first call (maskReady): a compaction put off at the start comes now.
   */
  maskKept(): void {
    this.state.maskedWhole.clear();
    try {
      this.maskKeptMessages([...this.state.kept.keys()]);
    } catch {
      // As in ack.
    }
    this.maskReady = true;
    this.giveMask();
    this.rekeepUnreadable();
    this.maskOpenedLog();
    this.compactIfWorthIt();
  }

  /**
   * Parts an older version kept unreadable as `[PDU code] <hex>` (a reset password spelled `003900370035…` in it), held
   * as a read of that PDU with this mask keeps it now (rekeptUnreadableText): a part read again from its slot then has
   * its very text and its key, never a second key. On disk the pass at open rewrites them (atRest).
   */
  private rekeepUnreadable(): void {
    for (const held of [this.state.pending, this.state.held, this.state.kept]) {
      for (const [key, record] of held) {
        const text = rekeptAtRest(record, this.settings.keep.mask);
        if (text !== null && text !== record.text) held.set(key, Object.freeze({ ...record, text }));
      }
    }
  }

  /**
   * Rewrites the log as opened with every received part's line masked, when an older version wrote any clear (mend37):
   * before, such a line kept a new service password or a one-time code on disk until the next compaction, days on a quiet
   * log. Every record stays, in its order, acknowledgements and instruction states included; only texts change on disk
   * (memory keeps them clear, as for a line written now). Crash-safe: a new file written and fsynced, then renamed over
   * the log; lines appended since the open are copied after them as they are (masked when written). The masking runs in
   * steps between other work (95,000 pending parts take seconds); a log with nothing clear is only stamped so. A rewrite
   * that fails leaves the log as it was, still correct, for the next start to try again.
   *
   * A part moved at an upgrade, its old key named by the checksum of its clear text, is masked too (mend41; before, it
   * stayed clear until acknowledged): its `maybe` line then says the checksum is of a text no longer on disk, and an
   * acknowledgement by its old key finds it by the key's fields (movedParts). Once done the log is stamped (maskedStamp),
   * naming the mask: a later open with the same mask skips the pass, which before read every line of a masked log through
   * the mask at every start; with another (a custom instruction saved since names a new secret) it runs (review39). The
   * pass stops at a step boundary when the journal closes (close does not wait for it), and runs again at the next open.
   */
  private maskOpenedLog(): void {
    const opened = this.openedWith;
    this.openedWith = null;
    // The mask is that of the pass's start: one changed during it is named by no stamp, so the next open reads the log.
    const by = this.settings.maskedBy();
    if (!opened || (opened.stamp && opened.stamp.by === by)) return;
    const compactions = this.compactions;
    // A rewrite under way holds the commit lock, so the log never closes under it.
    void (async () => {
      const masked: JournalRecord[] = [];
      const changed = new Set<string>();
      // Sent texts an older masker left clear (`我的服务密码是一二三四五六` before MASKER_VERSION 2; review44 F4).
      let sentChanged = false;
      for (const [i, record] of opened.records.entries()) {
        const atRest = this.atRest(record);
        if (atRest.kind === 'in' && record.kind === 'in' && atRest.text !== record.text) changed.add(record.key);
        if (atRest.kind === 'out' && record.kind === 'out' && atRest.text !== record.text) sentChanged = true;
        masked.push(atRest);
        if (i % MASKED_PER_STEP === MASKED_PER_STEP - 1) {
          await new Promise((resolve) => setImmediate(resolve));
          // Stopped at a step boundary by close: nothing written, the next open reads it again from the start.
          if (this.closing) return;
        }
      }
      await this.commits.exclusive(async () => {
        if (this.compactions !== compactions || !this.handle) return;
        // What the user sent is masked in memory too: a compaction writes it from there, and pages get it from there.
        if (sentChanged) for (const [id, record] of this.state.outgoing) this.state.outgoing.set(id, this.atRest(record) as OutgoingRecord);
        if (changed.size === 0 && !sentChanged) {
          // Nothing clear: said with the next write (or at close), after what was read, so no later open reads it again.
          this.stampDue = { by };
          return;
        }
        const since = (await readFile(this.paths.log)).subarray(opened.bytes, this.bytes);
        // A moved part's name as this run worked it out from the clear text stays in memory (namesAtRest).
        const content = Buffer.concat([encodeLine(maskedStamp(by)), ...namesAtRest(masked, changed).map(encodeLine), since]);
        await this.replaceLog(content, () => (this.bytes = content.length));
      });
    })().catch(() => undefined);
  }

  /**
   * Once every part of a long message is acknowledged, its kept parts hold their texts masked, as they are
   * handed out and written (journal21): a page that missed some gets the masked ones anyway, and whether a part
   * read again is the very text is told by a keyed digest (isVeryText). Before, the clear texts, a one-time code
   * or a new password in them, stayed readable in memory for the 7 days kept parts live. A message still missing
   * a part keeps its clear texts until the part comes: the mask of a secret cut by a part boundary needs both sides.
   */
  private maskKeptMessages(acknowledged: readonly string[]): void {
    const messages = new Set(acknowledged.flatMap((key) => {
      const part = this.state.kept.get(key);
      return part?.concat ? [longMessageId({ ...part, ...part.concat })] : [];
    }));
    if (messages.size === 0) return;
    const ofThem = (r: IncomingRecord) => r.concat !== null && messages.has(longMessageId({ ...r, ...r.concat }));
    const parts = [...[...this.state.kept.values()].filter(ofThem), ...[...this.state.pending.values()].filter(ofThem)];
    for (const message of assembleRecords(parts)) {
      if (!message.complete || !message.keys.every((key) => this.state.kept.has(key))) continue;
      if (message.keys.every((key) => this.state.maskedWhole.has(key))) continue;
      // Parts masked before are masked again (maskKept: the mask may have changed); their digest stays the clear text's.
      for (const masked of maskedAsMessages(message.keys.map((key) => this.state.kept.get(key)!), this.settings.keep.mask)) {
        const before = this.state.kept.get(masked.key)!;
        if (masked.text === before.text) continue;
        if (!this.state.keptDigests.has(masked.key)) this.state.keptDigests.set(masked.key, this.digestOf(before.text));
        this.state.kept.set(masked.key, Object.freeze({ ...before, text: masked.text }));
      }
      for (const key of message.keys) this.state.maskedWhole.add(key);
    }
  }

  /** The record of a key the journal still holds (pending, held or kept), with its text. */
  private liveRecord(key: string): IncomingRecord | undefined {
    return this.state.pending.get(key) ?? this.state.held.get(key) ?? this.state.kept.get(key);
  }

  /** A key journaled, or remembered at rest without its checksum (restingKey). */
  private knows(key: string): boolean {
    return this.state.known.has(key) || this.state.known.has(restingKey(key));
  }

  private async appendAs(key: string, fields: IncomingMessage, slot: string | undefined): Promise<{ added: true; key: string }> {
    await this.commit({ kind: 'in', key, ...fields, ...(slot === undefined ? {} : { slot }) });
    return { added: true, key };
  }

  /**
   * The modem no longer holds the part journaled as `key` from `slot` (the slot was deleted, or the
   * +CMT acknowledged): journaled, so that after a restart an identical message in that slot is new.
   */
  async settle(key: string, slot: string): Promise<void> {
    this.assertOpen();
    const held = this.state.held.get(key);
    if (!held || (held.slot !== slot && held.slot !== DIRECT_SLOT)) return;
    // Released in memory at once: a twin read before the line below is on disk is new. Should the line
    // not get there, a restart counts the part as held again, the safe side.
    this.state.held.delete(key);
    await this.commit({ kind: 'gone', keys: [key] });
  }

  /**
   * A full listing of `memory` on `simId`'s SIM holds only `listed` slots: parts journaled from any
   * other slot there are gone (deleted by a run that stopped before journaling it).
   */
  async settleAbsent(simId: string, memory: string, listed: ReadonlySet<string>): Promise<void> {
    this.assertOpen();
    const gone = [...this.state.held.values()]
      .filter((r) => r.simId === simId && r.slot?.startsWith(`${memory}:`) && !listed.has(r.slot))
      .map((r) => r.key);
    if (gone.length > 0) await this.commit({ kind: 'gone', keys: gone });
  }

  /**
   * Unacknowledged incoming parts, in the order they were journaled; one a store may hold already under
   * another key names it (`maybeStoredAs`: the key it had before this start moved it, or a message held masked).
   */
  pendingIncoming(): HandedOutRecord[] {
    return [...this.state.pending.values()].map((record) => this.handedOutPending(record));
  }

  /**
   * `limit` of pendingIncoming from after the part keyed `after` (from the first when it is not pending any more: a store
   * skips by key what it holds), and whether more follow.
   */
  pendingIncomingPage(after: string | undefined, limit: number): { incoming: HandedOutRecord[]; more: boolean } {
    const keys = [...this.state.pending.keys()];
    const from = after === undefined ? 0 : keys.indexOf(after) + 1;
    const page = keys.slice(from, from + limit);
    return { incoming: page.map((key) => this.handedOutPending(this.state.pending.get(key)!)), more: from + page.length < keys.length };
  }

  private handedOutPending(held: IncomingRecord): HandedOutRecord {
    // Where the modem held a part is the journal's business, not the store's.
    const { slot: _slot, ...record } = this.pendingAsHandedOut(held);
    const named = this.state.maybe.get(record.key);
    const maybeStoredAs = named === undefined ? undefined : (storedAsOf(named, held.text) ?? undefined);
    const sameTextAs = this.sameTexts.get(record.key);
    return Object.freeze({
      ...record,
      ...(maybeStoredAs === undefined ? {} : { maybeStoredAs }),
      ...(sameTextAs === undefined ? {} : { sameTextAs }),
      ...this.maskerOf(record.key),
    });
  }

  /**
   * A pending part as it is handed out: read masked from the log at open (readMasked), masked again with the mask in use
   * first, once (an older masker may have left a secret in it: `您的服务密码：2019 12 31` before MASKER_VERSION 7), and held
   * so; any other as it is held (journaled in this run: as it came).
   */
  private pendingAsHandedOut(record: IncomingRecord): IncomingRecord {
    if (this.readMasked.get(record.key) !== 'stale') return record;
    const masked = Object.freeze({ ...record, text: receivedTextAtRest(record, this.settings.keep.mask) });
    this.state.pending.set(record.key, masked);
    if (this.state.held.has(record.key)) this.state.held.set(record.key, masked);
    this.readMasked.set(record.key, 'masked');
    return masked;
  }

  /** HandedOutRecord.masker of a pending part: this version's when the journal masked its text, none when it is as it came. */
  private maskerOf(key: string): { masker?: number } {
    return this.readMasked.get(key) === 'masked' ? { masker: MASKER_VERSION } : {};
  }

  /**
   * The parts the journal still has of each of `messages`: acknowledged ones (kept a while, secrets
   * masked) and pending ones. A store that missed some asks; it skips the keys it holds. Only the
   * asked message's sending: 10086 reuses a reference within seconds, and another reply under it is no
   * part of this one (handed over, it joined the store's log, or the store's message, unasked).
   */
  partsOf(messages: readonly LongMessageRef[]): HandedOutRecord[] {
    const kept = new Set(this.state.keptWithin(this.settings.now(), this.settings.keep));
    const byMessage = new Map<string, IncomingRecord[]>();
    for (const r of [...kept, ...this.state.pending.values()]) {
      if (!r.concat) continue;
      const id = longMessageId({ ...r, ...r.concat });
      const parts = byMessage.get(id);
      if (parts) parts.push(r);
      else byMessage.set(id, [r]);
    }
    const found = new Map<string, IncomingRecord>();
    for (const m of messages) {
      const near = (byMessage.get(longMessageId(m)) ?? []).filter((r) => Math.abs(r.receivedAt - m.at) <= REASSEMBLY_WINDOW_MS);
      for (const r of sendingReceivedAt(near, m.at)) found.set(r.key, r);
    }
    // Masked only once found: the detector is the costly part, and most kept parts are not asked for.
    return this.handedOut([...found.values()], kept);
  }

  /**
   * Every part of a long message the journal holds (acknowledged ones kept a while, masked as `partsOf` hands
   * them out; pending ones as they came): a reader of whole messages that starts now needs them, those of an
   * unfinished message for the rest may come in this run, those of a whole one for a part that comes now may show
   * it possibly joined wrong (journal23).
   */
  longParts(): HandedOutRecord[] {
    const kept = new Set(this.state.keptWithin(this.settings.now(), this.settings.keep));
    return this.handedOut([...kept, ...[...this.state.pending.values()].filter(isLongPart)], kept);
  }

  /**
   * Parts as they leave the journal: kept ones masked as their message reads with the parts there are
   * (a piece of a secret cut off by a missing part too), pending ones as they came, as every store gets them.
   */
  private handedOut(records: readonly IncomingRecord[], kept: ReadonlySet<IncomingRecord>): HandedOutRecord[] {
    // Those masked whole once already (maskedWhole) are held as they are handed out: masking them again at every hand-out was the cost.
    const asHeld = (r: IncomingRecord) => kept.has(r) && this.state.maskedWhole.has(r.key);
    const masked = new Map(maskedAsMessages(records.filter((r) => !asHeld(r)), this.settings.keep.mask).map((r) => [r.key, r.text]));
    return records.map((r) => {
      if (!kept.has(r)) {
        const { slot: _slot, ...record } = this.pendingAsHandedOut(r);
        return Object.freeze({ ...record, ...this.maskerOf(r.key) });
      }
      const { slot: _slot, ...record } = r;
      // A kept part is masked with the mask in use, whole with its message (maskKept, at its acknowledgement) or here.
      return Object.freeze({ ...record, ...(asHeld(r) ? {} : { text: masked.get(r.key)! }), masker: MASKER_VERSION });
    });
  }

  /** The store has these keys safely: stop handing them out, remember them only for dedupe (or keep them a while, parts of long messages). */
  async ack(keys: readonly string[]): Promise<void> {
    this.assertOpen();
    const old = keys.filter((key) => oldKeyBase(key) !== null);
    const moved = old.length > 0 ? this.movedParts(old) : [];
    const pending = [...new Set([...keys.filter((key) => oldKeyBase(key) === null), ...moved])].filter((key) => this.state.pending.has(key));
    if (pending.length === 0) return;
    const records = pending.map((key) => this.state.pending.get(key));
    await this.commit({ kind: 'ack', keys: pending, at: this.settings.now() });
    this.rememberSingles(pending, records);
    for (const key of pending) {
      this.sameTexts.delete(key);
      this.readMasked.delete(key);
    }
    try {
      this.maskKeptMessages(pending);
    } catch {
      // The acknowledgement is on disk: a detector that failed leaves those texts clear in memory, masked at hand-out as before.
    }
  }

  /**
   * The pending parts moved at a start since (review18/19) from these old keys: a store may acknowledge by those. Each is
   * named by the checksum of its text held clear, or, masked at rest since (mend41), by the old key's fields alone. Two
   * codes in one wording of one second then read alike: which old key is which part is unknown, so one old key
   * acknowledges none (nothing lost). Once the store has acknowledged, in this run, as many distinct old keys of that name
   * as parts the name stands for (alikeAtOpen: on disk since mend57), it holds every one of them, and those still pending
   * are acknowledged (mend46: before, they stayed pending for good). Counted against every part of the name, not those
   * pending now (review42) nor those pending at this open (mend57): an old key may be that of a part acknowledged
   * meanwhile, in this run or before a restart, by its key of now, and counted against the fewer left, the old keys of
   * those gone acknowledged one no store held, a message lost. A key given twice counts once. One left of several waits
   * so for the old keys of all, or for its key of now (a page that does not know it holds it stores it again).
   */
  private movedParts(oldKeys: readonly string[]): string[] {
    const naming = this.movedByName();
    return oldKeys.flatMap((key) => {
      const name = namesOfOldKey(key).find((n) => naming.has(n) || this.alike.has(n));
      if (name === undefined) return [];
      const nows = naming.get(name) ?? [];
      const alike = this.alike.get(name);
      if (!alike) return nows;
      alike.acked.add(key);
      return alike.acked.size >= alike.atOpen ? nows : [];
    });
  }

  /**
   * The names at rest that stand for more than one part (`alike`), the count from their `maybe` lines or, when those
   * pending under a name are more, theirs; a count not yet on disk so is written (alikeDue). Before mend57 the count was
   * that of the parts pending at this open only: a part acknowledged by its key of now before a restart left its old
   * key uncounted, and an old-build page acknowledging it again beside the old key of one of two pending took both.
   */
  private alikeAtOpen(): Map<string, { atOpen: number; acked: Set<string> }> {
    const alike = new Map<string, { atOpen: number; acked: Set<string> }>();
    for (const [name, nows] of this.movedByName()) {
      if (!namedAtRest(name)) continue;
      const atOpen = Math.max(nows.length, ...nows.map((now) => this.state.alike.get(now) ?? 0));
      if (atOpen < 2) continue;
      alike.set(name, { atOpen, acked: new Set() });
      for (const now of nows.filter((key) => this.state.alike.get(key) !== atOpen)) {
        this.state.alike.set(now, atOpen);
        this.alikeDue.push({ kind: 'maybe', key: now, storedAs: name, alike: atOpen });
      }
    }
    return alike;
  }

  /** The pending moved parts by the old key a store may hold each under (its `maybe` line, the checksum worked out when it can be). */
  private movedByName(): Map<string, string[]> {
    const naming = new Map<string, string[]>();
    for (const [now, named] of this.state.maybe) {
      const was = storedAsOf(named, this.state.pending.get(now)?.text ?? '') ?? named;
      naming.set(was, [...(naming.get(was) ?? []), now]);
    }
    return naming;
  }

  /** Journals a state change; record `sending` BEFORE the instruction goes to the modem. */
  async recordOutgoing(change: OutgoingChange): Promise<void> {
    this.assertOpen();
    const fields = parseInput(OutgoingChangeSchema, change);
    await this.commit({ kind: 'out', ...fields, at: this.settings.now() });
  }

  /** Latest journaled state of one instruction; finished ones are forgotten at compaction. */
  outgoing(id: string): OutgoingRecord | undefined {
    return this.state.outgoing.get(id);
  }

  /** The instruction that sends `id` again (its Retry), while the journal holds it. */
  retryOf(id: string): OutgoingRecord | undefined {
    for (const r of this.state.outgoing.values()) if (r.retryOf === id) return r;
    return undefined;
  }

  /** Instructions queued, sending, or failed-retryable (waiting for the user to decide). */
  /**
   * The latest state of every instruction the journal still holds (finished ones until the next
   * compaction), so a store that missed a final state (a crash before it was written) catches up.
   */
  heldOutgoing(): OutgoingRecord[] {
    return [...this.state.outgoing.values()];
  }

  unfinishedOutgoing(): OutgoingRecord[] {
    return this.state.unfinishedOutgoing();
  }

  stats(): JournalStats {
    return { bytes: this.bytes, records: this.records, pending: this.state.pending.size };
  }

  /** Rewrites the log with only what is still needed (see JournalState.compacted). Crash-safe. */
  async compact(): Promise<void> {
    this.assertOpen();
    await this.commits.exclusive(() => this.rewrite());
  }

  /** Waits for queued writes, then closes the log and releases the lock. */
  close(): Promise<void> {
    // A part still waiting for the owner's mask is refused (closed), not left waiting.
    this.giveMask();
    // The at-rest pass stops at its next step; once it rewrites, it holds the commit lock, which this waits for.
    this.closing ??= this.commits.exclusive(async () => {
      try {
        if ((this.stampDue || this.alikeDue.length > 0) && this.handle && !this.broken) await this.writeDurably([]).catch(() => undefined);
        await this.closeLog();
      } finally {
        await this.releaseLock();
      }
    });
    return this.closing;
  }

  private async closeLog(): Promise<void> {
    const handle = this.handle;
    this.handle = null;
    await handle?.close();
  }

  private assertOpen(): void {
    if (this.closing) throw closedError();
  }

  private commit(record: JournalRecord): Promise<void> {
    return this.commits.append(encodeLine(this.atRest(record)), () => this.state.apply(record));
  }

  /** Records durable together or not at all (one write): a crash between them cannot leave the first alone. */
  private commitTogether(records: readonly JournalRecord[]): Promise<void> {
    return this.commits.append(Buffer.concat(records.map((record) => encodeLine(this.atRest(record)))), () => {
      for (const record of records) this.state.apply(record);
    });
  }

  /**
   * A record as the file holds it: a received part's text masked from its first write (secrets24). Before, a reply
   * was written as it came and stayed so until its acknowledgement and the next compaction, a new service password
   * or a one-time code in clear on disk for hours or days. Memory keeps the clear text (what the live store and a page
   * catching up in this run get); after a crash a store gets the part masked: the message, not its secret, survives.
   * A part of a long message is masked alone, a piece of a secret at its cut too (maskedAsMessages); should the mask
   * in use fail, the built-in catalog's masks, and should that fail the write fails: the part stays on the SIM (or its
   * +CMT unacknowledged, delivered again), never written clear. A sent text, masked by the core before it is recorded, is
   * masked again here: the pass at open then masks one an older masker left clear (mend52, review44 F4).
   */
  private atRest(record: JournalRecord): JournalRecord {
    return record.kind === 'in' || record.kind === 'out' ? maskedAtRest(record, this.settings.keep.mask) : record;
  }

  private async writeDurably(chunks: Uint8Array[]): Promise<void> {
    const handle = this.writableHandle();
    // The stamp goes with a write the log gets anyway: no write or fsync of its own (one at close if none came).
    const stamp = this.stampDue ? [encodeLine(maskedStamp(this.stampDue.by))] : [];
    const lines = this.alikeDue.length === 0 && chunks.length === 1 ? chunks[0]! : Buffer.concat([...this.alikeDue.map(encodeLine), ...chunks]);
    const bytes = stamp.length === 0 ? lines : Buffer.concat([...stamp, lines]);
    try {
      await this.fs.write(handle, bytes);
      await this.fs.sync(handle);
    } catch (e) {
      await this.undoPartialWrite(handle);
      this.failing = true;
      throw writeError(e, this.paths.dir);
    }
    this.bytes += bytes.length;
    this.stampDue = null;
    this.alikeDue = [];
    // A chunk may hold more than one line (commitTogether).
    this.records += lines.reduce((n, byte) => n + (byte === 0x0a ? 1 : 0), 0);
    if (this.failing) {
      this.failing = false;
      for (const listener of this.writableListeners) queueMicrotask(listener);
    }
  }

  /** Calls `listener` whenever a write succeeds after one failed (space is back on a full disk). */
  onWritable(listener: () => void): () => void {
    this.writableListeners.add(listener);
    return () => this.writableListeners.delete(listener);
  }

  /**
   * A half-written batch left in place would glue itself to the next record and make that one
   * unreadable, so the log is cut back to its last durable end; if even that fails, stop writing.
   */
  private async undoPartialWrite(handle: FileHandle): Promise<void> {
    try {
      await this.fs.truncate(handle, this.bytes);
      await this.fs.sync(handle);
    } catch (e) {
      this.broken = writeError(e, this.paths.dir);
    }
  }

  private writableHandle(): FileHandle {
    if (this.broken) throw this.broken;
    if (!this.handle) throw closedError();
    return this.handle;
  }

  private async rewrite(): Promise<void> {
    const next = compactedLog(this.state, this.settings);
    await this.replaceLog(next.content, () => {
      // From here the new file is the log; the texts it masked stay clear in memory (JournalState.keepTextsOf).
      this.state = next.state.keepTextsOf(this.state);
      this.bytes = next.bytes;
      this.records = next.records;
      this.compactions++;
      // Wait for the log to double: a log that is mostly remembered keys would otherwise be
      // rewritten on every append.
      this.compactAt = Math.max(this.settings.compactAtBytes, 2 * next.bytes);
    });
  }

  /** The log replaced by `content` (written new, fsynced, renamed); `replaced` runs once the new file is the log. */
  private async replaceLog(content: Uint8Array, replaced: () => void): Promise<void> {
    // Windows refuses to rename over an open file, and on POSIX the old handle would keep
    // appending to the replaced file: close first, reopen on the new log.
    await this.writableHandle().close();
    this.handle = null;
    try {
      await writeTempThenRename(this.paths, this.fs, content);
    } catch (e) {
      await this.reopenLog();
      throw writeError(e, this.paths.dir);
    }
    replaced();
    try {
      await syncDirectory(this.paths.dir);
    } catch (e) {
      // Appends to a file whose name might not survive a power cut would not be durable.
      this.broken = writeError(e, this.paths.dir);
    }
    await this.reopenLog();
    if (this.broken) throw this.broken;
  }

  private async reopenLog(): Promise<void> {
    try {
      this.handle = await open(this.paths.log, 'a', PRIVATE_FILE);
    } catch (e) {
      this.broken ??= writeError(e, this.paths.dir);
    }
  }

  private compactIfWorthIt(): void {
    if (!this.maskReady || this.compactionQueued || this.closing || this.bytes < this.compactAt) return;
    if (this.state.liveRecords(this.settings.now(), this.settings.keep) * 2 >= this.records) return;
    this.compactionQueued = true;
    void this.commits
      .exclusive(() => this.rewrite())
      .catch(() => {
        // The grown log is still correct; try again once it has grown by another threshold.
        this.compactAt = this.bytes + this.settings.compactAtBytes;
      })
      .finally(() => {
        this.compactionQueued = false;
      });
  }
}

const builtinMask: KeptPartsRetention['mask'] = (parts) => builtinCatalog().maskSecretParts(parts);

/** One part masked as the only one of its message there is; a single SMS straight through the mask (a burst's cost: no assembly). */
/** A text masked, with the built-in masks should the mask in use fail. */
function maskedAtRest<R extends IncomingRecord | OutgoingRecord>(record: R, mask: KeptPartsRetention['mask']): R {
  try {
    return maskedAlone(record, mask);
  } catch {
    return maskedAlone(record, builtinMask);
  }
}

function maskedAlone<R extends IncomingRecord | OutgoingRecord>(record: R, mask: KeptPartsRetention['mask']): R {
  // A sent text was masked by the core before it was recorded (core.ts); again here, for one an older masker left clear.
  if (record.kind === 'out') return { ...record, text: mask([record.text])[0] ?? record.text };
  return { ...record, text: receivedTextAtRest(record, mask) };
}

/** The log as a compaction would write it, and what the journal holds once it is written. */
function compactedLog(state: JournalState, settings: Settings): OnDisk & { content: Uint8Array } {
  // What the user sent, masked as the stamp says (mend52): memory holds it clear until the pass at open has run.
  const compacted = state.compacted(settings.now(), settings.retention, settings.keep).map((r) => (r.kind === 'out' ? maskedAtRest(r, settings.keep.mask) : r));
  const changed = new Set(compacted.flatMap((r) => (r.kind === 'in' && state.pending.get(r.key)?.text !== r.text ? [r.key] : [])));
  const records = [maskedStamp(settings.maskedBy()), ...namesAtRest(compacted, changed)];
  const content = Buffer.concat(records.map(encodeLine));
  return { content, state: JournalState.replay(records), bytes: content.length, records: compacted.length };
}

async function readIfExists(path: string): Promise<Uint8Array | null> {
  try {
    return await readFile(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
}

function parseInput<S extends v.GenericSchema>(schema: S, value: unknown): v.InferOutput<S> {
  const result = v.safeParse(schema, value);
  if (result.success) return result.output;
  throw invalidRecordError(v.getDotPath(result.issues[0]) ?? 'record');
}

/**
 * Of the sendings among `parts` (one sender, reference and total), as assembleRecords tells them apart,
 * the one the store holds a part of: `at` is when its first part was received, so the sending with a
 * part received nearest to it.
 */
function sendingReceivedAt(parts: readonly IncomingRecord[], at: number): IncomingRecord[] {
  const byKey = new Map(parts.map((r) => [r.key, r]));
  let nearest: IncomingRecord[] = [];
  let distance = Infinity;
  for (const message of assembleRecords(parts)) {
    const sending = message.keys.map((key) => byKey.get(key)!);
    const d = Math.min(...sending.map((r) => Math.abs(r.receivedAt - at)));
    if (d < distance) [nearest, distance] = [sending, d];
  }
  return nearest;
}

function longMessageId(m: Pick<LongMessageRef, 'simId' | 'from' | 'ref' | 'total'>): string {
  return JSON.stringify([m.simId, m.from, m.ref, m.total]);
}

/** A timestamp usable in a file name on every platform (no ':'). */
function fileStamp(ms: number): string {
  return new Date(ms).toISOString().replace(/[:.]/g, '-');
}

/**
 * Whether a journaled record and a part just read under the same key fields hold one content: no key
 * names its text, so the texts are compared, a kept or held one's masks read as the secrets they
 * stand for (samePartText).
 */
function samePart(record: IncomingRecord, fields: IncomingMessage): boolean {
  return samePartText(record.text, fields.text);
}

/** The log rewritten as exactly `records`, fsynced and renamed into place; its size. */
async function rewriteAs(paths: JournalPaths, fs: JournalFs, records: readonly JournalRecord[]): Promise<number> {
  const content = Buffer.concat(records.map(encodeLine));
  await writeTempThenRename(paths, fs, content);
  await syncDirectory(paths.dir);
  return content.length;
}
