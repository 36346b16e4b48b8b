import type { Schedule, ScheduleView } from '../../../src-shared/api/contract';
import { dayAfterRun, isQuiet, midnight, nextRun } from './next-run';

const DAY = 24 * 60 * 60_000;
/**
 * The longest a timer waits before looking at the clock again: a clock set back (a lost CMOS date)
 * and then put right would otherwise hold the checks back by as long as it was wrong, and a computer
 * woken from sleep runs them this soon at the latest.
 */
const RECHECK_MS = 10 * 60_000;
/** How much sooner than planned by the clock a timer may fire and still count as on time (clocks are adjusted in steps). */
const EARLY_TOLERANCE_MS = 1000;

/** The local minute of the day (0…1439) at `t`. */
const minuteOfDay = (t: number): number => {
  const d = new Date(t);
  return d.getHours() * 60 + d.getMinutes();
};

export interface Clock {
  now(): number;
  /** Calls `fn` once after `ms` (what it returns is for tests to await); the returned function cancels it. */
  after(ms: number, fn: () => unknown): () => void;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  after(ms, fn) {
    const timer = setTimeout(fn, ms);
    // A pending check must not keep a closing process alive.
    timer.unref?.();
    return () => clearTimeout(timer);
  },
};

export interface ScheduleStore {
  load(): Promise<Schedule[]>;
  save(schedules: readonly Schedule[]): Promise<void>;
  /** When each SIM's checks last started (epoch ms): what a restart must not repeat. */
  loadLastRuns(): Promise<Map<string, number>>;
  saveLastRuns(lastRuns: ReadonlyMap<string, number>): Promise<void>;
}

export interface SchedulerDeps {
  store: ScheduleStore;
  clock: Clock;
  /** [0, 1), for the jitter. */
  random(): number;
  /** Throws (a HallError) when a schedule may not be kept, e.g. it names a risky instruction. */
  check(schedule: Schedule): void;
  /** Sends the instructions from the modem holding the SIM. */
  run(simId: string, instructions: readonly string[]): Promise<void>;
  /** A run that failed (no modem with that SIM, a send refused…): the next day's run is still planned. */
  onError(error: unknown, schedule: Schedule): void;
}

/**
 * Runs each SIM's daily checks while the core is up. Schedules are kept in the store and off
 * unless the user enabled them; each enabled one has one timer, for its next run.
 */
export class Scheduler {
  private schedules: Schedule[] = [];
  private lastRuns = new Map<string, number>();
  /** The last save of `lastRuns` asked for: each waits for the one before, so a slower older write cannot land last. */
  private saving: Promise<unknown> = Promise.resolve();
  private readonly timers = new Map<string, { at: number; cancel: () => void }>();

  private constructor(private readonly deps: SchedulerDeps) {}

  static async open(deps: SchedulerDeps): Promise<Scheduler> {
    const scheduler = new Scheduler(deps);
    scheduler.schedules = await deps.store.load();
    scheduler.lastRuns = await deps.store.loadLastRuns();
    for (const s of scheduler.schedules) scheduler.arm(s, deps.clock.now());
    return scheduler;
  }

  /** Every schedule, with when its checks run next. */
  list(): ScheduleView[] {
    return this.schedules.map((s) => ({ ...s, instructions: [...s.instructions], nextRunAt: this.timers.get(s.simId)?.at ?? null }));
  }

  /** Replaces the SIM's schedule, saved before it takes effect. */
  async set(schedule: Schedule): Promise<ScheduleView[]> {
    this.deps.check(schedule);
    const next = [...this.schedules.filter((s) => s.simId !== schedule.simId), schedule];
    await this.deps.store.save(next);
    this.schedules = next;
    this.arm(schedule, this.deps.clock.now());
    return this.list();
  }

  stop(): void {
    for (const t of this.timers.values()) t.cancel();
    this.timers.clear();
  }

  private arm(schedule: Schedule, now: number): void {
    this.timers.get(schedule.simId)?.cancel();
    this.timers.delete(schedule.simId);
    const at = nextRun(schedule, now, this.deps.random, this.firstDay(schedule, now));
    if (at !== null) this.armAt(schedule, at);
  }

  /** The timer wakes at least every RECHECK_MS to look at the clock, which may have been changed meanwhile. */
  private armAt(schedule: Schedule, at: number): void {
    const wait = Math.min(Math.max(0, at - this.deps.clock.now()), RECHECK_MS);
    const cancel = this.deps.clock.after(wait, () => this.fire(schedule.simId, at));
    this.timers.set(schedule.simId, { at, cancel });
  }

  /**
   * The next run is planned from the schedule day after the one the last run belonged to, so a new
   * random delay cannot run a day's checks twice: not after a run, nor after a restart, nor after the
   * clock was set back, nor when the quiet hours push a slot drawn later into the next morning.
   * A last run more than a day ahead of the clock cannot have happened (the clock was wrong then): it
   * counts as no record, so today's checks still run.
   */
  private firstDay(schedule: Schedule, now: number): number | undefined {
    const last = this.lastRuns.get(schedule.simId);
    return last === undefined || last > now + DAY ? undefined : dayAfterRun(schedule, last);
  }

  /**
   * A timer that fires before its time waits on for it; but a run recorded more than a day ahead of the
   * clock was made by a clock that was wrong (as `firstDay` reads it at a start), and so was the plan made
   * after it: a clock that was a week ahead and is put right plans again from now, not a week on.
   */
  private early(schedule: Schedule, now: number, plannedAt: number): void {
    const last = this.lastRuns.get(schedule.simId);
    if (last === undefined || last <= now + DAY) return this.armAt(schedule, plannedAt);
    this.lastRuns.delete(schedule.simId);
    this.arm(schedule, now);
  }

  /** Saves every SIM's last run as it is when this save's turn comes, after the saves asked for before it. */
  private saveLastRuns(): Promise<void> {
    const turn = this.saving.then(() => this.deps.store.saveLastRuns(this.lastRuns));
    this.saving = turn.catch(() => {});
    return turn;
  }

  /** Resolves once the run has started (its time kept, its instructions handed over), not when it ends. */
  private async fire(simId: string, plannedAt: number): Promise<void> {
    const schedule = this.schedules.find((s) => s.simId === simId);
    this.timers.delete(simId);
    if (!schedule?.enabled) return;
    const ranAt = this.deps.clock.now();
    // A timer counts the time the computer was awake, not the clock's: after the clock was set back
    // it fires before its time (and the day's slot would then run again at it), after a suspend it
    // fires late, maybe in the quiet hours. Early (or a recheck), it waits on for its time; in the
    // quiet hours, that day's checks are skipped and the next day's planned.
    if (ranAt < plannedAt - EARLY_TOLERANCE_MS) return this.early(schedule, ranAt, plannedAt);
    if (isQuiet(minuteOfDay(ranAt), schedule.quiet)) return this.arm(schedule, ranAt);
    // Woken on a later day than planned, nearer that day's own slot than the missed one: the missed
    // day's checks would run now and that day's again at its time, two runs in one morning. That day's
    // run at its time is the one kept (woken just after midnight, the missed day's still runs at once).
    if (midnight(ranAt) > midnight(plannedAt)) {
      const today = nextRun(schedule, ranAt, this.deps.random, this.firstDay(schedule, ranAt));
      if (today !== null && midnight(today) === midnight(ranAt) && today - ranAt < ranAt - plannedAt) return this.armAt(schedule, today);
    }
    this.lastRuns.set(simId, ranAt);
    this.arm(schedule, ranAt);
    try {
      // Kept before the first SMS goes: a restart (a crash, a clock set back) must not send them again.
      await this.saveLastRuns();
    } catch (error) {
      return this.deps.onError(error, schedule);
    }
    this.deps.run(schedule.simId, schedule.instructions).catch((error: unknown) => this.deps.onError(error, schedule));
  }
}
