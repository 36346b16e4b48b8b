import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { newestContaining } from '../../../src-renderer/store/log-index';

describe('newestContaining', () => {
  it('keeps the newest matches, newest first', () => {
    const texts = new Map([
      ['a', { at: 1, text: '余额 10' }],
      ['b', { at: 5, text: '流量' }],
      ['c', { at: 3, text: '余额 20' }],
      ['d', { at: 4, text: '余额 30' }],
    ]);
    expect(newestContaining(texts, '余额', 2)).toEqual(['d', 'c']);
    expect(newestContaining(texts, '余额', 10)).toEqual(['d', 'c', 'a']);
    expect(newestContaining(texts, '话费', 10)).toEqual([]);
  });

  it('agrees with filtering and sorting everything', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(50), fc.constantFrom('ab', 'b', 'ca', 'x')), { maxLength: 60 }), fc.integer({ min: 1, max: 10 }), (rows, limit) => {
        const texts = new Map(rows.map(([at, text], i) => [`m${i}`, { at, text }]));
        const expected = [...texts].filter(([, e]) => e.text.includes('a')).sort((x, y) => y[1].at - x[1].at).slice(0, limit).map(([, e]) => e.at);
        expect(newestContaining(texts, 'a', limit).map((id) => texts.get(id)!.at)).toEqual(expected);
      }),
    );
  });
});
