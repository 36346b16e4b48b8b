import { describe, expect, it } from 'vitest';
import { validateRequest } from '../../../src-shared/api/validate';
import { HallError } from '../../../src-shared/errors';

function refusal(method: string, params: unknown): HallError {
  try {
    validateRequest(method, params);
  } catch (e) {
    return e as HallError;
  }
  throw new Error('accepted');
}

describe('a refused request says why in words', () => {
  it('a text over the limit names the limit and the length, in Chinese and English, without valibot’s wording', () => {
    const e = refusal('send', { modemId: 'm', text: '话'.repeat(800) });
    expect(e.code).toBe('api.bad-request');
    expect(e.zh).toBe('请求参数不对：text 最多 700 个字符，现在有 800 个');
    expect(e.en).toBe('Bad request parameters: text may have at most 700 characters; it has 800');
    expect(`${e.zh} ${e.en}`).not.toMatch(/Invalid length|Expected <=/);
  });

  // Before, valibot's "Expected … but received \"98765x\"" put the PIN or password in the refusal shown on screen.
  it.each([
    ['a PIN of the wrong shape', 'modem.enterPin', { modemId: 'm', pin: '98765x' }, '98765x', 'pin'],
    ['a PIN too long', 'modem.enterPin', { modemId: 'm', pin: '987654321' }, '987654321', 'pin'],
    ['a password given as a number', 'send', { modemId: 'm', id: 'MMXG', params: { oldPassword: 555123, newPassword: '777888' } }, '555123', 'params.oldPassword'],
    ['a broker password of the wrong type', 'mqtt.set', { settings: { url: 'mqtt://127.0.0.1:1883', password: 424242 } }, '424242', 'settings.password'],
  ])('%s is refused naming the field, never repeating the value', (_, method, params, secret, field) => {
    const e = refusal(method, params);
    expect(e.code).toBe('api.bad-request');
    expect(e.en).toContain(field);
    expect(`${e.zh} ${e.en} ${JSON.stringify(e.details)}`).not.toContain(secret);
  });
});
