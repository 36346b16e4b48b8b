import * as v from 'valibot';

/**
 * How a browser-mode page proves it may use the API: its first WebSocket message is a hello with
 * a credential, never a cookie (browsers send a 127.0.0.1 cookie to every port of that host, so any
 * other local web service the user visits would receive it) and never a URL the server sees
 * (request lines end up in Referer headers and logs).
 *
 * Two credentials. A **launch code** comes in the link the server prints (`/#launch=…`); that
 * address is kept by the browser's history (which may sync off the machine), so the code is spent
 * by its first hello and the welcome carries a fresh **session** secret instead. The page keeps the
 * session in this tab's sessionStorage and presents it on every reconnect and reload; it never
 * appears in an address. The server answers `welcome` and only then takes calls and sends events;
 * anything else first ends the connection with UNAUTHORIZED_CLOSE.
 */
export type Credential = { launch: string } | { session: string };

/** An application close code (RFC 6455 4000–4999): the credential was missing, spent or wrong. */
export const UNAUTHORIZED_CLOSE = 4401;

const Secret = v.pipe(v.string(), v.maxLength(256));
const HelloSchema = v.union([
  v.strictObject({ type: v.literal('hello'), launch: Secret }),
  v.strictObject({ type: v.literal('hello'), session: Secret }),
]);
const WelcomeSchema = v.strictObject({ type: v.literal('welcome'), session: v.optional(Secret) });

export function encodeHello(credential: Credential): string {
  return JSON.stringify({ type: 'hello', ...credential });
}

/** The credential a first frame presents, or null when the frame is not a hello. */
export function credentialOfHello(text: string): Credential | null {
  const parsed = parseWith(HelloSchema, text);
  if (parsed === null) return null;
  return 'launch' in parsed ? { launch: parsed.launch } : { session: parsed.session };
}

/** The server's answer to a good hello: with a new session secret when a launch code was traded. */
export function encodeWelcome(session?: string): string {
  return JSON.stringify(session === undefined ? { type: 'welcome' } : { type: 'welcome', session });
}

/** null: not a welcome. Otherwise the session secret it hands over, if any. */
export function welcomeOf(text: string): { session: string | null } | null {
  const parsed = parseWith(WelcomeSchema, text);
  return parsed === null ? null : { session: parsed.session ?? null };
}

/** The launch code in a printed link (`http://127.0.0.1:PORT/#launch=…`), or null. */
export function launchCodeOf(hash: string): string | null {
  return /#launch=([A-Za-z0-9_-]{16,128})$/.exec(hash)?.[1] ?? null;
}

function parseWith<S extends v.GenericSchema>(schema: S, text: string): v.InferOutput<S> | null {
  try {
    const parsed = v.safeParse(schema, JSON.parse(text));
    return parsed.success ? parsed.output : null;
  } catch {
    return null;
  }
}
