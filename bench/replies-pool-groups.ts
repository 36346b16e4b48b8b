import { resolve } from 'node:path';
import repliesJson from '../instructions/replies.json';
import { dataByPool, understandReply, type DataPool, type FigureRecord } from '../src-shared/replies';
import { checkEntry, loadCorpus, type CorpusEntry } from '../tests/fixtures/replies/corpus';
import { poolVariantsOf } from '../tests/fixtures/replies/pool-variants';

const RECEIVED = Date.parse('2026-11-25T02:30:00Z');
const FIXTURES = resolve(import.meta.dirname, '../tests/fixtures/replies');

/**
 * Every data-left group of two members or more that dataByPool adds up, by the kindFrom of its members, and how many of them
 * the hand labels call one kind (right) or several (mixed): the measure behind "data-left sums mixing pool kinds" (round 33).
 */
export function poolGroups(entries: readonly CorpusEntry[]): { groups: number; mixed: number; byFrom: Map<string, { groups: number; mixed: number }>; where: string[] } {
  const byFrom = new Map<string, { groups: number; mixed: number }>();
  const where: string[] = [];
  let groups = 0;
  let mixed = 0;
  for (const e of entries) {
    const u = understandReply({ text: e.text, receivedAt: RECEIVED, from: '10086' });
    if (u.kind !== 'figures') continue;
    const check = checkEntry(e, u);
    const left = u.figures.filter((f) => f.topic === 'data' && f.field === 'remaining');
    const hand = (f: FigureRecord) => {
      const h = check.matched.get(u.figures.indexOf(f));
      return h ? h.pool : f.pool;
    };
    for (const a of dataByPool(left)) {
      if (a.members.length < 2) continue;
      const members = a.members.map((i) => left[i]!);
      const from = [...new Set(members.map((f) => f.kindFrom))].sort().join('+');
      const wrong = new Set(members.map(hand)).size > 1;
      const row = byFrom.get(from) ?? { groups: 0, mixed: 0 };
      row.groups++;
      groups++;
      if (wrong) {
        row.mixed++;
        mixed++;
        where.push(`${e.id}: ${members.map((f) => `${f.span.text}[${f.kindFrom}→${hand(f)}]`).join(' + ')}`);
      }
      byFrom.set(from, row);
    }
  }
  return { groups, mixed, byFrom, where };
}

const pools = (repliesJson as unknown as { pools: { pool: DataPool; words: string[] }[] }).pools;
export const devEntries = (): CorpusEntry[] => ['real-dev.json', 'ours-general.json'].flatMap((f) => loadCorpus(resolve(FIXTURES, f)));
export const variantEntries = (): CorpusEntry[] => poolVariantsOf(loadCorpus(resolve(FIXTURES, 'real-dev.json')), pools).map((v) => v.entry);
