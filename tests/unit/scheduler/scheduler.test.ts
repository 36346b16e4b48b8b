import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Schedule } from '../../../src-shared/api/contract';
import { HallError } from '../../../src-shared/errors';
import { dayAfterRun, isQuiet, nextRun, ScheduleFile, Scheduler, type Clock, type ScheduleStore } from '../../../src-main/services/scheduler';

/** Local wall-clock time on 25 Nov 2026 (+ `day` days), so the tests mean the same in any time zone. */
const DAY = 24 * 60 * 60_000;
const at = (hour: number, minute = 0, day = 0) => new Date(2026, 10, 25 + day, hour, minute).getTime();

const schedule = (over: Partial<Schedule> = {}): Schedule => ({
  simId: 'SIM-A',
  enabled: true,
  instructions: ['YE', 'CXYEG'],
  time: '07:00',
  jitterMinutes: 0,
  quiet: null,
  ...over,
});


/** When the SIM's checks run next, as the core reports it to the UI. */
const nextRunOf = (scheduler: Scheduler, simId: string) => scheduler.list().find((s) => s.simId === simId)?.nextRunAt ?? null;

describe('nextRun', () => {
  it.each<[string, Partial<Schedule>, number, number, number]>([
    ['today, still ahead', {}, at(6), 0, at(7)],
    ['tomorrow, once today’s time has passed', {}, at(7), 0, at(7, 0, 1)],
    ['with the jitter’s share of its minutes', { jitterMinutes: 20 }, at(6), 0.5, at(7, 10)],
    ['up to the whole jitter', { jitterMinutes: 20 }, at(6), 0.999, at(7, 20)],
    ['at the end of quiet hours that cover the time', { time: '06:30', quiet: { from: '22:00', to: '07:00' } }, at(5), 0, at(7)],
    ['after quiet hours running past midnight', { time: '23:30', quiet: { from: '23:00', to: '06:00' } }, at(12), 0, at(6, 0, 1)],
    ['at its time when the quiet hours are elsewhere', { quiet: { from: '22:00', to: '06:00' } }, at(6), 0, at(7)],
  ])('runs %s', (_, over, after, random, expected) => {
    expect(nextRun(schedule(over), after, () => random)).toBe(expected);
  });

  it('gives a slot the quiet hours pushed into the next morning to the day it was drawn for', () => {
    const late = schedule({ time: '21:50', jitterMinutes: 30, quiet: { from: '22:00', to: '08:00' } });
    expect(dayAfterRun(late, at(21, 55))).toBe(at(0, 0, 1));
    // 21:50 + 20 min is quiet: Wednesday's slot runs on Thursday at 08:00, and Thursday's is still to come.
    expect(dayAfterRun(late, at(8, 0, 1))).toBe(at(0, 0, 1));
    expect(nextRun(late, at(8, 0, 1), () => 5 / 31, dayAfterRun(late, at(8, 0, 1)))).toBe(at(21, 55, 1));
    expect(nextRun(late, at(21, 55), () => 20 / 31, dayAfterRun(late, at(21, 55)))).toBe(at(8, 0, 2));
  });

  it('never runs a schedule that is off', () => {
    expect(nextRun(schedule({ enabled: false }), at(6), () => 0)).toBeNull();
  });

  it.each<[number, boolean]>([
    [21 * 60 + 59, false],
    [22 * 60, true],
    [0, true],
    [6 * 60 + 59, true],
    [7 * 60, false],
  ])('minute %d is quiet between 22:00 and 07:00: %s', (minute, quiet) => {
    expect(isQuiet(minute, { from: '22:00', to: '07:00' })).toBe(quiet);
  });
});

/** Time moves only when the test says so; due timers fire in order. */
class FakeClock implements Clock {
  private timers: { at: number; fn: () => unknown; id: number }[] = [];
  private nextId = 1;

  constructor(public t: number) {}

  now = () => this.t;

  after(ms: number, fn: () => unknown) {
    const id = this.nextId++;
    this.timers.push({ at: this.t + ms, fn, id });
    return () => (this.timers = this.timers.filter((x) => x.id !== id));
  }

  async advanceTo(t: number): Promise<void> {
    for (;;) {
      const due = this.timers.filter((x) => x.at <= t).sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      this.timers = this.timers.filter((x) => x !== due);
      this.t = due.at;
      await due.fn();
      await new Promise((r) => setImmediate(r));
    }
    this.t = t;
  }

  /** Fires every timer due by `t` in the same tick, as timers set for the same minute do, then waits for them all. */
  async fireTogether(t: number): Promise<void> {
    const due = this.timers.filter((x) => x.at <= t);
    this.timers = this.timers.filter((x) => x.at > t);
    this.t = t;
    await Promise.all(due.map((x) => x.fn()));
  }

  /**
   * The wall clock jumps by `ms` while timers keep the time left to them, as Node's do (they count
   * the time the machine was awake): a suspend (`ms` > 0) makes them fire late, a clock set back early.
   */
  jump(ms: number): void {
    this.t += ms;
    for (const x of this.timers) x.at += ms;
  }

  get pending(): number {
    return this.timers.length;
  }
}

describe('Scheduler', () => {
  let dir: string;
  let clock: FakeClock;
  let runs: [number, string, readonly string[]][];
  let errors: unknown[];
  let failNext: boolean;

  const open = (file = ScheduleFile.in(dir)) =>
    Scheduler.open({
      store: file,
      clock,
      random: () => 0,
      check: (s) => {
        if (s.instructions.includes('TJ')) throw new HallError('schedule.not-allowed', { zh: '不能定时发送 TJ', en: 'TJ cannot be scheduled' });
      },
      run: async (simId, ids) => {
        runs.push([clock.now(), simId, ids]);
        if (failNext) {
          failNext = false;
          throw new Error('no modem');
        }
      },
      onError: (e) => errors.push(e),
    });

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'hall10086-schedules-'));
    clock = new FakeClock(at(6));
    runs = [];
    errors = [];
    failNext = false;
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('is off by default: no file, no schedule, no timer', async () => {
    const scheduler = await open();
    expect(scheduler.list()).toEqual([]);
    expect(clock.pending).toBe(0);
  });

  it('runs an enabled schedule once a day at its time, and keeps going after a failed run', async () => {
    const scheduler = await open();
    await scheduler.set(schedule());
    expect(nextRunOf(scheduler, 'SIM-A')).toBe(at(7));
    failNext = true;
    await clock.advanceTo(at(12, 0, 2));
    expect(runs).toEqual([
      [at(7), 'SIM-A', ['YE', 'CXYEG']],
      [at(7, 0, 1), 'SIM-A', ['YE', 'CXYEG']],
      [at(7, 0, 2), 'SIM-A', ['YE', 'CXYEG']],
    ]);
    expect(errors.map((e) => (e as Error).message)).toEqual(['no modem']);
    expect(nextRunOf(scheduler, 'SIM-A')).toBe(at(7, 0, 3));
  });

  it('does not run twice in one day when the jitter is drawn again after a run', async () => {
    const draws = [0, 0.9];
    const scheduler = await Scheduler.open({
      store: ScheduleFile.in(dir),
      clock,
      random: () => draws.shift() ?? 0.5,
      check: () => {},
      run: async (simId, ids) => void runs.push([clock.now(), simId, ids]),
      onError: (e) => errors.push(e),
    });
    await scheduler.set(schedule({ jitterMinutes: 30 }));
    await clock.advanceTo(at(23));
    expect(runs.map(([t]) => t)).toEqual([at(7)]);
    expect(nextRunOf(scheduler, 'SIM-A')).toBe(at(7, 27, 1));
  });

  it('runs once per schedule day when the quiet hours start inside the jitter window', async () => {
    // 21:50 with up to 30 min of jitter and quiet hours from 22:00: a draw of 20 min runs at 08:00 the
    // next morning. Before, that counted as a new day's run after a 21:55 one, and the same day ran twice.
    let draw = 0;
    const scheduler = await Scheduler.open({
      store: ScheduleFile.in(dir),
      clock,
      random: () => [5 / 31, 20 / 31][draw++ % 2]!,
      check: () => {},
      run: async (simId, ids) => void runs.push([clock.now(), simId, ids]),
      onError: (e) => errors.push(e),
    });
    await scheduler.set(schedule({ time: '21:50', jitterMinutes: 30, quiet: { from: '22:00', to: '08:00' } }));
    await clock.advanceTo(at(12, 0, 7));
    // Seven schedule days, Wednesday to Tuesday, seven runs.
    expect(runs.map(([t]) => t)).toEqual([at(21, 55), at(8, 0, 2), at(21, 55, 2), at(8, 0, 4), at(21, 55, 4), at(8, 0, 6), at(21, 55, 6)]);
    scheduler.stop();
  });

  /** A scheduler on the same data folder as a restarted app would open it, drawing its jitter from `draws`. */
  const reopen = (draws: number[]) =>
    Scheduler.open({
      store: ScheduleFile.in(dir),
      clock,
      random: () => draws.shift() ?? 0,
      check: () => {},
      run: async (simId, ids) => void runs.push([clock.now(), simId, ids]),
      onError: (e) => errors.push(e),
    });

  it('does not run again the same day after a restart that draws a later jitter', async () => {
    const first = await reopen([0]);
    await first.set(schedule({ jitterMinutes: 30 }));
    await clock.advanceTo(at(7, 5));
    first.stop();
    // The app restarts at 07:05 and draws 07:27 for today: before, the checks went a second time then.
    const second = await reopen([0.9, 0.9]);
    await clock.advanceTo(at(23));
    expect(runs.map(([t]) => t)).toEqual([at(7)]);
    expect(nextRunOf(second, 'SIM-A')).toBe(at(7, 27, 1));
    await clock.advanceTo(at(8, 0, 1));
    expect(runs.map(([t]) => t)).toEqual([at(7), at(7, 27, 1)]);
    second.stop();
  });

  it('does not run again after the clock is set back past the run and the app restarts', async () => {
    const first = await reopen([0]);
    await first.set(schedule());
    await clock.advanceTo(at(7, 2));
    first.stop();
    clock.t = at(6, 30);
    const second = await reopen([]);
    await clock.advanceTo(at(23));
    expect(runs.map(([t]) => t)).toEqual([at(7)]);
    expect(nextRunOf(second, 'SIM-A')).toBe(at(7, 0, 1));
    second.stop();
  });

  it('keeps when the checks ran before they are sent, so a crash while sending does not send them again', async () => {
    const seen: unknown[] = [];
    const scheduler = await Scheduler.open({
      store: ScheduleFile.in(dir),
      clock,
      random: () => 0,
      check: () => {},
      run: async () => void seen.push(JSON.parse(readFileSync(join(dir, 'schedule-runs.json'), 'utf8'))),
      onError: (e) => errors.push(e),
    });
    await scheduler.set(schedule());
    await clock.advanceTo(at(7, 1));
    expect(seen).toEqual([{ version: 1, lastRuns: { 'SIM-A': at(7) } }]);
    scheduler.stop();
  });

  it('runs today when the last run is recorded more than a day ahead (a clock that was wrong then): no record', async () => {
    await writeFile(join(dir, 'schedule-runs.json'), JSON.stringify({ version: 1, lastRuns: { 'SIM-A': at(7, 0, 365) } }));
    const scheduler = await reopen([]);
    await scheduler.set(schedule({ jitterMinutes: 120 }));
    expect(nextRunOf(scheduler, 'SIM-A')).toBe(at(7));
    scheduler.stop();
  });

  it('does not run in the quiet hours when the computer wakes in them: that day is skipped, the next runs at its time', async () => {
    const scheduler = await open();
    await scheduler.set(schedule({ quiet: { from: '22:00', to: '06:00' } }));
    await clock.advanceTo(at(6, 30));
    // Asleep from 06:30 to 22:30: the timer's last half hour runs out at 23:00, in the quiet hours.
    clock.jump(16 * 60 * 60_000);
    await clock.advanceTo(at(12, 0, 1));
    expect(runs.map(([t]) => t)).toEqual([at(7, 0, 1)]);
  });

  it('does not run before its time when the clock was set back while it waited', async () => {
    const scheduler = await open();
    await scheduler.set(schedule({ quiet: { from: '00:00', to: '06:00' } }));
    // At 06:00 the clock is put back two hours: the timer's hour runs out at 05:00 by the clock.
    clock.jump(-2 * 60 * 60_000);
    await clock.advanceTo(at(12));
    expect(runs.map(([t]) => t)).toEqual([at(7)]);
  });

  it('runs at its time once a clock that was set back a week is put right again, not a week late', async () => {
    const scheduler = await open();
    await scheduler.set(schedule());
    // At 06:00 the clock goes a week back (a CMOS date lost at boot); at 08:00 the network's time puts it right.
    clock.jump(-7 * DAY);
    await clock.advanceTo(clock.now() + 2 * 60 * 60_000);
    clock.jump(7 * DAY);
    await clock.advanceTo(at(12));
    // Late by the two hours the clock was wrong (and at most one look at the clock more), not by a week.
    expect(runs.map(([t]) => t)).toEqual([at(8, 10)]);
  });

  it('runs once, at its time, when the computer wakes the next morning before it: not the missed day’s checks as well', async () => {
    const scheduler = await open();
    await scheduler.set(schedule());
    await clock.advanceTo(at(6, 30));
    // Asleep from 06:30 to 06:10 the next morning: the timer's last ten minutes run out then.
    clock.jump(DAY - 20 * 60_000);
    await clock.advanceTo(at(12, 0, 1));
    expect(runs.map(([t]) => t)).toEqual([at(7, 0, 1)]);
  });

  it('runs the missed day’s checks at once when the computer wakes just after midnight, far from the next day’s time', async () => {
    const scheduler = await open();
    await scheduler.set(schedule({ time: '23:50' }));
    await clock.advanceTo(at(23, 45));
    // Asleep from 23:45 to 00:05: the timer's last five minutes run out at 00:10.
    clock.jump(20 * 60_000);
    await clock.advanceTo(at(12, 0, 1));
    expect(runs.map(([t]) => t)).toEqual([at(0, 10, 1)]);
  });

  it('runs at once when the computer wakes on a later day after that day’s time', async () => {
    const scheduler = await open();
    await scheduler.set(schedule());
    await clock.advanceTo(at(6, 30));
    clock.jump(DAY + 2 * 60 * 60_000);
    await clock.advanceTo(at(12, 0, 1));
    expect(runs.map(([t]) => t)).toEqual([at(8, 40, 1)]);
  });

  it('runs the next days’ checks once a clock that was a week ahead is put right, not a week later', async () => {
    const scheduler = await open();
    await scheduler.set(schedule());
    // At 06:00 the clock jumps a week ahead (a wrong CMOS date): the day's checks run by it, and the
    // next are planned for the day after, a week ahead. At 08:00 it is put right.
    clock.jump(7 * DAY);
    await clock.advanceTo(clock.now() + 2 * 60 * 60_000);
    clock.jump(-7 * DAY);
    await clock.advanceTo(at(12, 0, 2));
    expect(runs.map(([t]) => t)).toEqual([at(7, 0, 7), at(7, 0, 1), at(7, 0, 2)]);
  });

  it('keeps schedules in schedules.json, reads them back, and turning one off stops its timer', async () => {
    const first = await open();
    await first.set(schedule({ quiet: { from: '22:00', to: '07:30' } }));
    await first.set(schedule({ simId: 'SIM-B', enabled: false }));
    first.stop();
    const saved = JSON.parse(await readFile(join(dir, 'schedules.json'), 'utf8'));
    expect(saved).toEqual({ version: 1, schedules: [schedule({ quiet: { from: '22:00', to: '07:30' } }), schedule({ simId: 'SIM-B', enabled: false })] });

    const second = await open();
    expect(second.list().map(({ nextRunAt: _, ...stored }) => stored)).toEqual(saved.schedules);
    expect(nextRunOf(second, 'SIM-A')).toBe(at(7, 30));
    expect(nextRunOf(second, 'SIM-B')).toBeNull();
    await second.set(schedule({ enabled: false }));
    await clock.advanceTo(at(12, 0, 1));
    expect(runs).toEqual([]);
  });

  it('refuses a schedule the check rejects, saving nothing', async () => {
    const scheduler = await open();
    await expect(scheduler.set(schedule({ instructions: ['TJ'] }))).rejects.toMatchObject({ code: 'schedule.not-allowed' });
    expect(scheduler.list()).toEqual([]);
    await expect(readFile(join(dir, 'schedules.json'), 'utf8')).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it.each([
    ['not JSON', '{"version":1,'],
    ['the wrong shape', JSON.stringify({ version: 1, schedules: [{ simId: 'SIM-A', enabled: true }] })],
    ['a time that is no time', JSON.stringify({ version: 1, schedules: [schedule({ time: '25:00' })] })],
  ])('schedules nothing from a file that is %s', async (_, text) => {
    await writeFile(join(dir, 'schedules.json'), text);
    const scheduler = await open();
    expect(scheduler.list()).toEqual([]);
    expect(clock.pending).toBe(0);
  });
});

describe('Scheduler with a fleet of SIMs', () => {
  it('keeps every SIM’s last run when their checks start in the same tick and an older save lands last', async () => {
    const clock = new FakeClock(at(6));
    // What is on disk: like ScheduleFile, each save writes the runs as they were when it was asked for;
    // the first write is slow, so without an order it would land last.
    let onDisk: Record<string, number> = {};
    let saves = 0;
    const store: ScheduleStore = {
      load: async () => [],
      save: async () => {},
      loadLastRuns: async () => new Map(),
      saveLastRuns: async (lastRuns) => {
        const written = Object.fromEntries(lastRuns);
        if (saves++ === 0) await new Promise((r) => setTimeout(r, 20));
        onDisk = written;
      },
    };
    const scheduler = await Scheduler.open({ store, clock, random: () => 0, check: () => {}, run: async () => {}, onError: () => {} });
    const sims = ['SIM-A', 'SIM-B', 'SIM-C', 'SIM-D', 'SIM-E'];
    for (const simId of sims) await scheduler.set(schedule({ simId }));
    await clock.fireTogether(at(7));
    expect(onDisk).toEqual(Object.fromEntries(sims.map((simId) => [simId, at(7)])));
    scheduler.stop();
  });

  it('gives each of 32 SIMs its own jitter, and one slow SIM holds none of the others back', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'hall-fleet-sched-'));
    try {
      const clock = new FakeClock(at(6));
      const runs = new Map<string, number>();
      let seed = 7;
      const scheduler = await Scheduler.open({
        store: ScheduleFile.in(dir),
        clock,
        // A seeded sequence, so each schedule draws its own delay.
        random: () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646,
        check: () => {},
        run: (simId) => {
          runs.set(simId, clock.now());
          // SIM-00's modem never answers: its run never ends.
          return simId === 'SIM-00' ? new Promise(() => {}) : Promise.resolve();
        },
        onError: () => {},
      });
      const sims = Array.from({ length: 32 }, (_, n) => `SIM-${String(n).padStart(2, '0')}`);
      for (const simId of sims) await scheduler.set(schedule({ simId, jitterMinutes: 60 }));
      const planned = sims.map((simId) => scheduler.list().find((s) => s.simId === simId)!.nextRunAt!);
      expect(new Set(planned).size).toBeGreaterThan(20);
      expect(Math.min(...planned)).toBeGreaterThanOrEqual(at(7));
      expect(Math.max(...planned)).toBeLessThanOrEqual(at(8));
      await clock.advanceTo(at(8, 1));
      expect([...runs.keys()].sort()).toEqual(sims);
      for (const [n, simId] of sims.entries()) expect(runs.get(simId)).toBe(planned[n]);
      scheduler.stop();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
