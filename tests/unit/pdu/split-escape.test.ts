import { describe, expect, it } from 'vitest';
import { assembleRecords } from '../../../src-shared/assemble';
import type { IncomingRecord } from '../../../src-shared/journal-records';
import { decodePdu, reassemble, type DeliverPart } from '../../../src-shared/pdu';
import { joinSlots, MISSING_PART, Reassembler } from '../../../src-renderer/store/reassembly';
import { splitPairParts, ucs2EscapeEndParts } from '../../fixtures/split-escape-pdus';

/*
 * review46 C2: a sender's segmenter may end a part with the escape of an extension pair and begin the next with its
 * septet (ours never does, split.ts). Each part was decoded alone, the lone escape dropped, and the texts joined, so the
 * second septet read from the default table: `{` as `(`, `€` as `e`. TS 23.038 reads the septets joined.
 */
const A = 0x41;
const ESC = 0x1b;
/** Each extension character of TS 23.038's table with its septet. */
const PAIRS: [string, number][] = [['€', 0x65], ['[', 0x3c], [']', 0x3e], ['{', 0x28], ['}', 0x29], ['~', 0x3d], ['\\', 0x2f], ['|', 0x40], ['^', 0x14], ['\f', 0x0a]];

const records = (hexes: readonly string[]): IncomingRecord[] =>
  hexes.map((hex, i) => {
    const p = decodePdu(hex) as DeliverPart;
    return { kind: 'in', key: `10086|${p.timestamp}|7|2|${i + 1}`, simId: 'sim-a', from: p.number, text: p.text, encoding: p.encoding, timestamp: p.timestamp, receivedAt: 1_000 + i, concat: p.concat };
  });

describe('an escape pair split across two parts of a GSM 7-bit message', () => {
  it.each(PAIRS)('%s reads as itself, joined by the codec, the journal’s assembly and the page’s, in either order', (ch, septet) => {
    const hexes = splitPairParts([A, ESC], [septet, A]);
    const parts = hexes.map((hex) => decodePdu(hex) as DeliverPart);
    for (const order of [parts, parts.toReversed()]) expect(reassemble(order).map((m) => m.text), 'reassemble').toEqual([`A${ch}A`]);
    for (const order of [records(hexes), records(hexes).toReversed()]) {
      expect(assembleRecords(order).map((m) => m.text), 'assembleRecords').toEqual([`A${ch}A`]);
      const page = new Reassembler([]);
      for (const r of order) page.place(r);
      expect(page.changedGenerations().map((g) => joinSlots(g.slots)), 'the page').toEqual([`A${ch}A`]);
    }
  });

  it('a first part alone, or with its second missing, shows no escape: the pair has no character yet', () => {
    const [first] = records(splitPairParts([A, ESC], [0x28, A]));
    expect(assembleRecords([first!]).map((m) => m.text)).toEqual(['A']);
    const page = new Reassembler([]);
    page.place(first!);
    expect(page.changedGenerations().map((g) => joinSlots(g.slots))).toEqual(['A']);
    expect(joinSlots([first!, null, { text: 'B' }])).toBe(`A${MISSING_PART}B`);
  });

  it('an escape ending the last part, or a single SMS, has no character; a pair inside a part reads as before', () => {
    const [, last] = records(splitPairParts([A, ESC, 0x28], [A, ESC]));
    expect(last!.text).toBe('A');
    const [first] = records(splitPairParts([A, ESC, 0x28], [A]));
    expect(first!.text).toBe('A{');
  });
});

describe('a UCS-2 part ending in the unit 001B (review50 F3)', () => {
  it('keeps it and the next part’s first character, in the codec’s join, the journal’s and the page’s', () => {
    const hexes = ucs2EscapeEndParts('A\u001b', '(B');
    const parts = hexes.map((hex) => decodePdu(hex) as DeliverPart);
    expect(parts.map((p) => [p.encoding, p.text])).toEqual([['ucs2', 'A\u001b'], ['ucs2', '(B']]);
    expect(reassemble(parts).map((m) => m.text), 'reassemble').toEqual(['A\u001b(B']);
    expect(assembleRecords(records(hexes)).map((m) => m.text), 'assembleRecords').toEqual(['A\u001b(B']);
    const page = new Reassembler([]);
    for (const r of records(hexes)) page.place(r);
    expect(page.changedGenerations().map((g) => joinSlots(g.slots)), 'the page').toEqual(['A\u001b(B']);
  });
});
