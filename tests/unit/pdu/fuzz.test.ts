import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bytesToHex,
  decodePdu,
  encodeDeliver,
  encodeDeliverParts,
  encodeStatusReport,
  encodeSubmit,
  hexToBytes,
  PduError,
} from '../../../src-shared/pdu';

/** Valid PDUs of every kind to mutate: the fuzzer then reaches deep fields, not only the header. */
const AT = '2026-11-25T09:30:15+08:00';
const SEEDS: Uint8Array[] = [
  ...encodeSubmit({
    to: '+8613800138000',
    smsc: '+8613800100500',
    text: '查询余额'.repeat(30),
    validityMinutes: 1440,
    concatRef: 3,
  }),
  ...encodeSubmit({ to: '10086', text: 'KTGPRS {100M} €5', statusReport: true }),
  ...encodeDeliverParts({
    from: '10086',
    text: 'Price [promo] ~ok~ '.repeat(12),
    timestamp: '2026-11-25T09:30:15-03:30',
    concatRef: 9,
    refBits: 16,
  }),
  encodeDeliver({ from: 'China Mob', text: '😀你好', timestamp: AT, concat: { ref: 1, part: 1, total: 2, refBits: 8 } }),
  encodeDeliver({ from: '10086', text: 'ab\u00e9\u00ff', encoding: '8bit', timestamp: AT }),
  encodeStatusReport({ recipient: '+8613800138000', messageRef: 42, scTimestamp: AT, dischargeTime: AT, status: 0 }),
].map((p) => hexToBytes(p.hex));

/** Overwrite, delete and insert a few octets; or cut the PDU short. */
const mutated = fc
  .tuple(
    fc.constantFrom(...SEEDS),
    fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 }), fc.constantFrom('set', 'delete', 'insert')), {
      minLength: 1,
      maxLength: 4,
    }),
    fc.option(fc.nat(), { nil: undefined }),
  )
  .map(([seed, edits, cut]) => {
    const bytes = Array.from(seed);
    for (const [at, value, op] of edits) {
      const i = at % (bytes.length + 1);
      if (op === 'set') bytes[i % bytes.length] = value;
      else if (op === 'delete') bytes.splice(i, 1);
      else bytes.splice(i, 0, value);
    }
    return bytesToHex(Uint8Array.from(cut === undefined ? bytes : bytes.slice(0, cut % (bytes.length + 1))));
  });

const randomBytes = fc.uint8Array({ maxLength: 48, size: 'max' }).map(bytesToHex);
/** Mostly hex digits, sometimes anything: odd lengths, spaces, non-ASCII. */
const randomText = fc.string({
  unit: fc.oneof(
    { weight: 9, arbitrary: fc.constantFrom(...Array.from('0123456789ABCDEFabcdef')) },
    { weight: 1, arbitrary: fc.constantFrom(' ', 'G', 'z', '\n', '０', '\u0000', 'ﬀ') },
  ),
  maxLength: 80,
  size: 'max',
});

describe('decodePdu on arbitrary input', () => {
  it('throws nothing but PduError across 100,000 random and mutated inputs', () => {
    let rejected = 0;
    fc.assert(
      fc.property(fc.oneof(mutated, randomBytes, randomText), fc.boolean(), (hex, hasSmsc) => {
        try {
          decodePdu(hex, { hasSmsc });
        } catch (e) {
          if (!(e instanceof PduError)) throw e;
          rejected++;
        }
      }),
      { seed: 0x5a5a, numRuns: 100_000 },
    );
    // Both outcomes occur, so the run is not stuck on trivially invalid input.
    expect(rejected).toBeGreaterThan(10_000);
    expect(rejected).toBeLessThan(100_000);
  });
});
