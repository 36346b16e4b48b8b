import { expect, it } from 'vitest';
import type { SearchEngine } from '../../../src-shared/search';

/** One test per query: its first answer is that instruction, given with confidence. */
export function itAnswers(engine: SearchEngine, title: string, cases: readonly (readonly [query: string, id: string])[]): void {
  it.each(cases)(`${title}: %s → %s`, (q, id) => {
    expect(engine.search(q, 3)[0]).toMatchObject({ id, confident: true });
  });
}

/** One test per query: no answer to it is given with confidence (a guess at most). */
export function itGuessesAtMost(engine: SearchEngine, title: string, queries: readonly string[]): void {
  it.each(queries)(`%s: ${title}, no confident answer`, (q) => {
    expect(engine.search(q, 3).some((r) => r.confident)).toBe(false);
  });
}

/** One test per query: that instruction is first and the only answer given with confidence. */
export function itAnswersAlone(engine: SearchEngine, title: string, cases: readonly (readonly [query: string, id: string])[]): void {
  it.each(cases)(`${title}: %s → %s alone is sure`, (q, id) => {
    expect(engine.search(q, 3).filter((r) => r.confident).map((r) => r.id)).toEqual([id]);
  });
}

/** One test per query: the list of subscriptions (0000) is first, and no other answer is given with confidence. */
export function itListsSubscriptionsFirst(engine: SearchEngine, title: string, queries: readonly string[]): void {
  it.each(queries)(`%s: ${title}, 0000 first, nothing else sure`, (q) => {
    const results = engine.search(q, 5);
    expect(results[0]?.id).toBe('0000');
    expect(results.filter((r) => r.confident && r.id !== '0000').map((r) => r.id)).toEqual([]);
  });
}

/** One test per query: that instruction is first, as a guess: the person confirms it before it is sent. */
export function itGuessesFirst(engine: SearchEngine, title: string, cases: readonly (readonly [query: string, id: string])[]): void {
  it.each(cases)(`${title}: %s → %s first, as a guess`, (q, id) => {
    expect(engine.search(q, 3)[0]).toMatchObject({ id, confident: false });
  });
}
