import { afterEach, describe, expect, it, vi } from 'vitest';
import type { FleetCheckState } from '../../../src-shared/api/contract';
import type { OutgoingRecord } from '../../../src-shared/journal-records';
import { FleetCheck } from '../../../src-main/services/fleet/fleet-check';

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
