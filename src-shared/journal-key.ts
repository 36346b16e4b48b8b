import { crc32Hex } from './crc32';

/**
 * The identity of one received SMS part, shared by the main-process journal and the UI store so
 * both recognise a message read again from the SIM (after a crash, before its slot was deleted).
 */
export interface IncomingKeyFields {
  /** Originator exactly as decoded from the PDU ('+8613800138000', '10086', or alphanumeric). */
  from: string;
  /** Service-centre timestamp exactly as decoded (ISO 8601 with offset): identical on every re-read. */
  timestamp: string;
  /** Concatenation reference, total and part number; null (or absent) for a single-part SMS. */
  ref?: number | null;
  total?: number | null;
  part?: number | null;
  /** The part's text: two different single SMS from one sender in the same second must not share a key. */
  text: string;
}

/**
 * What ends a long message's part key in place of a checksum of its text (review18): the key of a
 * part names nothing a brute force can test.
 */
export const PART_KEY_END = '*';

/**
 * `from|timestamp|ref|total|part|crc32(text)` for a single-part SMS (`-` for the concatenation fields),
 * e.g. `10086|2026-11-25T09:30:15+08:00|-|-|-|1c291ca3`: the timestamp has one-second resolution, so
 * the text's checksum tells apart two messages of one sender's second.
 *
 * `from|timestamp|ref|total|part|*` for a part of a long message: its acknowledged parts are kept a
 * week (masked) for stores that missed some, and a CRC-32 of a known template names the password or
 * code in it (review17 timed 10^6 candidates at 7 s). Two different parts sharing all of these (a
 * reference reused within the second; the same part on another SIM) are told apart by the journal,
 * which compares their texts while it holds them and numbers the second `…#2` (Journal.appendIncoming).
 */
export function incomingKey(fields: IncomingKeyFields): string {
  const long = fields.ref !== null && fields.ref !== undefined && fields.part !== null && fields.part !== undefined;
  return [
    escapeField(fields.from),
    escapeField(fields.timestamp),
    numberField(fields.ref),
    numberField(fields.total),
    numberField(fields.part),
    long ? PART_KEY_END : crc32Hex(new TextEncoder().encode(fields.text)),
  ].join('|');
}

/**
 * A long message's part key written before review18 (ending in its text's CRC-32, `#n` kept) as the
 * key it has now, without `#n`; null for any other key. The journal moves what it holds to new keys.
 */
export function partKeyBase(key: string): string | null {
  const m = /^((?:[^|]*\|){2}\d+\|\d+\|\d+)\|[0-9a-f]{8}(?:#\d+)?$/.exec(key);
  return m ? `${m[1]}|${PART_KEY_END}` : null;
}

/** Alphanumeric senders can contain '|' (GSM 7-bit extension table), so the separator is escaped. */
function escapeField(value: string): string {
  return value.replace(/[%|]/g, (c) => (c === '%' ? '%25' : '%7C'));
}

function numberField(value: number | null | undefined): string {
  return value === null || value === undefined ? '-' : String(value);
}

/** The key of the n-th journaled occurrence of one content key (the first is the content key itself). */
export function occurrenceKey(base: string, n: number): string {
  return n <= 1 ? base : `${base}#${n}`;
}

/** Whether two keys name the same sender, second, reference, total and part (whatever their text's field or number). */
export function sameKeyFields(a: string, b: string): boolean {
  const fields = (key: string) => key.split('|').slice(0, 5).join('|');
  return fields(a) === fields(b);
}
