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
  /**
   * The part's text. Not in the key: the journal tells two texts under one key's fields apart by
   * comparing them while it holds them, numbering the second `…#2`.
   */
  text: string;
}

/**
 * What ends every received SMS part's key in place of a checksum of its text: a key names nothing a
 * brute force can test (a CRC-32 of a known template names the 6-digit password or code in it: 10^6
 * candidates take 7 s).
 */
export const PART_KEY_END = '*';

/**
 * `from|timestamp|ref|total|part|*` (`-` for the concatenation fields of a single SMS), e.g.
 * `10086|2026-11-25T09:30:15+08:00|-|-|-|*`. Two different texts sharing all of these (two messages of
 * one sender's second; a reference reused within the second; the same part on another SIM) are told
 * apart by the journal, which compares their texts while it holds them and numbers the second `…#2`
 * (Journal.appendIncoming). The text is taken so callers keep passing the whole part; it is not read.
 */
export function incomingKey(fields: IncomingKeyFields): string {
  return [
    escapeField(fields.from),
    escapeField(fields.timestamp),
    numberField(fields.ref),
    numberField(fields.total),
    numberField(fields.part),
    PART_KEY_END,
  ].join('|');
}

/**
 * A key written before review18 (a long message's part) or review19 (a single SMS), ending in its
 * text's CRC-32 (`#n` kept), as the key it has now, without `#n`; null for any other key. The journal
 * moves what it holds to new keys.
 */
export function oldKeyBase(key: string): string | null {
  const m = /^((?:[^|]*\|){2}(?:\d+\|\d+\|\d+|-\|-\|-))\|[0-9a-f]{8}(?:#\d+)?$/.exec(key);
  return m ? `${m[1]}|${PART_KEY_END}` : null;
}

/**
 * Whether `storedAs` is a key written before review18/19 for this very part: the same sender, second and fields as
 * `key`, ending in the CRC-32 of `text`. A key of now names no text, so it never is.
 */
export function oldKeyOfText(storedAs: string, key: string, text: string): boolean {
  const checksum = /\|([0-9a-f]{8})(?:#\d+)?$/.exec(storedAs);
  return checksum !== null && oldKeyBase(storedAs) !== null && sameKeyFields(storedAs, key) && checksum[1] === crc32Hex(new TextEncoder().encode(text));
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

/**
 * The key of the first occurrence journaled under this key's content key (`base` of `base#3`), or null for a first.
 * A later occurrence shares its sender's second (and reference, part) with that first, which came before it.
 */
export function firstOccurrenceOf(key: string): string | null {
  const m = /^(.*\|[^|#]*)#(\d+)$/.exec(key);
  return m && Number(m[2]) >= 2 ? m[1]! : null;
}

/** Whether two keys name the same sender, second, reference, total and part (whatever their text's field or number). */
export function sameKeyFields(a: string, b: string): boolean {
  const fields = (key: string) => key.split('|').slice(0, 5).join('|');
  return fields(a) === fields(b);
}
