import type { CoreApi, ModemStatus } from '../../src-shared/api/contract';
import { isUnfinished, type OutgoingRecord } from '../../src-shared/journal-records';
import { activeCatalog } from '../catalog/active-catalog';
import { holdBackground } from './background';
import { pruneCleared } from './cleared';
import { hallDb, type HallDb } from './db';
import { FigureReader } from './figure-reader';
import { rereadIfReaderChanged } from './figure-rules';
import { ingestBatch } from './ingest';
import { logTextIndex } from './log-index';
import { IngestQueue, type IngestStatus } from './ingest-queue';
import type { LogEvents } from './log-events';
import { incompleteLongMessages } from './missing-parts';
import { remaskStoredTexts } from './remask';
import { noteSendsHeardFrom, sendsHeardFrom } from './sends-heard';
import { takeUnreadAtOpen } from './unread-at-open';

/** Pending parts asked for at a time (at most the contract's PENDING_PAGE_MAX): as many as one acknowledgement names. */
const PENDING_PAGE = 2000;

/** More messages tend to follow one that just came in (a long reply, a burst). */
const INGEST_HOLD_MS = 1000;

/**
 * The journal hands back the latest state of every instruction it holds (finished ones until its next
 * compaction). An unfinished one is always taken, and so is one this log already has (its final state may have
 * been missed in a crash). One that ended before `heardFrom` and that this log never had is not taken: another
 * browser's old instructions are not this log's history. One that ended since is: sent while no page of this log
 * was open (a check scheduled at night, the CLI) or just before this page listened.
 */
async function catchUpOutgoing(db: HallDb, records: readonly OutgoingRecord[], heardFrom: number): Promise<OutgoingRecord[]> {
  const finished = records.filter((r) => !isUnfinished(r.state) && r.at < heardFrom);
  const known = new Set((await db.commands.bulkGet(finished.map((r) => r.id))).flatMap((c) => (c ? [c.id] : [])));
  return records.filter((r) => isUnfinished(r.state) || r.at >= heardFrom || known.has(r.id));
}

export interface LogSync {
  /**
   * Asks the core for everything not yet acknowledged, and for the rest of the long messages this log
   * holds incomplete (another profile may have acknowledged it): at start-up, and after a reconnect.
   */
  catchUp(): Promise<void>;
  onStatus(listener: (status: IngestStatus) => void): () => void;
  /** Gives the SIMs in these modems a row, so their threads are listed before any traffic. */
  noteModems(modems: readonly ModemStatus[]): void;
  stop(): void;
}

/**
 * Keeps the log in step with the core: every `incoming` and `outgoing` event goes through the
 * ingest queue, and the figures of stored replies are read behind it. `events` has held every event since the
 * connection was made (holdLogEvents), and is attached before the pending records are asked for, so nothing
 * falls before or between the two; a record seen twice is stored once, and of two states the newer one stays.
 */
export function startLogSync(api: CoreApi, events: LogEvents, db: HallDb = hallDb()): LogSync {
  const listeners = new Set<(status: IngestStatus) => void>();
  const figures = new FigureReader(db);
  // Read before this page's first write: what the log had then is not news (NewReplyNews).
  const opened = takeUnreadAtOpen(db);
  const queue = new IngestQueue({
    write: async (batch) => {
      await opened;
      holdBackground(INGEST_HOLD_MS);
      logTextIndex(db).note(await ingestBatch(db, batch));
    },
    ack: (keys) => api.call('journal.ack', { keys }),
    onStatus: (status) => {
      listeners.forEach((l) => l(status));
      // Figures are read once the queue has nothing left to store: storing (and freeing the journal) comes first.
      if (status.state === 'idle') figures.wake();
    },
  });
  const sims = new SimRecorder(db);
  // Replies queued before a crash or a reload, or by the store's upgrade, and every stored reply when
  // its figures are an older reader's (notices it did not read, times of arrival).
  void rereadIfReaderChanged(db)
    .catch(() => undefined)
    .finally(() => figures.wake());
  // Texts stored under an older masker, masked again once per masker version (a failed step is tried at the next open).
  void remaskStoredTexts(db, activeCatalog())
    .catch(() => undefined)
    .finally(() => figures.wake());
  const detach = events.attach({ incoming: (r) => queue.pushIncoming(r), outgoing: (r) => queue.pushOutgoing(r) });
  return {
    async catchUp() {
      // Taken before asking: a send that ends after the answer comes live to this page, which listens from now on.
      const asked = Date.now();
      // A page at a time: a backlog in one answer can pass the server's bound on what waits unsent, which cuts the page off.
      const first = await api.call('journal.pending', { limit: PENDING_PAGE });
      const incoming: { key: string }[] = [];
      for (let page = first; ; ) {
        for (const r of page.incoming) {
          incoming.push({ key: r.key });
          queue.pushIncoming(r);
        }
        if (!page.more || page.incoming.length === 0) break;
        page = await api.call('journal.pending', { after: page.incoming.at(-1)!.key, limit: PENDING_PAGE });
      }
      // What the journal holds now is what a clear must still keep out; older cleared rows can go.
      await pruneCleared(db, { incoming, outgoing: first.outgoing }, Date.now()).catch(() => undefined);
      for (const r of await catchUpOutgoing(db, first.outgoing, await sendsHeardFrom(db))) queue.pushOutgoing(r);
      // Only once they are written: a page closed before that takes them again next time.
      void queue
        .written()
        .then(() => noteSendsHeardFrom(db, asked))
        .catch(() => undefined);
      // A part this log stores already is skipped by its key: asking again never duplicates.
      for (const messages of await incompleteLongMessages(db, Date.now())) {
        (await api.call('journal.parts', { messages })).incoming.forEach((r) => queue.pushIncoming(r));
      }
    },
    onStatus(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    noteModems: (modems) => modems.forEach((m) => sims.record(m)),
    stop() {
      detach();
      queue.dispose();
      figures.stop();
    },
  };
}

/** Writes a SIM's operator and demo flag when they change, not on every signal-strength event. */
class SimRecorder {
  private readonly written = new Map<string, string>();

  constructor(private readonly db: HallDb) {}

  record(status: ModemStatus): void {
    const { simId, operator, demo } = status;
    if (!simId) return;
    const signature = `${operator ?? ''}|${demo}`;
    if (this.written.get(simId) === signature) return;
    this.written.set(simId, signature);
    void this.db.sims.put({ simId, operator, demo, lastSeenAt: Date.now() }).catch(() => this.written.delete(simId));
  }
}
