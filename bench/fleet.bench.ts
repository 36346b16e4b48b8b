import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import mqtt from 'mqtt';
import { chromium, type Page } from 'playwright-core';
import { HallCore } from '../src-main/core';
import { closePool, startPtyPool } from '../src-main/emulator/pool';
import { INSTANT_TIMING, type EmulatorOptions } from '../src-main/emulator/options';
import { startServer } from '../src-main/server';
import { defaultMqttSettings } from '../src-main/services/mqtt/mqtt-settings';
import { startBroker } from '../tests/integration/fleet/mosquitto-kit';
import { seedFleet } from '../tests/integration/fleet/seed-fleet';
import { prepare, visibleRows } from '../src-renderer/views/overview/fleet-rows';
import { percentile, round, type Figure, type Section } from './harness';
import { build, openRouteScript } from './ui.bench';
import { heldBytes } from './backpressure.bench';
import { readFileSync } from 'node:fs';
import { SimBoard } from '../src-main/services/fleet/sim-board';
import { REASSEMBLY_WINDOW_MS } from '../src-shared/assemble';

const ROOT = resolve(import.meta.dirname, '..');
const RENDERER = join(ROOT, 'out/renderer');
const MODEMS = 32;
const OVERVIEW_SIMS = 500;
const MQTT_SAMPLES = 300;
/** A network that takes its time, scaled down so the sequential baseline ends in under a minute. */
const TIMING: EmulatorOptions = { ...INSTANT_TIMING, latencyMs: 5, sendDelayMs: 200, replyDelayMs: 500, partGapMs: 50, statusReportMs: 300 };

async function until(check: () => boolean, what: string, ms: number, failed: () => string | null = () => null, seen: () => string = () => ''): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    const why = failed();
    if (why) throw new Error(`a send failed while waiting for ${what}: ${why}`);
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; messages by kind so far: ${seen()}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** `modems` pty modems, one core; a round of YE + CXYEG per SIM, `rounds` times; wall time until every reply of a round is journaled and read. */
async function rounds(modems: number, roundsEach: number, parallel: boolean): Promise<number> {
  const dir = await mkdtemp(join(tmpdir(), 'hall-fleet-bench-'));
  const pool = await startPtyPool(modems, TIMING);
  const core = await HallCore.create({ dataDir: dir });
  try {
    await Promise.all(pool.map((p) => core.connect(p.path)));
    let replies = 0;
    // What came in, by kind, so a stalled run says whether a reply was missing or read as another kind.
    const kinds: Record<string, number> = {};
    core.fleet.board.on('message', (m) => {
      kinds[m.kind] = (kinds[m.kind] ?? 0) + 1;
      if (m.kind === 'figures') replies++;
    });
    // A send that failed gets no reply: say so at once rather than wait out the timeout.
    let failure: string | null = null;
    core.on('outgoing', (r) => (r.state === 'failed' || r.state === 'failed-retryable') && (failure ??= `${r.text} on ${r.simId}: ${r.error}`));
    const t0 = performance.now();
    if (parallel) {
      await core.call('fleet.checkNow', { instructions: ['YE', 'CXYEG'] });
      await until(() => replies >= modems * 2, 'every reply', 120_000, () => failure, () => JSON.stringify(kinds));
    } else {
      const modemId = (await core.call('modem.list', {}))[0]!.modemId;
      for (let r = 1; r <= roundsEach; r++) {
        await core.call('send', { modemId, id: 'YE' });
        await core.call('send', { modemId, id: 'CXYEG' });
        await until(() => replies >= r * 2, `round ${r}`, 60_000, () => failure, () => JSON.stringify(kinds));
      }
    }
    return performance.now() - t0;
  } finally {
    await core.close();
    await closePool(pool);
    await rm(dir, { recursive: true, force: true });
  }
}

const OPEN_OVERVIEW = openRouteScript('#/overview', '.overview-table tbody tr[aria-rowindex]');

// Page scripts as text (see ui.bench.ts: the runner would otherwise add helpers the page lacks).
/** From the input event carrying the query to the frame showing that query's rows (the count is checked too). */
const FILTER = `(async ([query, expected]) => {
  const input = document.querySelector('.fleet-search');
  const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
  const t0 = performance.now();
  setValue.call(input, query);
  input.dispatchEvent(new Event('input', { bubbles: true }));
  await new Promise((done) => {
    const count = () => document.querySelector('.fleet-count');
    const check = () => (count()?.dataset.query === query && count().textContent.startsWith(expected) ? requestAnimationFrame(() => done()) : requestAnimationFrame(check));
    check();
  });
  return performance.now() - t0;
})`;

/**
 * Each keystroke typed again while Chromium traces (CDP): the renderer main thread's CPU time
 * (the trace's thread duration) of its tasks between the keystroke's input and the frame showing it.
 */
async function keystrokeCpu(page: Page, steps: [string, string][]): Promise<{ wall: number[]; cpu: number[] }> {
  const cdp = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (d) => events.push(...(d.value as unknown as TraceEvent[])));
  const complete = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
  await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline,blink.user_timing', transferMode: 'ReportEvents' });
  const wall: number[] = [];
  for (let i = 0; i < 3; i++) {
    for (const step of steps) {
      wall.push((await page.evaluate(`performance.mark('key-start'); ${FILTER}(${JSON.stringify(step)}).then((ms) => (performance.mark('key-end'), ms))`)) as number);
    }
  }
  await cdp.send('Tracing.end');
  await complete;
  await cdp.detach();
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const tasks = events.filter((e) => e.pid === main?.pid && e.tid === main?.tid && e.ph === 'X' && e.name === 'RunTask');
  const marks = events.filter((e) => e.name === 'key-start' || e.name === 'key-end').sort((a, b) => a.ts - b.ts);
  const cpu: number[] = [];
  for (let i = 0; i + 1 < marks.length; i++) {
    if (marks[i]!.name !== 'key-start' || marks[i + 1]!.name !== 'key-end') continue;
    const [from, to] = [marks[i]!.ts, marks[i + 1]!.ts];
    // A task reaching over either end counts for the part inside (its thread time scaled to that part).
    const micros = tasks.reduce((n, t) => {
      const inside = Math.min(t.ts + t.dur!, to) - Math.max(t.ts, from);
      return inside > 0 ? n + ((t.tdur ?? t.dur!) * inside) / t.dur! : n;
    }, 0);
    cpu.push(micros / 1000);
  }
  return { wall, cpu };
}

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string };
}

async function overview(): Promise<Figure[]> {
  build();
  const dir = await mkdtemp(join(tmpdir(), 'hall-fleet-ui-'));
  const core = await HallCore.create({ dataDir: dir });
  const ids = seedFleet(core.fleet.board, OVERVIEW_SIMS);
  // A fifth of the SIMs named, as a hall would: a desk and an owner each.
  for (let n = 0; n < ids.length; n += 5) await core.fleet.setLabel({ simId: ids[n]!, name: `柜台${n}`, owner: n % 2 ? '王芳' : '李雷', phone: '' });
  const server = await startServer({ core, staticDir: RENDERER, port: 0 });
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 800 } });
    const page: Page = await context.newPage();
    await page.goto(server.newLaunchLink());
    await page.waitForSelector('#catalog-search');
    const opens: number[] = [];
    for (let i = 0; i < 5; i++) opens.push((await page.evaluate(OPEN_OVERVIEW)) as number);
    const rows = await page.$$eval('.overview-table tbody tr[aria-rowindex]', (r) => r.length);
    // Each keystroke of searches a clerk types, and back to all: [text, the count the page must show].
    const labels = new Map(core.fleet.labels.list().map((l) => [l.simId, l]));
    const count = (q: string) => visibleRows(prepare(core.fleet.sims(), labels), q, 'all', 'attention', { balanceYuan: null, dataMb: null }).length;
    const steps = ['王', '王芳', '', '柜', '柜台', '柜台1', '柜台12', '', '8', '89', '898600123456700', '8986001234567001', ''].map(
      (q): [string, string] => [q, `显示 ${count(q)} /`],
    );
    const loadBefore = loadavg()[0]!;
    const keys: number[] = [];
    for (let i = 0; i < 3; i++) for (const step of steps) keys.push((await page.evaluate(`${FILTER}(${JSON.stringify(step)})`)) as number);
    const loadAfter = loadavg()[0]!;
    // The same keystrokes again under a Chromium trace: the main thread's own time (thread CPU) per
    // keystroke, to tell the page's work from waiting for a busy machine's CPU. Not mixed into the wall times above.
    const traced = await keystrokeCpu(page, steps);
    const slowest = traced.wall.indexOf(Math.max(...traced.wall));
    await context.close();
    const open = percentile(opens, 50);
    const worst = Math.max(...keys);
    const ms = (xs: number[]) => `${round(percentile(xs, 50), 1)} / ${round(percentile(xs, 95), 1)} / ${round(Math.max(...xs), 1)}`;
    return [
      { name: `Overview of ${OVERVIEW_SIMS} SIMs → first paint (median of 5)`, value: round(open, 0), unit: 'ms', target: '≤ 200 ms', pass: open <= 200 },
      { name: '  table rows in the DOM', value: rows },
      { name: `filter keystroke → paint, median / p95 / max of ${keys.length}`, value: ms(keys), unit: 'ms', target: '≤ 50 ms (max)', pass: worst <= 50 },
      { name: '  each keystroke, in order', value: keys.map((k) => round(k, 0)).join(' ') },
      { name: '  keystrokes over 50 ms', value: keys.filter((k) => k > 50).length },
      { name: '  machine load (1-min average, 2 cores here) before / after the keystrokes', value: `${round(loadBefore, 2)} / ${round(loadAfter, 2)}` },
      { name: `  traced pass, the ${traced.wall.length} keystrokes again: main-thread CPU per keystroke, median / p95 / max`, value: ms(traced.cpu), unit: 'ms' },
      { name: '  traced pass: the slowest keystroke, wall time / main-thread CPU in it', value: `${round(traced.wall[slowest]!, 1)} / ${round(traced.cpu[slowest] ?? NaN, 1)}`, unit: 'ms' },
    ];
  } finally {
    await browser.close();
    await server.close();
    await core.close();
    await rm(dir, { recursive: true, force: true });
  }
}

async function mqttLatency(): Promise<Figure[]> {
  const broker = await startBroker();
  const dir = await mkdtemp(join(tmpdir(), 'hall-fleet-mqtt-'));
  const core = await HallCore.create({ dataDir: dir });
  const sub = await mqtt.connectAsync(broker.url, { reconnectPeriod: 0 });
  const raw = await mqtt.connectAsync(broker.url, { reconnectPeriod: 0 });
  try {
    await core.call('mqtt.set', { settings: { ...defaultMqttSettings(), enabled: true, url: broker.url, hostId: 'bench', password: '', clientKeyPem: null, discoveryPrefix: '' } });
    await until(() => core.fleet.mqttView().status.state === 'connected', 'connected', 10_000);
    const arrived = new Map<string, number>();
    sub.on('message', (topic) => arrived.set(topic, performance.now()));
    await sub.subscribeAsync(['hall10086/bench/sim/+/balance', 'baseline/+'], { qos: 1 });
    const ours: number[] = [];
    const base: number[] = [];
    for (let i = 0; i < MQTT_SAMPLES; i++) {
      // Ours: a reply read on a SIM → its balance topic at a subscriber of the real broker.
      const t0 = performance.now();
      core.fleet.board.onIncoming({ kind: 'in', key: `k${i}`, simId: `B${i}`, from: '10086', text: `尊敬的客户，您的账户余额为${i}.50元。【中国移动】`, encoding: 'ucs2', timestamp: new Date().toISOString(), receivedAt: Date.now() + i, concat: null });
      const topic = `hall10086/bench/sim/B${i}/balance`;
      await until(() => arrived.has(topic), 'our message', 10_000);
      ours.push(arrived.get(topic)! - t0);
      // Baseline: mqtt.js publishing straight to the same broker (QoS 1), no app in between.
      const t1 = performance.now();
      raw.publish(`baseline/${i}`, String(i), { qos: 1 });
      await until(() => arrived.has(`baseline/${i}`), 'baseline message', 10_000);
      base.push(arrived.get(`baseline/${i}`)! - t1);
    }
    return [
      { name: `MQTT: reply read → balance at a subscriber of mosquitto, p50 / p95 (${MQTT_SAMPLES})`, value: `${round(percentile(ours, 50), 2)} / ${round(percentile(ours, 95), 2)}`, unit: 'ms' },
      { name: '  baseline: bare mqtt.js publish → subscriber, p50 / p95', value: `${round(percentile(base, 50), 2)} / ${round(percentile(base, 95), 2)}`, unit: 'ms' },
    ];
  } finally {
    await sub.endAsync(true);
    await raw.endAsync(true);
    await core.close();
    await broker.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

/** What the board remembers of single SMS (their SIM and text, MAX_CAME_REMEMBERED over 3 days), at its bound. */
const SINGLE_SMS = 20_000;

/**
 * The board's memory after SINGLE_SMS single SMS from 10086 within its 3 days: each text a string of its own, as each
 * decoded PDU is. The text is a real one (tests/fixtures/replies/real-dev.json, `mzone-fee-notice`, 66 characters:
 * near a single SMS's 70), so the figure is near the most such texts cost.
 */
function singleTextsMemory(): Figure[] {
  const real = (JSON.parse(readFileSync(join(ROOT, 'tests/fixtures/replies/real-dev.json'), 'utf8')) as { id: string; text: string }[]).find((r) => r.id === 'mzone-fee-notice')!.text;
  const t0 = Date.UTC(2026, 11, 1);
  const before = heldBytes();
  const board = new SimBoard((text) => text, t0);
  const step = Math.floor(REASSEMBLY_WINDOW_MS / SINGLE_SMS);
  for (let i = 0; i < SINGLE_SMS; i++) {
    const receivedAt = t0 + i * step;
    const stamp = new Date(receivedAt + 8 * 3600_000).toISOString().slice(0, 19);
    board.onIncoming({
      kind: 'in', key: `10086|${stamp}+08:00|-|-|-|*`, simId: '898600123456789012' + String(i % 32).padStart(2, '0'), from: '10086',
      text: Buffer.from(real).toString('utf8'), encoding: 'ucs2', timestamp: `${stamp}+08:00`, receivedAt, concat: null,
    });
  }
  board.flush();
  const held = heldBytes() - before;
  const remembered = (Reflect.get(board, 'came') as Map<string, unknown>).size;
  return [
    { name: `board after ${SINGLE_SMS.toLocaleString('en')} single SMS in 3 days (${remembered.toLocaleString('en')} remembered, 32 SIMs): heap + buffers held`, value: round(held / 1e6, 2), unit: 'MB' },
    { name: '  per single SMS', value: Math.round(held / SINGLE_SMS), unit: 'B' },
  ];
}

export default async function fleetBench(): Promise<Section> {
  if (process.env.FLEET_BENCH === 'single-texts') return { title: 'Fleet: the board’s memory of single SMS (FLEET_BENCH=single-texts)', figures: singleTextsMemory() };
  if (process.env.FLEET_BENCH === 'overview') return { title: 'Fleet: the Overview at 500 SIMs (FLEET_BENCH=overview)', figures: await overview() };
  const parallel = await rounds(MODEMS, 1, true);
  const sequential = await rounds(1, MODEMS, false);
  const figures: Figure[] = [
    { name: `${MODEMS} modems at once: one round of YE + CXYEG on every SIM → all replies journaled`, value: round(parallel / 1000, 2), unit: 's' },
    { name: `  baseline: one modem, ${MODEMS} rounds in sequence`, value: round(sequential / 1000, 2), unit: 's' },
    { name: '  speed-up', value: `${round(sequential / parallel, 1)}×` },
    ...(await overview()),
    ...(await mqttLatency()),
    ...singleTextsMemory(),
  ];
  return {
    title: 'Fleet: a pool of modems, the Overview at 500 SIMs, MQTT',
    figures,
    notes: [
      `Modems are emulated on real pseudo-terminals (socat) opened by the real serialport binding; the network is scaled down: ${TIMING.sendDelayMs} ms to accept an SMS, ${TIMING.replyDelayMs} ms for 10086 to answer.`,
      'The Overview is timed in the page (hash change → first table row painted; input event → filtered count painted) against a core holding 500 SIMs read from the emulator’s 10086 replies.',
      'MQTT runs against the real mosquitto started on a free loopback port, QoS 1.',
    ],
  };
}
