import { describe, expect, it } from 'vitest';
import { BrowserSessions } from '../../../src-main/server/browser-sessions';

/** Browser mode's keys on a clock the test turns by hand. */
function sessionsAt(start = 1_700_000_000_000) {
  const clock = { now: start };
  return { clock, sessions: new BrowserSessions(() => clock.now) };
}

describe('browser mode launch codes and sessions', () => {
  it('a launch code opens one session, once', () => {
    const { sessions } = sessionsAt();
    const code = sessions.newLaunchCode();
    const session = sessions.trade(code);
    expect(session).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(sessions.admits(session!)).toBe(true);
    expect(sessions.trade(code)).toBeNull();
    expect(sessions.admits(code)).toBe(false);
  });

  it('an unspent link stops working after its lifetime (a link left in a log file is no lasting key)', () => {
    const { clock, sessions } = sessionsAt();
    const fresh = sessions.newLaunchCode();
    const stale = sessions.newLaunchCode();
    clock.now += BrowserSessions.LAUNCH_CODE_LIFETIME_MS;
    expect(sessions.trade(fresh)).not.toBeNull();
    clock.now += 1;
    expect(sessions.trade(stale)).toBeNull();
    // Refused once, it stays refused when the clock is set back.
    clock.now -= 10 * 60_000;
    expect(sessions.trade(stale)).toBeNull();
  });

  it('a session, once traded, does not expire with its link', () => {
    const { clock, sessions } = sessionsAt();
    const session = sessions.trade(sessions.newLaunchCode())!;
    clock.now += 24 * 3_600_000;
    expect(sessions.admits(session)).toBe(true);
  });

  it('keeps at most 16 unspent codes: a 17th makes the oldest stale', () => {
    const { sessions } = sessionsAt();
    const codes = Array.from({ length: BrowserSessions.MAX_UNSPENT_CODES + 1 }, () => sessions.newLaunchCode());
    expect(sessions.trade(codes[0]!)).toBeNull();
    for (const code of codes.slice(1)) expect(sessions.trade(code)).not.toBeNull();
  });
});
