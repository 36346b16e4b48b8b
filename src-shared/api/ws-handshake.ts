import * as v from 'valibot';

/**
 * How a browser-mode page proves it holds the launch token: as the first WebSocket message, never
 * in a cookie (browsers send a 127.0.0.1 cookie to every port of that host, so any other local web
 * service the user visits would receive it) and never in a URL the server sees (request lines end
 * up in Referer headers and logs). The server answers `welcome` and only then takes calls and
 * sends events; anything else first ends the connection with UNAUTHORIZED_CLOSE.
 */
export interface Hello {
  type: 'hello';
  token: string;
}

export const WELCOME_FRAME = JSON.stringify({ type: 'welcome' });

/** An application close code (RFC 6455 4000–4999): the token was missing or wrong. */
export const UNAUTHORIZED_CLOSE = 4401;

const HelloSchema = v.strictObject({ type: v.literal('hello'), token: v.pipe(v.string(), v.maxLength(256)) });

export function encodeHello(token: string): string {
  return JSON.stringify({ type: 'hello', token } satisfies Hello);
}

/** The token a first frame presents, or null when the frame is not a hello. */
export function tokenOfHello(text: string): string | null {
  try {
    const parsed = v.safeParse(HelloSchema, JSON.parse(text));
    return parsed.success ? parsed.output.token : null;
  } catch {
    return null;
  }
}

export function isWelcome(text: string): boolean {
  return text === WELCOME_FRAME;
}
