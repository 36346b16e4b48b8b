import Dexie from 'dexie';
import { REASSEMBLY_WINDOW_MS } from '../../src-shared/assemble';
import type { HandedOutRecord, IncomingRecord, OutgoingRecord } from '../../src-shared/journal-records';
import { mayBeNetworkRepeat, NETWORK_REPEAT_WINDOW_MS } from '../../src-shared/network-repeat';
import { withoutCleared } from './cleared';
import type { HallDb } from './db';
import { generationMessageRow, partRow, singleMessageRow, storedGeneration, threadPeer } from './incoming-rows';
import { mergeCommand, outgoingMessageRow } from './outgoing-rows';
import { concatGroup, messageIdFor, Reassembler, type Generation } from './reassembly';
import type { CommandRow, MessageRow, PartRow } from './rows';

export interface Batch {
  incoming: HandedOutRecord[];
  outgoing: OutgoingRecord[];
}

/**
 * Writes a batch in ONE transaction: received parts (a key already stored is skipped), the
 * messages they build (complete replies queued for their figures), outgoing states and the SIMs
 * seen; nothing a clear deleted (see cleared.ts). When the promise resolves the transaction has committed (strict durability), and only then may the caller acknowledge.
 * Resolves with the message rows written.
 */
export async function ingestBatch(db: HallDb, handed: Batch): Promise<MessageRow[]> {
  return db.transaction('rw', [db.parts, db.messages, db.commands, db.sims, db.figureQueue, db.cleared], async () => {
    const batch = await withoutCleared(db, handed);
    const { fresh, cameAgain } = await writeIncoming(db, batch.incoming);
    const written = [...fresh, ...cameAgain, ...(await writeOutgoing(db, batch.outgoing))];
    // Queued with the reply, so no reply can be stored without its figures being read in the end. A reply that
    // only came again (`receivedAgain`) was queued when it first came: its figures are read once.
    const replies = fresh.filter((m) => m.complete).map((m) => m.id);
    if (replies.length) await db.figureQueue.add({ messageIds: replies });
    await touchSims(db, batch);
    return written;
  });
}

/** Message rows written: new ones, and stored ones that only got a time in `receivedAgain`. */
interface Received {
  fresh: MessageRow[];
  cameAgain: MessageRow[];
}

async function writeIncoming(db: HallDb, records: readonly HandedOutRecord[]): Promise<Received> {
  const unique = await notStoredUnderAnotherKey(db, [...new Map(records.map((r) => [r.key, r])).values()]);
  const singles = await writeSingles(db, unique.filter((r) => concatGroup(r) === null));
  const fresh = [...singles.fresh, ...(await writeMultis(db, unique.filter((r) => concatGroup(r) !== null)))];
  await db.messages.bulkPut([...fresh, ...singles.cameAgain]);
  return { fresh, cameAgain: singles.cameAgain };
}

/**
 * Without the records this log holds already under the key the journal names (`maybeStoredAs`) with the
 * same text: one stored before the upgrade moved its key but not yet acknowledged (review18/19; before,
 * shown twice), or one the journal holds only masked, read again from its slot (review20). Another text
 * there is another message (a second code in the same wording), kept; so is an identical twin of the same
 * second, which had another key. They are acknowledged with the batch all the same.
 */
async function notStoredUnderAnotherKey(db: HallDb, records: readonly HandedOutRecord[]): Promise<HandedOutRecord[]> {
  const named = records.filter((r) => r.maybeStoredAs !== undefined);
  if (named.length === 0) return [...records];
  const stored = await db.parts.bulkGet(named.map((r) => r.maybeStoredAs!));
  const already = new Set(named.filter((r, i) => stored[i]?.text === r.text));
  return records.filter((r) => !already.has(r));
}

/**
 * A single-part message's part row needs nothing stored, so the add itself finds the keys stored
 * already: one request a part, where a lookup first would take two (the cost of a burst). One the journal
 * names `sameTextAs` a message this log holds with the very text is stored as a part of that message's, which
 * says it came again (`receivedAgain`): shown once, its figures read once, nothing dropped (journal22).
 */
async function writeSingles(db: HallDb, singles: readonly HandedOutRecord[]): Promise<Received> {
  if (singles.length === 0) return { fresh: [], cameAgain: [] };
  const firsts = await firstComings(db, singles);
  let stored: ReadonlySet<number> = new Set();
  try {
    await db.parts.bulkAdd(singles.map((r) => partRow(r, firsts.get(r.key)?.id ?? messageIdFor(r.key))));
  } catch (error) {
    const failed = error instanceof Dexie.BulkError ? Object.entries(error.failuresByPos) : [];
    // Anything but "this key is stored already" is a real failure: the transaction aborts.
    if (failed.length === 0 || failed.some(([, e]) => e.name !== 'ConstraintError')) throw error;
    stored = new Set(failed.map(([pos]) => Number(pos)));
  }
  const added = singles.filter((_, i) => !stored.has(i));
  const fresh = added.filter((r) => !firsts.has(r.key)).map(singleMessageRow);
  const rows = new Map([...firsts.values(), ...fresh].map((m) => [m.id, m]));
  for (const r of added) {
    const first = firsts.get(r.key);
    if (!first) continue;
    const row = rows.get(first.id)!;
    rows.set(row.id, { ...row, receivedAgain: [...(row.receivedAgain ?? []), r.receivedAt].sort((a, b) => a - b) });
  }
  const freshIds = new Set(fresh.map((m) => m.id));
  const cameAgain = [...new Set(added.flatMap((r) => firsts.get(r.key)?.id ?? []))].filter((id) => !freshIds.has(id));
  return { fresh: fresh.map((m) => rows.get(m.id)!), cameAgain: cameAgain.map((id) => rows.get(id)!) };
}

/**
 * For each single SMS that came again, the message row of its first coming. Named by the journal (`sameTextAs`,
 * within the run that journaled both): the row that holds the named part (stored, or earlier in this batch) when
 * that part has the very text, SIM, sender and stamp. Not named (the core restarted between the two, or the first's
 * acknowledgement is older than the journal remembers): a single SMS this log holds, or one earlier in this batch,
 * that `mayBeNetworkRepeat` takes it for (journal24): the texts are here, so the page tells it itself. A chain (the
 * third coming names the second) ends at the first. None when this log does not hold it (cleared, another profile's).
 */
async function firstComings(db: HallDb, singles: readonly HandedOutRecord[]): Promise<Map<string, MessageRow>> {
  const firsts = new Map<string, MessageRow>();
  const named = singles.filter((r) => r.sameTextAs !== undefined);
  const parts = await db.parts.bulkGet(named.map((r) => r.sameTextAs!));
  const storedRows = await db.messages.bulkGet(parts.map((p) => p?.messageId ?? ''));
  const inBatch = new Map(singles.map((r) => [r.key, r]));
  named.forEach((r, i) => {
    const part = parts[i];
    const earlier = inBatch.get(r.sameTextAs!);
    const same = (p: { simId: string; from: string; timestamp: string; text: string }) =>
      p.simId === r.simId && p.from === r.from && p.timestamp === r.timestamp && p.text === r.text;
    if (part && part.total === 1 && same(part) && storedRows[i]) firsts.set(r.key, storedRows[i]);
    else if (!part && earlier && earlier.concat === null && same(earlier)) firsts.set(r.key, firsts.get(earlier.key) ?? singleMessageRow(earlier));
  });
  await addRepeatsByRule(db, singles.filter((r) => !firsts.has(r.key)), firsts);
  return firsts;
}

/**
 * Adds to `firsts` each of `records` that `mayBeNetworkRepeat` takes for a single SMS this log holds (a message row
 * of one part, not this very record handed over again) or for one earlier in `records`, with the first coming's row.
 * One cursor over the threads' time spans, as `storedGenerations` does.
 */
async function addRepeatsByRule(db: HallDb, records: readonly HandedOutRecord[], firsts: Map<string, MessageRow>): Promise<void> {
  if (records.length === 0) return;
  const ranges = records.map((r): [unknown, unknown] => [
    [r.simId, threadPeer(r.from), r.receivedAt - NETWORK_REPEAT_WINDOW_MS],
    [r.simId, threadPeer(r.from), r.receivedAt],
  ]);
  // Looked up by what the rule compares, so a burst of thousands costs one pass, not one comparison per pair.
  const wanted = new Set(records.map((r) => `${r.timestamp}\u0000${r.text}`));
  const rows = await db.messages
    .where('[simId+peer+at]')
    .inAnyRange(ranges, { includeUppers: true })
    .filter((m) => m.direction === 'in' && m.total === 1 && m.group === undefined && wanted.has(`${m.timestamp}\u0000${m.text}`))
    .toArray();
  const firstParts = await db.parts.bulkGet(rows.map((m) => m.partKeys[0] ?? ''));
  const stored = new Map<string, { row: MessageRow; seen: PartRow }[]>();
  rows.forEach((row, i) => {
    const seen = firstParts[i];
    if (!seen || seen.total !== 1) return;
    const list = stored.get(sameSms(seen)) ?? [];
    stored.set(sameSms(seen), list);
    list.push({ row, seen });
  });
  const earlier = new Map<string, HandedOutRecord[]>();
  for (const r of [...records].sort((a, b) => a.receivedAt - b.receivedAt)) {
    const sms = sameSms(r);
    const held = stored.get(sms)?.find((s) => s.seen.key !== r.key && mayBeNetworkRepeat(s.seen, r));
    const before = held ? undefined : earlier.get(sms)?.find((e) => mayBeNetworkRepeat(e, r));
    if (held) firsts.set(r.key, held.row);
    else if (before) firsts.set(r.key, firsts.get(before.key) ?? singleMessageRow(before));
    const list = earlier.get(sms) ?? [];
    earlier.set(sms, list);
    list.push(r);
  }
}

/** What `mayBeNetworkRepeat` needs equal, as one string. */
const sameSms = (r: { simId: string; from: string; timestamp: string; text: string }) => JSON.stringify([r.simId, r.from, r.timestamp, r.text]);

/** Parts of long messages: which are new decides how their messages are put together. */
async function writeMultis(db: HallDb, multis: readonly HandedOutRecord[]): Promise<MessageRow[]> {
  if (multis.length === 0) return [];
  const stored = await db.parts.bulkGet(multis.map((r) => r.key));
  const fresh = multis.filter((_, i) => stored[i] === undefined);
  if (fresh.length === 0) return [];
  const reassembler = new Reassembler(await storedGenerations(db, fresh));
  const parts: PartRow[] = [];
  const senders = new Map<string, HandedOutRecord>();
  for (const r of fresh) {
    parts.push(partRow(r, reassembler.place(r)));
    senders.set(concatGroup(r)!, r);
  }
  await db.parts.bulkAdd(parts);
  return reassembler.changedGenerations().map((g) => {
    const sender = senders.get(g.group)!;
    return generationMessageRow(g, sender.simId, sender.from);
  });
}

/** The long messages stored for the groups of these parts, within the reassembly window of their times. */
async function storedGenerations(db: HallDb, records: readonly IncomingRecord[]): Promise<Generation[]> {
  const spans = new Map<string, { from: number; to: number }>();
  for (const r of records) {
    const group = concatGroup(r)!;
    const span = spans.get(group);
    spans.set(group, { from: Math.min(span?.from ?? Infinity, r.receivedAt), to: Math.max(span?.to ?? -Infinity, r.receivedAt) });
  }
  // One cursor over every group's time span, rather than one query per group.
  const ranges = [...spans].map(([group, span]): [unknown, unknown] => [
    [group, span.from - REASSEMBLY_WINDOW_MS],
    [group, span.to + REASSEMBLY_WINDOW_MS],
  ]);
  const rows = await db.messages.where('[group+at]').inAnyRange(ranges, { includeUppers: true }).toArray();
  const keys = rows.flatMap((m) => m.partKeys.filter((k): k is string => k !== null));
  const partRows = await db.parts.bulkGet(keys);
  const byKey = new Map(partRows.flatMap((p) => (p ? [[p.key, p] as const] : [])));
  return rows.flatMap((m) => storedGeneration(m, byKey) ?? []);
}

async function writeOutgoing(db: HallDb, records: readonly OutgoingRecord[]): Promise<MessageRow[]> {
  if (records.length === 0) return [];
  const ids = [...new Set(records.flatMap((r) => (r.retryOf ? [r.id, r.retryOf] : [r.id])))];
  const stored = await db.commands.bulkGet(ids);
  const latest = new Map<string, CommandRow>(stored.flatMap((c) => (c ? [[c.id, c] as const] : [])));
  const changed = new Set<string>();
  for (const r of records) {
    const merged = mergeCommand(latest.get(r.id), r);
    if (merged) {
      latest.set(r.id, merged);
      changed.add(r.id);
    }
    // The retried bubble loses its Retry: the journal holds the retry before the retried one is shown again.
    const retried = r.retryOf ? latest.get(r.retryOf) : undefined;
    if (retried && retried.retriedBy !== r.id) {
      latest.set(retried.id, { ...retried, retriedBy: r.id });
      changed.add(retried.id);
    }
  }
  const commands = [...changed].map((id) => latest.get(id)!);
  const messages = commands.map(outgoingMessageRow);
  await db.commands.bulkPut(commands);
  await db.messages.bulkPut(messages);
  return messages;
}

/** Every SIM with traffic gets a row, so its thread is listed even with no modem connected. */
async function touchSims(db: HallDb, batch: Batch): Promise<void> {
  const seen = new Map<string, number>();
  for (const r of batch.incoming) seen.set(r.simId, Math.max(seen.get(r.simId) ?? 0, r.receivedAt));
  for (const r of batch.outgoing) seen.set(r.simId, Math.max(seen.get(r.simId) ?? 0, r.at));
  if (seen.size === 0) return;
  const ids = [...seen.keys()];
  const stored = await db.sims.bulkGet(ids);
  await db.sims.bulkPut(
    ids.map((simId, i) => {
      const row = stored[i];
      const lastSeenAt = Math.max(row?.lastSeenAt ?? 0, seen.get(simId)!);
      return row ? { ...row, lastSeenAt } : { simId, operator: null, demo: false, lastSeenAt };
    }),
  );
}
