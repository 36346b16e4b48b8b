import type { HallDb } from './db';
import { HALL_PEER } from './incoming-rows';
import { unreadCount } from './queries';

/** Unread replies per SIM's thread, read in one transaction (a write between two SIMs' counts is never half seen). */
export function unreadBySim(db: HallDb): Promise<ReadonlyMap<string, number>> {
  return db.transaction('r', db.sims, db.messages, async () => {
    const sims = await db.sims.toCollection().primaryKeys();
    return new Map(await Promise.all(sims.map(async (simId) => [simId, await unreadCount(db, simId, HALL_PEER)] as const)));
  });
}

let atOpen: Promise<ReadonlyMap<string, number>> | null = null;

/**
 * What this log held unread when the page opened, before the page wrote anything (the log sync waits for it
 * before its first write): what the user already had. A reply the page stores after that, caught up from the
 * journal after a reload included, is news, said once (NewReplyNews); one this log had is never said again.
 */
export function takeUnreadAtOpen(db: HallDb): Promise<ReadonlyMap<string, number>> {
  atOpen ??= unreadBySim(db).catch(() => new Map());
  return atOpen;
}

/** The reading `takeUnreadAtOpen` took (null: the log sync has not started). */
export function unreadAtOpen(): Promise<ReadonlyMap<string, number>> | null {
  return atOpen;
}
