import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SimBoard } from '../../../src-main/services/fleet/sim-board';
import { readBoardFile } from '../../../src-shared/fleet/board-file';
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
  it('read interleaved or in order, give the board no figures (the joined texts may mix them, journal25); one of them alone does', () => {
    const [a1, a2] = parts('r15-153', 'a', 0);
    const [b1, b2] = parts('r15-183', 'b', 10);
    expect([a1, a2, b1, b2].every(Boolean)).toBe(true);
    const read = (order: IncomingRecord[]) => {
      const board = new SimBoard((t) => t);
      for (const r of order) board.onIncoming(r);
      return figuresOf(board);
    };
    expect(read([a1!, a2!])).not.toEqual([null, null, null, {}, {}]);
    expect(read([a1!, b1!, b2!, a2!])).toEqual([null, null, null, {}, {}]);
    expect(read([a1!, a2!, b1!, b2!])).toEqual([null, null, null, {}, {}]);
  });

  /** A single balance reply the board read before, stamped a minute before the long ones. */
  const earlier: IncomingRecord = { kind: 'in', key: 'ye', simId: 'sim-1', from: '10086', text: '尊敬的客户，您的话费余额为35.20元。【中国移动】', encoding: 'ucs2', timestamp: new Date(STAMP.getTime() - 60_000).toISOString(), receivedAt: STAMP.getTime() - 60_000, concat: null };

  it.each([
    ['A2, B1', (a2: IncomingRecord, b1: IncomingRecord) => [a2, b1]],
    ['B1, A2 (nothing out of order, journal25)', (a2: IncomingRecord, b1: IncomingRecord) => [b1, a2]],
  ])('read A1, B2, then %s: the first mixed message\'s figures, taken when it was whole, are withdrawn when the second shows the clash; what the board tells (MQTT, Prometheus) goes back', (_, rest) => {
    const [a1, a2] = parts('r15-153', 'a', 0);
    const [b1, b2] = parts('r15-183', 'b', 10);
    // Received in the order read (the journal stamps each part as it reads it).
    const [ra1, rb2, third, fourth] = [a1!, b2!, ...rest(a2!, b1!)].map((r, i) => ({ ...r, receivedAt: STAMP.getTime() + i * 1000 }));
    const board = new SimBoard((t) => t);
    const told: (number | null)[] = [];
    board.on('sim', (s) => told.push(s.balance));
    board.onIncoming(earlier);
    board.flush();
    const before = board.get('sim-1')!;
    expect(before.balance).toBe(35.2);
    for (const r of [ra1!, rb2!]) board.onIncoming(r);
    board.flush();
    // A1+B2 is whole and nothing shows it mixed yet: its balance (A's 1.74) is read.
    expect(board.get('sim-1')!.balance).toBe(1.74);
    for (const r of [third!, fourth!]) board.onIncoming(r);
    board.flush();
    const after = board.get('sim-1')!;
    expect([after.balance, after.asOf, after.lastUpdate, after.zoneMin]).toEqual([before.balance, before.asOf, before.lastUpdate, before.zoneMin]);
    expect(figuresOf(board)).toEqual([35.2, null, null, {}, {}]);
    expect(told.at(-1)).toBe(35.2);
  });

  it('a figure a newer reply set after the mixed message stays when that message\'s are withdrawn', () => {
    const [a1, a2] = parts('r15-153', 'a', 0);
    const [b1, b2] = parts('r15-183', 'b', 10);
    const newer: IncomingRecord = { ...earlier, key: 'ye2', text: '尊敬的客户，您的话费余额为30.20元。【中国移动】', timestamp: new Date(STAMP.getTime() + 60_000).toISOString() };
    const board = new SimBoard((t) => t);
    for (const [i, r] of [earlier, a1!, b2!, newer, a2!, b1!].entries()) board.onIncoming({ ...r, receivedAt: STAMP.getTime() + i * 1000 });
    expect(board.get('sim-1')!.balance).toBe(30.2);
  });
});

describe('the late clash across a restart of the core (fleet25): what the board keeps (sim-board.json) and the journal seeds', () => {
  /** A board of a new run: the last run's states and long messages read whole, then the journal's long parts. */
  function restarted(from: SimBoard, journalParts: readonly IncomingRecord[], reads = from.readsKept()): SimBoard {
    const board = new SimBoard((t) => t);
    // As sim-board.json is written and read back at start.
    const kept = readBoardFile(JSON.parse(JSON.stringify({ version: 1, sims: from.list(), readWhole: reads })))!;
    board.restore(kept.sims, kept.readWhole);
    board.seed(journalParts);
    return board;
  }
  /** A single balance reply the board read before, stamped a minute before the long ones (as in the describe above). */
  const earlier: IncomingRecord = { kind: 'in', key: 'ye', simId: 'sim-1', from: '10086', text: '尊敬的客户，您的话费余额为35.20元。【中国移动】', encoding: 'ucs2', timestamp: new Date(STAMP.getTime() - 60_000).toISOString(), receivedAt: STAMP.getTime() - 60_000, concat: null };
  const lateClash = () => {
    const [a1, a2] = parts('r15-153', 'a', 0);
    const [b1, b2] = parts('r15-183', 'b', 10);
    return [a1!, b2!, a2!, b1!].map((r, i) => ({ ...r, receivedAt: STAMP.getTime() + i * 1000 }));
  };

  it('A1, B2 | restart | A2, B1: the board shows what it showed, reads A1+B2 no second time, and withdraws its figures as without a restart', () => {
    const [ra1, rb2, ra2, rb1] = lateClash();
    const first = new SimBoard((t) => t);
    first.onIncoming(earlier);
    first.flush();
    const before = first.get('sim-1')!;
    for (const r of [ra1!, rb2!]) first.onIncoming(r);
    expect(first.get('sim-1')!.balance).toBe(1.74);
    expect(first.readsKept().map((r) => r.keys)).toEqual([['a1', 'b2']]);
    const second = restarted(first, [ra1!, rb2!]);
    const told: string[] = [];
    second.on('message', (m) => told.push(m.text!));
    expect(second.list()).toEqual(first.list());
    for (const r of [ra2!, rb1!]) second.onIncoming(r);
    second.flush();
    const after = second.get('sim-1')!;
    expect([after.balance, after.asOf, after.lastUpdate, after.zoneMin]).toEqual([before.balance, before.asOf, before.lastUpdate, before.zoneMin]);
    // B1+A2 is told (and gives no figures), A1+B2 not again.
    expect(told).toHaveLength(1);
  });

  it('shown mixed in the last run after its figures were kept but before their withdrawal was (a crash between): withdrawn at the start', () => {
    const [ra1, rb2, ra2, rb1] = lateClash();
    const first = new SimBoard((t) => t);
    first.onIncoming(earlier);
    for (const r of [ra1!, rb2!]) first.onIncoming(r);
    first.flush();
    const kept = { states: first.list(), reads: first.readsKept() };
    const board = new SimBoard((t) => t);
    board.restore(kept.states, kept.reads);
    board.seed([ra1!, rb2!, ra2!, rb1!]);
    expect(board.get('sim-1')!.balance).toBe(35.2);
  });

  it('a kept entry a hand spoiled, or of parts the journal no longer has, is left out: the figures stay, nothing throws', () => {
    const [ra1, rb2, ra2, rb1] = lateClash();
    const first = new SimBoard((t) => t);
    for (const r of [ra1!, rb2!]) first.onIncoming(r);
    const [read] = first.readsKept();
    const spoiled = { ...read!, figures: { before: { ...read!.figures.before, asOf: 'yesterday' }, after: read!.figures.after } };
    for (const [reads, seeded] of [[[spoiled], [ra1!, rb2!]], [[read], []]] as const) {
      const board = restarted(first, seeded, reads as never);
      for (const r of [...(seeded.length ? [] : [ra1!, rb2!]), ra2!, rb1!]) board.onIncoming(r);
      expect(board.get('sim-1')!.balance).toBe(1.74);
    }
  });
});
