import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SimBoard } from '../../../src-main/services/fleet/sim-board';
import type { IncomingRecord } from '../../../src-shared/journal-records';
import { decodePdu, encodeDeliverParts, type DeliverPart } from '../../../src-shared/pdu';
import { loadCorpus } from '../../fixtures/replies/corpus';

const corpus = loadCorpus(resolve(import.meta.dirname, '../../fixtures/replies/real-dev.json'));
const text = (id: string) => corpus.find((e) => e.id === id)!.text;
const STAMP = new Date(Date.UTC(2026, 11, 6, 0, 0, 7));

/** The parts of a real reply as the journal hands them on, under reference 77 and one stamp (written for the test). */
function parts(id: string, name: string, at: number): IncomingRecord[] {
  return encodeDeliverParts({ from: '10086', text: text(id), timestamp: STAMP, tzQuarterHours: 32, smsc: '+8613800100500', concatRef: 77 }).map((p, i) => {
    const d = decodePdu(p.hex) as DeliverPart;
    return { kind: 'in', key: `${name}${i + 1}`, simId: 'sim-1', from: '10086', text: d.text, encoding: d.encoding, timestamp: d.timestamp, receivedAt: at + i, concat: { ref: 77, total: d.concat!.total, part: d.concat!.part } };
  });
}

const figuresOf = (board: SimBoard) => {
  const s = board.get('sim-1');
  return [s?.balance ?? null, s?.generalDataLeftMb ?? null, s?.minutesLeft ?? null, s?.dataLeftByPoolMb ?? {}, s?.minutesLeftByPool ?? {}];
};

describe('two long replies under one reference in the same second (real r15-153 and r15-183), review18', () => {
  it('read interleaved, give the board no figures (the joined texts may mix them); read in order, they do', () => {
    const [a1, a2] = parts('r15-153', 'a', 0);
    const [b1, b2] = parts('r15-183', 'b', 10);
    expect([a1, a2, b1, b2].every(Boolean)).toBe(true);
    const interleaved = new SimBoard((t) => t);
    for (const r of [a1!, b1!, b2!, a2!]) interleaved.onIncoming(r);
    const inOrder = new SimBoard((t) => t);
    for (const r of [a1!, a2!, b1!, b2!]) inOrder.onIncoming(r);
    expect(figuresOf(inOrder)).not.toEqual([null, null, null, {}, {}]);
    expect(figuresOf(interleaved)).toEqual([null, null, null, {}, {}]);
  });
});
