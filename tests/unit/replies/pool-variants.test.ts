import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import repliesJson from '../../../instructions/replies.json';
import { parseReplyRules } from '../../../src-shared/replies';
import type { DataPool } from '../../../src-shared/replies';
import { poolVariantMixedSums } from '../../../bench/replies-pool-variants';
import { loadCorpus } from '../../fixtures/replies/corpus';
import { INSERTED, INSERTED_GROUPS, poolVariantsOf, ruleFamily, UNKNOWN_KIND_WORDS } from '../../fixtures/replies/pool-variants';

// Round 18: the generator of GENERATED multi-pool texts (NOT real replies) on which the bench counts data-left sums that
// add up pools of different kinds (target 0).
const corpus = loadCorpus(resolve(import.meta.dirname, '../../fixtures/replies/real-dev.json'));
const pools = (repliesJson as unknown as { pools: { pool: DataPool; words: string[] }[] }).pools;
const variants = poolVariantsOf(corpus, pools);
// Counted once for both tests (about a minute at load).
let counted: ReturnType<typeof poolVariantMixedSums> | undefined;
const mixedSums = () => (counted ??= poolVariantMixedSums());

describe('generated multi-pool variants of the dev texts', () => {
  it('are the same every run, say they are generated, and keep every value and meaning of the original', () => {
    expect(poolVariantsOf(corpus, pools).map((v) => v.entry.text)).toEqual(variants.map((v) => v.entry.text));
    const byId = new Map(corpus.map((e) => [e.id, e]));
    for (const v of variants) {
      expect(v.entry.source).toMatch(/^generated: .*\(NOT a real reply\)$/u);
      const original = byId.get(v.entry.id.split(/[~#]/u)[0]!)!;
      expect(v.entry.text).not.toBe(original.text);
      // An inserted clause adds its own figure after the original's; a clause of several amounts, its figures.
      const kept = v.rule.startsWith('inserted') ? v.entry.figures.slice(0, original.figures.length) : v.entry.figures;
      expect(kept.map((h) => [h.what, h.value, h.unit])).toEqual(original.figures.map((h) => [h.what, h.value, h.unit]));
    }
    expect(new Set(variants.map((v) => ruleFamily(v.rule)))).toEqual(
      new Set(['unknown-kind', 'unknown-kind+no-headings', 'no-headings', 'reordered', 'wording', 'kind-in-brackets', 'kind-in-heading', 'kind-in-package', ...new Set(INSERTED.map((c) => `inserted:${c.pool ?? 'not-stated'}`)), ...new Set(INSERTED_GROUPS.map((c) => `inserted-group:${c.name}`))]),
    );
  });

  it('put words no rule knows where a kind word stood, and make that kind\'s hand figures not stated', () => {
    const rules = parseReplyRules(repliesJson);
    const known = [...rules.pools.flatMap((p) => p.words), ...rules.kindNeutral, ...rules.kindBounds, ...rules.unpooledKinds, ...rules.kindNarrowers];
    for (const w of Object.values(UNKNOWN_KIND_WORDS)) expect(known.filter((k) => k.includes(w) || w.includes(k)), w).toEqual([]);
    const swapped = variants.find((v) => v.rule === 'unknown-kind:offpeak')!;
    expect(swapped.entry.text).toContain(UNKNOWN_KIND_WORDS.offpeak);
    expect(swapped.entry.figures.some((h) => h.pool === 'offpeak')).toBe(false);
  });

  it('round 44: a scope clause joined by a comma under a heading that names a stronger kind is labelled by the heading, as the real text\'s own labels are (r25b-034: 国内流量 under 上月结转流量： is carried over)', () => {
    const original = corpus.find((e) => e.id === 'r25b-034')!;
    expect(original.figures[0]).toMatchObject({ pool: 'carryover', label: '上月结转流量：国内流量为' });
    const underHeading = variants.filter((v) => v.entry.id.startsWith('r25b-034~inserted:general') && v.entry.text.includes('剩余2GB10MB，套餐外优惠流量'));
    expect(underHeading.map((v) => v.entry.figures.at(-1)!.pool)).toEqual(['carryover']);
    // Past a full stop the heading's sentence is over: the clause keeps its own kind.
    const past = variants.filter((v) => v.entry.id.startsWith('r25b-034~inserted:') && /剩余2GB10MB。/u.test(v.entry.text));
    expect(past.length).toBeGreaterThan(0);
    for (const v of past) expect(v.entry.figures.at(-1)!.pool, v.entry.id).toBe(INSERTED.find((c) => v.rule.includes(` ${c.words.replace('{v}', '…')} after`))!.pool);
  });

  it('data left is never added up across kinds, with unknown words, headings gone, clauses reordered, other wordings, kinds moved and clauses of other kinds inserted (round 32: 0; 11 on the reader before it)', () => {
    const r = mixedSums();
    expect(r.byRule.get('no-headings')).toBe(0);
    expect(r.byRule.get('reordered')).toBe(0);
    expect(r.where).toEqual([]);
    expect(r.mixed).toBe(0);
  });

  it('round 34: a clause of several amounts inserted (a pack listing kinds, kinds joined, an unknown word after a group, past ；其中 or a line break, full-width spaces, a kind said before a semicolon, a kind in a pack\'s name before another pool) never makes a sum across kinds (580 on the reader before it, 969801f8)', () => {
    const r = mixedSums();
    for (const c of INSERTED_GROUPS) expect(r.byRule.get(`inserted-group:${c.name}`), c.name).toBe(0);
    expect(variants.filter((v) => v.rule.startsWith('inserted-group:')).length).toBeGreaterThan(1000);
  });
});
