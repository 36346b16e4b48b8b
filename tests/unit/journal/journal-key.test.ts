import { describe, expect, it } from 'vitest';
import { crc32Hex } from '../../../src-shared/crc32';
import { firstOccurrenceOf, incomingKey, occurrenceKey, oldKeyOfText, type IncomingKeyFields } from '../../../src-shared/journal-key';

const ts = '2026-11-25T09:30:15+08:00';
// crc32("YE") as 8 hex digits (zlib agrees): what a single SMS's key ended in before review19.
const ye = 'YE';
const YE = '2c1641fd';

describe('incomingKey', () => {
  it.each<[IncomingKeyFields, string]>([
    [{ from: '10086', timestamp: ts, text: ye }, `10086|${ts}|-|-|-|*`],
    [{ from: '10086', timestamp: ts, ref: null, total: null, part: null, text: ye }, `10086|${ts}|-|-|-|*`],
    // No key names a checksum of its text (review18 for parts, review19 for single SMS): a CRC-32 of a known template names a code in it.
    [{ from: '10086', timestamp: ts, ref: 42, total: 3, part: 2, text: ye }, `10086|${ts}|42|3|2|*`],
    [{ from: '+8613800138000', timestamp: ts, ref: 0, total: 2, part: 1, text: ye }, `+8613800138000|${ts}|0|2|1|*`],
    [{ from: 'A|B', timestamp: ts, text: ye }, `A%7CB|${ts}|-|-|-|*`],
    [{ from: '100%', timestamp: ts, text: ye }, `100%25|${ts}|-|-|-|*`],
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

  // Two messages of one sender's second share it: the journal tells them apart by their texts (`…#2`; journal.test.ts, single-keys-at-rest.test.ts).
  it('names nothing of a single SMS\'s text', () => {
    const a = incomingKey({ from: '10086', timestamp: ts, text: '您的验证码为482913' });
    expect(a).toBe(incomingKey({ from: '10086', timestamp: ts, text: '您的验证码为000000' }));
    expect(a).not.toContain(YE);
    expect(incomingKey({ from: '10086', timestamp: ts, text: ye })).not.toContain(YE);
  });
});

describe('oldKeyOfText (review23: a cleared old key keeps its moved message cleared)', () => {
  const TEXT = '尊敬的客户，您的话费余额为35.20元。【中国移动】';
  const crc = crc32Hex(new TextEncoder().encode(TEXT));
  const NEW = '10086|2026-12-06T08:00:07+08:00|-|-|-|*';
  it.each([
    [`10086|2026-12-06T08:00:07+08:00|-|-|-|${crc}`, NEW, true],
    [`10086|2026-12-06T08:00:07+08:00|-|-|-|${crc}#2`, `${NEW}#2`, true],
    [`10086|2026-12-06T08:00:07+08:00|-|-|-|${crc === '00000000' ? '00000001' : '00000000'}`, NEW, false], // another text's checksum
    [`10086|2026-12-06T08:00:08+08:00|-|-|-|${crc}`, NEW, false], // another second
    [`10010|2026-12-06T08:00:07+08:00|-|-|-|${crc}`, NEW, false], // another sender
    [NEW, `${NEW}#2`, false], // a key of now names no text
  ])('%s for %s: %s', (storedAs, key, very) => {
    expect(oldKeyOfText(storedAs, key, TEXT)).toBe(very);
  });
});

describe('firstOccurrenceOf', () => {
  it('names the first occurrence of a later one, and nothing for a first', () => {
    const base = incomingKey({ from: '10086', timestamp: ts, text: ye });
    expect(firstOccurrenceOf(occurrenceKey(base, 2))).toBe(base);
    expect(firstOccurrenceOf(occurrenceKey(base, 12))).toBe(base);
    expect(firstOccurrenceOf(base)).toBeNull();
    const part = incomingKey({ from: '10086', timestamp: ts, ref: 42, total: 3, part: 2, text: ye });
    expect(firstOccurrenceOf(`${part}#3`)).toBe(part);
    // A '#' in an alphanumeric sender is no occurrence number; neither is `#1`, nor a key moved from a checksum without one.
    const hash = incomingKey({ from: 'CM#2', timestamp: ts, text: ye });
    expect(firstOccurrenceOf(hash)).toBeNull();
    expect(firstOccurrenceOf(`${hash}#2`)).toBe(hash);
    expect(firstOccurrenceOf(`${base}#1`)).toBeNull();
    expect(firstOccurrenceOf(`10086|${ts}|-|-|-|${YE}`)).toBeNull();
  });
});
