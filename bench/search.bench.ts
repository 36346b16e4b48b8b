import Fuse from 'fuse.js';
import { relative } from 'node:path';
import { builtinCatalog } from '../src-shared/catalog/builtin';
import type { Instruction } from '../src-shared/catalog/schema';
import { createSearch } from '../src-shared/search';
import { restoreSearch, searchSnapshot } from '../src-shared/search/snapshot';
import { growCatalog } from './grow-catalog';
import { languageKnowledgeBytes } from './language-size/measure';
import { percentile, round, timeEach, type Figure, type Section } from './harness';
import { BLIND_SET, CLASSES_SET, confidenceQuality, DEV_SET, FRESH_SET, FRESH2_SET, FRESH3_SET, FRESH5_SET, HELDOUT_SET, HELDOUT2_SET, HELDOUT3_SET, HELDOUT4_SET, HELDOUT5_SET, HELDOUT6_SET, HELDOUT7_SET, loadQueries, PROBE_SET, PROBE15_HELDBACK_SET, PROBE15_SET, PROBE17_HELDBACK_SET, PROBE17_SET, PROBE18_HELDBACK_SET, PROBE18_SET, PROBE19_HELDBACK_SET, PROBE19_SET, PROBE20_HELDBACK_SET, PROBE20_SET, PROBE21_HELDBACK_SET, PROBE21_SET, PROBE22_HELDBACK_SET, PROBE22_SET, PROBE23_HELDBACK_SET, PROBE23_SET, PROBE24_HELDBACK_SET, PROBE24_SET, PROBE25_HELDBACK_SET, PROBE25_SET, PROBE26_HELDBACK_SET, PROBE26_SET, PROBE27_HELDBACK_SET,
  PROBE28_SET,
  PROBE28_HELDBACK_SET, PROBE29_HELDBACK_SET, PROBE29_SET, PROBE30_HELDBACK_SET, PROBE30_SET, PROBE31_HELDBACK_SET, PROBE31_SET, PROBE32_HELDBACK_SET, PROBE32_SET, PROBE27_SET, SECOND_SET, quality, WEAK_SET, type LabelledQuery } from './search-quality';
import { NEGATIVE_HELDBACK_SET, NEGATIVE_SET } from './search-quality';

const GROWN_SIZE = 12_000;
const LANGS = ['zh-Hans', 'zh-Hant', 'en'] as const;
/** Queries of each kind whose first run after a build may pay for work left to first need. */
const FIRST_QUERIES = ['cxll', 'ktgrps', '开 data', '查话费'];

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
  const more = [loadQueries(SECOND_SET), loadQueries(BLIND_SET)];
  const classes = loadQueries(CLASSES_SET);
  const probe = loadQueries(PROBE_SET);
  const fresh = loadQueries(FRESH_SET);
  const fresh2 = loadQueries(FRESH2_SET);
  const fresh3 = loadQueries(FRESH3_SET);
  const fresh5 = loadQueries(FRESH5_SET);
  const weak = loadQueries(WEAK_SET);
  const real = builtinCatalog().instructions;
  const ours = createSearch(real);
  const fuse = plainFuse(real);
  const oursRank = (q: string) => ours.search(q, 10).map((r) => r.id);
  const judge = (q: string) => {
    const results = ours.search(q, 10);
    return { ids: results.map((r) => r.id), confident: results[0]?.confident ?? false };
  };
  const fuseRank = (f: Fuse<Instruction>) => (q: string) => f.search(q, { limit: 10 }).map((r) => r.item.id);

  const figures: Figure[] = [];
  const notes: string[] = [];
  const qualityFigures = (label: string, set: readonly LabelledQuery[]) => {
    const q = quality(set, oursRank);
    const b = quality(set, fuseRank(fuse));
    const c = confidenceQuality(set, judge);
    figures.push(
      { name: `${label} top-1 (n=${q.n})`, value: pct(q.top1), target: '≥ 90 %', pass: q.top1 >= 0.9 },
      { name: `${label} top-3`, value: pct(q.top3), target: '≥ 97 %', pass: q.top3 >= 0.97 },
      { name: `${label} plain fuse.js top-1 / top-3`, value: `${pct(b.top1)} / ${pct(b.top3)}` },
      { name: `${label} answerable not confident`, value: pct(c.answerableNotConfident) },
    );
    for (const m of q.misses) notes.push(`${label} miss: ${m.q} → expected ${m.expect.join('|')}, got ${m.got.join(',') || '—'}`);
  };
  if (dev) qualityFigures('dev set', dev);
  else notes.push(`dev set skipped: ${DEV_SET} is not there (it lives in ../shared beside the clone)`);
  if (more[0]) qualityFigures('second development set', more[0]);
  if (more[1]) qualityFigures('blind set (written without seeing the vocabulary)', more[1]);

  // Issue 16: sets with kinds of phrasing and questions no instruction answers (`"expect": []`), kind by kind.
  const byKind = (label: string, set: readonly LabelledQuery[], listMisses = true) => {
    const c = confidenceQuality(set, judge);
    figures.push({ name: `${label} top-1 / top-3 (n=${c.answerable} answerable)`, value: `${pct(c.top1)} / ${pct(c.top3)}` });
    // A set of answerable queries only (probe23) has no unanswerable share to print.
    if (c.unanswerable) figures.push({ name: `${label} unanswerable not confident (n=${c.unanswerable})`, value: pct(c.unanswerableNotConfident), target: '≥ 90 %', pass: c.unanswerableNotConfident >= 0.9 });
    figures.push({ name: `${label} answerable not confident`, value: pct(c.answerableNotConfident), target: '≤ 2 %', pass: c.answerableNotConfident <= 0.02 });
    for (const kind of [...new Set(set.map((x) => x.kind))]) {
      const k = confidenceQuality(
        set.filter((x) => x.kind === kind),
        judge,
      );
      figures.push({ name: `  ${label} ${kind}`, value: k.answerable ? `top-1 ${pct(k.top1)}, top-3 ${pct(k.top3)}, not confident ${pct(k.answerableNotConfident)}` : `not confident ${pct(k.unanswerableNotConfident)}` });
    }
    if (listMisses) for (const m of c.misses) notes.push(`${label} miss: ${m.q} → expected ${m.expect.join('|') || 'no answer'}, got ${m.got.join(',') || '—'}${m.confident ? ' (confident)' : ''}`);
  };
  if (classes) byKind('class set', classes);
  if (probe) byKind('probe set (ours)', probe);
  if (fresh) byKind('fresh set', fresh);
  if (fresh2) byKind('second fresh set', fresh2);
  if (fresh3) byKind('third fresh set', fresh3);
  if (fresh5) byKind('fifth fresh set', fresh5);
  if (weak) byKind('weak classes (ours)', weak);
  // Our own probe batches: two thirds tuned on; the third held back from the tuner prints figures only, never its misses.
  const probes: [string, string, string][] = [
    ['probe15', PROBE15_SET, PROBE15_HELDBACK_SET],
    ['probe17', PROBE17_SET, PROBE17_HELDBACK_SET],
    ['probe18', PROBE18_SET, PROBE18_HELDBACK_SET],
    ['probe19', PROBE19_SET, PROBE19_HELDBACK_SET],
    ['probe20', PROBE20_SET, PROBE20_HELDBACK_SET],
    ['probe21', PROBE21_SET, PROBE21_HELDBACK_SET],
    ['probe22', PROBE22_SET, PROBE22_HELDBACK_SET],
    ['probe23', PROBE23_SET, PROBE23_HELDBACK_SET],
    ['probe24', PROBE24_SET, PROBE24_HELDBACK_SET],
    ['probe25', PROBE25_SET, PROBE25_HELDBACK_SET],
    ['probe26', PROBE26_SET, PROBE26_HELDBACK_SET],
    ['probe27', PROBE27_SET, PROBE27_HELDBACK_SET],
    ['probe28', PROBE28_SET, PROBE28_HELDBACK_SET],
    ['probe29', PROBE29_SET, PROBE29_HELDBACK_SET],
    ['probe30', PROBE30_SET, PROBE30_HELDBACK_SET],
    ['probe31', PROBE31_SET, PROBE31_HELDBACK_SET],
    ['probe32', PROBE32_SET, PROBE32_HELDBACK_SET],
  ];
  for (const [name, tunedSet, heldBackSet] of probes) {
    const tuned = loadQueries(tunedSet);
    const heldBack = loadQueries(heldBackSet);
    if (tuned) byKind(`${name} (ours, tuned on)`, tuned);
    if (heldBack) byKind(`${name} held back (ours, never tuned on)`, heldBack, false);
  }

  // Held-out sets are written by someone else and added by the lead: only their figures are printed, never their queries.
  const heldOutFigures = (label: string, path: string, set: readonly LabelledQuery[] | null) => {
    if (!set) return void figures.push({ name: `${label} (${relative(process.cwd(), path)})`, value: 'not present' });
    const h = confidenceQuality(set, judge);
    figures.push(
      { name: `${label} top-1 (n=${h.answerable} answerable)`, value: pct(h.top1), target: '≥ 95 %', pass: h.top1 >= 0.95 },
      { name: `${label} top-3`, value: pct(h.top3), target: '≥ 99 %', pass: h.top3 >= 0.99 },
      { name: `${label} unanswerable not confident (n=${h.unanswerable})`, value: pct(h.unanswerableNotConfident), target: '≥ 90 %', pass: h.unanswerableNotConfident >= 0.9 },
      { name: `${label} answerable not confident`, value: pct(h.answerableNotConfident), target: '≤ 2 %', pass: h.answerableNotConfident <= 0.02 },
    );
  };
  heldOutFigures('held-out set', HELDOUT_SET, loadQueries(HELDOUT_SET));
  heldOutFigures('second held-out set', HELDOUT2_SET, loadQueries(HELDOUT2_SET));
  heldOutFigures('third held-out set', HELDOUT3_SET, loadQueries(HELDOUT3_SET));
  heldOutFigures('fourth held-out set', HELDOUT4_SET, loadQueries(HELDOUT4_SET));
  heldOutFigures('fifth held-out set', HELDOUT5_SET, loadQueries(HELDOUT5_SET));
  heldOutFigures('sixth held-out set', HELDOUT6_SET, loadQueries(HELDOUT6_SET));
  heldOutFigures('seventh held-out set', HELDOUT7_SET, loadQueries(HELDOUT7_SET));

  // Nothing matches: queries no instruction answers must get no confident answer, and real ones must not be refused.
  // plain fuse.js has no confidence: any result it gives is its answer.
  const fuseAnswers = (q: string) => fuse.search(q, { limit: 1 }).length > 0;
  const negativeFigures = (label: string, set: readonly LabelledQuery[] | null) => {
    if (!set) return void figures.push({ name: label, value: 'not present' });
    const confident = set.filter((x) => judge(x.q).confident);
    const shown = set.filter((x) => judge(x.q).ids.length > 0).length;
    figures.push(
      { name: `${label} answered confidently, ours (n=${set.length})`, value: confident.length, target: '0', pass: confident.length === 0 },
      { name: `${label} given any answer, ours (guesses marked "maybe") / plain fuse.js`, value: `${shown} / ${set.filter((x) => fuseAnswers(x.q)).length}` },
    );
    return confident;
  };
  for (const x of negativeFigures('negative queries (dev part)', loadQueries(NEGATIVE_SET)) ?? []) notes.push(`negative query answered confidently: ${x.q} → ${judge(x.q).ids.slice(0, 3).join(',')}`);
  negativeFigures('negative queries (held back, never tuned on)', loadQueries(NEGATIVE_HELDBACK_SET));
  const realQueries = [dev, ...more, classes, probe, fresh, fresh2, fresh3, fresh5, weak].flatMap((set) => set ?? []).filter((x) => x.expect.length > 0);
  const refused = realQueries.filter((x) => ours.search(x.q, 1).length === 0);
  figures.push({ name: `real queries wrongly refused (no answer at all), ours / plain fuse.js (n=${realQueries.length}, every development set)`, value: `${refused.length} / ${realQueries.filter((x) => !fuseAnswers(x.q)).length}`, target: 'ours 0', pass: refused.length === 0 });
  for (const x of refused) notes.push(`real query refused: ${x.q} → expected ${x.expect.join('|')}`);

  const queries = [dev, ...more, classes].flatMap((set) => set ?? []).map((x) => x.q);
  const repeated = Array.from({ length: 20 }, () => queries).flat();
  const realTimes = timeEach(repeated, (q) => ours.search(q, 10));
  const p95Real = percentile(realTimes, 95);
  figures.push(
    { name: `latency, real catalog (${real.length}) p50`, value: round(percentile(realTimes, 50), 4), unit: 'ms' },
    { name: `latency, real catalog p95`, value: round(p95Real, 4), unit: 'ms', target: '≤ 1 ms', pass: p95Real <= 1 },
  );

  // The extension builds its index each time the popup opens, from the real catalog.
  const realBuilds = timeEach(Array.from({ length: 50 }, () => real), (c) => createSearch(c), 10);
  const realFuseBuilds = timeEach(Array.from({ length: 50 }, () => real), (c) => plainFuse(c), 10);
  figures.push({ name: `index build, real catalog (${real.length}), ours / plain fuse.js, median of 50`, value: `${round(percentile(realBuilds, 50), 3)} / ${round(percentile(realFuseBuilds, 50), 3)}`, unit: 'ms' });

  const grown = growCatalog(real, GROWN_SIZE);
  // Builds alternate ours / fuse.js, five of each, and the median counts: the machine may be shared.
  const oursBuilds: number[] = [];
  const fuseBuilds: number[] = [];
  let oursGrown = createSearch([]);
  let fuseGrown = plainFuse([]);
  for (let k = 0; k < 5; k++) {
    let t0 = performance.now();
    oursGrown = createSearch(grown);
    oursBuilds.push(performance.now() - t0);
    t0 = performance.now();
    fuseGrown = plainFuse(grown);
    fuseBuilds.push(performance.now() - t0);
  }
  // Work left for the first query of a kind (initials decoding, spelling pool, code index) shows here.
  const firstQueries = timeEach(FIRST_QUERIES, (q) => oursGrown.search(q, 10), 0);
  // The same queries again on that index, and first on an index restored from its snapshot (what the extension's popup does), at 12,000 and on the real catalog.
  const againQueries = timeEach(FIRST_QUERIES, (q) => oursGrown.search(q, 10), 0);
  const firstAfterRestore = (catalog: readonly Instruction[], built: ReturnType<typeof createSearch>) => {
    const restored = restoreSearch(catalog, searchSnapshot(built, catalog));
    return restored ? timeEach(FIRST_QUERIES, (q) => restored.search(q, 10), 0) : [];
  };
  const restoredGrownQueries = firstAfterRestore(grown, oursGrown);
  const realFirst = (() => {
    const built = createSearch(real);
    return timeEach(FIRST_QUERIES, (q) => built.search(q, 10), 0);
  })();
  const restoredRealQueries = firstAfterRestore(real, createSearch(real));
  const buildOurs = percentile(oursBuilds, 50);
  const buildFuse = percentile(fuseBuilds, 50);
  const range = (xs: number[]) => `${round(Math.min(...xs), 0)}–${round(Math.max(...xs), 0)}`;
  const grownQueries = Array.from({ length: 3 }, () => queries).flat();
  const oursTimes = timeEach(grownQueries, (q) => oursGrown.search(q, 10), 50);
  // plain fuse.js scans all 12,000 entries per query (seconds on a busy machine): every 8th query is enough for its p95.
  const fuseTimes = timeEach(queries.filter((_, i) => i % 8 === 0), (q) => fuseGrown.search(q, { limit: 10 }), 5);
  const p95Ours = percentile(oursTimes, 95);
  const p95Fuse = percentile(fuseTimes, 95);
  const speedup = p95Fuse / p95Ours;
  const grownSet = dev ?? more[0] ?? [];
  const grownLabel = dev ? 'dev set' : 'second development set';
  const oursQ = quality(grownSet, (q) => oursGrown.search(q, 10).map((r) => r.id));
  const fuseQ = quality(grownSet, fuseRank(fuseGrown));
  figures.push(
    { name: `entries in grown catalog`, value: grown.length },
    { name: `index build, ours / plain fuse.js (median of 5)`, value: `${round(buildOurs, 0)} / ${round(buildFuse, 0)}`, unit: 'ms', target: '≤ 300 ms', pass: buildOurs <= 300 },
    { name: `index build range, ours / plain fuse.js`, value: `${range(oursBuilds)} / ${range(fuseBuilds)}`, unit: 'ms' },
    { name: `index build, ours ÷ plain fuse.js (same run)`, value: `${round(buildOurs / buildFuse, 1)}×` },
    { name: `first queries after build (cxll, ktgrps, 开 data, 查话费)`, value: firstQueries.map((t) => round(t, 1)).join(' / '), unit: 'ms' },
    { name: `the same queries again`, value: againQueries.map((t) => round(t, 1)).join(' / '), unit: 'ms' },
    { name: `first queries after restoring the 12k snapshot`, value: restoredGrownQueries.map((t) => round(t, 1)).join(' / '), unit: 'ms' },
    { name: `first queries after build, real catalog`, value: realFirst.map((t) => round(t, 1)).join(' / '), unit: 'ms' },
    { name: `first queries after restoring the real catalog's snapshot`, value: restoredRealQueries.map((t) => round(t, 1)).join(' / '), unit: 'ms' },
    { name: `latency @12k p95, ours`, value: round(p95Ours, 3), unit: 'ms', target: '≤ 5 ms', pass: p95Ours <= 5 },
    { name: `latency @12k p95, plain fuse.js`, value: round(p95Fuse, 3), unit: 'ms' },
    { name: `speed-up @12k (fuse p95 / ours p95)`, value: `${round(speedup, 1)}×`, target: '≥ 5×', pass: speedup >= 5 },
    {
      name: `${grownLabel} top-3 @12k, ours vs plain fuse.js`,
      value: `${pct(oursQ.top3)} vs ${pct(fuseQ.top3)}`,
      target: 'ours ≥ fuse',
      pass: oursQ.top3 >= fuseQ.top3,
    },
    { name: `${grownLabel} top-1 @12k, ours vs plain fuse.js`, value: `${pct(oursQ.top1)} vs ${pct(fuseQ.top1)}` },
  );
  const knowledge = await languageKnowledgeBytes();
  figures.push({
    name: 'language knowledge, bundled alone and minified (language/, pinyin, spelling with fuse.js, fold, stemmer), raw / gzip -9',
    value: `${round(knowledge.raw / 1024, 1)} / ${round(knowledge.gzip / 1024, 1)}`,
    unit: 'KB',
    target: '≤ 150 KB gzipped',
    pass: knowledge.gzip <= 150 * 1024,
  });
  return { title: 'Search (catalog, Chinese-aware fuzzy)', figures, notes };
}
