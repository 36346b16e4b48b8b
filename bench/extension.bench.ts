import { buildExtension, EXTENSION_DIR } from '../src-extension/build';
import { loadExtension, type LoadedExtension } from '../src-extension/load-in-chromium';
import { FIRST_RESULTS_MARK } from '../src-extension/view-search';
import { percentile, round, type Figure, type Section } from './harness';

const RUNS = 9;
const QUERY = '流量';

/** Another built copy of the extension (e.g. the previous commit's out/extension), measured in the same run. */
const BASELINE_DIR = process.env.HALL_BENCH_EXTENSION_BASELINE;

async function openOnce(ext: LoadedExtension): Promise<number> {
  const page = await ext.context.newPage();
  await page.goto(`${ext.base}popup.html#/search/${encodeURIComponent(QUERY)}`);
  await page.waitForSelector('#results li');
  const at = await page.evaluate((mark) => performance.getEntriesByName(mark)[0]!.startTime, FIRST_RESULTS_MARK);
  await page.close();
  return at;
}

/**
 * The browser extension as built: the zip's size, and how long the popup page takes from
 * navigation start to its first results (the mark the search view sets), in headless Chromium.
 * The first open of a fresh profile (cold caches) is left out; with a baseline build, the two
 * are opened in turn, so machine load falls on both alike.
 */
export default async function extensionBench(): Promise<Section> {
  const { zipBytes } = await buildExtension();
  const ext = await loadExtension(EXTENSION_DIR);
  const baseline = BASELINE_DIR ? await loadExtension(BASELINE_DIR) : null;
  const samples: number[] = [];
  const baseSamples: number[] = [];
  try {
    await openOnce(ext);
    if (baseline) await openOnce(baseline);
    for (let i = 0; i < RUNS; i++) {
      samples.push(await openOnce(ext));
      if (baseline) baseSamples.push(await openOnce(baseline));
    }
  } finally {
    await ext.close();
    await baseline?.close();
  }
  const kb = zipBytes / 1024;
  const median = percentile(samples, 50);
  const figures: Figure[] = [
    { name: 'zip size', value: round(kb, 1), unit: 'KB', target: '≤ 300 KB', pass: kb <= 300 },
    { name: 'popup open → first results (median)', value: round(median, 1), unit: 'ms', target: '≤ 100 ms', pass: median <= 100 },
    { name: 'popup open → first results (max)', value: round(Math.max(...samples), 1), unit: 'ms' },
  ];
  if (baseline) figures.push({ name: 'baseline build: popup open → first results (median)', value: round(percentile(baseSamples, 50), 1), unit: 'ms' });
  return {
    title: 'Browser extension (out/hall10086-extension.zip, popup in headless Chromium)',
    figures,
    notes: [
      `${RUNS} opens of popup.html#/search/${QUERY} in a tab (what the context menu opens) after one warm-up open; time from navigation start to the first result list`,
      'includes building the search index over the bundled catalog, which the popup does on every open',
      ...(baseline ? [`baseline: ${BASELINE_DIR}, opened in turn with this build`] : ['set HALL_BENCH_EXTENSION_BASELINE=<a built out/extension> to measure another build in the same run']),
    ],
  };
}
