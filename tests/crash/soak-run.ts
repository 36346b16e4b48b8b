import { existsSync, readdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { startPtyEmulator, type EmulatorOptions, type Fault } from '../../src-main/emulator';
import { createRng, type Rng } from '../../src-main/emulator/rng';
import { Journal } from '../../src-main/services/journal';
import { ModemSession } from '../../src-main/services/modem/session';
import { IngestQueue } from '../../src-renderer/store/ingest-queue';
import { LineStore } from './line-store';

export interface SoakOptions {
  durationMs: number;
  seed: number;
  /** The scheduled checks (YE and CXYEG) go out this often. */
  checkEveryMs?: number;
  /** The journal compacts once it is this big and mostly dead records; default the product's. */
  compactAtBytes?: number;
}

export interface SoakSample {
  atMs: number;
  heapUsed: number;
  rss: number;
  /** Active handles by type (pipes, processes…); timers and in-flight fs requests come and go with the load. */
  handles: Record<string, number>;
  /** Open file descriptors (Linux; -1 elsewhere): a port, pty or journal handle leaked per reconnect shows here. */
  fds: number;
  journalBytes: number;
  pending: number;
}

export interface SoakReport {
  durationMs: number;
  /** Whether everything settled after the load (modem ready, nothing queued or pending, SIM empty). */
  settled: boolean;
  checks: number;
  randomSends: number;
  faults: Record<string, number>;
  /** Instructions by their last journaled state. */
  outgoing: Record<string, number>;
  /** Parts handed to the store (and acknowledged). */
  partsStored: number;
  /** Once the session is first up; `final` after the load, with faults cleared and everything settled. */
  baseline: SoakSample;
  final: SoakSample;
  samples: SoakSample[];
  /** Largest journal.log seen during the run. */
  maxJournalBytes: number;
  /** Least-squares slopes over the samples after the first quarter (warm-up), per hour. */
  heapSlopePerHour: number;
  rssSlopePerHour: number;
}

const TIMING: EmulatorOptions = { latencyMs: 2, sendDelayMs: 30, replyDelayMs: 150, partGapMs: 40, statusReportMs: 150, registerDelayMs: 200, smscRetryMs: 500 };
const RANDOM_INSTRUCTIONS = ['CXGPRS', 'CXTC', 'ZD202610', 'ZD202609', 'JF', 'CXJF', 'KTGPRS'];
const TICK_MS = 500;
const SAMPLE_EVERY_TICKS = 10;
const REPLUG_AFTER_MS = 1500;
const SETTLE_MS = 60_000;

/** Faults a modem really throws at a long-running app, all of which it must ride out on its own. */
function randomFault(rng: Rng): Fault {
  return rng.pick<Fault>([
    { kind: 'garbage', length: 24 },
    { kind: 'garbage', length: 8, when: 'next-response' },
    { kind: 'urc-in-response' },
    { kind: 'vendor-noise', everyMs: 300 },
    { kind: 'vendor-noise', everyMs: 0 },
    { kind: 'duplicate-part' },
    { kind: 'drop-part' },
    { kind: 'stray-status-report' },
    { kind: 'foreign-sms' },
    { kind: 'command-error', command: 'CMGS', cms: 500 },
    { kind: 'no-network', durationMs: 1000 },
    { kind: 'unplug' },
  ]);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A full collection, so heap figures compare live data, not garbage not yet collected. */
function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

function handleCounts(): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const type of process.getActiveResourcesInfo()) if (type.endsWith('Wrap')) counts[type] = (counts[type] ?? 0) + 1;
  return counts;
}

function openFds(): number {
  return existsSync('/proc/self/fd') ? readdirSync('/proc/self/fd').length : -1;
}

/** Least-squares slope of y over x. */
function slope(points: readonly [number, number][]): number {
  const n = points.length;
  if (n < 2) return 0;
  const mx = points.reduce((s, [x]) => s + x, 0) / n;
  const my = points.reduce((s, [, y]) => s + y, 0) / n;
  const sxy = points.reduce((s, [x, y]) => s + (x - mx) * (y - my), 0);
  const sxx = points.reduce((s, [x]) => s + (x - mx) ** 2, 0);
  return sxx === 0 ? 0 : sxy / sxx;
}

/**
 * Runs the modem session (real serialport binding on a pty), journal and a durable store against
 * the emulator for `durationMs`: scheduled checks, random sends and seeded random faults, sampling
 * memory, handles and the journal as it goes. Then clears the faults, lets everything settle and
 * compares with the baseline taken once the session first came up.
 */
export async function runSoak(o: SoakOptions): Promise<SoakReport> {
  const rng = createRng(o.seed);
  const work = await mkdtemp(join(tmpdir(), 'hall-soak-'));
  const pty = await startPtyEmulator({ emulatorOptions: { ...TIMING, seed: o.seed } });
  const journal = await Journal.open(join(work, 'data'), o.compactAtBytes ? { compactAtBytes: o.compactAtBytes } : {});
  const store = await LineStore.open(join(work, 'store.jsonl'));
  let partsStored = 0;
  const queue = new IngestQueue({
    write: async (batch) => {
      await store.write(batch);
      partsStored += batch.incoming.length;
    },
    ack: (keys) => journal.ack(keys),
    retryMs: 200,
  });
  const session = new ModemSession({ modemId: 'soak', path: pty.path, demo: false, journal, healthEveryMs: 1000, backoffMs: [200, 500, 1000] });
  session.on('incoming', (r) => queue.pushIncoming(r));
  session.on('outgoing', (r) => queue.pushOutgoing(r));
  const started = performance.now();
  // Every sample after a full GC, so the slope follows live data rather than when the collector last ran.
  const sample = (): SoakSample => {
    collectGarbage();
    const m = process.memoryUsage();
    const stats = journal.stats();
    return { atMs: performance.now() - started, heapUsed: m.heapUsed, rss: m.rss, handles: handleCounts(), fds: openFds(), journalBytes: stats.bytes, pending: stats.pending };
  };
  try {
    await session.open();
    const baseline = sample();
    const samples: SoakSample[] = [baseline];
    const faults: Record<string, number> = {};
    let checks = 0;
    let randomSends = 0;
    const checkEvery = Math.max(1, Math.round((o.checkEveryMs ?? 2000) / TICK_MS));
    const send = (text: string): void => void session.send('10086', text, text).catch(() => undefined);
    for (let tick = 1; tick * TICK_MS <= o.durationMs; tick++) {
      await sleep(TICK_MS);
      if (tick % checkEvery === 0) {
        send('YE');
        send('CXYEG');
        checks++;
      }
      if (rng.next() < 0.3) {
        send(rng.pick(RANDOM_INSTRUCTIONS));
        randomSends++;
      }
      if (rng.next() < 0.15) {
        const fault = randomFault(rng);
        faults[fault.kind] = (faults[fault.kind] ?? 0) + 1;
        pty.emulator.fault(fault);
        if (fault.kind === 'unplug') setTimeout(() => pty.emulator.replug(), REPLUG_AFTER_MS);
      }
      if (tick % SAMPLE_EVERY_TICKS === 0) samples.push(sample());
    }
    pty.emulator.clearFaults();
    pty.emulator.replug();
    const settled = await settle(session, journal, () => pty.emulator.sim.messages.length);
    await journal.compact();
    const final = sample();
    samples.push(final);
    const steady = samples.slice(Math.floor(samples.length / 4));
    const hours = (ms: number) => ms / 3_600_000;
    const outgoing: Record<string, number> = {};
    for (const r of journal.unfinishedOutgoing()) outgoing[r.state] = (outgoing[r.state] ?? 0) + 1;
    return {
      durationMs: o.durationMs,
      settled,
      checks,
      randomSends,
      faults,
      outgoing,
      partsStored,
      baseline,
      final,
      samples,
      maxJournalBytes: Math.max(...samples.map((s) => s.journalBytes)),
      heapSlopePerHour: slope(steady.map((s) => [hours(s.atMs), s.heapUsed])),
      rssSlopePerHour: slope(steady.map((s) => [hours(s.atMs), s.rss])),
    };
  } finally {
    queue.dispose();
    await session.close();
    await journal.close().catch(() => undefined);
    await store.close();
    await pty.close();
    await rm(work, { recursive: true, force: true });
  }
}

/** Waits until the modem is back, nothing is queued or being sent, the SIM is empty and the store has acknowledged everything. */
async function settle(session: ModemSession, journal: Journal, simMessages: () => number): Promise<boolean> {
  const deadline = Date.now() + SETTLE_MS;
  let quiet = 0;
  while (quiet < 5 && Date.now() < deadline) {
    await sleep(200);
    const busy =
      session.snapshot().state !== 'ready' ||
      simMessages() > 0 ||
      journal.stats().pending > 0 ||
      journal.unfinishedOutgoing().some((r) => r.state === 'queued' || r.state === 'sending');
    quiet = busy ? 0 : quiet + 1;
  }
  return quiet >= 5;
}
