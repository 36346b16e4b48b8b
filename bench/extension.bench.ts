import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CDPSession } from 'playwright-core';
import { build } from 'vite';
import { buildExtension, EXTENSION_DIR } from '../src-extension/build';
import { loadExtension, type LoadedExtension } from '../src-extension/load-in-chromium';
import { percentile, round, type Figure, type Section } from './harness';

const RUNS = 9;
const QUERY = '流量';
/** More queries for a row of their own (the asleep address case), one per open in turn: pinyin, a misspelt code (the Latin typo path), a sentence. */
const MORE_QUERIES = ['liuliang', 'ktgrps', '我想关掉来电提醒'];
const PAINTED = 'bench:painted';
const RESULTS_PAINTED = 'bench:results-painted';

/** Another built copy of the extension (e.g. main's out/extension), measured in the same run. */
const BASELINE_DIR = process.env.HALL_BENCH_EXTENSION_BASELINE;

/**
 * Runs in every page before its own scripts: when `selector` first matches, it marks the first
 * frame painted after that (a task queued from the next animation frame runs once it is drawn), so
 * the figure is "on screen", whatever the extension itself marks or does not.
 */
function markPaintedWhenShown(selector: string, mark: string): void {
  new MutationObserver((_, observer) => {
    if (!document.querySelector(selector)) return;
    observer.disconnect();
    requestAnimationFrame(() => setTimeout(() => performance.mark(mark)));
  }).observe(document, { childList: true, subtree: true });
}

interface Case {
  name: string;
  /** The extension page opened: the popup, or one of the floor pages (bench/extension-floor). */
  page?: string;
  hash: string;
  /** What is on screen when the user can use the page. */
  shown: string;
  /** Opened with these address hashes in turn instead of `hash`, one per open. */
  hashes?: readonly string[];
  /** Typed into the search box as soon as it is on screen; the figure is then until `#results li` is. */
  typed?: string;
  /** The worker stopped first, as Chrome stops it after 30 s without events. */
  coldWorker: boolean;
  /** For the split of the asleep figures into the floor's steps and ours (below). */
  part?: Part;
}
type Part = 'address' | 'typed' | 'static' | 'code' | 'restore' | 'typedBox';

const CASES: Case[] = [
  { name: `popup with a query (omnibox, selection) → first results on screen`, hash: `#/search/${encodeURIComponent(QUERY)}`, shown: '#results li', coldWorker: false },
  { name: `same, service worker asleep`, hash: `#/search/${encodeURIComponent(QUERY)}`, shown: '#results li', coldWorker: true, part: 'address' },
  { name: `same, worker asleep, other queries in turn (${MORE_QUERIES.join(', ')})`, hash: '', hashes: MORE_QUERIES.map((q) => `#/search/${encodeURIComponent(q)}`), shown: '#results li', coldWorker: true },
  { name: `toolbar popup (no query) → search box on screen`, hash: '', shown: '#search', coldWorker: false },
  { name: `toolbar popup, worker asleep, ${QUERY} typed when the box shows → results on screen`, hash: '', shown: '#search', typed: QUERY, coldWorker: true, part: 'typed' },
  ...floorCases(false),
  ...floorCases(true),
];

/**
 * The floor under the figures, in the same browser and state: extension pages that are not the
 * popup, opened the same way. What Chrome alone takes to open an extension page; that plus loading
 * the search code and the bundled catalog; that plus building the index and answering the query;
 * and a box that only lists what is typed (Chrome plus the bench's own typing).
 */
function floorCases(coldWorker: boolean): Case[] {
  const state = coldWorker ? 'worker asleep' : 'worker awake';
  const part = (p: Part) => (coldWorker ? { part: p } : {});
  const hash = `#${encodeURIComponent(QUERY)}`;
  return [
    { name: `floor, ${state}: static page, one text node`, page: 'bench-floor/static.html', hash: '', shown: '#floor', coldWorker, ...part('static') },
    { name: `floor, ${state}: page loading the search code and catalog`, page: 'bench-floor/search-code.html', hash: '', shown: '#floor', coldWorker, ...part('code') },
    { name: `floor, ${state}: same, then builds the index and searches ${QUERY}`, page: 'bench-floor/search-build.html', hash, shown: '#floor', coldWorker },
    { name: `floor, ${state}: same code, restores the prebuilt index and searches ${QUERY} (the popup's own search, without the popup)`, page: 'bench-floor/search-restore.html', hash, shown: '#floor', coldWorker, ...part('restore') },
    { name: `floor, ${state}: a box that lists what is typed, ${QUERY} typed when it shows`, page: 'bench-floor/typed-box.html', hash: '', shown: '#search', typed: QUERY, coldWorker, ...part('typedBox') },
  ];
}

/**
 * Where the asleep figures go, as differences of this run's medians (so approximate: medians do
 * not add): what the browser alone takes to show an extension page, what loading our search code
 * and restoring its index add, and what the popup itself adds on top (its questions to the
 * browser, its views, their layout). With a baseline, its popup figures against the same floor.
 */
function asleepSplit(median: (label: string, part: Part) => number | undefined, labels: readonly string[]): Figure[] {
  const floor = (part: Part) => median('', part)!;
  const [browser, code, restore, typedBox] = [floor('static'), floor('code'), floor('restore'), floor('typedBox')];
  const ms = (n: number) => `${round(n, 1)}`;
  const figures: Figure[] = [
    { name: 'asleep split: the browser alone (static page on screen)', value: round(browser, 1), unit: 'ms' },
    { name: 'asleep split: + search code and catalog loaded', value: ms(code - browser), unit: 'ms' },
    { name: 'asleep split: + prebuilt index fetched, restored, searched', value: ms(restore - code), unit: 'ms' },
  ];
  for (const label of labels) {
    const [address, typed] = [median(label, 'address'), median(label, 'typed')];
    if (address !== undefined) figures.push({ name: `${label}asleep split: + the popup's own, query in the address (popup − restore floor)`, value: ms(address - restore), unit: 'ms' });
    if (address !== undefined) figures.push({ name: `${label}asleep split: ours in all, query in the address (popup − static page)`, value: ms(address - browser), unit: 'ms' });
    if (typed !== undefined) figures.push({ name: `${label}asleep split: ours in all, typed (popup − the box that lists what is typed)`, value: ms(typed - typedBox), unit: 'ms' });
  }
  return figures;
}

/**
 * Where the asleep figures go, step by step, read inside the pages (their `hall:*` performance
 * marks; a build without them shows only "on screen"): medians over the run's opens, ms from
 * navigation start, in the order they come. The floor's static page and restore page mark the
 * same steps as the popup's own search, so the two line up.
 */
function asleepSteps(labels: readonly string[]): Figure[] {
  const figures: Figure[] = [];
  for (const label of labels) {
    for (const c of CASES.filter((x) => x.part === 'address' || x.part === 'restore' || x.part === 'static')) {
      const byStep = steps.get(label + c.name);
      if (!byStep) continue;
      const medians = [...byStep].map(([step, times]) => [step, percentile(times, 50), times.length] as const).sort((a, b) => a[1] - b[1]);
      const what = c.part === 'address' ? 'popup, query in the address' : c.part === 'restore' ? 'restore floor' : 'static floor';
      figures.push({ name: `${label}asleep steps, ${what}`, value: medians.map(([step, ms, n]) => `${step.replace('hall:', '')} ${round(ms, 1)}${n < RUNS ? ` (${n} of ${RUNS})` : ''}`).join(' · '), unit: 'ms' });
    }
  }
  return figures;
}

/** A copy of the built extension with the floor pages added (the zip and out/extension stay as built). */
async function withFloorPages(dir: string): Promise<{ dir: string; remove(): Promise<void> }> {
  const copy = await mkdtemp(join(tmpdir(), 'hall10086-ext-floor-'));
  await cp(dir, copy, { recursive: true });
  const root = join(import.meta.dirname, 'extension-floor');
  await build({
    root,
    base: './',
    publicDir: false,
    logLevel: 'warn',
    configFile: false,
    build: {
      outDir: join(copy, 'bench-floor'),
      emptyOutDir: true,
      target: 'chrome120',
      modulePreload: { polyfill: false },
      rollupOptions: { input: ['static.html', 'search-code.html', 'search-build.html', 'search-restore.html', 'typed-box.html'].map((f) => join(root, f)) },
    },
  });
  return { dir: copy, remove: () => rm(copy, { recursive: true, force: true }) };
}

/**
 * Builds whose worker was stopped since it last answered a popup. "Awake" is a worker that has
 * answered before (its index at hand, as after any earlier use), so a popup case with the worker
 * awake then first opens the popup once untimed: the cases are opened in turn, asleep ones between.
 */
const stoppedSinceUse = new Set<LoadedExtension>();

/** `stepsOf`: the build's label, to keep the popup's steps of this open (timed rounds only). */
async function openOnce(ext: LoadedExtension, cdp: CDPSession, c: Case, stepsOf = ''): Promise<number> {
  if (c.coldWorker) {
    await cdp.send('ServiceWorker.stopAllWorkers');
    stoppedSinceUse.add(ext);
  } else {
    await cdp.send('ServiceWorker.startWorker', { scopeURL: ext.base });
    if (!c.page && stoppedSinceUse.delete(ext)) await timeOpen(ext, CASES[0]!);
  }
  return timeOpen(ext, c, stepsOf);
}

/** Opens so far per case and build, to take `hashes` in turn. */
const opened = new Map<string, number>();
/** The popup's own steps (its `hall:*` performance marks, ms from navigation start) per build and case, asleep. */
const steps = new Map<string, Map<string, number[]>>();

async function timeOpen(ext: LoadedExtension, c: Case, key = ''): Promise<number> {
  const page = await ext.context.newPage();
  const n = opened.get(key + c.name) ?? 0;
  opened.set(key + c.name, n + 1);
  const hash = c.hashes ? c.hashes[n % c.hashes.length]! : c.hash;
  await page.addInitScript(`(${markPaintedWhenShown})(${JSON.stringify(c.shown)}, ${JSON.stringify(PAINTED)})`);
  if (c.typed) await page.addInitScript(`(${markPaintedWhenShown})('#results li', ${JSON.stringify(RESULTS_PAINTED)})`);
  await page.goto(`${ext.base}${c.page ?? 'popup.html'}${hash}`);
  const painted = (mark: string) => page.waitForFunction((m) => performance.getEntriesByName(m)[0]?.startTime, mark).then((h) => h.jsonValue() as Promise<number>);
  let at = await painted(PAINTED);
  if (c.typed) {
    await page.fill('#search', c.typed);
    at = await painted(RESULTS_PAINTED);
  }
  if (key && c.coldWorker && c.part) {
    // The first time each step was marked on this open (the page marks some again later, e.g. on a repaint).
    const marks = await page.evaluate(() => performance.getEntriesByType('mark').map((m) => [m.name, m.startTime] as const));
    const byStep = steps.get(key + c.name) ?? new Map<string, number[]>();
    const first = new Map(marks.filter(([name]) => name.startsWith('hall:')).reverse());
    for (const [name, time] of [...first, ['on screen', at] as const]) byStep.set(name, [...(byStep.get(name) ?? []), time]);
    steps.set(key + c.name, byStep);
  }
  await page.close();
  return at;
}

/** A page with a CDP session that stops the profile's service workers (a blank tab, not the extension's). */
async function workerStopper(ext: LoadedExtension): Promise<CDPSession> {
  const cdp = await ext.context.newCDPSession(await ext.context.newPage());
  await cdp.send('ServiceWorker.enable');
  return cdp;
}

/**
 * The browser extension as built: the zip's size, and how long the popup page takes from
 * navigation start until its first results (or, with no query, its search box) are painted, in
 * headless Chromium. The first open of a fresh profile (cold caches) is left out; with a baseline
 * build, the two are opened in turn, so machine load falls on both alike.
 */
export default async function extensionBench(): Promise<Section> {
  const { zipBytes } = await buildExtension();
  const floored = await withFloorPages(EXTENSION_DIR);
  const builds = [{ label: '', ext: await loadExtension(floored.dir) }];
  if (BASELINE_DIR) builds.push({ label: 'baseline build: ', ext: await loadExtension(BASELINE_DIR) });
  const samples = new Map<string, number[]>();
  try {
    const stoppers = await Promise.all(builds.map((b) => workerStopper(b.ext)));
    // Every case and build opened once per round, in turn: the machine's load, which changes over a
    // run, falls on the popup and the floor pages alike, so their differences (the split) hold.
    const opens = CASES.flatMap((c) => builds.flatMap((b, k) => (!c.page || !b.label ? [{ c, b, k }] : [])));
    for (const { c, b, k } of opens) await openOnce(b.ext, stoppers[k]!, c);
    for (let i = 0; i < RUNS; i++) {
      // Every other round in the other order, so neither build always opens first (an order bias of
      // 10–20 ms was seen in these rows).
      for (const { c, b, k } of i % 2 ? [...opens].reverse() : opens) {
        const key = b.label + c.name;
        samples.set(key, [...(samples.get(key) ?? []), await openOnce(b.ext, stoppers[k]!, c, b.label || 'this build: ')]);
      }
    }
  } finally {
    for (const b of builds) await b.ext.close();
    await floored.remove();
  }
  const kb = zipBytes / 1024;
  const figures: Figure[] = [{ name: 'zip size', value: round(kb, 1), unit: 'KB', target: '≤ 300 KB', pass: kb <= 300 }];
  for (const c of CASES) {
    for (const b of builds) {
      const values = samples.get(b.label + c.name);
      if (!values) continue;
      const median = percentile(values, 50);
      const target = c === CASES[0] && !b.label ? { target: '≤ 100 ms', pass: median <= 100 } : {};
      figures.push({ name: `${b.label}${c.name} (median)`, value: round(median, 1), unit: 'ms', ...target });
      figures.push({ name: `${b.label}${c.name} (min–max)`, value: `${round(Math.min(...values), 1)}–${round(Math.max(...values), 1)}`, unit: 'ms' });
    }
  }
  const median = (label: string, part: Part) => {
    const c = CASES.find((x) => x.part === part);
    const values = c && samples.get(label + c.name);
    return values && percentile(values, 50);
  };
  figures.push(...asleepSplit(median, builds.map((b) => b.label)));
  figures.push(...asleepSteps(builds.map((b) => b.label || 'this build: ')));
  return {
    title: 'Browser extension (out/hall10086-extension.zip, popup in headless Chromium)',
    figures,
    notes: [
      `${RUNS} opens of popup.html${CASES[0]!.hash} (${QUERY}) in a tab per case, after one warm-up open, every case and build in turn in each of ${RUNS} rounds, every other round in the other order; time from navigation start to the first frame painted with the results`,
      'asleep split: differences of this run\'s medians (approximate, medians do not add): the browser alone (the static floor page), what our search code and its restored index add (floor pages), and what the popup itself adds on top (its questions to the browser, its views and their layout)',
      'an awake service worker answers the popup; "asleep": the worker stopped before each open (CDP ServiceWorker.stopAllWorkers), so the popup searches by itself from the prebuilt index, a query in the address too, and wakes the worker once its first results are painted',
      `asleep steps: the pages' own performance marks (hall:*, ms from navigation start; medians of the run's opens): popup-script, worker-asked (getContexts answered), view-shown (the box in the page), storage-read (the language and catalog keys read), index-read (the prebuilt index fetched), search-code (page-search.ts and its chunks evaluated), index-restored, page-answered (the search done), on screen (the bench's painted frame)`,
      `other queries in turn: ${MORE_QUERIES.join(', ')}, one per open (${RUNS} opens: 3 each), a row of its own so the ${QUERY} row stays comparable with earlier runs`,
      'floor: pages of the same extension (a copy of out/extension with bench/extension-floor built into it), opened the same way in the same runs',
      'with typing: from navigation start, the text filled in at once when the box is painted (a person takes longer, which only helps)',
      ...(BASELINE_DIR ? [`baseline: ${BASELINE_DIR}, opened in turn with this build`] : ['set HALL_BENCH_EXTENSION_BASELINE=<a built out/extension> to measure another build in the same run']),
    ],
  };
}
