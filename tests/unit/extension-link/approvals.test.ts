import { describe, expect, it, vi } from 'vitest';
import { Approvals } from '../../../src-main/services/extension-link';
import { PENDING_LIMITS } from '../../../src-main/services/extension-link/approvals';
import { isHallError } from '../../../src-shared/errors';

const pair = { kind: 'pair' as const, extensionId: 'a'.repeat(32), code: '123456' };
const send = { kind: 'send' as const, extensionId: 'a'.repeat(32), to: '10086', text: 'TJ', reason: { zh: '退订', en: 'Unsubscribe' } };
/** Two sessions (native-host connections), say one per browser profile. */
const [sessionA, sessionB] = [{}, {}];

describe('Approvals', () => {
  it('lists a question until it is answered and reports every change', async () => {
    const approvals = new Approvals(60_000, () => 1000);
    const changes: number[] = [];
    approvals.on('changed', (list) => changes.push(list.length));
    const answer = approvals.ask(pair, sessionA);
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
      const answer = approvals.ask(pair, sessionA);
      vi.advanceTimersByTime(5000);
      expect(await answer).toBe('expired');
    } finally {
      vi.useRealTimers();
    }
  });

  it('refuses a second answer to the same question', async () => {
    const approvals = new Approvals();
    const answer = approvals.ask(pair, sessionA);
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

  it('withdraws the questions of a session that disconnected, and only its own, even for the same extension', async () => {
    const approvals = new Approvals();
    const mine = approvals.ask(pair, sessionA);
    const sameExtension = approvals.ask({ ...pair, code: '654321' }, sessionB);
    approvals.withdraw(sessionA);
    expect(await mine).toBe('expired');
    expect(approvals.list().map((a) => a.code)).toEqual(['654321']);
    approvals.decide(approvals.list()[0]!.id, true);
    expect(await sameExtension).toBe('approved');
  });

  it('keeps one pairing prompt per session and a few in all, refusing the rest at once without showing them', () => {
    const approvals = new Approvals();
    void approvals.ask(pair, sessionA);
    expect(() => approvals.ask(pair, sessionA)).toThrow(expect.objectContaining({ code: 'approval.too-many' }));
    const sessions = Array.from({ length: PENDING_LIMITS.pair.total - 1 }, () => ({}));
    for (const session of sessions) void approvals.ask(pair, session);
    expect(approvals.list()).toHaveLength(PENDING_LIMITS.pair.total);
    let error: unknown;
    try {
      void approvals.ask(pair, sessionB);
    } catch (e) {
      error = e;
    }
    expect(isHallError(error) && [error.code, error.zh, error.en]).toEqual([
      'approval.too-many',
      '已有配对请求在等待桌面应用确认，请先在应用中处理它。',
      'A pairing request is already waiting in the desktop app; answer it there first.',
    ]);
    expect(approvals.list()).toHaveLength(PENDING_LIMITS.pair.total);
  });

  it('caps a session’s waiting sends apart from its pairing, and frees a place once one is answered', async () => {
    const approvals = new Approvals();
    const first = approvals.ask(send, sessionA);
    for (let i = 1; i < PENDING_LIMITS.send.perAsker; i++) void approvals.ask(send, sessionA);
    expect(() => approvals.ask(send, sessionA)).toThrow(expect.objectContaining({ code: 'approval.too-many' }));
    void approvals.ask(send, sessionB);
    approvals.decide(approvals.list()[0]!.id, false);
    expect(await first).toBe('declined');
    expect(() => approvals.ask(send, sessionA)).not.toThrow();
  });
});
