import * as v from 'valibot';

/**
 * What one journal line holds. Times are epoch milliseconds. Schemas are strict so a line that
 * passes its CRC but was written by something else (or a future version) is treated as damaged.
 */

export const SMS_ENCODINGS = ['gsm7', 'ucs2', '8bit'] as const;

export const OUTGOING_STATES = ['queued', 'sending', 'sent', 'delivered', 'failed', 'failed-retryable'] as const;
export type OutgoingState = (typeof OUTGOING_STATES)[number];

/**
 * States in which the instruction still needs someone's attention. `sent` is final for the
 * journal: the message has left the modem, so there is no second send left to guard against.
 */
export const UNFINISHED_STATES: readonly OutgoingState[] = ['queued', 'sending', 'failed-retryable'];

const count = (min: number) => v.pipe(v.number(), v.integer(), v.minValue(min));
const epochMs = count(0);

/** One received SMS part, as read from the SIM: the unit the SIM stores and deletes. */
export const IncomingMessageSchema = v.strictObject({
  simId: v.string(),
  from: v.string(),
  text: v.string(),
  encoding: v.picklist(SMS_ENCODINGS),
  /** Service-centre timestamp as decoded (ISO 8601 with offset). */
  timestamp: v.string(),
  receivedAt: epochMs,
  /** Concatenation info for a part of a long SMS; null for a single-part SMS. */
  concat: v.nullable(v.strictObject({ ref: count(0), total: count(1), part: count(1) })),
});

export const IncomingRecordSchema = v.strictObject({
  kind: v.literal('in'),
  key: v.string(),
  ...IncomingMessageSchema.entries,
  /**
   * Where the modem held the part when it was journaled: `<memory>:<index>` (`SM:3`) for a stored
   * one, `direct` for one handed over with +CMT. With the content key it tells a slot read again
   * after a crash from an identical message in another slot. Absent in journals written before it.
   */
  slot: v.optional(v.string()),
});

export const AckRecordSchema = v.strictObject({
  kind: v.literal('ack'),
  keys: v.array(v.string()),
  at: epochMs,
});

/** A change of state of an outgoing instruction. `text` is redacted by the caller before it gets here. */
export const OutgoingChangeSchema = v.strictObject({
  id: v.pipe(v.string(), v.minLength(1)),
  simId: v.string(),
  to: v.string(),
  text: v.string(),
  state: v.picklist(OUTGOING_STATES),
  /** TP-MR of each submitted part, used to match status reports. */
  messageRefs: v.array(count(0)),
  /** Stable error code when the state is a failure (or a note: waiting for the network, a report tied to no one send), else null. */
  error: v.nullable(v.string()),
  /** The failed instruction this one sends again (Retry): it is sent again once, whoever presses Retry where. */
  retryOf: v.optional(v.pipe(v.string(), v.minLength(1))),
});

export const OutgoingRecordSchema = v.strictObject({
  kind: v.literal('out'),
  ...OutgoingChangeSchema.entries,
  at: epochMs,
});

/** Written by compaction: keys already handed over (and acknowledged), remembered only to refuse duplicates. */
export const SeenRecordSchema = v.strictObject({
  kind: v.literal('seen'),
  /** [key, receivedAt] pairs; the time bounds how long a key is remembered. */
  keys: v.array(v.tuple([v.string(), epochMs])),
});

/** The modem no longer holds these parts (their slot was deleted, or their +CMT acknowledged). */
export const GoneRecordSchema = v.strictObject({
  kind: v.literal('gone'),
  keys: v.array(v.string()),
});

/**
 * The pending part `key` may be the very message a store holds under `storedAs` (HandedOutRecord.maybeStoredAs),
 * written with its `in` line (or at the start that moved its key) so that a page catching up only after another
 * restart is still told (journal21). Two keys, no text: nothing of a secret. Dropped once `key` is acknowledged.
 * A version before it reads this line as damaged and goes on without the hint (its message stays).
 * `alike`: how many parts the name `storedAs` has once its checksum is no longer on disk (`…|~`, part-keys.ts), when
 * more than one: counted from every old key of the log the upgrade moved, or at the first open that found more than
 * one pending under it; an acknowledgement by old keys of that name takes those pending only once as many distinct
 * ones came (Journal.movedParts, mend57: before, the count lived in memory and a restart counted only those pending).
 */
export const MaybeRecordSchema = v.strictObject({
  kind: v.literal('maybe'),
  key: v.string(),
  storedAs: v.string(),
  alike: v.optional(count(2)),
});

/**
 * Every received part's line in this log is masked (mend41): written where the whole log was masked (a new log, the
 * at-rest rewrite, a compaction) or after a pass found nothing clear, and only a version that masks every line writes
 * after it. A version that does not know it reads it as damaged and writes the log again without it before it appends
 * (recovery), so a log with it never holds a line written clear after it; a log copied from an older version has none,
 * and is read through the mask at open.
 */
export const MaskedRecordSchema = v.strictObject({
  kind: v.literal('masked'),
  /** Digest of the mask's secret rules and masking code's version (Catalog.secretShapes): a log stamped by another mask is read through this one. */
  by: v.optional(v.string()),
});

export const JournalRecordSchema = v.variant('kind', [
  IncomingRecordSchema,
  AckRecordSchema,
  OutgoingRecordSchema,
  SeenRecordSchema,
  GoneRecordSchema,
  MaybeRecordSchema,
  MaskedRecordSchema,
]);

export type SmsEncoding = (typeof SMS_ENCODINGS)[number];
export type IncomingMessage = v.InferOutput<typeof IncomingMessageSchema>;
export type IncomingRecord = v.InferOutput<typeof IncomingRecordSchema>;
/**
 * A part as the journal hands it to a store (the `incoming` event, `journal.pending`, `journal.parts`), the contract every
 * transport carries. `maybeStoredAs`: a key under which a store may hold this very
 * message; a row there with the same text is it (review20). Two cases: the key it had before this start moved
 * it to a key without its text's checksum (review18/19), which a store that got it before the upgrade but had
 * not acknowledged it holds; and a message the journal holds only masked (read from a compacted file), whose
 * slot gave a text that reads the same through the mask: the same message read again, or another code in the same
 * wording, which only the store's clear copy tells. Journaled as two keys (MaybeRecord) until acknowledged.
 */
export const HandedOutRecordSchema = v.strictObject({
  ...IncomingRecordSchema.entries,
  maybeStoredAs: v.optional(v.string()),
  /**
   * A single SMS with the very text, sender, second and SIM of the one journaled as this key a short while before
   * (journal21): maybe the network handing it over again (its acknowledgement lost on the air), maybe a second identical
   * message of that second, which no field tells apart. Journaled as a message of its own; what counts messages (the
   * fleet board, MQTT) counts it once (SimMessage.mayRepeat), the page shows it once with the times it came
   * (MessageRow.receivedAgain). On the core's `incoming` event, and on `journal.pending` until it is acknowledged within
   * the run that journaled it (journal22); not after a restart: then the page names it itself from the texts it holds
   * (mayBeNetworkRepeat, journal24).
   */
  sameTextAs: v.optional(v.string()),
  /**
   * The MASKER_VERSION whose masker masked `text` (mend67): a kept part (`journal.parts`), and a pending part read back
   * from a log stamped masked after a restart, masked again by the journal with its mask before it is handed out. Absent:
   * the text as it came (a part journaled in this run), or read from a log no stamp proves masked. The page stamps the
   * rows it stores from it (MessageRow.masker) and masks again a row whose stamp is older (remask.ts).
   */
  masker: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))),
});
export type HandedOutRecord = v.InferOutput<typeof HandedOutRecordSchema>;

/** A handed-out record's `masker` when it is one (HandedOutRecordSchema), checked where the page takes it in; else none. */
export function maskerStampOf(record: { masker?: unknown }): { masker?: number } {
  return v.is(HandedOutRecordSchema.entries.masker, record.masker) && record.masker !== undefined ? { masker: record.masker } : {};
}
export type AckRecord = v.InferOutput<typeof AckRecordSchema>;
export type OutgoingChange = v.InferOutput<typeof OutgoingChangeSchema>;
export type OutgoingRecord = v.InferOutput<typeof OutgoingRecordSchema>;
export type SeenRecord = v.InferOutput<typeof SeenRecordSchema>;
export type MaybeRecord = v.InferOutput<typeof MaybeRecordSchema>;
export type JournalRecord = v.InferOutput<typeof JournalRecordSchema>;

/** The error an instruction carries when the app stopped between "sending" and knowing the outcome. */
export const INTERRUPTED_SEND_ERROR = 'journal.interrupted-send';

/** The error an instruction carries when the app stopped while it was still queued: it never left. */
export const INTERRUPTED_QUEUE_ERROR = 'journal.interrupted-queue';

/**
 * Whether a send may have reached 10086: a retryable failure (a timeout, a crash while sending), except one recovered
 * from the queue, which never left (review44 F5: its bubble said 没有发出 while Retry said 上一次可能已经发出了).
 */
export function mayHaveGoneOut(send: { state: string; error?: string | null }): boolean {
  return send.state === 'failed-retryable' && send.error !== INTERRUPTED_QUEUE_ERROR;
}

/**
 * How long the journal keeps the text of an acknowledged part of a long message: a browser profile
 * that stored some parts of it and missed the rest (closed, or another profile acknowledged them)
 * can still ask for the rest this long.
 */
export const SETTLED_PARTS_KEPT_DAYS = 7;

/** A part of a long SMS: the only kind a store can hold without the rest. */
export function isLongPart(record: Pick<IncomingMessage, 'concat'>): boolean {
  return record.concat !== null && record.concat.total > 1;
}

export function isUnfinished(state: OutgoingState): boolean {
  return UNFINISHED_STATES.includes(state);
}
