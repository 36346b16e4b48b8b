import { describe, expect, it } from 'vitest';
import { validateRequest } from '../../../src-shared/api/validate';
import { hallErrorOf } from './hall-error-of';

const message = { simId: '898600', from: '10086', ref: 42, total: 2, at: 1_764_000_000_000 };

describe('journal.parts at the boundary', () => {
  it('takes up to 200 long messages by sender, reference, size and time', () => {
    expect(validateRequest<'journal.parts'>('journal.parts', { messages: Array(200).fill(message) }).params.messages).toHaveLength(200);
  });

  it.each([
    ['201 messages', { messages: Array(201).fill(message) }],
    ['a single SMS (total 1)', { messages: [{ ...message, total: 1 }] }],
    ['a reference beyond 16 bits', { messages: [{ ...message, ref: 65536 }] }],
    ['a fractional time', { messages: [{ ...message, at: 1.5 }] }],
    ['a field the contract does not know', { messages: [{ ...message, text: 'x' }] }],
  ])('refuses %s with a bilingual bad-request error', async (_, params) => {
    const error = await hallErrorOf(Promise.resolve().then(() => validateRequest('journal.parts', params)));
    expect(error.code).toBe('api.bad-request');
    expect(error.zh).toMatch(/^请求参数不对：/);
    expect(error.en).toMatch(/^Bad request parameters: /);
  });
});
