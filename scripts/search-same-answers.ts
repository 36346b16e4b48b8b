/**
 * Whether this checkout's search answers exactly as another version does: every query of every
 * development and probe set (tests/fixtures/search-queries.*.json, held-out sets never read; the dev
 * set from ../shared when it is there), on the real catalog and on the 12,000-entry one the bench
 * grows, built and restored from a snapshot. Results are compared whole (ids, scores, confidence,
 * matched text, parameter problems) with whether the query is out of scope. Work on speed must
 * leave every one the same. Only counts and query numbers are printed, never a query.
 *
 *   cp -r <other checkout>/src-shared <other checkout>/instructions .ab-base/   (a folder inside this checkout, so its imports resolve)
 *   HALL10086_SHARED=../shared npx tsx scripts/search-same-answers.ts .ab-base
 *
 * Exits 1 when any answer differs.
 */
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { growCatalog } from '../bench/grow-catalog';
import { DEV_SET, loadQueries } from '../bench/search-quality';
import { builtinCatalog } from '../src-shared/catalog/builtin';
import { createSearch } from '../src-shared/search';
import { restoreSearch, searchSnapshot } from '../src-shared/search/snapshot';

const other = process.argv[2];
if (!other) {
  console.error('usage: npx tsx scripts/search-same-answers.ts <folder holding the other version\'s src-shared and instructions>');
  process.exit(2);
}
const theirs = (await import(pathToFileURL(resolve(other, 'src-shared/search/index.ts')).href)) as { createSearch: typeof createSearch };

const fixtures = resolve(import.meta.dirname, '../tests/fixtures');
const paths = [DEV_SET, ...readdirSync(fixtures).filter((f) => /^search-queries\..*\.json$/.test(f) && !f.includes('heldout')).map((f) => resolve(fixtures, f))];
const queries: string[] = [];
for (const path of paths) {
  const set = loadQueries(path);
  if (set) queries.push(...set.map((x) => x.q));
  else console.log(`not there: ${path}`);
}
// The kinds the bench's first-query figures name, and codes with parameters.
queries.push('cxll', 'ktgrps', '开 data', '查话费', 'ZD202610', 'ZD209913', 'KTGPSR please', 'balence', 'gongjijin', 'callwaiting');
console.log(`${paths.length} sets, ${queries.length} queries`);

const real = builtinCatalog().instructions;
let differ = 0;
for (const [name, catalog] of [['real', real], ['12,000 entries', growCatalog(real, 12_000)]] as const) {
  const want = theirs.createSearch(catalog);
  const built = createSearch(catalog);
  const restored = restoreSearch(catalog, searchSnapshot(built, catalog));
  if (!restored) throw new Error('the snapshot was refused');
  let here = 0;
  queries.forEach((q, n) => {
    const expected = JSON.stringify([want.search(q, 10), want.outOfScope(q)]);
    for (const [how, engine] of [['built', built], ['restored', restored]] as const) {
      if (JSON.stringify([engine.search(q, 10), engine.outOfScope(q)]) === expected) continue;
      if (++here <= 10) console.log(`differs: ${name}, ${how}, query #${n}`);
    }
  });
  differ += here;
  console.log(`${name}: ${queries.length} queries, built and restored: ${here} differ`);
}
process.exit(differ ? 1 : 0);
