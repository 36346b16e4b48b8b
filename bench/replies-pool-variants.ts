import { resolve } from 'node:path';
import repliesJson from '../instructions/replies.json';
import { dataByPool, understandReply, type FigureRecord } from '../src-shared/replies';
import type { DataPool } from '../src-shared/replies';
import { checkEntry, loadCorpus, mixedPoolSums } from '../tests/fixtures/replies/corpus';
import { poolVariantsOf, ruleFamily } from '../tests/fixtures/replies/pool-variants';
import type { Figure } from './harness';

const RECEIVED = Date.parse('2026-11-25T02:30:00Z');

/** The figures the overview adds up, grouped by the product's own dataByPool. */
const groupsByPool = (figures: FigureRecord[]): FigureRecord[][] => dataByPool(figures).map((a) => a.members.map((i) => figures[i]!));

/** Data-left sums that add up pools of different kinds, on each generated multi-pool variant, by rule. */
export function poolVariantMixedSums(): { variants: number; texts: number; mixed: number; byRule: Map<string, number>; where: string[] } {
  const corpus = loadCorpus(resolve(import.meta.dirname, '../tests/fixtures/replies/real-dev.json'));
  const variants = poolVariantsOf(corpus, (repliesJson as unknown as { pools: { pool: DataPool; words: string[] }[] }).pools);
  const byRule = new Map<string, number>();
  const where: string[] = [];
  let mixed = 0;
  for (const v of variants) {
    const u = understandReply({ text: v.entry.text, receivedAt: RECEIVED, from: '10086' });
    const n = mixedPoolSums(u, checkEntry(v.entry, u), groupsByPool);
    const rule = ruleFamily(v.rule);
    byRule.set(rule, (byRule.get(rule) ?? 0) + n);
    mixed += n;
    if (n > 0) where.push(v.entry.id);
  }
  return { variants: variants.length, texts: new Set(variants.map((v) => v.entry.id.split(/[~#]/u)[0])).size, mixed, byRule, where };
}

/** The bench row: mixed sums on GENERATED multi-pool variants (tests/fixtures/replies/pool-variants.ts; not real text). */
export function poolVariantFigures(): { figures: Figure[]; notes: string[] } {
  const r = poolVariantMixedSums();
  return {
    figures: [{ name: `data-left sums mixing pool kinds, GENERATED multi-pool variants (${r.variants} of ${r.texts} dev texts)`, value: r.mixed, target: '0', pass: r.mixed === 0 }],
    notes: [`multi-pool variants, mixed sums by rule: ${[...r.byRule].map(([k, n]) => `${k} ${n}`).join('; ')}; in ${r.where.join(', ') || 'none'}`],
  };
}
