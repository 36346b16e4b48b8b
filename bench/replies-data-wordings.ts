import { understandReply } from '../src-shared/replies';
import { checkEntry } from '../tests/fixtures/replies/corpus';
import { dataWordingEntries } from '../tests/fixtures/replies/data-wordings';
import type { Figure } from './harness';

const RECEIVED = Date.parse('2026-12-07T02:00:00Z');

export interface WordingCount {
  found: number;
  expected: number;
  missed: string[];
}

/** Figures found on the GENERATED data wordings (tests/fixtures/replies/data-wordings.ts; not real text), per family and part. */
export function dataWordingCounts(): Map<string, { tuned: WordingCount; heldBack: WordingCount }> {
  const by = new Map<string, { tuned: WordingCount; heldBack: WordingCount }>();
  for (const { family, heldBack, entry } of dataWordingEntries()) {
    const c = checkEntry(entry, understandReply({ text: entry.text, receivedAt: RECEIVED, from: '10086' }));
    const f = by.get(family) ?? { tuned: { found: 0, expected: 0, missed: [] }, heldBack: { found: 0, expected: 0, missed: [] } };
    const part = heldBack ? f.heldBack : f.tuned;
    part.found += c.found;
    part.expected += c.expected;
    if (c.found < c.expected) part.missed.push(entry.id);
    by.set(family, f);
  }
  return by;
}

/** The bench rows: figures found on the generated data wordings, the tuned and held-back thirds apart, each family in a note. */
export function dataWordingFigures(): { figures: Figure[]; notes: string[] } {
  const by = [...dataWordingCounts()];
  const pct = (f: number, e: number) => `${Math.round((1000 * f) / e) / 10} % (${f}/${e})`;
  const sum = (part: 'tuned' | 'heldBack') => {
    const found = by.reduce((n, [, f]) => n + f[part].found, 0);
    return pct(found, by.reduce((n, [, f]) => n + f[part].expected, 0));
  };
  const texts = dataWordingEntries();
  return {
    figures: [
      { name: `figures found, GENERATED data wordings, tuned part (${texts.filter((t) => !t.heldBack).length} texts, NOT real)`, value: sum('tuned') },
      { name: `figures found, GENERATED data wordings, held-back third (${texts.filter((t) => t.heldBack).length} texts, NOT real)`, value: sum('heldBack') },
    ],
    notes: [`data wordings (tuned | held back): ${by.map(([k, f]) => `${k} ${pct(f.tuned.found, f.tuned.expected)} | ${pct(f.heldBack.found, f.heldBack.expected)}`).join('; ')}`],
  };
}
