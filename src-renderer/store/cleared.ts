import Dexie from 'dexie';
import { REASSEMBLY_WINDOW_MS, sendingDistance } from '../../src-shared/assemble';
import { maySendTogether } from '../../src-shared/sending-order';
import { oldKeyOfText } from '../../src-shared/journal-key';
import { SETTLED_PARTS_KEPT_DAYS, type HandedOutRecord, type IncomingRecord } from '../../src-shared/journal-records';
import type { HallDb } from './db';
import type { Batch } from './ingest';
import { concatGroup } from './reassembly';
import type { ClearedRow, PartRow } from './rows';

/**
 * "Clear the local log" deletes what the log held when the user confirmed, and it stays deleted. The
 * journal can hand some of it over again afterwards: a part whose acknowledgement had not reached it
 * (a reload or a second tab asks `journal.pending`), a write queued before the clear and committed
 * after it, a later state of a cleared instruction (a delivery report), a part of a long message the
 * journal keeps for other profiles (`journal.parts`). Each of those is told by its part key or
 * instruction id, remembered here in the clear's own transaction; a message the log did not hold at
 * the clear has a key of its own (the journal numbers a repeat `…#2`), so it is kept. A long message
 * whose later part comes after the clear is cleared whole: that part is told by its group, number and
 * stamp (as reassembly tells a message's parts) and remembered too.
 */
const partKey = (key: string) => `part:${key}`;
const commandKey = (id: string) => `command:${id}`;

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * How long a cleared row is kept at least. Past it nothing brings its message back: the journal hands
 * an acknowledged part of a long message to `journal.parts` for SETTLED_PARTS_KEPT_DAYS after it came
 * (and a part is cleared after it came), a late part joins its message within the reassembly window
 * (3 days), and what the journal still holds (pending parts, instructions) is never pruned, whatever its
 * age (see prunableCleared). One day more for the page's and the core's clocks.
 */
export const CLEARED_KEPT_MS = (SETTLED_PARTS_KEPT_DAYS + 1) * DAY_MS;

/** What a cleared part says of the long message it was in (nothing for a single SMS). */
function clearedPart(p: PartRow, clearedAt: number): ClearedRow {
  const group = p.ref === null ? null : concatGroup({ simId: p.simId, from: p.from, concat: { ref: p.ref, total: p.total, part: p.part } });
  const row: ClearedRow = { key: partKey(p.key), clearedAt };
  return group === null ? row : { ...row, group, messageId: p.messageId, part: p.part, timestamp: p.timestamp, receivedAt: p.receivedAt };
}

/** Inside the clear's transaction (with `parts`, `commands` and `cleared`), before the tables are emptied. */
export async function rememberCleared(db: HallDb, clearedAt: number): Promise<void> {
  const rows: ClearedRow[] = [];
  await db.parts.each((p) => void rows.push(clearedPart(p, clearedAt)));
  for (const id of await db.commands.toCollection().primaryKeys()) rows.push({ key: commandKey(id), clearedAt });
  await db.cleared.bulkPut(rows);
}

/**
 * The batch without what a clear deleted (inside the ingest's transaction, so a clear is either wholly
 * before it or wholly after), late parts of cleared long messages included (remembered as cleared in
 * turn). What is left out is still acknowledged by the queue: the journal may forget it.
 */
export async function withoutCleared(db: HallDb, batch: Batch): Promise<Batch> {
  const keys = [...batch.incoming.map((r) => partKey(r.key)), ...batch.outgoing.map((r) => commandKey(r.id))];
  if (keys.length === 0 || (await db.cleared.count()) === 0) return batch;
  const gone = new Set((await db.cleared.bulkGet(keys)).flatMap((row) => (row ? [row.key] : [])));
  for (const r of await clearedUnderOldKey(db, batch.incoming)) gone.add(partKey(r.key));
  const late = await lateParts(db, batch.incoming.filter((r) => !gone.has(partKey(r.key))));
  for (const r of late) gone.add(partKey(r.key));
  if (gone.size === 0) return batch;
  return {
    incoming: batch.incoming.filter((r) => !gone.has(partKey(r.key))),
    outgoing: batch.outgoing.filter((r) => !gone.has(commandKey(r.id))),
  };
}

/**
 * Records moved to a new key at an upgrade whose old key, the one the journal says a store may hold them under
 * (`maybeStoredAs`), was cleared: the page stored them under it and the clear came before its acknowledgement reached
 * the app (review23: they came back). Only when the old key names this very text (its CRC-32): a key of now names
 * none, and a record named after one of those may be another code of the same wording, which is kept.
 */
async function clearedUnderOldKey(db: HallDb, records: readonly HandedOutRecord[]): Promise<HandedOutRecord[]> {
  const named = records.filter((r) => r.maybeStoredAs !== undefined && oldKeyOfText(r.maybeStoredAs, r.key, r.text));
  if (named.length === 0) return [];
  const rows = await db.cleared.bulkGet(named.map((r) => partKey(r.maybeStoredAs!)));
  return named.filter((_, i) => rows[i] !== undefined);
}

/**
 * The parts of `records` that are late parts of cleared long messages, remembered as cleared now. In
 * the order they came: a part found late joins its cleared message for the parts after it (parts 2 and 3
 * of a cleared part 1 in one batch), a part kept is a message of the log for them.
 */
async function lateParts(db: HallDb, records: readonly IncomingRecord[]): Promise<IncomingRecord[]> {
  const groups = [...new Set(records.map(concatGroup).filter((g): g is string => g !== null))];
  if (groups.length === 0) return [];
  const cleared = await db.cleared.where('group').anyOf(groups).toArray();
  if (cleared.length === 0) return [];
  const open: string[] = [];
  for (const g of groups) {
    open.push(...(await db.messages.where('[group+at]').between([g, Dexie.minKey], [g, Dexie.maxKey]).filter((m) => !m.complete).primaryKeys()));
  }
  const live = (await db.parts.where('messageId').anyOf(open).toArray()).map(asLivePart);
  const late: ClearedRow[] = [];
  const now = Date.now();
  for (const r of [...records].sort((a, b) => a.receivedAt - b.receivedAt)) {
    if (concatGroup(r) === null) continue;
    if (!belongsToCleared(r, cleared, live)) {
      live.push(asLivePart(r));
      continue;
    }
    const row: ClearedRow = { key: partKey(r.key), clearedAt: now, group: concatGroup(r)!, messageId: messageOf(r, cleared), part: r.concat!.part, timestamp: r.timestamp, receivedAt: r.receivedAt };
    cleared.push(row);
    late.push(row);
  }
  await db.cleared.bulkPut(late);
  const keys = new Set(late.map((row) => row.key));
  return records.filter((r) => keys.has(partKey(r.key)));
}

/** A part the log holds or is given with it, as a candidate message for the part being placed. */
export interface LivePart {
  group: string | null;
  message: string;
  part: number;
  timestamp: string;
  receivedAt: number;
}

export function asLivePart(p: PartRow | IncomingRecord): LivePart {
  if ('messageId' in p) return { group: p.ref === null ? null : concatGroup({ simId: p.simId, from: p.from, concat: { ref: p.ref, total: p.total, part: p.part } }), message: p.messageId, part: p.part, timestamp: p.timestamp, receivedAt: p.receivedAt };
  return { group: concatGroup(p), message: `batch:${p.key}`, part: p.concat?.part ?? 1, timestamp: p.timestamp, receivedAt: p.receivedAt };
}

/** The cleared message a late part is of: the one its stamp is nearest. */
function messageOf(r: IncomingRecord, cleared: readonly ClearedRow[]): string {
  const part = r.concat?.part;
  const candidates = new Map([...messagesOf(cleared.filter((c) => c.group === concatGroup(r)))].filter(([, parts]) => !parts.some((p) => p.part === part)));
  return [...candidates.entries()].sort((a, b) => sendingDistance(r.timestamp, a[1].map((c) => c.timestamp!)) - sendingDistance(r.timestamp, b[1].map((c) => c.timestamp!)))[0]?.[0] ?? '';
}

function messagesOf<T extends { messageId?: string; message?: string }>(rows: readonly T[]): Map<string, T[]> {
  const by = new Map<string, T[]>();
  for (const row of rows) {
    const id = row.messageId ?? row.message ?? '';
    by.set(id, [...(by.get(id) ?? []), row]);
  }
  return by;
}

/**
 * Whether `r` is a late part of a message the user cleared: that message (same SIM, sender, reference
 * and part count) lacks its number, came within the reassembly window and was stamped with it
 * (maySendTogether), as reassembly would have joined them; and no message the log holds (or `r`'s
 * batch brings) that lacks the number is stamped nearer: a new message reusing the reference keeps its
 * part. A tie keeps it too: a message is never hidden on a guess.
 */
export function belongsToCleared(r: IncomingRecord, cleared: readonly ClearedRow[], live: readonly LivePart[]): boolean {
  const group = concatGroup(r);
  if (group === null) return false;
  const part = r.concat!.part;
  const fits = (parts: readonly { part?: number; timestamp?: string; receivedAt?: number }[]) =>
    parts.every((p) => p.part !== part && Math.abs((p.receivedAt ?? 0) - r.receivedAt) <= REASSEMBLY_WINDOW_MS) &&
    maySendTogether(r.timestamp, parts.map((p) => p.timestamp ?? ''));
  const distance = (parts: readonly { timestamp?: string }[]) => sendingDistance(r.timestamp, parts.map((p) => p.timestamp ?? ''));
  const clearedFits = [...messagesOf(cleared.filter((c) => c.group === group)).values()].filter(fits);
  if (clearedFits.length === 0) return false;
  const liveFits = [...messagesOf(live.filter((l) => l.group === group)).values()].filter(fits);
  const nearestCleared = Math.min(...clearedFits.map(distance));
  return liveFits.every((parts) => nearestCleared < distance(parts));
}

/**
 * The cleared rows that can go: cleared more than CLEARED_KEPT_MS ago, and nothing the journal still
 * holds (`pendingKeys`: parts not acknowledged; `heldIds`: instructions it still has, whose later
 * state may come), however old: those could still be handed over again.
 */
export function prunableCleared(rows: readonly ClearedRow[], pendingKeys: ReadonlySet<string>, heldIds: ReadonlySet<string>, now: number): string[] {
  return rows
    .filter((row) => now - row.clearedAt > CLEARED_KEPT_MS)
    .filter((row) => !(row.key.startsWith('part:') ? pendingKeys.has(row.key.slice(5)) : heldIds.has(row.key.slice(8))))
    .map((row) => row.key);
}

/**
 * Forgets the cleared rows nothing can bring back any more (see prunableCleared), given what the
 * journal holds now (its answer to `journal.pending`, asked just before). Without it the table grew with
 * every clear, for ever.
 */
export function pruneCleared(db: HallDb, pending: { incoming: readonly { key: string }[]; outgoing: readonly { id: string }[] }, now: number): Promise<number> {
  return db.transaction('rw', db.cleared, async () => {
    const old = await db.cleared.filter((row) => now - row.clearedAt > CLEARED_KEPT_MS).toArray();
    const gone = prunableCleared(old, new Set(pending.incoming.map((r) => r.key)), new Set(pending.outgoing.map((r) => r.id)), now);
    await db.cleared.bulkDelete(gone);
    return gone.length;
  });
}
