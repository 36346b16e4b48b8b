import { resolve } from 'node:path';
import { understandReply } from '../src-shared/replies';
import { checkEntry, loadCorpus } from '../tests/fixtures/replies/corpus';
import { STACKED_RULE, variantsOf } from '../tests/fixtures/replies/variants';
import type { Figure } from './harness';

const RECEIVED = Date.parse('2026-11-25T02:30:00Z');

interface Tally {
  variants: number;
  expected: number;
  found: number;
}

const pct = (n: number, d: number) => (d ? Math.round((1000 * n) / d) / 10 : 0);

/**
 * Robustness on GENERATED variants of the dev texts (tests/fixtures/replies/variants.ts: label
 * synonyms, unit spellings, Traditional script, full-width forms, separators, date and sign
 * placement, marketing text; never a change of what a figure means). Not real text: the held-out
 * set is the real measure. Per rule in the notes, weakest first.
 */
export function variantFigures(): { figures: Figure[]; notes: string[] } {
  const corpus = loadCorpus(resolve(import.meta.dirname, '../tests/fixtures/replies/real-dev.json'));
  const variants = variantsOf(corpus);
  const byRule = new Map<string, Tally>();
  const all: Tally = { variants: 0, expected: 0, found: 0 };
  let fromMarketing = 0;
  for (const v of variants) {
    const u = understandReply({ text: v.entry.text, receivedAt: RECEIVED, from: '10086' });
    const c = checkEntry(v.entry, u);
    const rule = v.rule.startsWith(STACKED_RULE) ? STACKED_RULE : v.rule;
    const t = byRule.get(rule) ?? { variants: 0, expected: 0, found: 0 };
    for (const x of [t, all]) {
      x.variants++;
      x.expected += c.expected;
      x.found += c.found;
    }
    byRule.set(rule, t);
    const added = v.added;
    if (added && u.kind === 'figures') fromMarketing += u.figures.filter((f) => f.span.start >= added.start && f.span.end <= added.end).length;
  }
  const rules = [...byRule].sort((a, b) => a[1].found / a[1].expected - b[1].found / b[1].expected || a[0].localeCompare(b[0]));
  return {
    figures: [
      {
        name: `figures found, GENERATED variants of dev texts (${all.variants} variants, ${byRule.size} rules)`,
        value: `${pct(all.found, all.expected)} % (${all.found}/${all.expected})`,
      },
      { name: 'figures read from generated marketing text', value: fromMarketing, target: '0', pass: fromMarketing === 0 },
    ],
    notes: [`variants by rule (found/expected): ${rules.map(([name, t]) => `${name} ${pct(t.found, t.expected)} % (${t.found}/${t.expected})`).join('; ')}`],
  };
}
