import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { HallError } from '../../src-shared/errors';

/**
 * Who may talk to the browser-mode server: a page from 127.0.0.1/localhost on our port that holds
 * this launch's token. The Host check defeats DNS rebinding (a foreign name resolving to 127.0.0.1),
 * the Origin check cross-site WebSockets, the token (the API connection's first message, see
 * ws-handshake) every other local program or page. The static UI files are no secret and need no token.
 */
export interface AccessPolicy {
  readonly port: number;
  readonly token: string;
  readonly hosts: ReadonlySet<string>;
  readonly origins: ReadonlySet<string>;
}

const TOKEN_PATTERN = /^[A-Za-z0-9_-]{16,128}$/;

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** A caller-chosen token must be as safe in a URL as a generated one. */
export function assertUsableToken(token: string): void {
  if (!TOKEN_PATTERN.test(token)) {
    throw new HallError('server.bad-token', {
      zh: '访问令牌必须是 16–128 个字母、数字、“-”或“_”。',
      en: 'The access token must be 16–128 letters, digits, "-" or "_".',
    });
  }
}

export function accessPolicy(port: number, token: string): AccessPolicy {
  const hosts = [`127.0.0.1:${port}`, `localhost:${port}`];
  return {
    port,
    token,
    hosts: new Set(hosts),
    origins: new Set(hosts.map((host) => `http://${host}`)),
  };
}

export function isAllowedHost(policy: AccessPolicy, req: IncomingMessage): boolean {
  return req.headers.host !== undefined && policy.hosts.has(req.headers.host.toLowerCase());
}

/** Exact match: browsers send the origin in lower case, and anything else is not our page. */
export function isAllowedOrigin(policy: AccessPolicy, req: IncomingMessage): boolean {
  return req.headers.origin !== undefined && policy.origins.has(req.headers.origin);
}

/** The request line's path, split by hand: WHATWG URL parsing would resolve `..` before we see it. */
export function pathOf(target: string): string {
  const mark = target.indexOf('?');
  return mark < 0 ? target : target.slice(0, mark);
}

/** Constant-time: how long a refusal takes says nothing about how much of the token was right. */
export function tokenMatches(policy: AccessPolicy, candidate: string): boolean {
  const expected = Buffer.from(policy.token);
  const given = Buffer.from(candidate);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
