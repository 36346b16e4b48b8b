import { understandReply } from '../src-shared/replies';
import { checkEntry, type CorpusEntry } from '../tests/fixtures/replies/corpus';
import { kindFamilyEntries } from '../tests/fixtures/replies/kind-families';
import type { Figure } from './harness';

const RECEIVED = Date.parse('2026-12-06T02:00:00Z');

/** Figures found on the GENERATED kind families (tests/fixtures/replies/kind-families.ts; not real text), per family. */
export function kindFamilyCounts(): Map<string, { found: number; expected: number; missed: string[] }> {
  return familyCounts(kindFamilyEntries());
}

/** Figures found on generated texts, per family, with the ids of the texts not read whole. */
export function familyCounts(entries: { family: string; entry: CorpusEntry }[]): Map<string, { found: number; expected: number; missed: string[] }> {
  const by = new Map<string, { found: number; expected: number; missed: string[] }>();
  for (const { family, entry } of entries) {
    const c = checkEntry(entry, understandReply({ text: entry.text, receivedAt: RECEIVED, from: '10086' }));
    const f = by.get(family) ?? { found: 0, expected: 0, missed: [] };
    f.found += c.found;
    f.expected += c.expected;
    if (c.found < c.expected) f.missed.push(entry.id);
    by.set(family, f);
  }
  return by;
}

/** The bench row: figures found on the generated kind families, each family in a note. */
export function kindFamilyFigures(): { figures: Figure[]; notes: string[] } {
  const by = kindFamilyCounts();
  const found = [...by.values()].reduce((n, f) => n + f.found, 0);
  const expected = [...by.values()].reduce((n, f) => n + f.expected, 0);
  const pct = (f: number, e: number) => `${Math.round((1000 * f) / e) / 10} % (${f}/${e})`;
  return {
    figures: [{ name: `figures found, GENERATED kind families (${kindFamilyEntries().length} texts, NOT real)`, value: pct(found, expected) }],
    notes: [`kind families: ${[...by].map(([k, f]) => `${k} ${pct(f.found, f.expected)}`).join('; ')}`],
  };
}
