/**
 * Figures found on the GENERATED money-and-minutes families (tests/fixtures/replies/money-minutes-families.ts; not real
 * text), the tuned two thirds per family:
 *   npx tsx bench/replies-money-minutes.ts            counts per family (tuned part)
 *   npx tsx bench/replies-money-minutes.ts misses     the tuned texts not read whole, with what was read
 *   npx tsx bench/replies-money-minutes.ts --held     the held third's count only (no texts, no misses)
 */
import { understandReply } from '../src-shared/replies';
import { checkEntry, whatOf } from '../tests/fixtures/replies/corpus';
import { moneyMinutesEntries } from '../tests/fixtures/replies/money-minutes-families';
import type { Figure } from './harness';
import { familyCounts } from './replies-kind-families';

const RECEIVED = Date.parse('2026-12-06T02:00:00Z');

/** Found / expected per family, on the held third or on the rest. */
export function moneyMinutesCounts(held: boolean): Map<string, { found: number; expected: number; missed: string[] }> {
  return familyCounts(moneyMinutesEntries().filter((e) => e.held === held));
}

const pct = (f: number, e: number) => `${Math.round((1000 * f) / e) / 10} % (${f}/${e})`;
const total = (by: Map<string, { found: number; expected: number }>) =>
  [...by.values()].reduce((a, f) => ({ found: a.found + f.found, expected: a.expected + f.expected }), { found: 0, expected: 0 });

/** The bench rows: the tuned two thirds and the held third on their own, each family of the tuned part in a note. */
export function moneyMinutesFigures(): { figures: Figure[]; notes: string[] } {
  const tuned = moneyMinutesCounts(false);
  const [t, h] = [total(tuned), total(moneyMinutesCounts(true))];
  return {
    figures: [
      { name: 'figures found, GENERATED money-and-minutes families, tuned part (NOT real)', value: pct(t.found, t.expected) },
      { name: 'figures found, GENERATED money-and-minutes families, held third (NOT real)', value: pct(h.found, h.expected) },
    ],
    notes: [`money-and-minutes families (tuned part): ${[...tuned].map(([k, f]) => `${k} ${pct(f.found, f.expected)}`).join('; ')}`],
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const arg = process.argv[2];
  if (arg === '--held') {
    const t = total(moneyMinutesCounts(true));
    console.log(`held third: ${pct(t.found, t.expected)}`);
  } else if (arg === 'misses') {
    for (const { held, entry } of moneyMinutesEntries()) {
      if (held) continue;
      const u = understandReply({ text: entry.text, receivedAt: RECEIVED, from: '10086' });
      const c = checkEntry(entry, u);
      if (c.found === c.expected) continue;
      console.log(`${entry.id} ${c.found}/${c.expected}: missed ${[...c.missing, ...c.wrongPool].map((h) => `${h.what} ${h.value}`).join('; ')}`);
      console.log(`    read: ${(u.kind === 'figures' ? u.figures : []).map((f) => `${whatOf(f)} ${f.value}`).join('; ') || `— (${u.kind})`}`);
      console.log(`    ${entry.text.replace(/\n/gu, '⏎')}`);
    }
  } else {
    const by = moneyMinutesCounts(false);
    const t = total(by);
    console.log(`tuned part: ${pct(t.found, t.expected)}; ${[...by].map(([k, f]) => `${k} ${pct(f.found, f.expected)}`).join('; ')}`);
  }
}
