import type { ScriptStep } from './faults';
import type { PartOrder } from './sms-center';
import { DEFAULT_IDENTITY, type Identity } from './identity';
import { findProfile, quirksOf, type DeviceProfile, type Quirks } from './profiles';
import { realScheduler, type Scheduler } from './scheduler';
import { DEFAULT_SIM, type SimOptions } from './sim';
import { DEFAULT_SUBSCRIBER, type SubscriberOptions } from './subscriber-10086';

/** Every delay the emulator knows, in milliseconds. */
export interface Timing {
  /** Between a command's CR and the start of its answer (and of the "> " prompt). */
  latencyMs: number;
  /** The network accepting an SMS, before +CMGS: <mr>. */
  sendDelayMs: number;
  /** 10086 thinking before its reply leaves the network. */
  replyDelayMs: number;
  /** Mean gap between the parts of a long SMS (jittered ±50% with the seed). */
  partGapMs: number;
  /** From accepting an SMS to its status report. */
  statusReportMs: number;
  /** Searching before registration after power-on, PIN entry or an outage. */
  registerDelayMs: number;
  /** How long the network waits for AT+CNMA (AT+CSMS=1). */
  cnmaTimeoutMs: number;
  /** The SMSC's wait before delivering again what the modem could not take. */
  smscRetryMs: number;
}

/** Roughly what a USB stick on a Chinese network feels like. */
export const REALISTIC_TIMING: Timing = {
  latencyMs: 20,
  sendDelayMs: 800,
  replyDelayMs: 2500,
  partGapMs: 700,
  statusReportMs: 3000,
  registerDelayMs: 1500,
  cnmaTimeoutMs: 15_000,
  smscRetryMs: 5000,
};

/** Everything at once: for round-trip benches and straight-line tests. Spread it into the options. */
export const INSTANT_TIMING: Timing = {
  latencyMs: 0,
  sendDelayMs: 0,
  replyDelayMs: 0,
  partGapMs: 0,
  statusReportMs: 0,
  registerDelayMs: 0,
  cnmaTimeoutMs: 15_000,
  smscRetryMs: 0,
};

export interface EmulatorOptions extends Partial<Timing> {
  /** Seed for every random choice: figures, reply wordings, part order, noise. */
  seed?: number;
  /** Time source for SMS timestamps and 10086's "截至…" dates. */
  clock?: () => Date;
  scheduler?: Scheduler;
  /** Throttles the modem's output to baud/10 bytes per second; null/absent: as fast as possible. */
  baud?: number | null;
  /** A real device's behaviour (see profiles/): its quirks, identity, memories. Default: the plain demo modem. */
  profile?: DeviceProfile | string;
  /** Message memory sizes. */
  capacity?: { SM?: number; ME?: number; SR?: number };
  /** Huawei numbers message slots from 0, others from 1. */
  firstIndex?: 0 | 1;
  identity?: Partial<Identity>;
  sim?: Partial<SimOptions>;
  subscriber?: Partial<SubscriberOptions>;
  /** An unknown command answers ERROR, or +CME ERROR: 4 (shaped by AT+CMEE). */
  unknownCommand?: 'error' | 'cme';
  /** Starting signal, 0..31. */
  rssi?: number;
  /** How the parts of long incoming SMS (10086's replies included) arrive; default 'shuffled'. */
  partOrder?: PartOrder;
  /** Faults to inject at given times after construction. */
  script?: ScriptStep[];
}

export interface ResolvedOptions {
  timing: Timing;
  seed: number;
  clock: () => Date;
  scheduler: Scheduler;
  baud: number | null;
  capacity: { SM: number; ME: number; SR: number };
  firstIndex: 0 | 1;
  profile: DeviceProfile | null;
  quirks: Quirks;
  identity: Identity;
  sim: SimOptions;
  subscriber: SubscriberOptions;
  unknownCommand: 'error' | 'cme';
  rssi: number;
  partOrder: PartOrder;
  script: ScriptStep[];
}

export function resolveOptions(o: EmulatorOptions): ResolvedOptions {
  const timing = { ...REALISTIC_TIMING };
  for (const key of Object.keys(REALISTIC_TIMING) as (keyof Timing)[]) {
    const v = o[key];
    if (v !== undefined) timing[key] = v;
  }
  const profile = typeof o.profile === 'string' ? findProfile(o.profile) : (o.profile ?? null);
  const quirks = quirksOf(profile ?? undefined);
  return {
    timing,
    profile,
    quirks,
    seed: o.seed ?? 10086,
    clock: o.clock ?? (() => new Date()),
    scheduler: o.scheduler ?? realScheduler,
    baud: o.baud ?? null,
    capacity: { ...quirks.capacity, ...o.capacity },
    firstIndex: o.firstIndex ?? quirks.firstIndex,
    identity: { ...DEFAULT_IDENTITY, ...profile?.identity, ...o.identity },
    sim: { ...DEFAULT_SIM, ...o.sim },
    subscriber: { ...DEFAULT_SUBSCRIBER, ...o.subscriber },
    unknownCommand: o.unknownCommand ?? quirks.unknownCommand,
    rssi: o.rssi ?? 18,
    partOrder: o.partOrder ?? 'shuffled',
    script: o.script ?? [],
  };
}
