import { fold } from '../../src-shared/search/fold';
import { holdBackground } from './background';
import type { HallDb } from './db';
import type { MessageRow } from './rows';

/** Someone searching the log is likely to search again soon. */
const SEARCH_HOLD_MS = 3000;
/** Rows read per request when the text is loaded: few requests, bounded memory. */
const LOAD_PAGE = 5000;
/** Searching runs at every keystroke; counting the store's rows need not. */
const RECHECK_EVERY_MS = 2000;

/**
 * The log's text, folded (case, full width, Traditional → Simplified), held in memory, so that a
 * "contains" search over 100,000 messages is a loop over strings, not a cursor walk through
 * IndexedDB. Rows this tab writes are noted as they commit; after a search (at most every two
 * seconds) a count that differs from the store's (another tab wrote, or the log was cleared) reloads it in the
 * background, for the next search: counting 100,000 rows takes longer than the search itself.
 */
export class LogTextIndex {
  private texts = new Map<string, { at: number; text: string }>();
  private loaded: Promise<void> | null = null;
  private checkedAt = 0;

  constructor(private readonly db: HallDb) {
    // Another tab's re-mask pass rewrote texts this one may hold as they were (a secret an older masker left clear): they
    // go, and the next search reads the log again (the count, which the recheck compares, did not change).
    const told = remaskedChannel(db);
    if (told) told.onmessage = () => this.drop();
  }

  /** Forgets the text held: the next search loads it again. */
  private drop(): void {
    this.texts = new Map();
    this.loaded = null;
  }

  note(rows: readonly MessageRow[]): void {
    if (!this.loaded) return;
    for (const r of rows) this.texts.set(r.id, { at: r.at, text: fold(r.text) });
  }

  /** Loads the text now (opening the search panel), so the first query does not wait for it. */
  warm(): Promise<void> {
    holdBackground(SEARCH_HOLD_MS);
    return (this.loaded ??= this.reload());
  }

  /** Messages whose text contains the query, newest first. */
  async search(query: string, limit: number): Promise<MessageRow[]> {
    const needle = fold(query).trim();
    if (!needle) return [];
    holdBackground(SEARCH_HOLD_MS);
    await this.warm();
    const rows = await this.db.messages.bulkGet(newestContaining(this.texts, needle, limit));
    // A failed recheck leaves the text as it was; a later search checks again.
    this.recheck().catch(() => {});
    return rows.filter((r): r is MessageRow => r !== undefined);
  }

  private async recheck(): Promise<void> {
    if (Date.now() - this.checkedAt < RECHECK_EVERY_MS) return;
    this.checkedAt = Date.now();
    if ((await this.db.messages.count()) !== this.texts.size) await (this.loaded = this.reload());
  }

  /** A failed load is not kept: the next search tries again. */
  private reload(): Promise<void> {
    const loading: Promise<void> = this.load().catch((error: unknown) => {
      if (this.loaded === loading) this.loaded = null;
      throw error;
    });
    return loading;
  }

  private async load(): Promise<void> {
    const fresh = new Map<string, { at: number; text: string }>();
    // Pages of rows by key, each one request (getAll): a cursor would cost a round trip per row.
    for (let after: string | null = null; ; ) {
      const page: MessageRow[] = await (after === null ? this.db.messages.orderBy(':id') : this.db.messages.where(':id').above(after)).limit(LOAD_PAGE).toArray();
      for (const r of page) fresh.set(r.id, { at: r.at, text: fold(r.text) });
      if (page.length < LOAD_PAGE) break;
      after = page[page.length - 1]!.id;
    }
    this.texts = fresh;
  }
}

/**
 * Ids of the newest `limit` texts containing `needle`, newest first. Only those are kept while
 * scanning, so a common word among 100,000 messages costs no sort of every match.
 */
export function newestContaining(texts: ReadonlyMap<string, { at: number; text: string }>, needle: string, limit: number): string[] {
  const hits: { id: string; at: number }[] = [];
  for (const [id, entry] of texts) {
    if (!entry.text.includes(needle)) continue;
    if (hits.length === limit && entry.at <= hits[limit - 1]!.at) continue;
    let i = hits.length;
    while (i > 0 && hits[i - 1]!.at < entry.at) i--;
    hits.splice(i, 0, { id, at: entry.at });
    if (hits.length > limit) hits.pop();
  }
  return hits.map((h) => h.id);
}

const indexes = new WeakMap<HallDb, LogTextIndex>();

export function logTextIndex(db: HallDb): LogTextIndex {
  let index = indexes.get(db);
  if (!index) indexes.set(db, (index = new LogTextIndex(db)));
  return index;
}

/**
 * The channel the tabs of one log (one origin, one database) tell each other on that a re-mask pass (remask.ts) rewrote
 * texts: what a tab holds of them in memory (its search text) is old, an older masker's clear secret in it. Dexie's
 * liveQuery tells the views of other tabs of every write already; the search text is no query. Null where the browser
 * has no BroadcastChannel.
 */
export function remaskedChannel(db: HallDb): BroadcastChannel | null {
  return typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(`hall10086-remasked:${db.name}`);
}
