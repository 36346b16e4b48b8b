export interface RateLimitOptions {
  /** At most this many within any `windowMs`. */
  limit: number;
  windowMs: number;
}

/** Sends from the extension a user can make by hand; a script gone wrong hits the limit at once. */
export const EXTENSION_SEND_LIMITS: readonly RateLimitOptions[] = [
  { limit: 5, windowMs: 60_000 },
  { limit: 30, windowMs: 3_600_000 },
];

/** A sliding-window limit per key (an extension ID), checked against every window at once. */
export class RateLimiter {
  private readonly taken = new Map<string, number[]>();

  constructor(
    private readonly windows: readonly RateLimitOptions[],
    private readonly now: () => number = Date.now,
  ) {}

  /** Takes one slot, or returns how many ms until one frees up (and takes nothing). */
  take(key: string): { ok: true } | { ok: false; retryInMs: number } {
    const now = this.now();
    const longest = Math.max(...this.windows.map((w) => w.windowMs));
    const times = (this.taken.get(key) ?? []).filter((t) => now - t < longest);
    for (const w of this.windows) {
      const inWindow = times.filter((t) => now - t < w.windowMs);
      if (inWindow.length >= w.limit) {
        this.taken.set(key, times);
        return { ok: false, retryInMs: inWindow[inWindow.length - w.limit]! + w.windowMs - now };
      }
    }
    times.push(now);
    this.taken.set(key, times);
    return { ok: true };
  }
}

/** Pairing prompts, all connections together: a few a user may need, none a script can flood the app with. */
export const PAIRING_PROMPT_LIMITS: readonly RateLimitOptions[] = [
  { limit: 3, windowMs: 10 * 60_000 },
  { limit: 10, windowMs: 24 * 3_600_000 },
];
