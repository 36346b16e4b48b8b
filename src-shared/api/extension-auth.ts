/**
 * How the extension and the app prove to each other that they share one association's secret
 * (docs/extension-protocol.md). HMAC-SHA256 with WebCrypto, which Chrome and Node ≥ 20 both have,
 * over a text that names the direction, the app's per-connection nonce, a counter and the message
 * itself in a canonical form: a message cannot be replayed on another connection (new nonce), again
 * on the same one (the counter only rises), turned around (direction) or altered.
 */

import { canonicalJson } from '../bundle/canonical-json';

/** Both sides MAC the very same bytes: the message in canonical JSON. */
export { canonicalJson };

export const AUTH_CONTEXT = 'hall10086-extension/2';

export type Direction = 'request' | 'reply';

export function base64url(bytes: Uint8Array): string {
  let text = '';
  for (const b of bytes) text += String.fromCharCode(b);
  return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64url(text: string): Uint8Array {
  const plain = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(plain, (c) => c.charCodeAt(0));
}

/** A fresh random value: 32 bytes for a secret, 16 for an association ID or a nonce. */
export function randomToken(bytes: 16 | 32): string {
  return base64url(crypto.getRandomValues(new Uint8Array(bytes)));
}

/**
 * A reply's text as the extension holds it, SHA-256 as base64url: what a `recheck` names a reply by, so that its
 * text (a new service password, when the send carried one) does not travel back (fleet26).
 */
export async function textDigest(text: string): Promise<string> {
  return base64url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text) as BufferSource)));
}

/** An association ID or nonce (16 bytes) and a secret (32 bytes), as base64url. */
export const TOKEN_16 = /^[A-Za-z0-9_-]{22}$/;
export const TOKEN_32 = /^[A-Za-z0-9_-]{43}$/;

const keys = new Map<string, Promise<CryptoKey>>();
function hmacKey(secret: string): Promise<CryptoKey> {
  let key = keys.get(secret);
  if (!key) {
    key = crypto.subtle.importKey('raw', fromBase64url(secret) as BufferSource, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
    // A handful of associations at most; the cache only spares re-importing on every message.
    if (keys.size > 16) keys.clear();
    keys.set(secret, key);
  }
  return key;
}

function macInput(direction: Direction, nonce: string, counter: number, message: unknown): Uint8Array {
  return new TextEncoder().encode(`${AUTH_CONTEXT}\n${direction}\n${nonce}\n${counter}\n${canonicalJson(message)}`);
}

export async function mac(secret: string, direction: Direction, nonce: string, counter: number, message: unknown): Promise<string> {
  const signature = await crypto.subtle.sign('HMAC', await hmacKey(secret), macInput(direction, nonce, counter, message) as BufferSource);
  return base64url(new Uint8Array(signature));
}

/** Compares in time that does not depend on where the first difference is. */
export async function macMatches(
  secret: string,
  direction: Direction,
  nonce: string,
  counter: number,
  message: unknown,
  claimed: string,
): Promise<boolean> {
  const expected = await mac(secret, direction, nonce, counter, message);
  if (expected.length !== claimed.length) return false;
  let diff = 0;
  for (let i = 0; i < expected.length; i++) diff |= expected.charCodeAt(i) ^ claimed.charCodeAt(i);
  return diff === 0;
}
