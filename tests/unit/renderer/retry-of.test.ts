import { describe, expect, it } from 'vitest';
import { retryOf } from '../../../src-renderer/core/use-sender';

// Retry is judged by the composer's rule: the instruction its text is (or whose secrets it carries) and that entry's risk.
describe('retryOf', () => {
  it('finds the instruction a sent text is, so its confirmation applies again', () => {
    const r = retryOf('c1', 'QXCL', true);
    expect([r.retry, r.shown, r.unsure, r.carries?.id, r.carries?.risk.confirm]).toEqual(['c1', 'QXCL', true, 'QXCL', true]);
  });
  it('a look-up the composer sends without asking stays one step', () => {
    expect(retryOf('c2', 'YE', false).carries?.risk.confirm).toBeFalsy();
  });
  it('free text that is no instruction carries none, and shows masked what the catalog masks', () => {
    expect(retryOf('c3', '你好', false).carries).toBeUndefined();
    const secret = retryOf('c4', 'MMXG#123456#654321', true);
    expect(secret.shown).not.toContain('123456');
    expect(secret.carries?.risk.confirm).toBe(true);
  });
});
