import type { Page } from 'playwright-core';
import type { ClearedRow, CommandRow, FigureRow, MessageRow, MetaRow, PartRow } from '../../src-renderer/store/rows';
import type { Served } from './app-kit';

/** A log as an older version of the app left it: its schema (Dexie's version) and its rows. */
export interface OldLog {
  /**
   * 1: messages only (before figures were kept); 3: with figure rows and their queue (before the reader's stamp); 6: with
   * meta and cleared (the last before instructions were indexed by SIM and state).
   */
  schema: 1 | 3 | 6;
  messages: MessageRow[];
  /** Schema 3: figure rows as that version's reader made them. */
  figures?: FigureRow[];
  /** Schema 3: replies stored, their figures not read yet (as the ingest queues them). */
  queued?: string[];
  /** The SIM the log lists (a row in `sims`). */
  simId: string;
  /** Received parts (every schema has the table). */
  parts?: PartRow[];
  /** Instruction rows (every schema has the table). */
  commands?: CommandRow[];
  /** Schema 6: meta and cleared rows. */
  meta?: MetaRow[];
  cleared?: ClearedRow[];
}

/**
 * Writes the log with IndexedDB itself, with the stores and indexes that schema had (Dexie's version n
 * is IndexedDB version 10 n), from a page of the app's origin that does not run the app: the app then
 * opens it as a user's log left by that version.
 */
export async function writeOldLog(page: Page, server: Served, log: OldLog): Promise<void> {
  const origin = new URL(server.url).origin;
  await page.route(`${origin}/seed-old-log`, (r) => r.fulfill({ contentType: 'text/html', body: '<!doctype html><title>seed</title>' }));
  await page.goto(`${origin}/seed-old-log`);
  await page.evaluate(
    ({ schema, messages, figures, queued, simId, parts, commands, meta, cleared }) =>
      new Promise<void>((done, fail) => {
        const open = indexedDB.open('hall10086-log', schema * 10);
        open.onerror = () => fail(open.error);
        open.onupgradeneeded = () => {
          const db = open.result;
          db.createObjectStore('parts', { keyPath: 'key' }).createIndex('messageId', 'messageId');
          const m = db.createObjectStore('messages', { keyPath: 'id' });
          m.createIndex('at', 'at');
          m.createIndex('[simId+peer+at]', ['simId', 'peer', 'at']);
          m.createIndex('[simId+peer+read+at]', ['simId', 'peer', 'read', 'at']);
          m.createIndex('[group+at]', ['group', 'at']);
          db.createObjectStore('commands', { keyPath: 'id' });
          db.createObjectStore('sims', { keyPath: 'simId' });
          if (schema < 2) return;
          const f = db.createObjectStore('figures', { keyPath: 'id' });
          f.createIndex('messageId', 'messageId');
          f.createIndex('[simId+kind+at]', ['simId', 'kind', 'at']);
          f.createIndex('[simId+at]', ['simId', 'at']);
          db.createObjectStore('figureQueue', { keyPath: 'id', autoIncrement: true });
          if (schema < 6) return;
          db.createObjectStore('meta', { keyPath: 'key' });
          db.createObjectStore('cleared', { keyPath: 'key' }).createIndex('group', 'group');
        };
        open.onsuccess = () => {
          const db = open.result;
          const stores = ['messages', 'parts', 'sims', 'commands', ...(schema < 2 ? [] : ['figures', 'figureQueue']), ...(schema < 6 ? [] : ['meta', 'cleared'])];
          const tx = db.transaction(stores, 'readwrite');
          for (const row of messages) tx.objectStore('messages').put(row);
          for (const row of parts) tx.objectStore('parts').put(row);
          for (const row of commands) tx.objectStore('commands').put(row);
          for (const row of meta) tx.objectStore('meta').put(row);
          for (const row of cleared) tx.objectStore('cleared').put(row);
          for (const row of figures) tx.objectStore('figures').put(row);
          if (queued.length) tx.objectStore('figureQueue').add({ messageIds: queued });
          tx.objectStore('sims').put({ simId, operator: null, demo: false, lastSeenAt: messages[0]!.at });
          tx.oncomplete = () => {
            db.close();
            done();
          };
          tx.onerror = () => fail(tx.error);
        };
      }),
    {
      schema: log.schema, messages: log.messages, figures: log.figures ?? [], queued: log.queued ?? [], simId: log.simId, parts: log.parts ?? [],
      commands: log.commands ?? [], meta: log.meta ?? [], cleared: log.cleared ?? [],
    },
  );
}
