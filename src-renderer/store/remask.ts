import type { InstructionCatalog } from '../../src-shared/catalog/catalog';
import { MASKER_VERSION } from '../../src-shared/catalog/secrets';
import type { IncomingRecord } from '../../src-shared/journal-records';
import { rekeptUnreadableText } from '../../src-shared/pdu';
import { receivedTextAtRest } from '../../src-shared/received-at-rest';
import type { HallDb } from './db';
import { logTextIndex, remaskedChannel } from './log-index';
import { joinSlots } from './reassembly';
import type { CommandRow, MaskerRow, MessageRow, PartRow } from './rows';

/** Rows read, masked and written back per transaction: one step of the pass, never left half done. */
const STEP = 500;

const KEY = 'masker';

/** The tables whose rows hold message text, in the order the pass walks them. */
const TABLES = ['messages', 'parts', 'commands'] as const;
type Table = (typeof TABLES)[number];

type Masking = Pick<InstructionCatalog, 'maskSecrets' | 'maskSecretParts'>;

/**
 * A text as this masker keeps it, or null when it stays as stored. A row this masker masked (MessageRow.masker is
 * MASKER_VERSION) stays. One an older masker masked, as its row records (since MASKER_VERSION 7), is masked again: a sent
 * text as the core masks what is typed, a received one as the journal masks a received part at rest (receivedTextAtRest,
 * mend67: a part of a long message alone at its place, figures, dates and units left as the masker's tests say; a long
 * message's row is rebuilt from its parts, `received`). Of rows stored before rows recorded it: what the user sent (a
 * message `out`, an instruction) is masked whatever it holds, as it was masked when stored; a received text stays as
 * stored (review47 F0): a mask in it is no mark that the journal masked it (a reply shows an ID as `4401**********1234`
 * of its own, and masking it again took the new service password, which exists nowhere else), so its figures are never
 * masked away. The one received text with no record changed is a part an older version kept unreadable as
 * `[PDU code] <hex>` (before MASKER_VERSION 5: a reset password spelled `003900370035…` in it), told by that form, not by
 * a mask: it is kept as the journal keeps that PDU now (rekeptUnreadableText), its text read leniently and masked, or its
 * hex with the digits of a reading that holds a secret hidden.
 */
function remasked(row: Row, sent: boolean, catalog: Masking, received: (row: Row) => string): string | null {
  if (row.masker === MASKER_VERSION) return null;
  if (!sent && row.masker === undefined) {
    // An unreadable part kept as its bytes (`[PDU code] <hex>`), as the journal keeps it now; never masked over its hex.
    const kept = rekeptUnreadableText(row.text, (t) => catalog.maskSecrets(t));
    return kept === null || kept === row.text ? null : kept;
  }
  const masked = sent ? (rekeptUnreadableText(row.text, (t) => catalog.maskSecrets(t)) ?? catalog.maskSecrets(row.text)) : received(row);
  return masked === row.text ? null : masked;
}

/** A received part row as the journal handed it out, for its masking at rest. */
function partRecord(part: PartRow): IncomingRecord {
  const { key, simId, from, text, encoding, timestamp, receivedAt, ref, total, part: n } = part;
  return { kind: 'in', key, simId, from, text, encoding, timestamp, receivedAt, concat: ref === null ? null : { ref, total, part: n } };
}

/**
 * How received rows of one step are masked again (remasked): a part row and a single SMS's row as the journal masks that
 * part; a long message's row as its part rows joined, each stamped older masked so (one as it came stays).
 */
async function receivedMasking(db: HallDb, table: Table, rows: readonly Row[], catalog: Masking): Promise<(row: Row) => string> {
  const mask = (parts: readonly (string | null)[]) => catalog.maskSecretParts(parts);
  const atRest = (part: PartRow) => (part.masker === undefined || part.masker === MASKER_VERSION ? part.text : receivedTextAtRest(partRecord(part), mask));
  if (table === 'parts') return (row) => receivedTextAtRest(partRecord(row as PartRow), mask);
  if (table !== 'messages') return (row) => row.text;
  const long = (rows as MessageRow[]).filter((m) => m.direction === 'in' && m.group !== undefined && m.masker !== undefined && m.masker !== MASKER_VERSION);
  const parts = await db.parts.bulkGet(long.flatMap((m) => m.partKeys.filter((k): k is string => k !== null)));
  const byKey = new Map(parts.flatMap((p) => (p ? [[p.key, p] as const] : [])));
  return (row) => {
    const m = row as MessageRow;
    if (m.group === undefined) {
      const single: IncomingRecord = { kind: 'in', key: m.partKeys[0] ?? m.id, simId: m.simId, from: m.peer, text: m.text, encoding: 'ucs2', timestamp: m.timestamp ?? '', receivedAt: m.at, concat: null };
      return receivedTextAtRest(single, mask);
    }
    const slots = m.partKeys.map((key) => (key === null ? null : byKey.get(key) ?? null));
    // A part row gone (never, but a row is never guessed at): the message stays as stored.
    return slots.every((s, i) => (s === null) === (m.partKeys[i] === null)) ? joinSlots(slots.map((p) => p && { text: atRest(p) })) : m.text;
  };
}

/**
 * Masks again, with this version's masker, the texts a page stored under an older one (MASKER_VERSION, kept in the
 * `meta` row `masker`): before, a sent text the masker of its day left clear (`我的服务密码是一二三四五六` before version 2,
 * `一2三4五6` before 4) stayed in IndexedDB for good, where only exports masked it. Walks `messages`, `parts` and
 * `commands` by key, STEP rows a transaction; each transaction writes the rows it changed and how far the pass has come,
 * so a page closed mid-way loses no row and leaves none half-written, and the next open goes on from there. Once every
 * table is done the row says so, and the pass does not run again until MASKER_VERSION changes. Received replies whose
 * text changed (a part kept unreadable, now read) are queued for the figure reader (their rows are replaced, never added
 * to), and the log's search text is told of the new texts. Resolves with how many rows it changed.
 */
export async function remaskStoredTexts(db: HallDb, catalog: Masking): Promise<number> {
  let changed = 0;
  for (;;) {
    const step = await db.transaction('rw', [db.messages, db.parts, db.commands, db.figureQueue, db.meta], async () => {
      const kept = await db.meta.get(KEY);
      const at: MaskerRow = kept?.key === KEY && kept.version === MASKER_VERSION ? kept : { key: KEY, version: MASKER_VERSION, table: TABLES[0], after: null };
      if (at.table === 'done') return null;
      const rows = await page(db, at.table, at.after);
      const written = maskRows(at.table, rows, catalog, await receivedMasking(db, at.table, rows, catalog));
      if (written.length) await putRows(db, at.table, written);
      const last = rows.at(-1);
      const next = TABLES[TABLES.indexOf(at.table) + 1] ?? 'done';
      await db.meta.put(rows.length < STEP || !last ? { ...at, table: next, after: null } : { ...at, after: keyOf(at.table, last) });
      return { table: at.table, written };
    });
    if (step === null) return changed;
    // Only once written: the search then finds no clear text this tab loaded before, nor another tab's (told here).
    if (step.table === 'messages' && step.written.length) {
      logTextIndex(db).note(step.written as MessageRow[]);
      tellOtherTabs(db);
    }
    changed += step.written.length;
  }
}

type Row = MessageRow | PartRow | CommandRow;

function page(db: HallDb, table: Table, after: string | null): Promise<Row[]> {
  const t = db.table<Row, string>(table);
  return (after === null ? t.orderBy(':id') : t.where(':id').above(after)).limit(STEP).toArray();
}

function keyOf(table: Table, row: Row): string {
  return table === 'parts' ? (row as PartRow).key : (row as MessageRow | CommandRow).id;
}

function maskRows(table: Table, rows: readonly Row[], catalog: Masking, received: (row: Row) => string): Row[] {
  return rows.flatMap((row) => {
    const sent = table === 'commands' || (table === 'messages' && (row as MessageRow).direction === 'out');
    const text = remasked(row, sent, catalog, received);
    return text === null ? [] : [{ ...row, text, masker: MASKER_VERSION }];
  });
}

async function putRows(db: HallDb, table: Table, rows: Row[]): Promise<void> {
  await db.table<Row, string>(table).bulkPut(rows);
  if (table !== 'messages') return;
  const messages = rows as MessageRow[];
  const replies = messages.filter((m) => m.direction === 'in' && m.complete).map((m) => m.id);
  if (replies.length) await db.figureQueue.add({ messageIds: replies });
}

/** Tells the other tabs of this log that texts were masked again (remaskedChannel): they drop what they hold of them. */
function tellOtherTabs(db: HallDb): void {
  const channel = remaskedChannel(db);
  if (!channel) return;
  channel.postMessage({ kind: 'remasked' });
  channel.close();
}
