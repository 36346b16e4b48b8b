import { afterEach, describe, expect, it, vi } from 'vitest';
import type { FleetCheckState } from '../../../src-shared/api/contract';
import type { IncomingRecord, OutgoingRecord } from '../../../src-shared/journal-records';
import { FleetCheck } from '../../../src-main/services/fleet/fleet-check';
import { SimBoard } from '../../../src-main/services/fleet/sim-board';

const T0 = 1_800_000_000_000;
const out = (simId: string, id: string, state: OutgoingRecord['state']): OutgoingRecord => ({ kind: 'out', id, simId, to: '10086', text: 'YE', state, messageRefs: [], error: null, at: T0 });
const reply = (simId: string, text: string | null = '余额 10 元', receivedAt = T0 + 1) => ({ simId, from: '10086', receivedAt, kind: 'figures' as const, text });

describe('FleetCheck: how far a check of every SIM is', () => {
  afterEach(() => vi.useRealTimers());

  function run(plan: { simId: string; instructions: number }[], waitMs = 1000) {
    const check = new FleetCheck(waitMs);
    const states: FleetCheckState[] = [];
    check.on('state', (s) => states.push(s));
    expect(check.begin(plan, T0)).toBe(true);
    return { check, states, last: () => states.at(-1)! };
  }

  it('counts a SIM done once each instruction left and 10086 answered each; the run ends with the last SIM', () => {
    const { check, last } = run([{ simId: 'A', instructions: 2 }, { simId: 'B', instructions: 1 }]);
    expect(last()).toMatchObject({ running: true, total: 2, done: 0 });
    check.queued('A', 'a1');
    check.queued('A', 'a2');
    check.queued('B', 'b1');
    check.onOutgoing(out('A', 'a1', 'sending'));
    check.onOutgoing(out('A', 'a1', 'sent'));
    check.onMessage(reply('A'));
    expect(last().done).toBe(0); // a2 has not left yet
    check.onOutgoing(out('A', 'a2', 'sent'));
    expect(last().done).toBe(0); // its answer has not come
    check.onMessage(reply('A'));
    expect(last()).toMatchObject({ running: true, done: 1, answered: 1 });
    // A delivery report after 'sent' is the same instruction, not another.
    check.onOutgoing(out('A', 'a2', 'delivered'));
    expect(last().done).toBe(1);
    check.onOutgoing(out('B', 'b1', 'sent'));
    check.onMessage(reply('B'));
    expect(last()).toMatchObject({ running: false, total: 2, done: 2, answered: 2 });
    expect(check.running).toBe(false);
    expect(check.state()).toMatchObject({ running: false, done: 2 });
  });

  it('does not count a reply that may be one counted before (journal21: read again from its slot after a restart)', () => {
    const { check, last } = run([{ simId: 'A', instructions: 2 }]);
    check.queued('A', 'a1');
    check.queued('A', 'a2');
    check.onOutgoing(out('A', 'a1', 'sent'));
    check.onOutgoing(out('A', 'a2', 'sent'));
    check.onMessage(reply('A'));
    check.onMessage({ ...reply('A'), mayRepeat: true });
    expect(last()).toMatchObject({ running: true, done: 0 });
    check.onMessage(reply('A'));
    expect(last()).toMatchObject({ running: false, done: 1, answered: 1 });
  });

  it('does not count the network’s repeat of a reply from before a restart (journal24: a later occurrence of a second seen in an earlier run)', () => {
    // The board of a run that began at T0; the check begins a minute later.
    const board = new SimBoard((t) => t, T0);
    const check = new FleetCheck(1000);
    const states: FleetCheckState[] = [];
    check.on('state', (s) => states.push(s));
    const last = () => states.at(-1)!;
    expect(check.begin([{ simId: 'A', instructions: 1 }], T0 + 60_000)).toBe(true);
    board.on('message', (m) => check.onMessage(m));
    check.queued('A', 'a1');
    check.onOutgoing(out('A', 'a1', 'sent'));
    const stamp = '2026-12-06T09:00:07+08:00';
    const balance = (key: string, receivedAt: number, text = '尊敬的客户，您的话费余额为35.20元。【中国移动】'): IncomingRecord =>
      ({ kind: 'in', key, simId: 'A', from: '10086', text, encoding: 'ucs2', timestamp: stamp, receivedAt, concat: null });
    // Journaled `…#2`: the first occurrence of 10086's second came in an earlier run (its acknowledgement lost, handed over again).
    board.onIncoming(balance(`10086|${stamp}|-|-|-|*#2`, T0 + 70_000));
    board.flush();
    expect(last()).toMatchObject({ running: true, done: 0 });
    // 10086's answer, written now, ends it.
    board.onIncoming(balance(`10086|2026-12-06T09:02:10+08:00|-|-|-|*`, T0 + 71_000, '尊敬的客户，您的话费余额为30.20元。【中国移动】'));
    board.flush();
    expect(last()).toMatchObject({ running: false, done: 1, answered: 1 });
  });

  it('the board says by when a later occurrence of a second was written: the first came then (this run) or before the run began', () => {
    const board = new SimBoard((t) => t, T0);
    const told: { receivedAt: number; writtenBy?: number }[] = [];
    board.on('message', (m) => told.push({ receivedAt: m.receivedAt, ...(m.writtenBy === undefined ? {} : { writtenBy: m.writtenBy }) }));
    const stamp = (s: number) => `2026-12-06T09:00:0${s}+08:00`;
    const sms = (key: string, receivedAt: number): IncomingRecord => ({ kind: 'in', key, simId: 'A', from: '10086', text: `余额 ${receivedAt} 元`, encoding: 'ucs2', timestamp: stamp(7), receivedAt, concat: null });
    board.onIncoming(sms(`10086|${stamp(7)}|-|-|-|*`, T0 + 5_000));
    board.onIncoming(sms(`10086|${stamp(7)}|-|-|-|*#2`, T0 + 9_000));
    board.onIncoming(sms(`10086|${stamp(8)}|-|-|-|*#3`, T0 + 9_500));
    board.flush();
    expect(told).toEqual([{ receivedAt: T0 + 5_000 }, { receivedAt: T0 + 9_000, writtenBy: T0 + 6_000 }, { receivedAt: T0 + 9_500, writtenBy: T0 + 1_000 }]);
  });

  it('takes a final state that came before its id was handed over (a fast modem)', () => {
    const { check, last } = run([{ simId: 'A', instructions: 1 }]);
    check.onOutgoing(out('A', 'a1', 'sent'));
    check.onMessage(reply('A'));
    expect(last().running).toBe(true);
    check.queued('A', 'a1');
    expect(last()).toMatchObject({ running: false, done: 1, answered: 1 });
  });

  it('a failed send, a modem gone, or no answer in time: done, not answered', () => {
    vi.useFakeTimers();
    const { check, last } = run([{ simId: 'A', instructions: 1 }, { simId: 'B', instructions: 1 }, { simId: 'C', instructions: 1 }], 1000);
    check.queued('A', 'a1');
    check.onOutgoing(out('A', 'a1', 'failed'));
    expect(last()).toMatchObject({ done: 1, answered: 0 });
    check.refused('B');
    expect(last()).toMatchObject({ done: 2, answered: 0 });
    check.queued('C', 'c1');
    check.onOutgoing(out('C', 'c1', 'sent'));
    // Someone else's text (withheld) and a reply from before the run answer nothing.
    check.onMessage(reply('C', null));
    check.onMessage(reply('C', '余额 1 元', T0 - 1));
    expect(last().running).toBe(true);
    vi.advanceTimersByTime(999);
    expect(last().running).toBe(true);
    vi.advanceTimersByTime(1);
    expect(last()).toMatchObject({ running: false, total: 3, done: 3, answered: 0 });
  });

  it('runs one at a time', () => {
    const { check } = run([{ simId: 'A', instructions: 1 }]);
    expect(check.begin([{ simId: 'B', instructions: 1 }], T0)).toBe(false);
    check.stop();
    expect(check.begin([{ simId: 'B', instructions: 1 }], T0)).toBe(true);
  });
});
