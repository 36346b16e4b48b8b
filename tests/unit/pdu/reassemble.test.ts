import { describe, expect, it } from 'vitest';
import {
  decodePdu,
  encodeDeliver,
  encodeDeliverParts,
  reassemble,
  type DecodedPart,
  type DeliverPart,
} from '../../../src-shared/pdu';

const T0 = '2026-11-25T09:30:15+08:00';

function asDeliver(part: DecodedPart): DeliverPart {
  if (part.type !== 'deliver') throw new Error('expected an SMS-DELIVER');
  return part;
}

function deliverPart(from: string, text: string, concat: DeliverPart['concat'], timestamp = T0): DeliverPart {
  return asDeliver(decodePdu(encodeDeliver({ from, text, timestamp, concat }).hex));
}

const concat = (ref: number, part: number, total: number) => ({ ref, part, total, refBits: 8 as const });

describe('reassemble', () => {
  it('joins parts that arrive out of order and drops duplicates', () => {
    const [a, b, c] = [
      deliverPart('10086', '尊敬的', concat(9, 1, 3)),
      deliverPart('10086', '客户，', concat(9, 2, 3), '2026-11-25T09:30:16+08:00'),
      deliverPart('10086', '您好', concat(9, 3, 3), '2026-11-25T09:30:17+08:00'),
    ];
    const [message, ...others] = reassemble([c!, a!, c!, b!, a!]);
    expect(others).toEqual([]);
    expect(message).toMatchObject({
      number: '10086',
      text: '尊敬的客户，您好',
      encoding: 'ucs2',
      timestamp: T0,
      complete: true,
      missing: [],
      key: '10086|9/3',
    });
    expect(message!.parts.map((p) => (p.type === 'deliver' ? p.concat?.part : null))).toEqual([1, 2, 3]);
  });

  it('keeps an incomplete set, naming the missing parts', () => {
    const parts = [deliverPart('10086', 'b', concat(1, 2, 4)), deliverPart('10086', 'd', concat(1, 4, 4))];
    expect(reassemble(parts)).toMatchObject([
      { text: 'bd', complete: false, missing: [1, 3], timestamp: T0, key: '10086|1/4' },
    ]);
  });

  it('keys on sender + reference + total, not the reference alone', () => {
    const parts = [
      deliverPart('10086', 'A1', concat(5, 1, 2)),
      deliverPart('+8613800138000', 'B1', concat(5, 1, 2)),
      deliverPart('10086', 'C1', concat(5, 1, 3)),
      deliverPart('10086', 'A2', concat(5, 2, 2)),
      deliverPart('+8613800138000', 'B2', concat(5, 2, 2)),
    ];
    expect(reassemble(parts).map((m) => [m.key, m.text, m.complete])).toEqual([
      ['10086|5/2', 'A1A2', true],
      ['+8613800138000|5/2', 'B1B2', true],
      ['10086|5/3', 'C1', false],
    ]);
  });

  it('starts a new message when a wrapped reference brings a different text for a taken part', () => {
    const parts = [
      deliverPart('10086', 'old-1', concat(200, 1, 2)),
      deliverPart('10086', 'old-2', concat(200, 2, 2)),
      deliverPart('10086', 'new-1', concat(200, 1, 2)),
      deliverPart('10086', 'new-2', concat(200, 2, 2)),
      deliverPart('10086', 'new-2', concat(200, 2, 2)),
    ];
    expect(reassemble(parts).map((m) => [m.key, m.text, m.complete])).toEqual([
      ['10086|200/2', 'old-1old-2', true],
      ['10086|200/2#2', 'new-1new-2', true],
    ]);
  });

  it('passes single-part messages through, dropping exact repeats', () => {
    const yes = deliverPart('10086', '余额 38.60 元', null);
    const later = deliverPart('10086', '余额 38.60 元', null, '2026-11-25T10:00:00+08:00');
    expect(reassemble([yes, yes, later]).map((m) => [m.key, m.complete, m.missing, m.parts.length])).toEqual([
      [`10086|${T0}`, true, [], 1],
      ['10086|2026-11-25T10:00:00+08:00', true, [], 1],
    ]);
  });

  it('rejoins a 16-bit-reference message built by encodeDeliverParts', () => {
    const text = '【中国移动】' + '流量提醒'.repeat(40);
    const pdus = encodeDeliverParts({ from: '10086', text, timestamp: T0, concatRef: 0xbeef, refBits: 16 });
    const parts = pdus.map((p) => decodePdu(p.hex) as DeliverPart).reverse();
    expect(reassemble(parts)).toMatchObject([{ text, complete: true, key: `10086|${0xbeef}/3` }]);
  });

  it('rejoins a surrogate pair that another sender split across two parts', () => {
    const halves = ['你\uD83D', '\uDE00好'].map((text, i) =>
      asDeliver(decodePdu(encodeDeliver({ from: '10086', text, encoding: 'ucs2', timestamp: T0, concat: concat(3, i + 1, 2) }).hex)),
    );
    expect(halves.map((p) => p.text)).toEqual(['你\uD83D', '\uDE00好']);
    expect(reassemble(halves)).toMatchObject([{ text: '你😀好', complete: true }]);
  });

  it('returns nothing for no parts', () => {
    expect(reassemble([])).toEqual([]);
  });
});
