import { resolve } from 'node:path';
import { dataByPool, understandReply, type FigureRecord } from '../src-shared/replies';
import { checkEntry, loadCorpus, poolSums, type CorpusEntry } from '../tests/fixtures/replies/corpus';

const RECEIVED = Date.parse('2026-11-25T02:30:00Z');

/** The figures the overview adds up, grouped by the product's own dataByPool. */
export const groupsByPool = (figures: FigureRecord[]): FigureRecord[][] => dataByPool(figures).map((a) => a.members.map((i) => figures[i]!));

export interface PoolGroupTally {
  /** Sums of two amounts or more. */
  groups: number;
  mixed: number;
  /** By the kindFrom of their members (`clause+own`). */
  byFrom: Map<string, { groups: number; mixed: number }>;
}

/**
 * Every data-left sum of two amounts or more that dataByPool makes on the given texts, by where its members' kinds were read
 * from, and how many of them the hand labels call several kinds (round 34: what "data-left sums mixing pool kinds" counts).
 */
export function poolGroups(entries: readonly CorpusEntry[]): PoolGroupTally {
  const tally: PoolGroupTally = { groups: 0, mixed: 0, byFrom: new Map() };
  for (const e of entries) {
    const u = understandReply({ text: e.text, receivedAt: RECEIVED, from: '10086' });
    for (const g of poolSums(u, checkEntry(e, u), groupsByPool)) if (g.members.length > 1) countGroup(tally, g);
  }
  return tally;
}

export function countGroup(tally: PoolGroupTally, g: { members: FigureRecord[]; mixed: boolean }): void {
  const from = [...new Set(g.members.map((f) => f.kindFrom))].sort().join('+');
  const row = tally.byFrom.get(from) ?? { groups: 0, mixed: 0 };
  row.groups++;
  tally.groups++;
  if (g.mixed) {
    row.mixed++;
    tally.mixed++;
  }
  tally.byFrom.set(from, row);
}

export const tallyNote = (name: string, t: PoolGroupTally): string =>
  `${name}: ${t.groups} sums of 2+ amounts, ${t.mixed} mixed; by kindFrom: ${[...t.byFrom].sort().map(([k, v]) => `${k} ${v.groups} (${v.mixed} mixed)`).join(', ')}`;

export const devEntries = (): CorpusEntry[] => ['real-dev.json', 'ours-general.json'].flatMap((f) => loadCorpus(resolve(import.meta.dirname, '../tests/fixtures/replies', f)));
