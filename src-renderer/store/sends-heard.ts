import type { HallDb } from './db';
import type { SendsHeardRow } from './rows';

const KEY = 'sendsHeard';

/**
 * From when this log takes an instruction it has never seen that already ended (failed, sent, delivered): what
 * the core sent from elsewhere (a schedule at night, the CLI, the extension) since this log last caught up, while
 * no page of it was open. A log that never caught up (a new profile, one just cleared, one from before this was
 * kept) takes those that ended since this page was opened: another browser's older sends are not its history.
 */
export async function sendsHeardFrom(db: HallDb): Promise<number> {
  const row = await db.meta.get(KEY);
  return row?.key === KEY ? row.from : performance.timeOrigin;
}

/** Moves the mark on to `from` (never back: another tab may have caught up later). Call once the catch-up's records are written. */
export async function noteSendsHeardFrom(db: HallDb, from: number): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    const row = await db.meta.get(KEY);
    if (row?.key === KEY && row.from >= from) return;
    const next: SendsHeardRow = { key: KEY, from };
    await db.meta.put(next);
  });
}
