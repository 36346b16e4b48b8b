import { describe, expect, it } from 'vitest';
import { incomingKey, type IncomingKeyFields } from '../../../src-shared/journal-key';

const ts = '2026-11-25T09:30:15+08:00';

describe('incomingKey', () => {
  it.each<[IncomingKeyFields, string]>([
    [{ from: '10086', timestamp: ts }, `10086|${ts}|-|-|-`],
    [{ from: '10086', timestamp: ts, ref: null, total: null, part: null }, `10086|${ts}|-|-|-`],
    [{ from: '10086', timestamp: ts, ref: 42, total: 3, part: 2 }, `10086|${ts}|42|3|2`],
    [{ from: '+8613800138000', timestamp: ts, ref: 0, total: 2, part: 1 }, `+8613800138000|${ts}|0|2|1`],
    [{ from: 'A|B', timestamp: ts }, `A%7CB|${ts}|-|-|-`],
    [{ from: '100%', timestamp: ts }, `100%25|${ts}|-|-|-`],
  ])('%j → %s', (fields, key) => {
    expect(incomingKey(fields)).toBe(key);
  });

  it('keeps fields apart even when a sender contains the separator or the escape', () => {
    const keys = [
      incomingKey({ from: 'A|B', timestamp: 'C' }),
      incomingKey({ from: 'A', timestamp: 'B|C' }),
      incomingKey({ from: 'A%7CB', timestamp: 'C' }),
    ];
    expect(new Set(keys).size).toBe(3);
  });

  it('tells the parts of one long SMS apart', () => {
    const parts = [1, 2, 3].map((part) => incomingKey({ from: '10086', timestamp: ts, ref: 7, total: 3, part }));
    expect(new Set(parts).size).toBe(3);
  });
});
