import { resolve } from 'node:path';
import repliesJson from '../instructions/replies.json';
import { understandReply } from '../src-shared/replies';
import type { DataPool } from '../src-shared/replies';
import { checkEntry, loadCorpus, poolSums } from '../tests/fixtures/replies/corpus';
import { poolVariantsOf, ruleFamily } from '../tests/fixtures/replies/pool-variants';
import type { Figure } from './harness';
import { countGroup, devEntries, groupsByPool, poolGroups, tallyNote, type PoolGroupTally } from './replies-pool-groups';

const RECEIVED = Date.parse('2026-11-25T02:30:00Z');

/** Data-left sums that add up pools of different kinds, on each generated multi-pool variant, by rule. */
export function poolVariantMixedSums(): { variants: number; texts: number; mixed: number; byRule: Map<string, number>; where: string[]; tally: PoolGroupTally } {
  const corpus = loadCorpus(resolve(import.meta.dirname, '../tests/fixtures/replies/real-dev.json'));
  const variants = poolVariantsOf(corpus, (repliesJson as unknown as { pools: { pool: DataPool; words: string[] }[] }).pools);
  const byRule = new Map<string, number>();
  const where: string[] = [];
  const tally: PoolGroupTally = { groups: 0, mixed: 0, byFrom: new Map() };
  let mixed = 0;
  for (const v of variants) {
    const u = understandReply({ text: v.entry.text, receivedAt: RECEIVED, from: '10086' });
    const sums = poolSums(u, checkEntry(v.entry, u), groupsByPool);
    for (const g of sums) if (g.members.length > 1) countGroup(tally, g);
    const n = sums.filter((g) => g.mixed).length;
    const rule = ruleFamily(v.rule);
    byRule.set(rule, (byRule.get(rule) ?? 0) + n);
    mixed += n;
    if (n > 0) where.push(v.entry.id);
  }
  return { variants: variants.length, texts: new Set(variants.map((v) => v.entry.id.split(/[~#]/u)[0])).size, mixed, byRule, where, tally };
}

/** The bench row: mixed sums on GENERATED multi-pool variants (tests/fixtures/replies/pool-variants.ts; not real text). */
export function poolVariantFigures(): { figures: Figure[]; notes: string[] } {
  const r = poolVariantMixedSums();
  return {
    figures: [{ name: `data-left sums mixing pool kinds, GENERATED multi-pool variants (${r.variants} of ${r.texts} dev texts)`, value: r.mixed, target: '0', pass: r.mixed === 0 }],
    notes: [
      `multi-pool variants, mixed sums by rule: ${[...r.byRule].map(([k, n]) => `${k} ${n}`).join('; ')}; in ${r.where.join(', ') || 'none'}`,
      tallyNote('data-left sums, dev texts (real-dev + ours-general)', poolGroups(devEntries())),
      tallyNote('data-left sums, GENERATED multi-pool variants', r.tally),
    ],
  };
}
