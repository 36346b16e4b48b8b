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
 * Groups received parts into messages, keyed on SIM + sender + reference + total (never on the
 * reference alone, which different senders reuse), in any arrival order. Incomplete messages are
 * returned too, with what is missing: never dropped.
 */
export function assembleRecords(records: readonly IncomingRecord[]): AssembledRecordMessage[] {
  const groups = new Map<string, IncomingRecord[]>();
  for (const r of records) {
    const id = r.concat ? `${r.simId}|${r.from}|${r.concat.ref}|${r.concat.total}` : `single|${r.key}`;
    const list = groups.get(id) ?? [];
    if (!list.some((x) => x.key === r.key)) list.push(r);
    groups.set(id, list);
  }
  return [...groups.values()].map((parts) => {
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
