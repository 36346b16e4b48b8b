import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startPtyEmulator, type EmulatorOptions, type PtyEmulator } from '../../src-main/emulator';
import { createRng } from '../../src-main/emulator/rng';
import { startChild } from './child';
import type { ChildPlan } from './core-child';
import { chooseKillPoint, describeKillPoint, matcher, type KillPoint } from './kill-plan';
import { readStore } from './line-store';
import { TappedModem } from './tapped-modem';
import { makeInstructions, makeMessages, type TestMessage } from './traffic';
import { judge, readJournal, windowsAt, type CrashWindow, type Verdict } from './verdict';

export interface CrashRunOptions {
  killPoints: number;
  instructions: number;
  seed: number;
  /** Kill points for the first runs, instead of seeded ones (a test names the windows it must cover). */
  leading?: readonly KillPoint[];
  /** Share of single-part messages the network sends twice, identical to the second (default 0.3). */
  twinShare?: number;
  /** Progress, one line per kill point. */
  log?: (line: string) => void;
}

export interface CrashReport {
  killPoints: number;
  /** Kill points whose trigger never came, so the host was killed after FALLBACK_KILL_MS instead. */
  fallbackKills: number;
  /** Restarts where the core could not bring the modem up (each is retried by the next run). */
  failedStarts: string[];
  messages: number;
  messageParts: number;
  /** Messages that were an identical repeat of the one before (same sender, text and second). */
  twins: number;
  /** Messages that came in more than one part. */
  multipart: number;
  instructions: number;
  /** Kill points by what triggered them (an AT command, the message body, the store, a random moment). */
  triggers: Record<string, number>;
  /** Kill points that landed in each window. */
  windows: Record<CrashWindow, number>;
  verdict: Verdict;
  ms: number;
}

const CHILD = new URL('./core-child.ts', import.meta.url);
/** Quick, but every hop still takes time, so kills land between steps. */
const TIMING: EmulatorOptions = { latencyMs: 2, sendDelayMs: 20, replyDelayMs: 60, partGapMs: 25, statusReportMs: 50, registerDelayMs: 0, smscRetryMs: 200 };
const FALLBACK_KILL_MS = 8000;
const SETTLE_TIMEOUT_MS = 60_000;
const POLL_MS = 100;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits (polling) until `done` holds or `ms` pass; says which. */
async function until(done: () => boolean | Promise<boolean>, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (!(await done())) {
    if (Date.now() > deadline) return false;
    await sleep(POLL_MS);
  }
  return true;
}

/**
 * Receives and sends through the real core in a child process, SIGKILLs it at seeded points of
 * the AT conversation, restarts it, and at the end checks the store against what the network
 * delivered and accepted. The emulator (the SIM and the network) lives here and outlives every kill.
 */
export async function runCrashScenario(o: CrashRunOptions): Promise<CrashReport> {
  const started = performance.now();
  const rng = createRng(o.seed);
  const work = await mkdtemp(join(tmpdir(), 'hall-crash-'));
  const modem = new TappedModem({ ...TIMING, seed: o.seed });
  // Status reports then come straight to the host (+CDS), each to be acknowledged with AT+CNMA: one
  // more command to die on.
  modem.fault({ kind: 'refuse-cnmi', ds: 2 });
  const pty = await startPtyEmulator({ emulator: modem });
  const instructions = makeInstructions(o.instructions);
  const paths = { dataDir: join(work, 'data'), store: join(work, 'store.jsonl') };
  const plan = (count: number): ChildPlan => ({ ...paths, port: pty.path, instructions: instructions.slice(0, count) });
  const delivered: TestMessage[] = [];
  let numbered = 0;
  const nextMessages = (count: number): TestMessage[] => {
    const made = makeMessages(rng, count, numbered, o.twinShare ?? 0.3);
    numbered += count;
    return made;
  };
  const deliver = (batch: TestMessage[]): void => {
    for (const m of batch) modem.deliver(m.from, m.text, m.timestamp ? { timestamp: m.timestamp } : {});
    delivered.push(...batch);
  };
  const partsOf = (batch: TestMessage[]): number => batch.reduce((n, m) => n + m.parts, 0);
  const report: Omit<CrashReport, 'verdict' | 'ms' | 'messages' | 'messageParts' | 'twins' | 'multipart'> = {
    killPoints: 0,
    triggers: {},
    fallbackKills: 0,
    failedStarts: [],
    instructions: o.instructions,
    windows: { 'journaled, still on the SIM': 0, 'journaled, not yet stored': 0, 'stored, not yet acknowledged': 0, 'instruction mid-send': 0 },
  };
  try {
    let asked = 0;
    for (let run = 0; run < o.killPoints; run++) {
      const stored = nextMessages(rng.int(run === 0 ? 1 : 0, 2));
      const simBefore = modem.sim.messages.length;
      deliver(stored);
      await until(() => modem.sim.messages.length >= simBefore + partsOf(stored), 3000);
      const arriving = nextMessages(rng.int(0, 2));
      const nowAsked = Math.ceil(((run + 1) * o.instructions) / o.killPoints);
      const seeded = chooseKillPoint(rng, { storedParts: partsOf(stored), arrivingParts: partsOf(arriving), newInstructions: nowAsked - asked });
      const point = o.leading?.[run] ?? seeded;
      asked = nowAsked;
      const outcome = await killedRun(modem, plan(asked), point, () => deliver(arriving));
      if (outcome.fallback) report.fallbackKills++;
      else report.triggers[point.on] = (report.triggers[point.on] ?? 0) + 1;
      if (outcome.failedStart) report.failedStarts.push(`run ${run}: ${outcome.failedStart}`);
      const windows = await windowsAt(paths.dataDir, await readStore(paths.store), modem.sim.messages);
      for (const w of windows) report.windows[w]++;
      report.killPoints++;
      o.log?.(`kill ${run + 1}/${o.killPoints}: ${describeKillPoint(point)}${outcome.fallback ? ' (fallback)' : ''} → ${windows.join('; ') || 'between steps'}`);
    }
    await finalRun(modem, plan(o.instructions), partsOf(delivered));
    return {
      ...report,
      messages: delivered.length,
      messageParts: partsOf(delivered),
      multipart: delivered.filter((m) => m.parts > 1).length,
      twins: delivered.filter((m, i) => i > 0 && m.timestamp !== undefined && m.timestamp === delivered[i - 1]!.timestamp).length,
      verdict: judge(delivered, instructions, await readStore(paths.store), await readJournal(paths.dataDir), modem.sent),
      ms: performance.now() - started,
    };
  } finally {
    await pty.close();
    await rm(work, { recursive: true, force: true });
  }
}

/** One life of the host: started, fed, and killed at `point` (or after FALLBACK_KILL_MS if the point never comes). */
async function killedRun(modem: TappedModem, plan: ChildPlan, point: KillPoint, onReady: () => void): Promise<{ fallback: boolean; failedStart: string | null }> {
  // Spawning is synchronous: the child cannot write a byte before the watchers below are in place.
  const selfKill = point.on === 'stored' && point.delayMs === 0 ? { dieAfterStored: point.nth } : {};
  const running = startChild(CHILD, JSON.stringify({ ...plan, ...selfKill }));
  let fired = false;
  const trigger = matcher(point);
  /** Kills now or after the point's delay; says whether the trigger itself must be cut off. */
  const die = (): boolean => {
    fired = true;
    if (point.delayMs === 0) running.kill('SIGKILL');
    else setTimeout(() => running.kill('SIGKILL'), point.delayMs);
    return point.delayMs === 0;
  };
  modem.listen((unit) => (!fired && trigger.unit(unit) && die() ? 'cut' : 'pass'));
  running.onLine((line) => void (!fired && trigger.progress(line) && die()));
  const first = await running.line('ready', 'failed').catch(() => 'killed');
  if (first === 'ready') onReady();
  if (first === 'ready' && point.on === 'time') {
    fired = true;
    setTimeout(() => running.kill('SIGKILL'), point.delayMs);
  }
  const fallback = setTimeout(() => running.kill('SIGKILL'), FALLBACK_KILL_MS);
  await running.exited;
  clearTimeout(fallback);
  return { fallback: !fired, failedStart: first.startsWith('failed') ? first.slice('failed '.length) : null };
}

/** The last life: nothing is killed; once everything has settled the host is stopped properly. */
async function finalRun(modem: TappedModem, plan: ChildPlan, deliveredParts: number): Promise<void> {
  modem.listen(() => 'pass');
  const child = startChild(CHILD, JSON.stringify(plan));
  try {
    await child.line('ready');
    let lastSize = -1;
    let quietPolls = 0;
    await until(async () => {
      const store = await readStore(plan.store);
      const journal = await readJournal(plan.dataDir);
      const states = new Map([...journal.outgoing.values()].map((r) => [r.text, r.state]));
      const busy =
        modem.sim.messages.length > 0 ||
        modem.waitingInNetwork > 0 ||
        journal.pending.size > 0 ||
        store.incoming.length < deliveredParts ||
        plan.instructions.some((t) => ['queued', 'sending', undefined].includes(states.get(t)));
      quietPolls = !busy && store.validBytes === lastSize ? quietPolls + 1 : 0;
      lastSize = store.validBytes;
      return quietPolls >= 5;
    }, SETTLE_TIMEOUT_MS);
  } finally {
    child.kill('SIGTERM');
    await child.exited;
  }
}
