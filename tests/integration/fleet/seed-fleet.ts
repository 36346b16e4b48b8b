import { createRng } from '../../../src-main/emulator/rng';
import { DEFAULT_SUBSCRIBER, Subscriber10086 } from '../../../src-main/emulator/subscriber-10086';
import { withLuhn } from '../../../src-main/emulator/pool';
import type { SimBoard } from '../../../src-main/services/fleet/sim-board';

/**
 * Fills a core's fleet state with `count` SIMs as if each had sent YE, CXYEG and JF: the replies
 * are the emulator's 10086 (each SIM its own seed, so its own account), read by the same board
 * code as live replies. Returns the SIM ids.
 */
export function seedFleet(board: SimBoard, count: number, at = Date.now()): string[] {
  const ids: string[] = [];
  for (let n = 0; n < count; n++) {
    const simId = withLuhn(`8986001234567${String(n + 1).padStart(6, '0')}`);
    const account = new Subscriber10086(createRng((10086 + n) ^ 0x10086), 10086 + n, DEFAULT_SUBSCRIBER);
    let k = 0;
    for (const instruction of ['YE', 'CXYEG', 'JF']) {
      for (const text of account.answer(instruction, new Date(at))) {
        const receivedAt = at + k++;
        board.onIncoming({ kind: 'in', key: `${simId}|${receivedAt}`, simId, from: '10086', text, encoding: 'ucs2', timestamp: new Date(receivedAt).toISOString(), receivedAt, concat: null });
      }
    }
    ids.push(simId);
  }
  return ids;
}
