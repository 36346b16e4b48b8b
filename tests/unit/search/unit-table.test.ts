import { describe, expect, it } from 'vitest';
import { hashed, hashUnits, HASH_START, UnitTable, unitsText } from '../../../src-shared/search/unit-table';

/** A string's UTF-16 units (not its code points, which `Array.from` of a string gives). */
const units = (text: string) => Uint16Array.from({ length: text.length }, (_, i) => text.charCodeAt(i));

/** The build finds every catalog text here by its folded units; these hold it to a plain Map of strings. */
describe('UnitTable', () => {
  it('numbers distinct keys in the order added and finds each again, through many rehashes', () => {
    const table = new UnitTable();
    const plain = new Map<string, number>();
    // Keys that share prefixes, differ in one unit, are empty, long, beyond the BMP, or lone surrogates.
    const keys = ['', 'a', 'ab', 'ba', '开通', '開通', '开通流量', '𠀀', '\ud800', 'x'.repeat(5000)];
    for (let k = 0; k < 20_000; k++) keys.push(`开通${k % 97}流量${k}`, `k${k * 7919}`);
    for (const key of keys) {
      const u = units(key);
      const h = hashUnits(u, 0, u.length);
      const found = table.find(u, 0, u.length, h);
      if (plain.has(key)) expect(found).toBe(plain.get(key));
      else {
        expect(found).toBe(-1);
        plain.set(key, table.add(u, 0, u.length, h));
      }
    }
    expect(table.size).toBe(plain.size);
    for (const [key, number] of plain) {
      expect(table.findText(key)).toBe(number);
      expect(table.text(number)).toBe(key);
    }
    for (const stranger of ['c', '开通流量包', 'x'.repeat(4999), '\udc00']) expect(table.findText(stranger)).toBe(-1);
  });

  it('finds a key given as part of a longer buffer, and hashes a unit at a time as at once', () => {
    const table = new UnitTable();
    const text = units('查询流量余额');
    const h = hashUnits(text, 2, 4);
    const n = table.add(text, 2, 4, h);
    expect(table.text(n)).toBe('流量');
    expect(table.findText('流量')).toBe(n);
    expect(table.find(units('我的流量'), 2, 4, h)).toBe(n);
    expect(hashed(hashed(HASH_START, text[2]!), text[3]!)).toBe(h);
    expect(unitsText(units('x'.repeat(9000)), 0, 9000)).toBe('x'.repeat(9000));
  });
});
