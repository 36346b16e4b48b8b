import type { OutgoingState, SmsEncoding } from '../../src-shared/journal-records';
import type { CanonicalUnit, Confidence, DataPool, KindSource, VoicePool } from '../../src-shared/replies';

/** IndexedDB cannot index booleans, so flags that are queried are 0 / 1. */
export type Flag = 0 | 1;

/** One received SMS part, keyed by its journal key: what makes a re-delivered part a no-op. */
export interface PartRow {
  key: string;
  messageId: string;
  simId: string;
  from: string;
  text: string;
  encoding: SmsEncoding;
  /** Service-centre timestamp as decoded (ISO 8601 with offset). */
  timestamp: string;
  receivedAt: number;
  /** Concatenation reference; null for a single-part SMS. */
  ref: number | null;
  total: number;
  part: number;
  /**
   * The MASKER_VERSION whose masker masked this text at rest: a sent text (the journal masks what the user sent) or one
   * the re-mask pass masked (remask.ts). Absent on a received text stored as it came (the thread shows it so) and on rows
   * stored before MASKER_VERSION 7. A text with an older version is masked again by the pass; one with this version is not.
   */
  masker?: number;
}

export type MessageState = 'received' | OutgoingState;

/** A bubble in a thread: a reassembled incoming message or an outgoing instruction. */
export interface MessageRow {
  id: string;
  simId: string;
  direction: 'in' | 'out';
  /** The other side, without a +86 prefix, so 10086 and +8610086 share a thread. */
  peer: string;
  /** Already redacted: secrets never reach the store. */
  text: string;
  state: MessageState;
  /** Epoch ms on this computer's clock (first part received, or instruction queued): the thread order. */
  at: number;
  read: Flag;
  /** Incoming only: service-centre timestamp of the lowest part present. */
  timestamp?: string;
  /** Incoming multi-part only: sim|from|ref|total, indexed with `at` to find a message's other parts. */
  group?: string;
  /** Journal key of each part by part number (index 0 = part 1); null where a part has not arrived. */
  partKeys: (string | null)[];
  complete: boolean;
  total: number;
  received: number;
  /**
   * Incoming multi-part only: a part of it could as well have been another message's (two sendings under
   * one reference in the same second): the text may join two replies. Shown so; no figures are read from it.
   */
  uncertain?: boolean;
  /**
   * Incoming single SMS only: when (this computer's clock) the same SMS came again, each time the journal named it
   * `sameTextAs` this one, or the page took it for this one by its SIM, sender, stamp and text after a restart of the core
   * (mayBeNetworkRepeat, journal24): the network's repeat when the modem's acknowledgement was lost, or an identical second
   * reply of that second: nothing tells (journal22). Its part row is stored under its own key and points here; the
   * thread shows one bubble saying how often it came, figures are read once, an export lists each time.
   */
  receivedAgain?: number[];
  /** Outgoing only. */
  commandId?: string;
  /** Outgoing only: stable error code of a failure. */
  error?: string | null;
  /** Outgoing only: the instruction that retried this one (the core refuses a second retry: send.already-retried). */
  retriedBy?: string;
  /**
   * The MASKER_VERSION whose masker masked this text at rest: a sent text (the journal masks what the user sent) or one
   * the re-mask pass masked (remask.ts). Absent on a received text stored as it came (the thread shows it so) and on rows
   * stored before MASKER_VERSION 7. A text with an older version is masked again by the pass; one with this version is not.
   */
  masker?: number;
}

/** The latest known state of an outgoing instruction. */
export interface CommandRow {
  id: string;
  simId: string;
  to: string;
  text: string;
  state: OutgoingState;
  error: string | null;
  messageRefs: number[];
  createdAt: number;
  updatedAt: number;
  /** See MessageRow.retriedBy: set from the retry's record (its `retryOf`), which the journal holds after this one's. */
  retriedBy?: string;
  /** See MessageRow.masker: this version's, the journal of this build masked the text. */
  masker?: number;
}

export interface SimRow {
  simId: string;
  operator: string | null;
  demo: boolean;
  lastSeenAt: number;
}

/**
 * One figure read from a complete 10086 reply (balance, data left…), kept for the overview and
 * its history. Rows are derived: they can always be read again from the message's text.
 */
export interface FigureRow {
  /** `<messageId>#<n>`, the n-th figure of that message: storing a message again rewrites the same rows. */
  id: string;
  messageId: string;
  simId: string;
  /** `<topic>.<field>` as the reply rules name them: balance.balance, data.remaining, points.total… */
  kind: string;
  /**
   * When the reply came in (the message's `at`), or its service centre's stamp when it came in late
   * (writtenAt): "newest" goes by it, so a reply delivered late never stands for a figure written after it.
   */
  at: number;
  value: number;
  unit: CanonicalUnit;
  /** The allowance package it belongs to (several data packages each have a remaining figure). */
  package: string | null;
  /** Data only: the kind of allowance (general, provincial…); amounts of different kinds are never added up. */
  pool: DataPool | null;
  /** Minutes only: the kind (the package's own, off-peak, group…); absent in rows stored before it was kept (not stated). */
  voicePool?: VoicePool | null;
  /**
   * Data and minutes: where `pool` / `voicePool` was read from (its own words, or inferred); only a plainly stated
   * kind is added to another amount. Absent in rows stored before it was kept: not plainly stated.
   */
  kindFrom?: KindSource | null;
  /**
   * Data only: a word the reader does not know named its kind (FigureRecord.kindUnknown, `追剧流量剩余10GB`): not stated, and
   * never the customer's data left; shown by `kindWords`. Absent otherwise, and in rows stored before it was kept.
   */
  kindUnknown?: true;
  /** With `kindUnknown`: the words that name the amount's data (FigureRecord.kindWords). */
  kindWords?: string;
  /** Data and minutes: the card or member it is said of, not the customer (FigureRecord.holder, labelling rule 13). Absent otherwise. */
  holder?: string;
  /** Data and minutes: it may be a pool said before it again (FigureRecord.restates, labelling rule 14). Absent otherwise. */
  restates?: true;
  /** Money only: the currency as written when it is not yuan (HK$, £); absent or null for yuan. Never converted. */
  currency?: string | null;
  confidence: Confidence;
}

/** Replies whose figures are still to be read: one row per stored batch (one write, not one per reply). */
export interface FigureQueueRow {
  id?: number;
  messageIds: string[];
  /** Queued to be read again by a newer reader (figure-rules.ts): counted in the re-read's progress. */
  reread?: true;
}

/** The reader the stored figures are of, and how far reading them again has come. */
export interface FigureReaderRow {
  key: 'figureReader';
  /** figureReaderStamp() of the reader that queued the stored replies last. */
  stamp: string;
  /** Replies queued to be read again then, and how many of them are still waiting. */
  total: number;
  left: number;
  /** When they were queued (epoch ms). */
  queuedAt: number;
}

/**
 * Every instruction that ended at or after `from` (epoch ms) has reached this log, live or by a catch-up: the
 * time of its latest catch-up whose records are written (a page listens from then on, until it closes).
 */
export interface SendsHeardRow {
  key: 'sendsHeard';
  from: number;
}

/**
 * How far masking the stored texts again with this masker has come (remask.ts): the masker's version (MASKER_VERSION),
 * the table the pass is at (`done` once every one is), and the key of the last row it wrote there.
 */
export interface MaskerRow {
  key: 'masker';
  version: number;
  table: 'messages' | 'parts' | 'commands' | 'done';
  after: string | null;
}

/** What the log knows of itself, by key. */
export type MetaRow = FigureReaderRow | SendsHeardRow | MaskerRow;

/**
 * What a clear deleted (`part:<key>`, `command:<id>`): the journal can hand it over again (an
 * acknowledgement not yet received, a later state of a cleared instruction, a write already queued),
 * and it must not come back (see clearLog).
 */
export interface ClearedRow {
  key: string;
  clearedAt: number;
  /**
   * A part of a long message (rows cleared since ux22): its group (sim|from|ref|total, as MessageRow's),
   * the message it was in, its number and stamp. A late part of that message, come after the clear, is
   * told by them and cleared too, never shown alone as "incomplete".
   */
  group?: string;
  messageId?: string;
  part?: number;
  timestamp?: string;
  receivedAt?: number;
}
