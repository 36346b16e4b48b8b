import * as v from 'valibot';
import { crc32, crc32Hex } from '../../../src-shared/crc32';
import { JournalRecordSchema, type JournalRecord } from '../../../src-shared/journal-records';

/**
 * Line format: `<crc32 of the JSON, 8 hex> <json>\n`. JSON.stringify never emits a raw newline,
 * so '\n' only ever ends a record and a crash mid-write leaves at most one line without it.
 */
const NEWLINE = 0x0a;
const SPACE = 0x20;
const CRC_DIGITS = 8;
const HEX8 = /^[0-9a-f]{8}$/;

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export function encodeLine(record: JournalRecord): Uint8Array {
  const json = encoder.encode(JSON.stringify(record));
  const line = new Uint8Array(CRC_DIGITS + 1 + json.length + 1);
  line.set(encoder.encode(crc32Hex(json)), 0);
  line[CRC_DIGITS] = SPACE;
  line.set(json, CRC_DIGITS + 1);
  line[line.length - 1] = NEWLINE;
  return line;
}

export interface DecodedJournal {
  /** Every line that passed its CRC and schema, in file order. */
  records: JournalRecord[];
  /** Bytes up to and including the last newline: what is kept when a torn tail is cut off. */
  validBytes: number;
  /** Bytes after the last newline: a record whose write was cut short by a crash (see `tailDamaged`). */
  truncatedBytes: number;
  /**
   * The bytes after the last newline cannot be the start of a record (a crash cuts a record short,
   * it does not make its first bytes up): the file was damaged there, not half-written.
   */
  tailDamaged: boolean;
  /** The bytes after the last newline are all zero: blocks a power cut left allocated but unwritten. */
  tailZeroed: boolean;
  /** Complete lines that failed their CRC, JSON or schema. */
  corruptLines: number;
}

export function decodeJournal(bytes: Uint8Array): DecodedJournal {
  const records: JournalRecord[] = [];
  let corruptLines = 0;
  let start = 0;
  for (let end = bytes.indexOf(NEWLINE); end >= 0; end = bytes.indexOf(NEWLINE, start)) {
    const record = decodeLine(bytes.subarray(start, end));
    if (record) records.push(record);
    else corruptLines++;
    start = end + 1;
  }
  const tail = bytes.subarray(start);
  return {
    records,
    validBytes: start,
    truncatedBytes: tail.length,
    tailDamaged: !isCutShortRecord(tail),
    tailZeroed: tail.length > 0 && tail.every((b) => b === 0),
    corruptLines,
  };
}

/** What a write stopped by a crash or a power cut leaves: the start of a line, maybe followed by zeros (blocks allocated, never written). */
const RECORD_START = encoder.encode(' {"kind":"');

function isCutShortRecord(tail: Uint8Array): boolean {
  let end = tail.length;
  while (end > 0 && tail[end - 1] === 0) end--;
  const written = tail.subarray(0, end);
  const crc = decoder.decode(written.subarray(0, CRC_DIGITS));
  if (!/^[0-9a-f]*$/.test(crc)) return false;
  const after = written.subarray(CRC_DIGITS, CRC_DIGITS + RECORD_START.length);
  return after.every((b, i) => b === RECORD_START[i]) && !written.includes(0);
}

function decodeLine(line: Uint8Array): JournalRecord | null {
  if (line.length <= CRC_DIGITS + 1 || line[CRC_DIGITS] !== SPACE) return null;
  const hex = decoder.decode(line.subarray(0, CRC_DIGITS));
  const json = line.subarray(CRC_DIGITS + 1);
  if (!HEX8.test(hex) || parseInt(hex, 16) !== crc32(json)) return null;
  let value: unknown;
  try {
    value = JSON.parse(decoder.decode(json));
  } catch {
    return null;
  }
  const parsed = v.safeParse(JournalRecordSchema, value);
  return parsed.success ? parsed.output : null;
}
