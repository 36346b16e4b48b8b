import type { MessageRow } from './rows';

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

export function exportRow(m: MessageRow): ExportRow {
  return {
    time: new Date(m.at).toISOString(),
    simId: m.simId,
    direction: m.direction,
    peer: m.peer,
    state: m.state,
    text: m.text,
    complete: m.complete,
    partsReceived: m.received,
    partsTotal: m.total,
    serviceCentreTime: m.timestamp ?? '',
    commandId: m.commandId ?? '',
    error: m.error ?? '',
  };
}

/**
 * One CSV field (RFC 4180). Text that a spreadsheet would run as a formula (=, +, -, @, or a
 * leading tab or CR: SMS text comes from the network) is prefixed with an apostrophe.
 */
export function csvField(value: string | number | boolean): string {
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(row: ExportRow): string {
  return COLUMNS.map((c) => csvField(row[c])).join(',');
}

export function csvHeader(): string {
  return COLUMNS.join(',');
}

/** CRLF line ends, as RFC 4180 and spreadsheet programs expect. */
export function toCsv(rows: readonly ExportRow[]): string {
  return [csvHeader(), ...rows.map(csvLine)].join('\r\n') + '\r\n';
}

export function toJson(rows: readonly ExportRow[], exportedAt: Date): string {
  return JSON.stringify({ format: 'hall10086-log', version: 1, exportedAt: exportedAt.toISOString(), messages: rows }, null, 2);
}
