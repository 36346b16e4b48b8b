import type { HallDb } from './db';
import { backgroundTurn } from './background';
import { noteReread } from './figure-rules';
import { figureRowsFor } from './figures';

/** Replies read per transaction: a few ms of parsing, so a search or a click never waits long behind it. */
const CHUNK = 100;
/** Idle moments are waited for, but not for ever: a page that is never idle still gets its figures. */
const IDLE_TIMEOUT_MS = 5000;

/**
 * Reads the figures of queued replies (queued by the ingest, by the upgrade to schema 2, and again when
 * the reader changed: figure-rules.ts) in
 * the page's quiet moments. Parsing a reply costs about as much as storing it, so it is kept off
 * the path that stores and acknowledges messages; the queue is in the store, so a reply stored
 * just before a crash or a reload is read after the next start.
 */
export class FigureReader {
  private running = false;
  private again = false;
  private stopped = false;

  constructor(private readonly db: HallDb) {}

  /** There may be new replies in the queue. */
  wake(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = true;
    // A failed read leaves the queue as it was: the next wake (the next stored reply, the next start) tries again.
    void this.drain()
      .catch(() => undefined)
      .finally(() => {
        this.running = false;
        if (this.again) {
          this.again = false;
          this.wake();
        }
      });
  }

  stop(): void {
    this.stopped = true;
  }

  private async drain(): Promise<void> {
    while (!this.stopped) {
      await backgroundTurn();
      await quietMoment();
      const batch = await this.db.figureQueue.orderBy('id').first();
      if (!batch) return;
      const ids = batch.messageIds.slice(0, CHUNK);
      const rest = batch.messageIds.slice(CHUNK);
      // Read outside the write: a complete reply is never rewritten, and the thread's reads need not wait for the parsing.
      const rows = (await this.db.messages.bulkGet(ids)).flatMap((m) => (m ? figureRowsFor(m) : []));
      await this.db.transaction('rw', [this.db.figures, this.db.figureQueue, this.db.meta], async () => {
        // The log was cleared while these were parsed: their figures must not come back.
        if (!(await this.db.figureQueue.get(batch.id!))) return;
        // A reply read again (a newer reader) may make fewer rows than before: its old rows go first.
        await this.db.figures.where('messageId').anyOf(ids).delete();
        await this.db.figures.bulkPut(rows);
        if (batch.reread) await noteReread(this.db, ids.length);
        if (rest.length) await this.db.figureQueue.update(batch.id!, { messageIds: rest });
        else await this.db.figureQueue.delete(batch.id!);
      });
    }
  }
}

function quietMoment(): Promise<void> {
  return new Promise((resolve) => {
    if ('requestIdleCallback' in globalThis) requestIdleCallback(() => resolve(), { timeout: IDLE_TIMEOUT_MS });
    else setTimeout(resolve, 0);
  });
}
