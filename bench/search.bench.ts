import Fuse from 'fuse.js';
import { builtinCatalog } from '../src-shared/catalog/builtin';
import type { Instruction } from '../src-shared/catalog/schema';
import { createSearch } from '../src-shared/search';
import { growCatalog } from './grow-catalog';
import { percentile, round, timeEach, type Figure, type Section } from './harness';
import { BLIND_SET, DEV_SET, loadQueries, SECOND_SET, quality, type LabelledQuery } from './search-quality';

const GROWN_SIZE = 12_000;
const LANGS = ['zh-Hans', 'zh-Hant', 'en'] as const;

/** fuse.js as a developer would set it up without this project's work: every text field, no folding. */
function plainFuse(entries: readonly Instruction[]): Fuse<Instruction> {
  const keys = [
    { name: 'id', weight: 2 },
    ...LANGS.flatMap((l) => [
      { name: ['name', l], weight: 1.5 },
      { name: ['synonyms', l], weight: 1 },
      { name: ['examples', l], weight: 0.7 },
    ]),
  ];
  return new Fuse(entries, { keys, includeScore: true, ignoreLocation: true, threshold: 0.6 });
}

function pct(x: number): string {
  return `${round(x * 100, 1)} %`;
}

export default async function searchBench(): Promise<Section> {
  const dev = loadQueries(DEV_SET);
  if (!dev) return { title: 'Search (catalog, Chinese-aware fuzzy)', figures: [], notes: [`skipped: no ${DEV_SET} (../shared sits beside the checkout in CI)`] };
  const more = [loadQueries(SECOND_SET), loadQueries(BLIND_SET)];
  const real = builtinCatalog().instructions;
  const ours = createSearch(real);
  const fuse = plainFuse(real);
  const oursRank = (q: string) => ours.search(q, 10).map((r) => r.id);
  const fuseRank = (f: Fuse<Instruction>) => (q: string) => f.search(q, { limit: 10 }).map((r) => r.item.id);

  const figures: Figure[] = [];
  const notes: string[] = [];
  const qualityFigures = (label: string, set: readonly LabelledQuery[]) => {
    const q = quality(set, oursRank);
    const b = quality(set, fuseRank(fuse));
    figures.push(
      { name: `${label} top-1 (n=${q.n})`, value: pct(q.top1), target: '≥ 90 %', pass: q.top1 >= 0.9 },
      { name: `${label} top-3`, value: pct(q.top3), target: '≥ 97 %', pass: q.top3 >= 0.97 },
      { name: `${label} plain fuse.js top-1 / top-3`, value: `${pct(b.top1)} / ${pct(b.top3)}` },
    );
    for (const m of q.misses) notes.push(`${label} miss: ${m.q} → expected ${m.expect.join('|')}, got ${m.got.join(',') || '—'}`);
  };
  qualityFigures('dev set', dev);
  if (more[0]) qualityFigures('second development set', more[0]);
  if (more[1]) qualityFigures('held-out set (written without seeing the vocabulary)', more[1]);

  const queries = [dev, ...more].flatMap((set) => set ?? []).map((x) => x.q);
  const repeated = Array.from({ length: 20 }, () => queries).flat();
  const realTimes = timeEach(repeated, (q) => ours.search(q, 10));
  const p95Real = percentile(realTimes, 95);
  figures.push(
    { name: `latency, real catalog (${real.length}) p50`, value: round(percentile(realTimes, 50), 4), unit: 'ms' },
    { name: `latency, real catalog p95`, value: round(p95Real, 4), unit: 'ms', target: '≤ 1 ms', pass: p95Real <= 1 },
  );

  const grown = growCatalog(real, GROWN_SIZE);
  let t0 = performance.now();
  const oursGrown = createSearch(grown);
  const buildOurs = performance.now() - t0;
  t0 = performance.now();
  const fuseGrown = plainFuse(grown);
  const buildFuse = performance.now() - t0;
  const grownQueries = Array.from({ length: 3 }, () => queries).flat();
  const oursTimes = timeEach(grownQueries, (q) => oursGrown.search(q, 10), 50);
  const fuseTimes = timeEach(queries, (q) => fuseGrown.search(q, { limit: 10 }), 5);
  const p95Ours = percentile(oursTimes, 95);
  const p95Fuse = percentile(fuseTimes, 95);
  const speedup = p95Fuse / p95Ours;
  const oursQ = quality(dev, (q) => oursGrown.search(q, 10).map((r) => r.id));
  const fuseQ = quality(dev, fuseRank(fuseGrown));
  figures.push(
    { name: `entries in grown catalog`, value: grown.length },
    { name: `index build, ours / plain fuse.js`, value: `${round(buildOurs, 0)} / ${round(buildFuse, 0)}`, unit: 'ms' },
    { name: `latency @12k p95, ours`, value: round(p95Ours, 3), unit: 'ms', target: '≤ 10 ms', pass: p95Ours <= 10 },
    { name: `latency @12k p95, plain fuse.js`, value: round(p95Fuse, 3), unit: 'ms' },
    { name: `speed-up @12k (fuse p95 / ours p95)`, value: `${round(speedup, 1)}×`, target: '≥ 5×', pass: speedup >= 5 },
    {
      name: `dev set top-3 @12k, ours vs plain fuse.js`,
      value: `${pct(oursQ.top3)} vs ${pct(fuseQ.top3)}`,
      target: 'ours ≥ fuse',
      pass: oursQ.top3 >= fuseQ.top3,
    },
    { name: `dev set top-1 @12k, ours vs plain fuse.js`, value: `${pct(oursQ.top1)} vs ${pct(fuseQ.top1)}` },
  );
  return { title: 'Search (catalog, Chinese-aware fuzzy)', figures, notes };
}
