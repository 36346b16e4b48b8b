import { describe, expect, it } from 'vitest';
import { RateLimiter } from '../../../src-main/services/extension-link';

describe('RateLimiter', () => {
  it('allows the limit per window and says when the next slot frees', () => {
    let now = 0;
    const limiter = new RateLimiter([{ limit: 2, windowMs: 1000 }], () => now);
    expect(limiter.take('a')).toEqual({ ok: true });
    now = 100;
    expect(limiter.take('a')).toEqual({ ok: true });
    now = 400;
    expect(limiter.take('a')).toEqual({ ok: false, retryInMs: 600 });
    expect(limiter.take('b')).toEqual({ ok: true });
    now = 1000;
    expect(limiter.take('a')).toEqual({ ok: true });
  });

  it('checks every window: the hourly cap holds even when each minute is within its own', () => {
    let now = 0;
    const limiter = new RateLimiter([{ limit: 5, windowMs: 60_000 }, { limit: 6, windowMs: 3_600_000 }], () => now);
    for (let i = 0; i < 5; i++) expect(limiter.take('x').ok).toBe(true);
    now = 61_000;
    expect(limiter.take('x').ok).toBe(true);
    expect(limiter.take('x')).toEqual({ ok: false, retryInMs: 3_600_000 - 61_000 });
  });

  it('refused attempts do not use up slots', () => {
    let now = 0;
    const limiter = new RateLimiter([{ limit: 1, windowMs: 1000 }], () => now);
    limiter.take('a');
    for (let i = 0; i < 10; i++) limiter.take('a');
    now = 1000;
    expect(limiter.take('a').ok).toBe(true);
  });
});
