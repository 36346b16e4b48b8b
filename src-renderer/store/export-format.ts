import { OUTGOING_STATES } from '../../src-shared/journal-records';
import type { StringKey } from '../i18n';
import type { MessageRow, MessageState } from './rows';

/** One exported message: the same fields in the CSV and the JSON export. */
export interface ExportRow {
  time: string;
  simId: string;
  direction: 'in' | 'out';
  peer: string;
  state: string;
  text: string;
  complete: boolean;
  partsReceived: number;
  partsTotal: number;
  serviceCentreTime: string;
  commandId: string;
  error: string;
}

const COLUMNS: readonly (keyof ExportRow)[] = [
  'time',
  'simId',
  'direction',
  'peer',
  'state',
  'text',
  'complete',
  'partsReceived',
  'partsTotal',
  'serviceCentreTime',
  'commandId',
  'error',
];

/**
 * `text` is the message's text with its secrets masked (`exportTexts`): an export leaves the machine
 * (mailed, shared, opened in a spreadsheet), so a password or one-time code in a 10086 reply
 * (`服务密码已重置为482913`) goes out masked, though the thread keeps showing it to its user.
 */
export function exportRow(m: MessageRow, text: string): ExportRow {
  return {
    time: new Date(m.at).toISOString(),
    simId: m.simId,
    direction: m.direction,
    peer: m.peer,
    state: m.state,
    text,
    complete: m.complete,
    partsReceived: m.received,
    partsTotal: m.total,
    serviceCentreTime: m.timestamp ?? '',
    commandId: m.commandId ?? '',
    error: m.error ?? '',
  };
}

/**
 * A message's export rows: one, and one more for each time the same SMS came again (`receivedAgain`), with that
 * time: the thread shows it once, an export lists every time it came, as the log had it before (journal22).
 */
export function exportRows(m: MessageRow, text: string): ExportRow[] {
  return [exportRow(m, text), ...(m.receivedAgain ?? []).map((at) => exportRow({ ...m, at }, text))];
}

/**
 * One CSV field (RFC 4180). SMS text comes from anyone, so a text field is always quoted: LibreOffice
 * Calc's import dialog splits an unquoted field at every separator the reader has ticked (semicolon,
 * tab, space, "other"), and `你好;=1+1` then became a cell `=1+1` that Calc computed (measured with
 * Calc 7.4: tests/integration/csv-in-calc.test.ts). Text that a spreadsheet would run as a formula is prefixed with an
 * apostrophe: =, +, -, @ or a tab, CR or LF first, or one of = + - @ (ASCII or full-width) after
 * leading blanks (Calc keeps ` =1+1` and `＝1+1` as text; other programs trim or fold them).
 * Numbers and yes/no are the app's own and stay bare.
 */
export function csvField(value: string | number | boolean): string {
  if (typeof value !== 'string') return String(value);
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return `"${text.replace(/"/g, '""')}"`;
}

const FORMULA_START = /^(?:[\t\r\n]|[\s\u200B\u2060\uFEFF]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20])/u;

/** What the CSV writes in the reader's language: the column names, and the words in its cells. */
export interface CsvWords {
  t(key: StringKey): string;
  /** Minutes east of UTC at an instant (the local zone; a test fixes it). */
  offsetMinutes?(at: Date): number;
}

/**
 * A time as the reader's clock shows it, with the offset written out so it stays exact:
 * `2026-11-25 09:30:15 +08:00`. (The JSON export keeps UTC ISO times, for programs.)
 */
export function localStamp(at: Date, offsetMinutes: number): string {
  const local = new Date(at.getTime() + offsetMinutes * 60_000).toISOString();
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  const offset = `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
  return `${local.slice(0, 10)} ${local.slice(11, 19)} ${offset}`;
}

const STATES: ReadonlySet<string> = new Set<MessageState>(['received', ...OUTGOING_STATES]);

const localOffset = (at: Date) => -at.getTimezoneOffset();

function csvCell(row: ExportRow, column: keyof ExportRow, words: CsvWords): string | number | boolean {
  if (column === 'time') return localStamp(new Date(row.time), (words.offsetMinutes ?? localOffset)(new Date(row.time)));
  if (column === 'direction') return words.t(row.direction === 'in' ? 'export.in' : 'export.out');
  if (column === 'complete') return words.t(row.complete ? 'export.yes' : 'export.no');
  // As the thread says it (已送达, 不确定是否已发出); a state this version has no words for stays its code.
  if (column === 'state') return STATES.has(row.state) ? words.t(`state.${row.state as MessageState}`) : row.state;
  return row[column];
}

export function csvLine(row: ExportRow, words: CsvWords): string {
  return COLUMNS.map((c) => csvField(csvCell(row, c, words))).join(',');
}

export function csvHeader(words: CsvWords): string {
  return COLUMNS.map((c) => csvField(words.t(`export.col.${c}`))).join(',');
}

/** CRLF line ends, as RFC 4180 and spreadsheet programs expect. */
export function toCsv(rows: readonly ExportRow[], words: CsvWords): string {
  return [csvHeader(words), ...rows.map((row) => csvLine(row, words))].join('\r\n') + '\r\n';
}

export function toJson(rows: readonly ExportRow[], exportedAt: Date): string {
  return JSON.stringify({ format: 'hall10086-log', version: 1, exportedAt: exportedAt.toISOString(), messages: rows }, null, 2);
}
