import { decodeJournal } from '../../src-main/services/journal/line-codec';

/**
 * Where a secret stands in a file at rest: in UTF-8 or UTF-16, and whether it stands inside a longer decimal or
 * lowercase-hex token, another number the files write (a time in ms: the journal's `at`, `receivedAt`; a line's CRC-32;
 * an id; Chromium's µs stamps), where six given digits turn up by chance. Session 22's CI run failed on `975310` in
 * journal.log: the test ran near 02:15:53.10 UTC on 2026-12-07, when epoch ms read 179660975310x (leak32). A text a
 * user sends puts each secret between separators (`#`, a space, CJK) or at its end, so a leak in text is still found;
 * a writer that glued two secrets together is found by their joined string (`joinedSecrets`).
 */
export interface SecretHit {
  /** Byte offset of the secret in the file. */
  at: number;
  encoding: 'utf8' | 'utf16le';
  /** Inside a longer decimal or hex token: another number, not a leak (reported, not failed). */
  insideNumber: boolean;
}

const TOKEN = /[0-9a-f]/;

/**
 * Glued on at least two characters of such a token: the shortest number a file writes around six digits by chance is a
 * CRC's 8 hex digits. One character only is what a serializer may put after a string (V8 tags a two-byte string `c`).
 */
const LONGER_BY = 2;

export function secretHits(bytes: Buffer, secret: string): SecretHit[] {
  const hits: SecretHit[] = [];
  for (const encoding of ['utf8', 'utf16le'] as const) {
    const needle = Buffer.from(secret, encoding);
    const unit = encoding === 'utf8' ? 1 : 2;
    const isToken = (i: number): boolean =>
      i >= 0 && i + unit <= bytes.length && (unit === 1 || bytes[i + 1] === 0) && TOKEN.test(String.fromCharCode(bytes[i]!));
    for (let at = bytes.indexOf(needle); at >= 0; at = bytes.indexOf(needle, at + 1)) {
      let glued = 0;
      for (let i = at - unit; isToken(i); i -= unit) glued++;
      for (let i = at + needle.length; isToken(i); i += unit) glued++;
      hits.push({ at, encoding, insideNumber: glued >= LONGER_BY });
    }
  }
  return hits;
}

/** Each pair of secrets sent one after the other in one text, glued: a writer that concatenated them is found too. */
export function joinedSecrets(secrets: readonly string[]): string[] {
  return secrets.slice(1).map((s, i) => `${secrets[i]}${s}`);
}

/** The bytes around a hit, for the report: enough to name the writer. */
export function around(bytes: Buffer, hit: SecretHit, secret: string): string {
  const text = bytes.subarray(Math.max(0, hit.at - 160), hit.at + Buffer.byteLength(secret, hit.encoding) + 80);
  return hit.encoding === 'utf8' ? text.toString('utf8') : text.toString('utf16le');
}

/** A record's fields that hold words: a secret there is a leak however it is glued (no number of ours is written in them). */
const FREE_TEXT = new Set(['text', 'error']);

/**
 * journal.log read as its records (secrets24): a secret in a record's text or error is a hit wherever it stands, glued to
 * digits or hex letters too (`ab975310`, which the byte rule above takes for part of a number); every other field
 * (keys, ids, numbers, times) by the byte rule, and a line's CRC and the JSON around the fields not at all, so the times
 * in ms that made session 22's CI run fail cannot match. Each hit names its record's kind and field. Null when the file
 * does not decode whole (a damaged or cut line): then it is read as bytes.
 */
export function journalSecretHits(bytes: Buffer, secret: string): string[] | null {
  const decoded = decodeJournal(bytes);
  if (decoded.corruptLines > 0 || decoded.truncatedBytes > 0) return null;
  const hits: string[] = [];
  for (const record of decoded.records) {
    for (const [field, value] of Object.entries(record)) {
      const free = FREE_TEXT.has(field) && typeof value === 'string';
      const found = free ? value.includes(secret) : secretHits(Buffer.from(JSON.stringify(value)), secret).some((h) => !h.insideNumber);
      if (found) hits.push(`${field} (${record.kind} record): ${JSON.stringify(value)}`);
    }
  }
  return hits;
}
