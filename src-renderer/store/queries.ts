import { Dexie } from 'dexie';
import { rememberCleared } from './cleared';
import type { HallDb } from './db';
import { threadPeer } from './incoming-rows';
import { outgoingMessageId } from './outgoing-rows';
import type { CommandRow, MessageRow } from './rows';

/** Every message of one SIM with one peer, oldest first along the index. */
function thread(db: HallDb, simId: string, peer: string) {
  return db.messages.where('[simId+peer+at]').between([simId, peer, Dexie.minKey], [simId, peer, Dexie.maxKey]);
}

/** Whether `text` was sent to the reply's sender after the reply came (a confirmation word, say). */
export async function answeredWith(db: HallDb, reply: MessageRow, text: string): Promise<boolean> {
  const after = db.messages.where('[simId+peer+at]').between([reply.simId, reply.peer, reply.at], [reply.simId, reply.peer, Dexie.maxKey]);
  return (await after.filter((m) => m.direction === 'out' && m.text === text).count()) > 0;
}

/** How long before a reply was stored a message stamped after it may have been: read off the SIM before it, or delayed less. */
const STAMPED_LATER_READ_EARLIER_MS = 24 * 3600_000;

/**
 * Whether the peer has written to this SIM since `reply`: a number or a word sent back now answers
 * that newer message (10086 reads a bare `1` against what it wrote last), not this one. Newer by the
 * service centre's stamps where both are readable: a SIM lists what it holds in slot order, not in
 * the order it came, so a message read (stored) first may be the later one.
 */
export async function writtenSince(db: HallDb, reply: MessageRow): Promise<boolean> {
  const from = reply.at - STAMPED_LATER_READ_EARLIER_MS;
  const near = db.messages.where('[simId+peer+at]').between([reply.simId, reply.peer, from], [reply.simId, reply.peer, Dexie.maxKey]);
  const stamp = (m: MessageRow) => Date.parse(m.timestamp ?? '');
  const later = (m: MessageRow) => {
    const [mine, theirs] = [stamp(reply), stamp(m)];
    return Number.isNaN(mine) || Number.isNaN(theirs) || mine === theirs ? m.at >= reply.at : theirs > mine;
  };
  return (await near.filter((m) => m.direction === 'in' && m.id !== reply.id && later(m)).count()) > 0;
}

/** A stretch of a thread: `take` messages from `skip` counted from the newest (offset 0 = newest). */
export interface ThreadSlice {
  count: number;
  skip: number;
  take: number;
  /** Newest first: the stretch, then the message just older than it (when there is one), for day separators. */
  rows: MessageRow[];
}

/** Count and one slice read in one transaction, so the two always agree. */
export function threadSlice(db: HallDb, simId: string, peer: string, skip: number, take: number): Promise<ThreadSlice> {
  return db.transaction('r', db.messages, async () => {
    const count = await thread(db, simId, peer).count();
    const rows = await thread(db, simId, peer)
      .reverse()
      .offset(skip)
      .limit(take + 1)
      .toArray();
    return { count, skip, take, rows };
  });
}

/** How many messages of the thread are older than this one: its position, oldest first. */
export function positionInThread(db: HallDb, message: MessageRow): Promise<number> {
  return db.messages
    .where('[simId+peer+at]')
    .between([message.simId, message.peer, Dexie.minKey], [message.simId, message.peer, message.at], true, false)
    .count();
}

/**
 * The thread's newest instruction that failed or may not have left ("不确定是否已发出"): where a SIM's
 * "发送失败" badge opens its thread. Null when the log holds none (cleared, or sent from another browser).
 * Found among the instructions (each stored with its message row, in one transaction), not by stepping
 * through the thread: this is a live query, and a read of the whole thread ran again at every write to
 * any of its messages, a step per message each time; marking 100,000 read wrote them 2,000 at a time,
 * 50 × 100,000 steps (9.7 s → 173 s, perf24). The instructions are few, and no marking writes them; they are read
 * through their [simId+state] index, as reading them all ran again at every write of any instruction (each send writes
 * its own three or four times), every instruction each time (mend37).
 */
export function newestFailed(db: HallDb, simId: string, peer: string): Promise<MessageRow | null> {
  return db.transaction('r', db.commands, db.messages, async () => {
    let newest: CommandRow | undefined;
    // Through the index, so the live query reads, and is woken by, only this SIM's failed instructions.
    // No state sorts between the two (failed, failed-retryable): one range, read in one request.
    const failed = await db.commands.where('[simId+state]').between([simId, 'failed'], [simId, 'failed-retryable'], true, true).toArray();
    for (const c of failed) {
      if (threadPeer(c.to) !== peer) continue;
      // The thread's order: by time, then by id (a message row's id is its instruction's, prefixed).
      if (!newest || c.createdAt > newest.createdAt || (c.createdAt === newest.createdAt && c.id > newest.id)) newest = c;
    }
    return newest ? ((await db.messages.get(outgoingMessageId(newest.id))) ?? null) : null;
  });
}

/** The thread's unread messages, those written up to `upTo` (epoch ms) when given. */
function unread(db: HallDb, simId: string, peer: string, upTo?: number) {
  return db.messages.where('[simId+peer+read+at]').between([simId, peer, 0, Dexie.minKey], [simId, peer, 0, upTo ?? Dexie.maxKey], true, true);
}

export function unreadCount(db: HallDb, simId: string, peer: string): Promise<number> {
  return unread(db, simId, peer).count();
}

export function firstUnread(db: HallDb, simId: string, peer: string): Promise<MessageRow | undefined> {
  return unread(db, simId, peer).first();
}

/**
 * Marks the thread's messages up to `at` (the newest one seen) read, a chunk at a time, so a huge backlog of
 * unread never holds up the reads that draw the thread. A reply below what was seen stays unread.
 */
export async function markReadUpTo(db: HallDb, simId: string, peer: string, at: number): Promise<void> {
  // Each chunk is read whole (one getAll) and written back in the same transaction, so a reply
  // stored meanwhile is never overwritten by an older copy of its row.
  const chunk = () =>
    db.transaction('rw', db.messages, async () => {
      const rows = await unread(db, simId, peer, at).limit(MARK_READ_CHUNK).toArray();
      await db.messages.bulkPut(rows.map((r) => ({ ...r, read: 1 as const })));
      return rows.length;
    });
  while ((await chunk()) === MARK_READ_CHUNK);
}

const MARK_READ_CHUNK = 2000;

export interface LogSummary {
  messages: number;
  parts: number;
  commands: number;
  sims: number;
}

export function logSummary(db: HallDb): Promise<LogSummary> {
  return db.transaction('r', [db.messages, db.parts, db.commands, db.sims], async () => ({
    messages: await db.messages.count(),
    parts: await db.parts.count(),
    commands: await db.commands.count(),
    sims: await db.sims.count(),
  }));
}

/**
 * Clears the log if it still holds what the user was shown (`named`, counted in the same transaction),
 * and returns null; otherwise clears nothing and returns what it holds now. A message stored while the
 * question was open (another tab's reply, a scheduled check's) was acknowledged to the journal, which then
 * lets it go, and its SIM copy is long deleted: cleared unseen, it was lost (review17).
 */
export function clearLog(db: HallDb, named: LogSummary): Promise<LogSummary | null> {
  const tables = [db.messages, db.parts, db.commands, db.sims, db.figures, db.figureQueue, db.meta];
  return db.transaction('rw', [...tables, db.cleared], async () => {
    const now = await logSummary(db);
    if ((Object.keys(now) as (keyof LogSummary)[]).some((k) => now[k] !== named[k])) return now;
    // What the journal hands over again later (an acknowledgement it had not received, a write queued
    // before this) must not bring it back: see cleared.ts.
    await rememberCleared(db, Date.now());
    await Promise.all(tables.map((t) => t.clear()));
    return null;
  });
}

/** The whole log, oldest first. */
export function allMessages(db: HallDb): Promise<MessageRow[]> {
  return db.messages.orderBy('at').toArray();
}

/**
 * The time of the thread's newest message when it is an instruction that went out and nothing came
 * back after it: a question to 10086 still open, whatever older figures say.
 */
export async function openQuestionAt(db: HallDb, simId: string, peer: string): Promise<number | null> {
  const newest = await thread(db, simId, peer).last();
  return newest && newest.direction === 'out' && (newest.state === 'sent' || newest.state === 'delivered') ? newest.at : null;
}
