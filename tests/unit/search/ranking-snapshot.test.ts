import { describe, expect, it } from 'vitest';
import { BLIND_SET, CLASSES_SET, DEV_SET, loadQueries, SECOND_SET } from '../../../bench/search-quality';
import { growCatalog } from '../../../bench/grow-catalog';
import { builtinCatalog } from '../../../src-shared/catalog/builtin';
import { createSearch, type SearchEngine } from '../../../src-shared/search';

/**
 * What search answers, written down whole: for every query of the query sets, the ranked ids with
 * score, confidence and the field that matched, on the real catalog and on the 12,000-entry one the
 * bench grows. Work on speed must leave these files unchanged; a change to what search understands
 * changes them on purpose (review the diff, then `npx vitest run tests/unit/search/ranking-snapshot -u`).
 * Only results are written, never the queries (the dev set stays in ../shared).
 */
const SETS = { second: SECOND_SET, blind: BLIND_SET, classes: CLASSES_SET, dev: DEV_SET };

const real = builtinCatalog().instructions;
let grownEngine: SearchEngine | undefined;
const engines: Record<string, () => SearchEngine> = {
  real: (() => {
    const e = createSearch(real);
    return () => e;
  })(),
  grown: () => (grownEngine ??= createSearch(growCatalog(real, 12_000))),
};

function written(engine: SearchEngine, queries: readonly string[], withScope: boolean): string {
  return queries
    .map((q, i) => {
      const answers = engine
        .search(q, 10)
        .map((r) => `${r.id} ${r.score} ${r.confident ? 'c' : '-'} ${r.matched.field}${r.paramProblem ? ` !${r.paramProblem.code}` : ''}`);
      return `${i}${withScope && engine.outOfScope(q) ? ' out-of-scope' : ''}: ${answers.join(' | ')}`;
    })
    .join('\n');
}

describe('search answers exactly as written down', () => {
  for (const [name, path] of Object.entries(SETS)) {
    const set = loadQueries(path);
    for (const catalog of ['real', 'grown'] as const) {
      it.skipIf(!set)(`${name} set, ${catalog} catalog${set ? '' : ' (skipped: the set is not beside this checkout)'}`, async () => {
        const text = written(engines[catalog]!(), set!.map((x) => x.q), catalog === 'real');
        await expect(text + '\n').toMatchFileSnapshot(`__snapshots__/ranking-${name}-${catalog}.txt`);
      });
    }
  }
});
