import { describe, expect, it } from 'vitest';
import { SimBoard } from '../../../src-main/services/fleet/sim-board';
import type { IncomingRecord } from '../../../src-shared/journal-records';

/**
 * journal25: a single SMS the journal names nothing (no `sameTextAs`, no `maybeStoredAs`) but whose key is a later
 * occurrence of its sender's second (`…#2`). After a restart of the core the journal no longer knows the first's text
 * (journal24), nor does it 10 minutes after acknowledging it: the board tells it `mayRepeat` when it cannot tell (the
 * first came before this run) or when it saw the first on this SIM with the very text; a different text of that second
 * it saw is another message. Its figures are read all the same (the same values if it is the repeat).
 */
const T0 = Date.UTC(2026, 11, 6, 1, 0, 0);
const stamp = (s: number) => `2026-12-06T09:00:${String(s).padStart(2, '0')}+08:00`;
const sms = (simId: string, key: string, text: string, receivedAt: number): IncomingRecord => ({ kind: 'in', key, simId, from: '10086', text, encoding: 'ucs2', timestamp: stamp(Number(key.split('|')[1]!.slice(17, 19))), receivedAt, concat: null });
const BALANCE = '尊敬的客户，您的话费余额为35.20元。【中国移动】';
const OTHER = '尊敬的客户，您本月已用流量1.20GB。【中国移动】';

describe('the board on a later occurrence of a second the journal names nothing', () => {
  it('says mayRepeat for the very text on the same SIM, or when the first came before this run; not for another text or SIM', () => {
    const board = new SimBoard((t) => t, T0);
    const told: [string, string | null, boolean][] = [];
    board.on('message', (m) => told.push([m.simId, m.text, m.mayRepeat ?? false]));
    const key = (second: number, n = 1) => `10086|${stamp(second)}|-|-|-|*${n > 1 ? `#${n}` : ''}`;
    board.onIncoming(sms('A', key(7), BALANCE, T0 + 5_000));
    // 20 minutes on: the journal no longer holds the first's text and names nothing.
    board.onIncoming(sms('A', key(7, 2), BALANCE, T0 + 1_205_000));
    board.onIncoming(sms('A', key(7, 3), OTHER, T0 + 1_206_000));
    board.onIncoming(sms('B', key(7, 4), BALANCE, T0 + 1_207_000));
    // A second whose first occurrence came in an earlier run: nothing here knows its text.
    board.onIncoming(sms('A', key(9, 2), BALANCE.replace('35.20', '30.20'), T0 + 1_208_000));
    board.flush();
    expect(told).toEqual([
      ['A', BALANCE, false],
      ['A', BALANCE, true],
      ['A', OTHER, false],
      ['B', BALANCE, false],
      ['A', BALANCE.replace('35.20', '30.20'), true],
    ]);
  });

  it('reads the figures of one whose first came before this run: if it is another reply of that second, they are its own', () => {
    const board = new SimBoard((t) => t, T0 + 60_000);
    board.onIncoming(sms('A', `10086|${stamp(9)}|-|-|-|*#2`, BALANCE, T0 + 70_000));
    board.flush();
    expect(board.get('A')!.balance).toBe(35.2);
  });
});
