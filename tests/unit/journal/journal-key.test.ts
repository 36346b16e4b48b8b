import { describe, expect, it } from 'vitest';
import { incomingKey, type IncomingKeyFields } from '../../../src-shared/journal-key';

const ts = '2026-11-25T09:30:15+08:00';
// crc32("YE") as 8 hex digits (zlib agrees): the text's part of every key below.
const ye = 'YE';
const YE = '2c1641fd';

describe('incomingKey', () => {
  it.each<[IncomingKeyFields, string]>([
    [{ from: '10086', timestamp: ts, text: ye }, `10086|${ts}|-|-|-|${YE}`],
    [{ from: '10086', timestamp: ts, ref: null, total: null, part: null, text: ye }, `10086|${ts}|-|-|-|${YE}`],
    // A long message's part names no checksum of its text (review18): its acknowledged parts are kept a week.
    [{ from: '10086', timestamp: ts, ref: 42, total: 3, part: 2, text: ye }, `10086|${ts}|42|3|2|*`],
    [{ from: '+8613800138000', timestamp: ts, ref: 0, total: 2, part: 1, text: ye }, `+8613800138000|${ts}|0|2|1|*`],
    [{ from: 'A|B', timestamp: ts, text: ye }, `A%7CB|${ts}|-|-|-|${YE}`],
    [{ from: '100%', timestamp: ts, text: ye }, `100%25|${ts}|-|-|-|${YE}`],
  ])('%j → %s', (fields, key) => {
    expect(incomingKey(fields)).toBe(key);
  });

  it('keeps fields apart even when a sender contains the separator or the escape', () => {
    const keys = [
      incomingKey({ from: 'A|B', timestamp: 'C', text: '' }),
      incomingKey({ from: 'A', timestamp: 'B|C', text: '' }),
      incomingKey({ from: 'A%7CB', timestamp: 'C', text: '' }),
    ];
    expect(new Set(keys).size).toBe(3);
  });

  it('tells the parts of one long SMS apart', () => {
    const parts = [1, 2, 3].map((part) => incomingKey({ from: '10086', timestamp: ts, ref: 7, total: 3, part, text: '同一段' }));
    expect(new Set(parts).size).toBe(3);
  });

  it('tells apart two different messages from one sender in the same second, and not a re-read', () => {
    const a = incomingKey({ from: '10086', timestamp: ts, text: '您的余额为35.20元' });
    const b = incomingKey({ from: '10086', timestamp: ts, text: '您已成功开通来电显示' });
    expect(a).not.toBe(b);
    expect(incomingKey({ from: '10086', timestamp: ts, text: '您的余额为35.20元' })).toBe(a);
  });
});
