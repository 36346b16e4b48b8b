import type { IncomingMessage } from 'node:http';

/**
 * Who may talk to the browser-mode server: a page from 127.0.0.1/localhost on our port that holds
 * a launch code or a session secret (browser-sessions). The Host check defeats DNS rebinding (a
 * foreign name resolving to 127.0.0.1), the Origin check cross-site WebSockets, the credential (the
 * API connection's first message, see ws-handshake) every other local program or page. The static
 * UI files are no secret and need none.
 */
export interface AccessPolicy {
  readonly port: number;
  readonly hosts: ReadonlySet<string>;
  readonly origins: ReadonlySet<string>;
}

export function accessPolicy(port: number): AccessPolicy {
  const hosts = [`127.0.0.1:${port}`, `localhost:${port}`];
  return {
    port,
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
