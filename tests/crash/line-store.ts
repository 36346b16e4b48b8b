import { open, readFile, type FileHandle } from 'node:fs/promises';
import type { IncomingRecord, OutgoingRecord } from '../../src-shared/journal-records';

/** One stored row: a message part (unique by journal key) or an instruction's state change. */
export type StoreRow = { kind: 'in'; record: IncomingRecord } | { kind: 'out'; record: OutgoingRecord };

export interface StoreContents {
  incoming: IncomingRecord[];
  outgoing: OutgoingRecord[];
  /** Bytes up to the last complete line: what survives a write cut short by a kill. */
  validBytes: number;
}

/**
 * Reads the store back. A line without its newline was being written when the process died: like
 * an IndexedDB transaction that never committed, it does not count. Incoming rows keep their first
 * copy per key, as a put by primary key would.
 */
export async function readStore(path: string): Promise<StoreContents> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { incoming: [], outgoing: [], validBytes: 0 };
    throw e;
  }
  const end = text.lastIndexOf('\n') + 1;
  const byKey = new Map<string, IncomingRecord>();
  const outgoing: OutgoingRecord[] = [];
  for (const line of text.slice(0, end).split('\n')) {
    if (!line) continue;
    const row = JSON.parse(line) as StoreRow;
    if (row.kind === 'out') outgoing.push(row.record);
    else if (!byKey.has(row.record.key)) byKey.set(row.record.key, row.record);
  }
  return { incoming: [...byKey.values()], outgoing, validBytes: Buffer.byteLength(text.slice(0, end)) };
}

/**
 * Stands in for the UI's IndexedDB log: a JSON-lines file where a batch counts as committed only
 * once it is written and fsynced. Incoming parts are keyed by their journal key, so a part handed
 * over again after a crash (written, not yet acknowledged) is stored once.
 */
export class LineStore {
  private constructor(
    private readonly handle: FileHandle,
    private readonly keys: Set<string>,
  ) {}

  static async open(path: string): Promise<LineStore> {
    const contents = await readStore(path);
    const handle = await open(path, 'a+');
    // Cut a torn last line off, or the next batch would glue itself to it.
    await handle.truncate(contents.validBytes);
    await handle.sync();
    return new LineStore(handle, new Set(contents.incoming.map((r) => r.key)));
  }

  async write(batch: { incoming: readonly IncomingRecord[]; outgoing: readonly OutgoingRecord[] }): Promise<void> {
    const rows: StoreRow[] = [
      ...batch.incoming.filter((r) => !this.keys.has(r.key)).map((record) => ({ kind: 'in' as const, record })),
      ...batch.outgoing.map((record) => ({ kind: 'out' as const, record })),
    ];
    if (rows.length === 0) return;
    await this.handle.write(rows.map((r) => JSON.stringify(r) + '\n').join(''));
    await this.handle.sync();
    for (const r of batch.incoming) this.keys.add(r.key);
  }

  close(): Promise<void> {
    return this.handle.close();
  }
}
