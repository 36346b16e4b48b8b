import { resolve } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SimBoard, type SimMessage, type SimState } from '../../../src-main/services/fleet/sim-board';
import type { IncomingRecord } from '../../../src-shared/journal-records';
import { loadCorpus } from '../../fixtures/replies/corpus';

// Real replies (tests/fixtures/replies/real-dev.json, each with its public source), taken in turn.
const corpus = loadCorpus(resolve(import.meta.dirname, '../../fixtures/replies/real-dev.json'));
const T0 = Date.UTC(2025, 5, 1, 2);

function burst(count: number, simIds = ['sim-1']): IncomingRecord[] {
  return Array.from({ length: count }, (_, i) => {
    const at = T0 + i * 1000;
    const simId = simIds[i % simIds.length]!;
    return { kind: 'in', key: `${simId}|${at}`, simId, from: '10086', text: corpus[i % corpus.length]!.text, encoding: 'ucs2', timestamp: new Date(at).toISOString(), receivedAt: at, concat: null };
  });
}

const turns = async (n = 1) => {
  for (let i = 0; i < n; i++) await new Promise((r) => setImmediate(r));
};

async function untilRead(board: SimBoard, told: SimMessage[], count: number): Promise<void> {
  for (let i = 0; i < 10_000 && told.length < count; i++) await turns();
}

describe('the board reads a burst after the turn that brought it, every message once, in order', () => {
  it('tells nothing during the core event, then every message once in the order given', async () => {
    const board = new SimBoard((t) => t);
    const told: SimMessage[] = [];
    board.on('message', (m) => told.push(m));
    const records = burst(600, ['sim-1', 'sim-2']);
    for (const r of records) board.onIncoming(r);
    expect(told).toEqual([]);
    await untilRead(board, told, records.length);
    await turns(3);
    expect(told.map((m) => `${m.simId}|${m.receivedAt}`)).toEqual(records.map((r) => r.key));
  });

  it('a read of the board right after the event already holds every reply given (nothing pending is left out)', () => {
    const board = new SimBoard((t) => t);
    const reference = new SimBoard((t) => t);
    const records = burst(120);
    for (const r of records) board.onIncoming(r);
    for (const r of records) reference.onIncoming(r);
    reference.flush();
    const state = board.get('sim-1')!;
    expect(state.lastUpdate).not.toBeNull();
    expect(state).toEqual(reference.get('sim-1'));
  });

  it('a listener that reads the board while a slice is read makes no message read twice nor out of order', async () => {
    const board = new SimBoard((t) => t);
    const told: SimMessage[] = [];
    board.on('message', (m) => {
      told.push(m);
      board.get(m.simId);
    });
    const records = burst(300);
    for (const r of records) board.onIncoming(r);
    await untilRead(board, told, records.length);
    await turns(3);
    expect(told.map((m) => m.receivedAt)).toEqual(records.map((r) => r.receivedAt));
  });

  it("tells each SIM's state once per slice, the last one told equal to the board's", async () => {
    const board = new SimBoard((t) => t);
    const states: SimState[] = [];
    const told: SimMessage[] = [];
    board.on('sim', (s) => states.push(s));
    board.on('message', (m) => told.push(m));
    const records = burst(2000);
    for (const r of records) board.onIncoming(r);
    await untilRead(board, told, records.length);
    await turns(3);
    expect(told.filter((m) => m.kind === 'figures').length).toBeGreaterThan(states.length);
    expect(states.at(-1)).toEqual(board.get('sim-1'));
  });

  it('an outgoing state change comes after the replies given before it', () => {
    const board = new SimBoard((t) => t);
    const told: SimMessage[] = [];
    board.on('message', (m) => told.push(m));
    const records = burst(10);
    for (const r of records) board.onIncoming(r);
    board.onOutgoing({ kind: 'out', id: 'c1', simId: 'sim-1', to: '10086', text: 'YE', state: 'failed', messageRefs: [], error: 'modem.timeout', at: T0 + 60_000 });
    expect(told).toHaveLength(records.length);
    expect(board.get('sim-1')!.sendFailures).toBe(1);
  });

  describe('while a store acknowledges a burst (perf27)', () => {
    afterEach(() => {
      vi.useRealTimers();
    });

    /** The first slice read; at its end a store acknowledges. What was told then, and after two more turns. */
    async function firstSliceThenAck(board: SimBoard, told: SimMessage[], ...more: boolean[]): Promise<{ atAck: number; twoTurnsLater: number }> {
      return new Promise((resolve) => {
        const off = board.on('sim', () => {
          off();
          for (const m of more.length ? more : [true]) board.giveWayToStores(m);
          const atAck = told.length;
          // Queued before the board's next slice would be (it is scheduled after this listener), and the second one after it.
          setImmediate(() => setImmediate(() => resolve({ atAck, twoTurnsLater: told.length })));
        });
      });
    }

    /** A board given 1,500 replies at once, with only the timers' setTimeout faked (the slices' setImmediate real). */
    function givenBurst(): { board: SimBoard; told: SimMessage[]; records: IncomingRecord[] } {
      vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
      const board = new SimBoard((t) => t);
      const told: SimMessage[] = [];
      board.on('message', (m) => told.push(m));
      const records = burst(1500);
      for (const r of records) board.onIncoming(r);
      return { board, told, records };
    }

    it('the next slice waits for its pause instead of running back to back, and every reply is still read once, in order', async () => {
      const { board, told, records } = givenBurst();
      const { atAck, twoTurnsLater } = await firstSliceThenAck(board, told);
      expect(atAck).toBeGreaterThan(0);
      expect(atAck).toBeLessThan(records.length);
      expect(twoTurnsLater).toBe(atAck);
      vi.advanceTimersByTime(50);
      expect(told.length).toBeGreaterThan(atAck);
      for (let i = 0; i < 10_000 && told.length < records.length; i++) {
        vi.advanceTimersByTime(50);
        await turns();
      }
      expect(told.map((m) => `${m.simId}|${m.receivedAt}`)).toEqual(records.map((r) => r.key));
    });

    it('a read of the board meanwhile reads every reply waiting, and the paused slice reads none again', async () => {
      const { board, told, records } = givenBurst();
      const { atAck } = await firstSliceThenAck(board, told);
      expect(atAck).toBeLessThan(records.length);
      board.get('sim-1');
      expect(told).toHaveLength(records.length);
      vi.advanceTimersByTime(1000);
      await turns(3);
      expect(told.map((m) => `${m.simId}|${m.receivedAt}`)).toEqual(records.map((r) => r.key));
    });

    it('once the last record is acknowledged, the reading goes back to back again', async () => {
      const { board, told, records } = givenBurst();
      const { atAck, twoTurnsLater } = await firstSliceThenAck(board, told, true, false);
      expect(atAck).toBeLessThan(records.length);
      expect(twoTurnsLater).toBeGreaterThan(atAck);
    });
  });
});
