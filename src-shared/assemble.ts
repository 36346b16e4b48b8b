import type { IncomingRecord } from './journal-records';

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
}

/**
 * Parts of one long SMS share sender, reference and total. References are small counters that
 * senders reuse, so a part only joins a message first seen within this window (and one that does
 * not have that part yet); older messages with the same reference are other messages.
 */
export const REASSEMBLY_WINDOW_MS = 3 * 24 * 3600_000;

/**
 * The service centre stamps each part as it takes it in: the parts of one sending carry one stamp
 * (real 10086 replies: pdu-2018-balance-gd's three parts, 2018-08-16 10:50:16) or stamps seconds
 * apart (a real 10010 reply's four parts, 16 s in all: tests/unit/assemble.test.ts). Parts stamped
 * further apart than this are of different sendings even when they share a reference: a reused one,
 * whose earlier message lost a part, or the same reply sent again (10086 did, 7 min 41 s later).
 */
export const SAME_SENDING_MS = 10 * 60_000;

/**
 * Whether a part stamped `stamp` may belong with parts stamped `others`: one of them is stamped
 * within SAME_SENDING_MS of it, or a stamp cannot be read (then the reference alone decides, as before).
 */
export function maySendTogether(stamp: string, others: readonly string[]): boolean {
  const at = Date.parse(stamp);
  const known = others.map((o) => Date.parse(o)).filter((t) => !Number.isNaN(t));
  return Number.isNaN(at) || known.length === 0 || known.some((t) => Math.abs(t - at) <= SAME_SENDING_MS);
}

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

/** Of `candidates` (oldest first), the one stamped nearest to `stamp`; the oldest of those equally near. */
export function nearestSending<T>(candidates: readonly T[], stamp: string, stampsOf: (candidate: T) => readonly string[]): T | undefined {
  let best: T | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = sendingDistance(stamp, stampsOf(candidate));
    if (best === undefined || distance < bestDistance) [best, bestDistance] = [candidate, distance];
  }
  return best;
}

/**
 * Groups received parts into messages, keyed on SIM + sender + reference + total (never on the
 * reference alone, which different senders reuse) and stamped together (maySendTogether, the nearest
 * such message when several are: nearestSending), in any arrival order. Incomplete messages are
 * returned too, with what is missing: never dropped.
 */
export function assembleRecords(records: readonly IncomingRecord[]): AssembledRecordMessage[] {
  const groups = new Map<string, IncomingRecord[][]>();
  for (const r of [...records].sort((a, b) => a.receivedAt - b.receivedAt)) {
    const id = r.concat ? `${r.simId}|${r.from}|${r.concat.ref}|${r.concat.total}` : `single|${r.key}`;
    const messages = groups.get(id) ?? [];
    const joins = (parts: IncomingRecord[]) =>
      parts.some((x) => x.key === r.key) ||
      (r.receivedAt - parts[0]!.receivedAt <= REASSEMBLY_WINDOW_MS &&
        !parts.some((x) => x.concat?.part === r.concat?.part) &&
        maySendTogether(r.timestamp, parts.map((x) => x.timestamp)));
    const message = messages.find((parts) => parts.some((x) => x.key === r.key)) ?? nearestSending(messages.filter(joins), r.timestamp, (parts) => parts.map((x) => x.timestamp));
    if (!message) messages.push([r]);
    else if (!message.some((x) => x.key === r.key)) message.push(r);
    groups.set(id, messages);
  }
  return [...groups.values()].flat().map((parts) => {
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
    };
  });
}
