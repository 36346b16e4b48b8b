import { Dexie, type Table, type Transaction } from 'dexie';
import type { ClearedRow, CommandRow, FigureQueueRow, FigureRow, MessageRow, MetaRow, PartRow, SimRow } from './rows';

/**
 * Each schema version lists its tables' indexes and, when it changes what rows hold, the upgrade
 * that rewrites them. Versions are only ever appended: a user's log is opened by whatever version
 * wrote it last, and Dexie runs every later upgrade in order.
 */
export interface SchemaVersion {
  version: number;
  stores: Record<string, string | null>;
  upgrade?: (tx: Transaction) => Promise<void>;
}

export const SCHEMA: readonly SchemaVersion[] = [
  {
    version: 1,
    stores: {
      parts: 'key, messageId',
      // [simId+peer+at]: a thread in order; [simId+peer+read+at]: its unread messages in order;
      // [group+at]: the other parts of a long message.
      messages: 'id, at, [simId+peer+at], [simId+peer+read+at], [group+at]',
      commands: 'id',
      sims: 'simId',
    },
  },
  {
    version: 2,
    stores: {
      // [simId+kind+at]: one figure's history on one SIM; [simId+at]: a SIM's latest reply with figures;
      // messageId: the rows to replace when a message is stored again.
      figures: 'id, messageId, [simId+kind+at], [simId+at]',
      // Replies whose figures are still to be read, a row per stored batch (see FigureReader).
      figureQueue: '++id',
    },
    upgrade: queueStoredReplies,
  },
  {
    // Figures now carry the kind of data allowance (and pushed notices): every reply is read again.
    version: 3,
    stores: {},
    upgrade: async (tx) => {
      await tx.table('figures').clear();
      await tx.table('figureQueue').clear();
      await queueStoredReplies(tx);
    },
  },
  {
    // Which reader the stored figures are of: a log whose figures an older reader made (notices it did
    // not read, times of arrival) is read again after the log opens (see figure-rules.ts), not here.
    version: 4,
    stores: { meta: 'key' },
  },
  {
    // What "Clear the local log" deleted, so that nothing the journal hands over again brings it back.
    version: 5,
    stores: { cleared: 'key' },
  },
  {
    // Cleared parts of long messages by their group: a late part of a cleared message is cleared too.
    version: 6,
    stores: { cleared: 'key, group' },
  },
  {
    // [simId+state]: a SIM's failed instructions, for the thread's newest failed (newestFailed). Reading the whole table
    // instead ran again at every write of any instruction (perf24). IndexedDB builds the index from the rows it has.
    version: 7,
    stores: { commands: 'id, [simId+state]' },
  },
];

/**
 * Queues every complete reply stored before figures were kept, for the figure reader to backfill
 * once the log is open: reading 100,000 replies here would hold the log closed for seconds.
 */
const UPGRADE_ROW = 1000;

async function queueStoredReplies(tx: Transaction): Promise<void> {
  const queue = tx.table<FigureQueueRow, number>('figureQueue');
  const ids = await tx
    .table<MessageRow, string>('messages')
    .filter((m) => m.direction === 'in' && m.complete)
    .primaryKeys();
  const rows: FigureQueueRow[] = [];
  for (let i = 0; i < ids.length; i += UPGRADE_ROW) rows.push({ messageIds: ids.slice(i, i + UPGRADE_ROW) });
  await queue.bulkAdd(rows);
}

const DB_NAME = 'hall10086-log';

export class HallDb extends Dexie {
  parts!: Table<PartRow, string>;
  messages!: Table<MessageRow, string>;
  commands!: Table<CommandRow, string>;
  sims!: Table<SimRow, string>;
  figures!: Table<FigureRow, string>;
  figureQueue!: Table<FigureQueueRow, number>;
  meta!: Table<MetaRow, string>;
  cleared!: Table<ClearedRow, string>;

  constructor() {
    // 'strict': a transaction has reached the disk when it reports complete, which is what lets
    // the journal forget a part the moment we acknowledge it.
    super(DB_NAME, { chromeTransactionDurability: 'strict' });
    for (const v of SCHEMA) {
      const declared = this.version(v.version).stores(v.stores);
      if (v.upgrade) declared.upgrade(v.upgrade);
    }
  }
}

let shared: HallDb | undefined;

export function hallDb(): HallDb {
  return (shared ??= new HallDb());
}
