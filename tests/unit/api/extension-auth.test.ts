import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalJson, mac, macMatches, randomToken, TOKEN_16, TOKEN_32 } from '../../../src-shared/api/extension-auth';

const KEY = randomToken(32);
const NONCE = randomToken(16);
const MESSAGE = { type: 'send', ref: 'e1', id: 'MMXG', params: { oldPassword: '135790', newPassword: '246802' } };

describe('the extension link’s MAC', () => {
  it('makes tokens of the right sizes', () => {
    expect(randomToken(16)).toMatch(TOKEN_16);
    expect(randomToken(32)).toMatch(TOKEN_32);
    expect(randomToken(32)).not.toBe(randomToken(32));
  });

  it('canonical JSON sorts keys at every level and leaves out undefined, so both sides MAC the same bytes', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: undefined, x: '中' }], c: null } })).toBe('{"a":{"c":null,"d":[2,{"x":"中","z":1}]},"b":1}');
    expect(canonicalJson({ type: 'x', id: undefined })).toBe(canonicalJson(JSON.parse(JSON.stringify({ type: 'x', id: undefined }))));
  });

  it('is HMAC-SHA256 over direction, nonce, counter and message, as node:crypto computes it', async () => {
    const expected = createHmac('sha256', Buffer.from(KEY, 'base64url'))
      .update(`hall10086-extension/2\nrequest\n${NONCE}\n7\n${canonicalJson(MESSAGE)}`)
      .digest('base64url');
    expect(await mac(KEY, 'request', NONCE, 7, MESSAGE)).toBe(expected);
  });

  it('does not match when any part changes', async () => {
    const good = await mac(KEY, 'request', NONCE, 7, MESSAGE);
    expect(await macMatches(KEY, 'request', NONCE, 7, MESSAGE, good)).toBe(true);
    expect(await macMatches(KEY, 'reply', NONCE, 7, MESSAGE, good)).toBe(false);
    expect(await macMatches(KEY, 'request', randomToken(16), 7, MESSAGE, good)).toBe(false);
    expect(await macMatches(KEY, 'request', NONCE, 8, MESSAGE, good)).toBe(false);
    expect(await macMatches(KEY, 'request', NONCE, 7, { ...MESSAGE, id: 'KTGPRS' }, good)).toBe(false);
    expect(await macMatches(randomToken(32), 'request', NONCE, 7, MESSAGE, good)).toBe(false);
    expect(await macMatches(KEY, 'request', NONCE, 7, MESSAGE, good.slice(0, -1))).toBe(false);
  });
});
