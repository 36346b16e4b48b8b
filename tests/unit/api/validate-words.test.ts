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
});
