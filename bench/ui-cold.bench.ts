import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { HallCore } from '../src-main/core';
import { INSTANT_TIMING } from '../src-main/emulator/options';
import { startServer } from '../src-main/server';
import { percentile, round, type Figure, type Section } from './harness';
import { coldStartTyped } from './ui.bench';
import { build, CHROMIUM_ARGS } from './ui-burst.bench';

const ROOT = resolve(import.meta.dirname, '..');
/** Another build's renderer (its out/renderer, or the tree holding it), timed in turn with this one. */
const BASELINE = process.env.HALL_BENCH_UI_BASELINE;
const ROUNDS = Number(process.env.HALL_BENCH_UI_COLD_ROUNDS ?? 10);

const load = () => loadavg().map((n) => n.toFixed(2)).join(' ');

/**
 * The cold start alone ("流量" typed as the box appears → answer painted, a fresh profile each time), this build
 * and (with HALL_BENCH_UI_BASELINE) another build in turn, A/B/A/B, each served by this tree's core: on a loaded
 * machine only starts taken in turn compare.
 */
export default async function uiColdBench(): Promise<Section> {
  build();
  const builds = [{ label: 'this build', dir: join(ROOT, 'out/renderer') }];
  if (BASELINE) builds.push({ label: 'baseline', dir: BASELINE.endsWith('out/renderer') ? BASELINE : join(BASELINE, 'out/renderer') });
  const dir = await mkdtemp(join(tmpdir(), 'hall-ui-cold-'));
  const core = await HallCore.create({ dataDir: dir, demo: true, emulatorOptions: INSTANT_TIMING });
  const servers = await Promise.all(builds.map((b) => startServer({ core, staticDir: b.dir, port: 0 })));
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const times = new Map<string, number[]>(builds.map((b) => [b.label, []]));
  const figures: Figure[] = [];
  try {
    // The browser's own first start (its caches, its processes) is not the page's: once for each build, not counted.
    for (const s of servers) await coldStartTyped(browser, s.newLaunchLink());
    for (let i = 1; i <= ROUNDS; i++) {
      const row: string[] = [];
      for (const [k, b] of builds.entries()) {
        const ms = await coldStartTyped(browser, servers[k]!.newLaunchLink());
        times.get(b.label)!.push(ms);
        row.push(`${b.label} ${round(ms, 0)}`);
      }
      figures.push({ name: `round ${i} (load ${load()})`, value: row.join(', '), unit: 'ms' });
    }
  } finally {
    await browser.close();
    await Promise.all(servers.map((s) => s.close()));
    await core.close();
    await rm(dir, { recursive: true, force: true });
  }
  for (const [label, values] of times) {
    const median = percentile(values, 50);
    figures.push({ name: `${label}: cold start → "流量" answered (median of ${values.length})`, value: round(median, 0), unit: 'ms', target: '≤ 400 ms', pass: median <= 400 });
  }
  return {
    title: 'UI cold start in Chromium (real core), builds in turn',
    figures,
    notes: [BASELINE ? `baseline: ${BASELINE}, served in turn with this build by this tree's core` : 'set HALL_BENCH_UI_BASELINE=<a tree or its built out/renderer> to time another build in the same run'],
  };
}
