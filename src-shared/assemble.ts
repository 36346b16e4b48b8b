import type { IncomingRecord } from './journal-records';
import { maySendTogether, mixedUpSendings } from './sending-order';

/** A message put back together from the journal's parts. */
export interface AssembledRecordMessage {
  simId: string;
  from: string;
  text: string;
  timestamp: string;
  receivedAt: number;
  keys: string[];
  total: number;
  /** Part numbers still missing (empty when complete). */
  missing: number[];
  complete: boolean;
  /**
   * A part of it could as well have been another message's: two sendings under one reference, stamped
   * the same second, in one encoding, both missing that part (nearestSendings), or two such sendings whose
   * texts are not the same part for part, whatever order they came in (mixedUpSendings). The text may join two replies.
   */
  uncertain: boolean;
}

/**
 * Parts of one long SMS share sender, reference and total. References are small counters that
 * senders reuse, so a part only joins a message first seen within this window (and one that does
 * not have that part yet); older messages with the same reference are other messages.
 */
export const REASSEMBLY_WINDOW_MS = 3 * 24 * 3600_000;

/**
 * How far a part stamped `stamp` is from the nearest of `others` (ms); Infinity when either cannot be
 * read. Of the messages a part may join, it joins the nearest: two sendings under one reference within
 * SAME_SENDING_MS, read interleaved (A1, B1, B2, A2), took each other's parts when the oldest message
 * missing the number took it (review17).
 */
export function sendingDistance(stamp: string, others: readonly string[]): number {
  const at = Date.parse(stamp);
  const known = others.map((o) => Date.parse(o)).filter((t) => !Number.isNaN(t));
  return Number.isNaN(at) || known.length === 0 ? Infinity : Math.min(...known.map((t) => Math.abs(t - at)));
}

/**
 * Every one of `candidates` (oldest first) stamped nearest to `stamp`, oldest first. More than one: two
 * sendings under one reference and part count, stamped the same second (or unreadable stamps), each
 * missing this part. Sender, reference, part count, stamp and encoding are all a part carries that tells
 * a sending; the modem's slot order is no proof (a freed low slot is filled first). The part goes to the
 * oldest, and both messages are marked uncertain: shown as possibly joined wrong, no figures
 * read from them, rather than silently mixed.
 */
export function nearestSendings<T>(candidates: readonly T[], stamp: string, stampsOf: (candidate: T) => readonly string[]): T[] {
  let best: T[] = [];
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = sendingDistance(stamp, stampsOf(candidate));
    if (best.length === 0 || distance < bestDistance) [best, bestDistance] = [[candidate], distance];
    else if (distance === bestDistance) best.push(candidate);
  }
  return best;
}

/**
 * Groups received parts into messages, keyed on SIM + sender + reference + total (never on the
 * reference alone, which different senders reuse) and stamped together (maySendTogether, the nearest
 * such message when several are: nearestSendings), in any arrival order (the order read: by `receivedAt`,
 * then as given). Incomplete messages are returned too, with what is missing: never dropped.
 */
export function assembleRecords(records: readonly IncomingRecord[]): AssembledRecordMessage[] {
  const groups = new Map<string, IncomingRecord[][]>();
  const uncertain = new Set<IncomingRecord[]>();
  for (const r of [...records].sort((a, b) => a.receivedAt - b.receivedAt)) {
    const id = r.concat ? `${r.simId}|${r.from}|${r.concat.ref}|${r.concat.total}` : `single|${r.key}`;
    const messages = groups.get(id) ?? [];
    // One sender's segmenter writes every part of a message in one encoding.
    const joins = (parts: IncomingRecord[]) =>
      r.receivedAt - parts[0]!.receivedAt <= REASSEMBLY_WINDOW_MS &&
      !parts.some((x) => x.concat?.part === r.concat?.part) &&
      parts.every((x) => x.encoding === r.encoding) &&
      maySendTogether(r.timestamp, parts.map((x) => x.timestamp));
    const held = messages.find((parts) => parts.some((x) => x.key === r.key));
    const near = held ? [held] : nearestSendings(messages.filter(joins), r.timestamp, (parts) => parts.map((x) => x.timestamp));
    const message = near[0];
    if (near.length > 1) near.forEach((m) => uncertain.add(m));
    if (!message) messages.push([r]);
    else if (!message.some((x) => x.key === r.key)) message.push(r);
    groups.set(id, messages);
  }
  // A single SMS is a group of its own (its key): never two messages, never mixed.
  const sendings = [...groups].flatMap(([id, messages]) => messages.map((parts) => ({ id, parts })));
  const read = ({ id, parts }: { id: string; parts: IncomingRecord[] }) => ({
    group: id,
    encoding: parts[0]!.encoding,
    parts: parts.map((p) => ({ part: p.concat?.part ?? 1, text: p.text, stamp: p.timestamp })),
  });
  for (const { parts } of mixedUpSendings(sendings, read)) uncertain.add(parts);
  return [...groups.values()].flat().map((parts) => {
    const unsure = uncertain.has(parts);
    const sorted = [...parts].sort((a, b) => (a.concat?.part ?? 1) - (b.concat?.part ?? 1));
    const total = sorted[0]!.concat?.total ?? 1;
    const have = new Set(sorted.map((p) => p.concat?.part ?? 1));
    const missing = Array.from({ length: total }, (_, i) => i + 1).filter((n) => !have.has(n));
    const first = sorted[0]!;
    return {
      simId: first.simId,
      from: first.from,
      text: sorted.map((p) => p.text).join(''),
      timestamp: first.timestamp,
      receivedAt: Math.min(...sorted.map((p) => p.receivedAt)),
      keys: sorted.map((p) => p.key),
      total,
      missing,
      complete: missing.length === 0,
      uncertain: unsure,
    };
  });
}
