import { readFileSync, existsSync } from 'node:fs';
import { resolve } from 'node:path';

export interface LabelledQuery {
  q: string;
  expect: string[];
  kind: string;
}

export const DEV_SET = resolve(import.meta.dirname, '../../shared/data/search-queries.dev.json');
/** Written by the team while building search; the curated vocabulary was chosen not to lose its answers. */
export const SECOND_SET = resolve(import.meta.dirname, '../tests/fixtures/search-queries.second.json');
/** Written by a helper shown only the instructions' names, never the search vocabulary: the held-out check. */
export const BLIND_SET = resolve(import.meta.dirname, '../tests/fixtures/search-queries.blind.json');

export function loadQueries(path: string): LabelledQuery[] | null {
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as LabelledQuery[]) : null;
}

/** Ids compare without case: the seed writes `tywlan`, the query sets sometimes `TYWLAN`. */
const same = (a: string, b: string) => a.toUpperCase() === b.toUpperCase();

export interface Quality {
  top1: number;
  top3: number;
  n: number;
  misses: { q: string; expect: string[]; got: string[] }[];
}

/** top-1: the first answer is one of the expected; top-3: one of the expected is among the first three. */
export function quality(queries: readonly LabelledQuery[], rank: (q: string) => string[]): Quality {
  let top1 = 0;
  let top3 = 0;
  const misses: Quality['misses'] = [];
  for (const { q, expect } of queries) {
    const got = rank(q).slice(0, 3);
    const hit1 = got.length > 0 && expect.some((e) => same(e, got[0]!));
    const hit3 = got.some((g) => expect.some((e) => same(e, g)));
    if (hit1) top1++;
    if (hit3) top3++;
    if (!hit1) misses.push({ q, expect, got });
  }
  return { top1: top1 / queries.length, top3: top3 / queries.length, n: queries.length, misses };
}
