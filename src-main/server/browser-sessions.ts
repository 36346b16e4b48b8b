import { createHash, randomBytes } from 'node:crypto';

/**
 * Who holds browser mode's keys. A launch code is what the printed link carries: the browser keeps
 * that address in its history (and history can sync off the machine), so a code opens the API once
 * and is then spent. Trading it gives the page a session secret, which lives only in that tab's
 * sessionStorage (a reload and a duplicated tab keep it) and in this process's memory: a new launch
 * forgets every session.
 *
 * Both are kept only as SHA-256 digests and looked up by digest: the lookup's timing depends on the
 * digest of what was presented, which says nothing about any secret (the same reason the metrics
 * token is hashed before its compare).
 */
export class BrowserSessions {
  /** Digest of each unspent code → when it was made (epoch ms). */
  private readonly codes = new Map<string, number>();
  private readonly sessions = new Set<string>();

  /** Unspent codes kept at most; the oldest goes first (a link nobody opened for so long is stale). */
  static readonly MAX_UNSPENT_CODES = 16;
  /**
   * How long an unspent link opens the app. A link copied into a log file or a chat should not stay
   * a key for as long as the server runs; half an hour covers starting `serve` and opening a browser.
   */
  static readonly LAUNCH_CODE_LIFETIME_MS = 30 * 60_000;

  constructor(private readonly now: () => number = Date.now) {}

  /** A fresh one-time launch code (32 random bytes, URL-safe). */
  newLaunchCode(): string {
    const code = secret();
    this.codes.set(digest(code), this.now());
    if (this.codes.size > BrowserSessions.MAX_UNSPENT_CODES) this.codes.delete(this.codes.keys().next().value!);
    return code;
  }

  /** Spends a launch code: a new session secret when the code was good, unspent and not too old, else null. */
  trade(code: string): string | null {
    const key = digest(code);
    const made = this.codes.get(key);
    if (made === undefined) return null;
    this.codes.delete(key);
    if (this.now() - made > BrowserSessions.LAUNCH_CODE_LIFETIME_MS) return null;
    const session = secret();
    this.sessions.add(digest(session));
    return session;
  }

  admits(session: string): boolean {
    return this.sessions.has(digest(session));
  }
}

function secret(): string {
  return randomBytes(32).toString('base64url');
}

function digest(value: string): string {
  return createHash('sha256').update(value).digest('base64');
}
