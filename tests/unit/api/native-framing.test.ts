import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeNativeFrame, NativeFrameDecoder, UNPARSABLE } from '../../../src-shared/api/native-framing';
import { isHallError } from '../../../src-shared/errors';

describe('Chrome native-messaging frames', () => {
  it('writes the length as 32-bit little-endian before the UTF-8 JSON', () => {
    expect([...encodeNativeFrame({ a: '流' })]).toEqual([11, 0, 0, 0, ...new TextEncoder().encode('{"a":"流"}')]);
  });

  it('reads back any messages, whatever the chunking', () => {
    fc.assert(
      fc.property(fc.array(fc.jsonValue(), { maxLength: 5 }), fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 1 }), (messages, cuts) => {
        const bytes = Uint8Array.from(messages.flatMap((m) => [...encodeNativeFrame(m)]));
        const decoder = new NativeFrameDecoder(1 << 20);
        const out: unknown[] = [];
        for (let at = 0, i = 0; at < bytes.length; i++) {
          const n = cuts[i % cuts.length]!;
          out.push(...decoder.push(bytes.subarray(at, at + n)));
          at += n;
        }
        expect(out).toEqual(messages.map((m) => JSON.parse(JSON.stringify(m))));
      }),
    );
  });

  it('marks a frame that is not JSON (or not UTF-8) and goes on with the next', () => {
    const decoder = new NativeFrameDecoder(100);
    const bad = Uint8Array.from([2, 0, 0, 0, 0xff, 0xfe]);
    expect(decoder.push(Uint8Array.from([...bad, ...encodeNativeFrame(1)]))).toEqual([UNPARSABLE, 1]);
  });

  it('refuses a length over the limit before buffering its body', () => {
    const decoder = new NativeFrameDecoder(100);
    let error: unknown;
    try {
      decoder.push(Uint8Array.from([101, 0, 0, 0]));
    } catch (e) {
      error = e;
    }
    expect(isHallError(error) && error.code).toBe('extension.frame-too-large');
  });
});
