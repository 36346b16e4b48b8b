import { realScheduler, type Scheduler } from '../../src-main/emulator';

/** Part gaps of at least this long are held by the test, and released when it says so. */
export const HOLD_MS = 3_600_000;

/** The real scheduler, except that the gaps between the parts of a long SMS wait for `release`. */
export function gatedScheduler(): Scheduler & { release(): void; held(): number } {
  const waiting: (() => void)[] = [];
  return {
    now: realScheduler.now,
    setTimeout(fn, ms) {
      if (ms < HOLD_MS) return realScheduler.setTimeout(fn, ms);
      waiting.push(fn);
      return () => waiting.splice(waiting.indexOf(fn) >>> 0, 1);
    },
    release: () => waiting.splice(0).forEach((fn) => fn()),
    held: () => waiting.length,
  };
}
