import { describe, expect, it, vi } from 'vitest';
import { Approvals } from '../../../src-main/services/extension-link';
import { isHallError } from '../../../src-shared/errors';

const pair = { kind: 'pair' as const, extensionId: 'a'.repeat(32), code: '123456' };

describe('Approvals', () => {
  it('lists a question until it is answered and reports every change', async () => {
    const approvals = new Approvals(60_000, () => 1000);
    const changes: number[] = [];
    approvals.on('changed', (list) => changes.push(list.length));
    const answer = approvals.ask(pair);
    const [view] = approvals.list();
    expect(view).toEqual({ ...pair, id: 'a1', createdAt: 1000, expiresAt: 61_000 });
    approvals.decide(view!.id, true);
    expect(await answer).toBe('approved');
    expect(approvals.list()).toEqual([]);
    expect(changes).toEqual([1, 0]);
  });

  it('counts silence as expired, never as a yes', async () => {
    vi.useFakeTimers();
    try {
      const approvals = new Approvals(5000);
      const answer = approvals.ask(pair);
      vi.advanceTimersByTime(5000);
      expect(await answer).toBe('expired');
    } finally {
      vi.useRealTimers();
    }
  });

  it('refuses a second answer to the same question', async () => {
    const approvals = new Approvals();
    const answer = approvals.ask(pair);
    const id = approvals.list()[0]!.id;
    approvals.decide(id, false);
    expect(await answer).toBe('declined');
    let error: unknown;
    try {
      approvals.decide(id, true);
    } catch (e) {
      error = e;
    }
    expect(isHallError(error) && error.code).toBe('approval.unknown');
  });

  it('withdraws the questions of an extension that disconnected', async () => {
    const approvals = new Approvals();
    const mine = approvals.ask(pair);
    const other = approvals.ask({ ...pair, extensionId: 'b'.repeat(32) });
    approvals.withdraw(pair.extensionId);
    expect(await mine).toBe('expired');
    expect(approvals.list().map((a) => a.extensionId)).toEqual(['b'.repeat(32)]);
    approvals.decide(approvals.list()[0]!.id, true);
    expect(await other).toBe('approved');
  });
});
