import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SimBoard } from '../../../src-main/services/fleet/sim-board';
import { readBoardFile } from '../../../src-shared/fleet/board-file';
import { parseRemoteSim } from '../../../src-shared/fleet/remote-sim';
import { emptySimState } from '../../../src-shared/fleet/sim-state';
import { loadCorpus } from '../../fixtures/replies/corpus';

/*
 * A SIM's row on the Overview reads its times on the zone its newest reply was stamped in, as that
 * reply's bubble does: the board keeps the stamp's UTC offset beside the figures (zoneMin), keeps it
 * across a restart, and takes it from another host only when it is an offset a clock can have.
 */

const corpus = loadCorpus(resolve(import.meta.dirname, '../../fixtures/replies/real-dev.json'));
const text = (id: string) => corpus.find((e) => e.id === id)!.text;
const T0 = Date.UTC(2026, 11, 6, 3);
const MIN = 60_000;

function feed(board: SimBoard, id: string, receivedAt: number, timestamp: string): void {
  board.onIncoming({ kind: 'in', key: `sim-1|${receivedAt}`, simId: 'sim-1', from: '10086', text: text(id), encoding: 'ucs2', timestamp, receivedAt, concat: null });
}

describe('the zone a SIM’s figures are read on', () => {
  it('is the newest reply’s stamp’s offset; a reply delivered late does not change it; a reply without a stamp has none', () => {
    const board = new SimBoard((t) => t);
    feed(board, 'hf-ll-0717', T0, '2026-12-06T08:30:00+05:30');
    expect(board.get('sim-1')!.zoneMin).toBe(330);
    // Delivered an hour late from a +08:00 centre: older than the newest reply, so the row keeps +05:30.
    feed(board, 'fs-2016-0312', T0 + 5 * MIN, '2026-12-06T10:05:00+08:00');
    expect(board.get('sim-1')!.zoneMin).toBe(330);
    feed(board, 'hf-ll-0717', T0 + 10 * MIN, '2026-12-06T11:10:00+08:00');
    expect(board.get('sim-1')!.zoneMin).toBe(480);
    feed(board, 'hf-ll-0717', T0 + 20 * MIN, '');
    expect(board.get('sim-1')!.zoneMin).toBeNull();
  });

  it('comes back after a restart, and a row whose zone a hand spoiled is left out of the saved file and counted', () => {
    const board = new SimBoard((t) => t);
    const read = readBoardFile({ version: 1, sims: [{ ...emptySimState('a'), zoneMin: -180 }, { ...emptySimState('b'), zoneMin: 'UTC+8' }, { ...emptySimState('c'), zoneMin: 5000 }] })!;
    board.restore(read.sims);
    expect(['a', 'b', 'c'].map((id) => board.get(id)?.zoneMin)).toEqual([-180, undefined, undefined]);
    expect(read.leftOut).toEqual({ sims: 2, readWhole: 0 });
  });

  it('is read from another host when it is an offset, none from a host before the field, and the state refused when it is no offset', () => {
    const state = (extra: object) =>
      JSON.stringify({ ...emptySimState('898600'), host: 'desk2', label: null, ...extra });
    const topic = 'hall10086/desk2/sim/898600/state';
    expect(parseRemoteSim(topic, 'hall10086', state({ zoneMin: 330 }))?.zoneMin).toBe(330);
    const { zoneMin: _, ...before } = { ...emptySimState('898600'), host: 'desk2', label: null };
    expect(parseRemoteSim(topic, 'hall10086', JSON.stringify(before))?.zoneMin).toBeNull();
    expect(parseRemoteSim(topic, 'hall10086', state({ zoneMin: 99999 }))).toBeNull();
  });

  it("takes no time from another host that a Date cannot hold: the Overview's Intl threw on it and the view fell whole (review29)", () => {
    const state = (extra: object) => JSON.stringify({ ...emptySimState('898600'), host: 'desk2', label: null, ...extra });
    const topic = 'hall10086/desk2/sim/898600/state';
    expect(parseRemoteSim(topic, 'hall10086', state({ lastUpdate: Date.UTC(2026, 11, 6) }))?.lastUpdate).toBe(Date.UTC(2026, 11, 6));
    for (const far of [{ lastUpdate: 1e16 }, { lastSuccessAt: -1e16 }, { asOf: { balance: 8.64e15, data: null, minutes: null, points: null } }]) {
      expect(parseRemoteSim(topic, 'hall10086', state(far)), JSON.stringify(far)).toBeNull();
    }
  });
});
