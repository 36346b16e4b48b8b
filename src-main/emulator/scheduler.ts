/**
 * Every delay in the emulator (command latency, network hops, 10086 "thinking", multipart gaps,
 * vendor noise) goes through a Scheduler so tests can swap wall-clock timers for virtual time
 * and run a whole conversation deterministically with zero real waiting.
 */
export interface Scheduler {
  /** Milliseconds on this scheduler's own time line. */
  now(): number;
  /** Runs `fn` after `ms`; returns a function that cancels it. */
  setTimeout(fn: () => void, ms: number): () => void;
}

export const realScheduler: Scheduler = {
  now: () => performance.now(),
  setTimeout(fn, ms) {
    const handle = setTimeout(fn, ms);
    // A demo modem left running must never keep a CLI or a test worker alive on its own.
    handle.unref?.();
    return () => clearTimeout(handle);
  },
};

interface Timer {
  at: number;
  seq: number;
  fn: () => void;
}

/** Virtual time: nothing happens until the test advances the clock. */
export class VirtualScheduler implements Scheduler {
  private time = 0;
  private seq = 0;
  private timers: Timer[] = [];

  now(): number {
    return this.time;
  }

  setTimeout(fn: () => void, ms: number): () => void {
    const timer: Timer = { at: this.time + Math.max(0, ms), seq: this.seq++, fn };
    this.timers.push(timer);
    return () => {
      this.timers = this.timers.filter((t) => t !== timer);
    };
  }

  /** Moves time forward by `ms`, firing due timers in order (timers they add fire too if due). */
  advance(ms: number): void {
    const end = this.time + ms;
    for (let next = this.nextDue(end); next; next = this.nextDue(end)) {
      this.timers = this.timers.filter((t) => t !== next);
      this.time = next.at;
      next.fn();
    }
    this.time = end;
  }

  private nextDue(end: number): Timer | undefined {
    let best: Timer | undefined;
    for (const t of this.timers) {
      if (t.at > end) continue;
      if (!best || t.at < best.at || (t.at === best.at && t.seq < best.seq)) best = t;
    }
    return best;
  }
}
