/**
 * The 12,000-entry index build of this checkout against another version's, interleaved (A, B, B, A,
 * …) so that a busy machine slows both alike: each build's wall and CPU time, the collector's pauses
 * in it, the terms phase alone and its seal, the code recogniser alone, and the first queries after
 * the build. Medians and ranges, with the load average. For work on build speed; the bench keeps the
 * figures of record (`npm run bench -- search`).
 *
 *   cp -r <other checkout>/src-shared <other checkout>/instructions .ab-base/   (a folder inside this checkout, so its imports resolve)
 *   npx tsx scripts/search-build-ab.ts .ab-base [rounds, 15]
 */
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { PerformanceObserver } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { growCatalog } from '../bench/grow-catalog';
import { builtinCatalog } from '../src-shared/catalog/builtin';

const other = process.argv[2];
if (!other) {
  console.error('usage: npx tsx scripts/search-build-ab.ts <folder holding the other version\'s src-shared and instructions> [rounds]');
  process.exit(2);
}
const rounds = Number(process.argv[3] ?? 15);
const FIRST_QUERIES = ['cxll', 'ktgrps', '开 data', '查话费'];

/** The modules a build goes through, of one version. */
async function version(root: string) {
  const load = (path: string) => import(pathToFileURL(resolve(root, path)).href);
  return {
    search: await load('src-shared/search/index.ts'),
    terms: await load('src-shared/search/catalog-terms.ts'),
    termIndex: await load('src-shared/search/term-index.ts'),
    recognize: await load('src-shared/catalog/recognize.ts'),
    reader: await load('src-shared/search/language/reader.ts'),
  };
}
const versions = { other: await version(other), this: await version(resolve(import.meta.dirname, '..')) };
type Who = keyof typeof versions;

const times: Record<Who, Map<string, number[]>> = { other: new Map(), this: new Map() };
// Rows in the order printed.
const ROWS = ['build (createSearch)', 'build (createSearch), CPU time', '  collector pauses in it', '  of which seal', 'terms alone (catalogTerms)', 'terms alone (catalogTerms), CPU time', 'code recogniser alone', 'code recogniser alone, CPU time', `first queries after it (${FIRST_QUERIES.join(', ')}), summed`];
const record = (who: Who, phase: string, ms: number) => times[who].set(phase, [...(times[who].get(phase) ?? []), ms]);
for (const who of Object.keys(versions) as Who[]) {
  const prototype = versions[who].termIndex.TermIndex.prototype;
  const seal = prototype.seal;
  prototype.seal = function (this: unknown, entries: number) {
    const t0 = performance.now();
    seal.call(this, entries);
    record(who, '  of which seal', performance.now() - t0);
  };
}
const pauses: { start: number; duration: number }[] = [];
new PerformanceObserver((list) => pauses.push(...list.getEntries().map((e) => ({ start: e.startTime, duration: e.duration })))).observe({ entryTypes: ['gc'] });
const builds: { who: Who; from: number; to: number }[] = [];

const grown = growCatalog(builtinCatalog().instructions, 12_000);
const loads: number[] = [];
/** Wall and CPU time of one call. */
function timed<T>(who: Who, phase: string, run: () => T): T {
  const cpu = process.cpuUsage();
  const t0 = performance.now();
  const out = run();
  const wall = performance.now() - t0;
  const used = process.cpuUsage(cpu);
  record(who, phase, wall);
  record(who, `${phase}, CPU time`, (used.user + used.system) / 1000);
  if (phase === 'build (createSearch)') builds.push({ who, from: t0, to: t0 + wall });
  return out;
}
for (let r = 0; r < rounds; r++) {
  for (const who of (r % 2 ? ['this', 'other'] : ['other', 'this']) as Who[]) {
    const v = versions[who];
    const engine = timed(who, 'build (createSearch)', () => v.search.createSearch(grown));
    const first = FIRST_QUERIES.map((q) => {
      const t0 = performance.now();
      engine.search(q, 10);
      return performance.now() - t0;
    });
    record(who, `first queries after it (${FIRST_QUERIES.join(', ')}), summed`, first.reduce((a, b) => a + b, 0));
    timed(who, 'terms alone (catalogTerms)', () => v.terms.catalogTerms(grown, new v.reader.QueryReader(() => [], () => false)));
    timed(who, 'code recogniser alone', () => new v.recognize.Recognizer(grown));
  }
  loads.push(loadavg()[0]!);
}
// Collector pauses are reported after the fact: let them arrive.
await new Promise((done) => setTimeout(done, 200));
for (const b of builds) record(b.who, '  collector pauses in it', pauses.filter((p) => p.start >= b.from && p.start < b.to).reduce((a, p) => a + p.duration, 0));

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const ms = (x: number) => x.toFixed(1);
const cell = (xs: number[]) => `${ms(median(xs))} (${ms(Math.min(...xs))}–${ms(Math.max(...xs))})`;
console.log(`${rounds} builds each, alternating; 1-minute load average ${ms(Math.min(...loads))}–${ms(Math.max(...loads))}`);
console.log(`${'ms, median (range)'.padEnd(64)}${other.padEnd(26)}this checkout`);
for (const phase of ROWS) console.log(`${phase.padEnd(64)}${cell(times.other.get(phase)!).padEnd(26)}${cell(times.this.get(phase)!)}`);
