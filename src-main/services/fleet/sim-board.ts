import { assembleRecords, REASSEMBLY_WINDOW_MS, type AssembledRecordMessage } from '../../../src-shared/assemble';
import type { ModemStatus } from '../../../src-shared/api/contract';
import { emptySimState, type SimState } from '../../../src-shared/fleet/sim-state';
import { clockToWeighBy, figureSnapshot, newerFigures, withdrawnFigures, writtenOnKeptScale, type FigureSnapshot } from '../../../src-shared/fleet/sim-figures';
import { insertedIn } from '../../../src-shared/at/sim-id';
import type { HandedOutRecord, IncomingRecord, OutgoingRecord } from '../../../src-shared/journal-records';
import { firstOccurrenceOf } from '../../../src-shared/journal-key';
import { hideMaskedRest } from '../../../src-shared/catalog/secrets';
import { localNumber } from '../../../src-shared/catalog/service-numbers';
import { builtinReplyRules, understandReply, type ReplyUnderstanding } from '../../../src-shared/replies';
import { offsetOf } from '../../../src-shared/stamp-zone';
import { Emitter } from '../modem/emitter';

export type { SimState };

/**
 * A whole message received by a SIM. `text` and `from` are withheld (null) unless it came from a service number: who
 * writes to a customer's SIM is as private as what they write (review36: their number went to the MQTT broker).
 */
export interface SimMessage {
  simId: string;
  from: string | null;
  receivedAt: number;
  kind: ReplyUnderstanding['kind'];
  text: string | null;
  /**
   * Maybe the very message told before (journal21): the journal holds that one only masked, and this one, read
   * from its slot, reads the same through the mask (HandedOutRecord.maybeStoredAs). Or another code of the same
   * wording. Or the network handing a single SMS over again (HandedOutRecord.sameTextAs). It is told, never dropped, but nothing that counts messages counts it, and no figure is read from it
   * (outside the masked secret its text is that message's, whose figures were read when it came).
   * Also a single SMS the journal names nothing that is a later occurrence of its second (`…#2`) whose first this run
   * never saw (it came before this start: journal25, the network's repeat after a restart of the core) or saw on this
   * SIM with the very text (the journal names a repeat only 10 minutes after acknowledging the first): its figures are
   * read, no newer than `writtenBy` (if it is another reply of that second, they are its own).
   */
  mayRepeat?: true;
  /**
   * This computer's clock by which 10086 had written it, when known otherwise than by its arrival: a later occurrence of
   * a sender's second (a key `…#2`) was written in the second its first occurrence has, so by the time that one came
   * (+1 s, that second may not have ended), or before this run began when that one came in an earlier run (journal24:
   * the network's repeat of a reply, after a restart of the core, which the journal no longer names). It answers no
   * instruction sent after that.
   */
  writtenBy?: number;
}

export interface SimBoardEvents {
  sim: SimState;
  message: SimMessage;
  /** A SIM's row left the board (an unidentified insertion another took the place of in its port): its id. */
  gone: string;
}

/** The figures a long message gave, as the SIM's state just before and after they were taken (for a withdrawal). */
export interface TakenFigures {
  before: FigureSnapshot;
  after: FigureSnapshot;
}

/**
 * A long message the board read whole and took figures from, as kept beside its state (sim-board.json) across
 * a restart of the core: the journal still has its parts (seed), so a part that comes after the restart and shows
 * it possibly joined wrong withdraws its figures as it would have in the run that read it.
 */
export interface ReadWholeKept {
  simId: string;
  keys: string[];
  receivedAt: number;
  figures: TakenFigures;
}

interface ReadWhole {
  receivedAt: number;
  figures?: TakenFigures;
}

/** Failed instructions remembered (for telling a repeat from a new failure); the oldest are forgotten first. */
const MAX_FAILED_REMEMBERED = 5000;
/** Arrival times remembered for SimMessage.writtenBy; one forgotten counts as come before this run (the earlier bound). */
const MAX_CAME_REMEMBERED = 20_000;
/** Parts of unfinished long messages kept per SIM; a flood of orphans cannot grow without bound. */
const MAX_PARTS_PER_SIM = 200;
/** Reading waiting replies holds the core's one thread at most this long at a time. */
const READ_SLICE_MS = 8;
/**
 * While a store works through records the journal still holds unacknowledged (it acknowledged some within the last
 * STORING_MS, and more wait), the board's reading gives way to it: one slice at most every SLICE_WHILE_STORING_MS, so a
 * burst's storing (durability first, as the page's figure reader reads behind its ingest) gets most of the core's
 * thread and, on a small machine, of the CPU the page's IndexedDB needs. A store writes up to 2,000 records a batch,
 * so acknowledgements of a burst come seconds apart under load.
 */
const STORING_MS = 5000;
const SLICE_WHILE_STORING_MS = 50;

/**
 * The per-SIM state the fleet integrations publish, kept from the core's own events: incoming parts
 * (put back together, then read by the reply rules), outgoing state changes and modem status.
 */
export class SimBoard extends Emitter<SimBoardEvents> {
  private readonly sims = new Map<string, SimState>();
  private readonly parts = new Map<string, HandedOutRecord[]>();
  /**
   * Sendings found tied (AssembledRecordMessage.uncertain) → when: the parts of the first of them to
   * complete leave `parts`, and the other, completed later, must still be known as possibly mixed.
   */
  private readonly tied = new Map<string, number>();
  /**
   * Per SIM, long messages read whole (by their keys) → when, and the SIM's state just before and after their figures
   * were taken: their parts stay in `parts`, so a message of their second read later can show them possibly
   * joined wrong (mixedUpSendings, A1, B2, A2, B1), and their figures are then withdrawn. Forgotten with their parts.
   */
  private readonly readWhole = new Map<string, Map<string, ReadWhole>>();
  /** Instructions last seen failed: the same state told twice is one failure, a retry failing again another. */
  private readonly failed = new Set<string>();
  /**
   * Incoming records not read yet, oldest first. Reading a reply costs about as much as storing it,
   * so a burst (5,000 at a catch-up) is read after the core's event, in slices: the stores get the
   * messages (and the journal their acknowledgements) without waiting for thousands of readings.
   */
  private unread: HandedOutRecord[] = [];
  private nextUnread = 0;
  private reading: NodeJS.Immediate | null = null;
  /** The next slice when it waits for the stores (see giveWayToStores). */
  private waiting: NodeJS.Timeout | null = null;
  /** Until when (performance.now()) reading gives way to the stores. */
  private storingUntil = 0;
  /** SIMs changed in the slice being read: each is told once, with its state after the slice. */
  private changedInSlice: Set<string> | null = null;

  /**
   * When each part came in this run (within the reassembly window, the newest MAX_CAME_REMEMBERED): what a later occurrence
   * of its second was written by; and a single SMS's SIM and text, to tell whether a later occurrence is the very same
   * (memory only, as the board's parts are).
   */
  private readonly came = new Map<string, { at: number; single?: { simId: string; text: string } }>();

  /** `redact` masks secrets in a text (the catalog's masking) before it leaves the board; `startedAt`: when this run began. */
  constructor(
    private readonly redact: (text: string) => string,
    private readonly startedAt = Date.now(),
  ) {
    super();
  }

  /**
   * States kept from the last run (their modems are not connected yet), and the long messages it read whole with
   * the figures they gave (`reads`): seed then keeps those whose parts the journal still has.
   */
  restore(states: readonly SimState[], reads: readonly ReadWholeKept[] = []): void {
    // Both come checked from the file (board-file.ts): here they are only taken.
    for (const r of reads) {
      const whole = this.readWhole.get(r.simId) ?? new Map<string, ReadWhole>();
      whole.set(r.keys.join(','), { receivedAt: r.receivedAt, figures: { before: figureSnapshot(r.figures.before), after: figureSnapshot(r.figures.after) } });
      this.readWhole.set(r.simId, whole);
    }
    for (const s of states) {
      if (this.sims.has(s.simId)) continue;
      this.sims.set(s.simId, { ...structuredClone(s), modemState: null, signal: null, registration: null });
    }
  }

  list(): SimState[] {
    this.flush();
    return [...this.sims.values()].map((s) => structuredClone(s));
  }

  /** The ids listed, without copying their states: what a reader that only asks "is it listed?" needs, at every message. */
  ids(): string[] {
    this.flush();
    return [...this.sims.keys()];
  }

  /** The long messages read whole whose figures could still be withdrawn, for keeping beside list() (see ReadWholeKept). */
  readsKept(): ReadWholeKept[] {
    this.flush();
    return this.keptReads();
  }

  /**
   * The states and kept reads (as list() and readsKept() give them) of the records read so far, leaving those that
   * wait to their slices: what the board file is written from. The two agree with each other at any point of the
   * reading, and each slice that changes a SIM tells it, so the rest is written once read. Flushing here made a save
   * during a burst read every waiting reply in one turn, holding the core's thread (and the stores'
   * acknowledgements) for seconds (perf25).
   */
  readSoFar(): { sims: SimState[]; readWhole: ReadWholeKept[] } {
    return { sims: [...this.sims.values()].map((s) => structuredClone(s)), readWhole: this.keptReads() };
  }

  private keptReads(): ReadWholeKept[] {
    return [...this.readWhole].flatMap(([simId, whole]) =>
      [...whole].flatMap(([id, { receivedAt, figures }]) =>
        figures ? [{ simId, keys: id.split(','), receivedAt, figures: { before: figureSnapshot(figures.before), after: figureSnapshot(figures.after) } }] : [],
      ),
    );
  }

  get(simId: string): SimState | undefined {
    this.flush();
    const s = this.sims.get(simId);
    return s && structuredClone(s);
  }

  onModem(status: ModemStatus): void {
    if (!status.simId) return;
    this.flush();
    // Each bring-up of a SIM that names itself by neither ICCID nor IMSI is an insertion of its own: the one before in
    // this port (whatever card it was) leaves the board rather than pile up. Its figures go with it, never to this
    // row; its messages stay in the journal and the thread. Its row must name this modem too: an id keeps only the
    // path's start (/dev/serial/by-id/usb-HUAWEI_… is alike for two modems of one make), a modem id its end.
    for (const [simId, row] of [...this.sims]) {
      if (simId !== status.simId && row.modemId === status.modemId && insertedIn(simId, status.path)) this.forget(simId);
    }
    this.change(status.simId, {
      modemId: status.modemId,
      modemState: status.state,
      registration: status.registration,
      signal: status.signal ? { csq: status.signal.csq, dbm: status.signal.dbm } : null,
    });
  }

  onOutgoing(record: OutgoingRecord): void {
    this.flush();
    const failed = record.state === 'failed' || record.state === 'failed-retryable';
    if (!failed) this.failed.delete(record.id);
    if (record.state === 'sent' || record.state === 'delivered') {
      this.change(record.simId, { lastSuccessAt: Math.max(record.at, this.sims.get(record.simId)?.lastSuccessAt ?? 0) });
    } else if (failed && !this.failed.has(record.id)) {
      this.failed.add(record.id);
      if (this.failed.size > MAX_FAILED_REMEMBERED) this.failed.delete(this.failed.values().next().value!);
      this.change(record.simId, { sendFailures: (this.sims.get(record.simId)?.sendFailures ?? 0) + 1 });
    }
  }

  /**
   * The user has seen the SIM's failed sends up to `seen` (the count their page showed): the badge
   * clears, a failure counted after the page showed its count stays unseen. Nothing is sent again:
   * retrying is the thread's Retry, which asks first. Null for a SIM the board does not know.
   */
  seeFailures(simId: string, seen: number): SimState | null {
    this.flush();
    const state = this.sims.get(simId);
    if (!state) return null;
    const upTo = Math.min(Math.max(seen, state.sendFailuresSeen), state.sendFailures);
    if (upTo !== state.sendFailuresSeen) this.change(simId, { sendFailuresSeen: upTo });
    return structuredClone(this.sims.get(simId)!);
  }

  /**
   * Parts of long messages the journal holds at this start (kept ones masked), in the order received: those of
   * messages still unfinished (the app quit between two parts), or a whole message's within the reassembly window.
   * Without the first, such a message is never whole here, its figures never read nor published, though the journal
   * and every store have it whole. Without the second, a part that comes now and shows a message read in the last
   * run possibly joined wrong (journal23) could not withdraw its figures. Whole ones were read in the run they came
   * in: they are not read again (their figures, when any, are those `restore` was given).
   */
  seed(records: readonly IncomingRecord[]): void {
    this.flush();
    const sims = new Set<string>();
    for (const record of [...records].sort((a, b) => a.receivedAt - b.receivedAt)) {
      const held = this.parts.get(record.simId) ?? [];
      if (held.some((p) => p.key === record.key)) continue;
      this.parts.set(record.simId, [...held, record].slice(-MAX_PARTS_PER_SIM));
      this.remember(record);
      sims.add(record.simId);
    }
    for (const simId of sims) {
      const held = this.parts.get(simId)!;
      const readWhole = this.readWhole.get(simId) ?? new Map<string, ReadWhole>();
      for (const message of assembleRecords(held)) {
        if (message.uncertain) this.tied.set(sendingOf(message, held), message.receivedAt);
        if (!message.complete) continue;
        const id = message.keys.join(',');
        const read = readWhole.get(id);
        // Shown mixed after its figures were kept but before the withdrawal was (a crash between): withdrawn now.
        if (read?.figures && message.uncertain) {
          this.withdraw(simId, read.figures);
          delete read.figures;
        }
        if (!read) readWhole.set(id, { receivedAt: message.receivedAt });
      }
      this.readWhole.set(simId, readWhole);
    }
    // A message the journal no longer has every part of can no longer be shown mixed: forgotten, as place() does.
    for (const [simId, readWhole] of this.readWhole) {
      const keys = new Set((this.parts.get(simId) ?? []).map((p) => p.key));
      for (const id of readWhole.keys()) if (!id.split(',').every((key) => keys.has(key))) readWhole.delete(id);
    }
  }

  /** Queues the record: it is read (its message, its figures told) after the current turn, or at the next read of the board. */
  onIncoming(record: HandedOutRecord): void {
    this.unread.push(record);
    this.readNextSlice();
  }

  /**
   * A store acknowledged records (the journal's ack), and `more` are still unacknowledged: while it stores them, the
   * replies waiting are read one slice at a time with pauses between, not back to back; with none left, back to back
   * again. Each is still read once, in order, and whatever reads the board (or closes it) reads all that waits first.
   */
  giveWayToStores(more: boolean): void {
    this.storingUntil = more ? performance.now() + STORING_MS : 0;
  }

  private readNextSlice(): void {
    if (this.reading || this.waiting) return;
    if (performance.now() < this.storingUntil) this.waiting = setTimeout(() => this.readSlice(READ_SLICE_MS), SLICE_WHILE_STORING_MS);
    else this.reading = setImmediate(() => this.readSlice(READ_SLICE_MS));
  }

  /** Reads every record still waiting, now: what the board tells or is asked for follows every record it was given, in order. */
  flush(): void {
    if (this.nextUnread < this.unread.length) this.readSlice(Infinity);
  }

  private readSlice(budgetMs: number): void {
    if (this.reading) clearImmediate(this.reading);
    if (this.waiting) clearTimeout(this.waiting);
    this.reading = null;
    this.waiting = null;
    // A listener may read the board mid-slice (a flush within): it goes on from the next record, none is read twice.
    const outer = this.changedInSlice === null;
    if (outer) this.changedInSlice = new Set();
    const until = performance.now() + budgetMs;
    for (let first = true; this.nextUnread < this.unread.length && (first || performance.now() < until); first = false) {
      const record = this.unread[this.nextUnread++]!;
      try {
        this.place(record);
      } catch (e) {
        // As a throwing listener of the core's event did: reported, and the other records still read.
        queueMicrotask(() => {
          throw e;
        });
      }
    }
    if (!outer) return;
    this.unread = this.unread.slice(this.nextUnread);
    this.nextUnread = 0;
    const changed = this.changedInSlice!;
    this.changedInSlice = null;
    for (const simId of changed) {
      const state = this.sims.get(simId);
      if (state) this.emit('sim', structuredClone(state));
    }
    if (this.unread.length) this.readNextSlice();
  }

  private place(record: HandedOutRecord): void {
    this.remember(record);
    const held = (this.parts.get(record.simId) ?? []).filter((p) => p.key !== record.key && record.receivedAt - p.receivedAt <= REASSEMBLY_WINDOW_MS);
    held.push(record);
    const done = new Set<string>();
    for (const [id, at] of this.tied) if (record.receivedAt - at > REASSEMBLY_WINDOW_MS) this.tied.delete(id);
    const readWhole = this.readWhole.get(record.simId) ?? new Map<string, ReadWhole>();
    const messages = assembleRecords(held);
    for (const message of messages) if (message.uncertain) this.tied.set(sendingOf(message, held), message.receivedAt);
    for (const message of messages) {
      if (!message.complete) continue;
      // A single SMS is never joined wrong: done with. A long message's parts stay for the window (see readWhole).
      if (message.total === 1) for (const key of message.keys) done.add(key);
      const id = message.keys.join(',');
      const before = readWhole.get(id);
      // Read already, and no figures of it left to withdraw: nothing more to do (the cheap case of a burst).
      if (before && !before.figures) continue;
      const uncertain = message.uncertain || (this.tied.size > 0 && this.tied.has(sendingOf(message, held)));
      if (before) {
        if (uncertain) {
          this.withdraw(message.simId, before.figures!);
          delete before.figures;
        }
        continue;
      }
      const named = held.some((p) => (p.maybeStoredAs !== undefined || p.sameTextAs !== undefined) && message.keys.includes(p.key));
      const mayRepeat = named || this.mayRepeatUnnamed(message);
      const figures = this.read({ ...message, uncertain }, { mayRepeat, figures: !named }, this.writtenBy(message.keys));
      if (message.total > 1) readWhole.set(id, { receivedAt: message.receivedAt, ...(figures ? { figures } : {}) });
    }
    const kept = held.filter((p) => !done.has(p.key)).slice(-MAX_PARTS_PER_SIM);
    this.parts.set(record.simId, kept);
    // A whole message whose parts left (the window, the cap) can no longer be shown mixed: forgotten with them.
    const keys = new Set(kept.map((p) => p.key));
    for (const id of readWhole.keys()) if (!id.split(',').every((key) => keys.has(key))) readWhole.delete(id);
    this.readWhole.set(record.simId, readWhole);
  }

  /** The figures a long message gave, read before a message of its second showed it possibly joined wrong: taken back. */
  private withdraw(simId: string, figures: TakenFigures): void {
    const now = this.sims.get(simId) ?? emptySimState(simId);
    this.change(simId, withdrawnFigures(now, figures.before, figures.after));
  }

  private remember(record: HandedOutRecord): void {
    this.came.delete(record.key);
    this.came.set(record.key, { at: record.receivedAt, ...(record.concat ? {} : { single: { simId: record.simId, text: record.text } }) });
    for (const [key, { at }] of this.came) {
      if (this.came.size <= MAX_CAME_REMEMBERED && record.receivedAt - at <= REASSEMBLY_WINDOW_MS) break;
      this.came.delete(key);
    }
  }

  /** SimMessage.writtenBy of a message with these part keys: none unless one is a later occurrence of its second. */
  private writtenBy(keys: readonly string[]): number | undefined {
    const firsts = keys.flatMap((key) => [firstOccurrenceOf(key) ?? []].flat());
    if (firsts.length === 0) return undefined;
    return Math.min(...firsts.map((first) => this.came.get(first)?.at ?? this.startedAt)) + 1000;
  }

  /** SimMessage.mayRepeat of a single SMS the journal names nothing: a later occurrence of its second whose first is unknown here, or the very same. */
  private mayRepeatUnnamed(message: AssembledRecordMessage): boolean {
    const first = message.total === 1 ? firstOccurrenceOf(message.keys[0]!) : null;
    if (first === null) return false;
    const seen = this.came.get(first);
    return !seen || (seen.single?.simId === message.simId && seen.single.text === message.text);
  }

  /** Tells the message; its figures taken, the SIM's state before and after (for a withdrawal), when they were. */
  private read(
    { simId, from, text, receivedAt, timestamp, uncertain }: AssembledRecordMessage,
    { mayRepeat, figures }: { mayRepeat: boolean; figures: boolean },
    writtenBy: number | undefined,
  ): { before: SimState; after: SimState } | null {
    // A part the journal kept comes masked: digits glued to its mask are no figure (`余额为******5.30元`).
    const understood = understandReply({ text: hideMaskedRest(text), receivedAt, from });
    // A message from anyone but a service number is someone's private text: only that it came is told, not by whom.
    const fromService = builtinReplyRules().serviceNumbers.has(localNumber(from));
    this.emit('message', { simId, from: fromService ? from : null, receivedAt, kind: understood.kind, text: fromService ? this.redact(text) : null, ...(mayRepeat ? { mayRepeat } : {}), ...(writtenBy === undefined ? {} : { writtenBy }) });
    // A text that may join two replies (two sendings under one reference in one second) gives figures of neither;
    // one the journal names as maybe a message told before gives its figures, read then, no second time.
    if (understood.kind !== 'figures' || uncertain || !figures) return null;
    // A part whose PDU did not fit its length may hold a changed digit (mend35): its figures are shown, never published.
    if (understood.problems.some((p) => p.code === 'garbled')) return null;
    const before = this.sims.get(simId) ?? emptySimState(simId);
    // As old as 10086 wrote it: a reply delivered late never replaces a figure written after it.
    // And no later than it was written by (SimMessage.writtenBy): the network's repeat of an old reply, handed over after
    // a restart within minutes of its stamp, never replaces a figure a newer reply gave (journal24).
    const now = clockToWeighBy(timestamp, Date.now());
    const at = Math.min(writtenOnKeptScale(timestamp, receivedAt, now), writtenBy ?? Number.POSITIVE_INFINITY);
    this.change(simId, newerFigures(before, understood.figures, at, now, offsetOf(timestamp)));
    return { before, after: this.sims.get(simId)! };
  }

  /** A SIM's row, and all the board holds of it, gone: told once (`gone`). */
  private forget(simId: string): void {
    this.sims.delete(simId);
    this.parts.delete(simId);
    this.readWhole.delete(simId);
    this.changedInSlice?.delete(simId);
    this.emit('gone', simId);
  }

  private change(simId: string, patch: Partial<SimState>): void {
    const next: SimState = { ...(this.sims.get(simId) ?? emptySimState(simId)), ...patch };
    this.sims.set(simId, next);
    if (this.changedInSlice) this.changedInSlice.add(simId);
    else this.emit('sim', structuredClone(next));
  }
}

/** A long message's sending as the parts tell it: SIM, sender, reference, part count and stamp (what a tie shares). */
function sendingOf(message: AssembledRecordMessage, parts: readonly IncomingRecord[]): string {
  const first = parts.find((p) => p.key === message.keys[0]);
  return JSON.stringify([message.simId, message.from, first?.concat?.ref ?? null, message.total, message.timestamp]);
}
