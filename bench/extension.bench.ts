import { buildExtension, EXTENSION_DIR } from '../src-extension/build';
import { loadExtension } from '../src-extension/load-in-chromium';
import { FIRST_RESULTS_MARK } from '../src-extension/view-search';
import { percentile, round, type Section } from './harness';

const RUNS = 5;
const QUERY = '流量';

/**
 * The browser extension as built: the zip's size, and how long the popup page takes from
 * navigation start to its first results (the mark the search view sets), in headless Chromium.
 */
export default async function extensionBench(): Promise<Section> {
  const { zipBytes } = await buildExtension();
  const ext = await loadExtension(EXTENSION_DIR);
  const samples: number[] = [];
  try {
    for (let i = 0; i < RUNS; i++) {
      const page = await ext.context.newPage();
      await page.goto(`${ext.base}popup.html#/search/${encodeURIComponent(QUERY)}`);
      await page.waitForSelector('#results li');
      samples.push(await page.evaluate((mark) => performance.getEntriesByName(mark)[0]!.startTime, FIRST_RESULTS_MARK));
      await page.close();
    }
  } finally {
    await ext.close();
  }
  const kb = zipBytes / 1024;
  const median = percentile(samples, 50);
  return {
    title: 'Browser extension (out/hall10086-extension.zip, popup in headless Chromium)',
    figures: [
      { name: 'zip size', value: round(kb, 1), unit: 'KB', target: '≤ 300 KB', pass: kb <= 300 },
      { name: 'popup open → first results (median)', value: round(median, 1), unit: 'ms', target: '≤ 100 ms', pass: median <= 100 },
      { name: 'popup open → first results (max)', value: round(Math.max(...samples), 1), unit: 'ms' },
    ],
    notes: [
      `${RUNS} opens of popup.html#/search/${QUERY} in a tab (what the context menu opens); time from navigation start to the first result list`,
      'includes building the search index over the bundled catalog, which the popup does on every open',
    ],
  };
}
