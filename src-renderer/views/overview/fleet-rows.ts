import type { FleetSim, SimLabel } from '../../../src-shared/api/contract';
import type { AlertThresholds } from '../../alerts/thresholds';
import { csvField } from '../../store/export-format';

export type FleetOrder = 'attention' | 'balance' | 'data' | 'name' | 'updated';
export type FleetFilter = 'all' | 'low' | 'no-figures';

/** A row's key: SIM ids repeat across hosts (two desks may hold cards with equal ids in tests and demos). */
export const rowKey = (s: Pick<FleetSim, 'host' | 'simId'>) => `${s.host ?? ''}|${s.simId}`;

/**
 * Under a threshold set in Settings (alerts); with none set, nothing is low. The balance threshold is
 * in yuan: a balance in another currency (HK$, £) is never converted, so never compared with it.
 */
export function isLow(s: FleetSim, t: AlertThresholds): boolean {
  return (t.balanceYuan !== null && s.balance !== null && !s.balanceCurrency && s.balance < t.balanceYuan) || (t.dataMb !== null && s.generalDataLeftMb !== null && s.generalDataLeftMb < t.dataMb);
}

/** What a search looks in: SIM id, label, owner, phone and host, lower-cased once per row. */
export function searchText(s: FleetSim): string {
  return [s.simId, s.label?.name, s.label?.owner, s.label?.phone, s.host].filter(Boolean).join('\u0000').toLowerCase();
}

export interface Prepared {
  sim: FleetSim;
  key: string;
  text: string;
}

export function prepare(sims: readonly FleetSim[], labels: ReadonlyMap<string, SimLabel>): Prepared[] {
  return sims.map((sim) => {
    // This host's labels come fresh from the labels event; other hosts' with their state.
    const withLabel = sim.host === null ? { ...sim, label: labels.get(sim.simId) ?? null } : sim;
    return { sim: withLabel, key: rowKey(withLabel), text: searchText(withLabel) };
  });
}

const ascending = (a: number | null, b: number | null) => (a === null ? (b === null ? 0 : 1) : b === null ? -1 : a - b);
const nameOf = (s: FleetSim) => s.label?.name || s.simId;
/** One collator for every sort: String#localeCompare builds one per call, the cost of a keystroke at 500 rows. */
const collator = new Intl.Collator();
const byKey = (a: Prepared, b: Prepared) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

/**
 * The rows in the chosen order. `attention` puts SIMs under a threshold first, then lowest
 * balance, then lowest data: the SIMs that need someone at the top, whatever the thresholds.
 */
export function sortRows(rows: readonly Prepared[], order: FleetOrder, t: AlertThresholds): Prepared[] {
  const compare: Record<FleetOrder, (a: FleetSim, b: FleetSim) => number> = {
    attention: (a, b) => Number(isLow(b, t)) - Number(isLow(a, t)) || ascending(a.balance, b.balance) || ascending(a.generalDataLeftMb, b.generalDataLeftMb),
    balance: (a, b) => ascending(a.balance, b.balance),
    data: (a, b) => ascending(a.generalDataLeftMb, b.generalDataLeftMb),
    name: (a, b) => collator.compare(nameOf(a), nameOf(b)),
    updated: (a, b) => (b.lastUpdate ?? 0) - (a.lastUpdate ?? 0),
  };
  return [...rows].sort((a, b) => compare[order](a.sim, b.sim) || byKey(a, b));
}

/** The rows matching the query (every word somewhere in the row) and the filter, order kept: a keystroke never sorts. */
export function filterRows(sorted: readonly Prepared[], query: string, filter: FleetFilter, t: AlertThresholds): Prepared[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  return sorted.filter((r) => {
    if (filter === 'low' && !isLow(r.sim, t)) return false;
    if (filter === 'no-figures' && r.sim.lastUpdate !== null) return false;
    return words.every((w) => r.text.includes(w));
  });
}

export function visibleRows(rows: readonly Prepared[], query: string, filter: FleetFilter, order: FleetOrder, t: AlertThresholds): Prepared[] {
  return filterRows(sortRows(rows, order, t), query, filter, t);
}

/** The labels as CSV (simId, name, owner, phone), written as the log export writes its fields. */
export function labelsCsv(labels: readonly SimLabel[]): string {
  const lines = [['simId', 'name', 'owner', 'phone'], ...labels.map((l) => [l.simId, l.name, l.owner, l.phone])];
  return `${lines.map((cells) => cells.map(csvField).join(',')).join('\r\n')}\r\n`;
}
