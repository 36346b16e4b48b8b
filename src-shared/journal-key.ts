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
  /** The part's text: two different messages from one sender in the same second must not share a key. */
  text: string;
}

/**
 * `from|timestamp|ref|total|part|crc32(text)`, with `-` for a single-part SMS, e.g.
 * `10086|2026-11-25T09:30:15+08:00|-|-|-|1c291ca3`. The timestamp has one-second resolution and a
 * sender reuses references, so the text's checksum tells apart messages that share the rest.
 */
export function incomingKey(fields: IncomingKeyFields): string {
  return [
    escapeField(fields.from),
    escapeField(fields.timestamp),
    numberField(fields.ref),
    numberField(fields.total),
    numberField(fields.part),
    crc32Hex(new TextEncoder().encode(fields.text)),
  ].join('|');
}

/** Alphanumeric senders can contain '|' (GSM 7-bit extension table), so the separator is escaped. */
function escapeField(value: string): string {
  return value.replace(/[%|]/g, (c) => (c === '%' ? '%25' : '%7C'));
}

function numberField(value: number | null | undefined): string {
  return value === null || value === undefined ? '-' : String(value);
}
