import type { HallDb } from './db';
import type { Batch } from './ingest';

/**
 * "Clear the local log" deletes what the log held when the user confirmed, and it stays deleted. The
 * journal can hand some of it over again afterwards: a part whose acknowledgement had not reached it
 * (a reload or a second tab asks `journal.pending`), a write queued before the clear and committed
 * after it, a later state of a cleared instruction (a delivery report). Each of those is told by its
 * part key or instruction id, remembered here in the clear's own transaction; a message the log did
 * not hold at the clear has a key of its own (the journal numbers a repeat `…#2`), so it is kept.
 */
const partKey = (key: string) => `part:${key}`;
const commandKey = (id: string) => `command:${id}`;

/** Inside the clear's transaction (with `parts`, `commands` and `cleared`), before the tables are emptied. */
export async function rememberCleared(db: HallDb, clearedAt: number): Promise<void> {
  const keys = [...(await db.parts.toCollection().primaryKeys()).map(partKey), ...(await db.commands.toCollection().primaryKeys()).map(commandKey)];
  await db.cleared.bulkPut(keys.map((key) => ({ key, clearedAt })));
}

/**
 * The batch without what a clear deleted (inside the ingest's transaction, so a clear is either wholly
 * before it or wholly after). What is left out is still acknowledged by the queue: the journal may forget it.
 */
export async function withoutCleared(db: HallDb, batch: Batch): Promise<Batch> {
  const keys = [...batch.incoming.map((r) => partKey(r.key)), ...batch.outgoing.map((r) => commandKey(r.id))];
  if (keys.length === 0 || (await db.cleared.count()) === 0) return batch;
  const gone = new Set((await db.cleared.bulkGet(keys)).flatMap((row) => (row ? [row.key] : [])));
  if (gone.size === 0) return batch;
  return {
    incoming: batch.incoming.filter((r) => !gone.has(partKey(r.key))),
    outgoing: batch.outgoing.filter((r) => !gone.has(commandKey(r.id))),
  };
}
