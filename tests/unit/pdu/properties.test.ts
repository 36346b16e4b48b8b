import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  chooseEncoding,
  decodePdu,
  encodeDeliverParts,
  encodeSubmit,
  reassemble,
  type DecodedPart,
  type DeliverPart,
  type Encoding,
} from '../../../src-shared/pdu';

/** Fixed seeds: a failure reproduces exactly, and a green run stays green. */
const SEED = 0x10086;

const fromChars = (chars: string) => fc.constantFrom(...Array.from(chars));
const ascii = fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c));
const gsmExtension = fromChars('^{}\\[~]|€\f');
const gsmNational = fromChars('@£$¥èéùìòÇØøÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ¤¡ÄÖÑÜ§¿äöñüà\n\r');
const cjk = fc.integer({ min: 0x4e00, max: 0x9fff }).map((c) => String.fromCharCode(c));
const astral = fc.integer({ min: 0x1f300, max: 0x1faff }).map((c) => String.fromCodePoint(c));

const textFrom = (...units: fc.Arbitrary<string>[]) =>
  fc.array(fc.oneof(...units), { maxLength: 420, size: 'max' }).map((chars) => chars.join(''));

/** Mostly-GSM texts (so GSM 7-bit multipart is exercised), mostly-CJK texts, and free mixes. */
const anyText = fc.oneof(
  textFrom(ascii, gsmExtension, gsmNational),
  textFrom(cjk, ascii),
  textFrom(cjk, astral, ascii, gsmExtension),
  textFrom(astral),
);

const HIGH_SURROGATE = /[\uD800-\uDBFF]$/;
const EXTENSION = new Set(Array.from('^{}\\[~]|€\f'));

/** Cost of a text in its encoding's units: septets, or UTF-16 code units. */
function units(text: string, encoding: Encoding): number {
  if (encoding !== 'gsm7') return text.length;
  let n = 0;
  for (const ch of text) n += EXTENSION.has(ch) ? 2 : 1;
  return n;
}

/** Units of the first character (escape pair / surrogate pair kept whole). */
function firstUnits(text: string, encoding: Encoding): number {
  const first = String.fromCodePoint(text.codePointAt(0)!);
  return units(encoding === 'gsm7' ? text[0]! : first, encoding);
}

function asDeliver(part: DecodedPart): DeliverPart {
  if (part.type !== 'deliver') throw new Error(`expected deliver, got ${part.type}`);
  return part;
}

describe('PDU round trips (fast-check)', () => {
  it('encodeSubmit → decodePdu keeps the text, within limits, in the fewest parts', () => {
    fc.assert(
      fc.property(anyText, fc.boolean(), (text, refIs16) => {
        const refBits = refIs16 ? 16 : 8;
        const pdus = encodeSubmit({ to: '+8613800138000', text, concatRef: 77, refBits });
        const decoded = pdus.map((p) => decodePdu(p.hex));
        const encoding = chooseEncoding(text);
        const single = encoding === 'gsm7' ? 160 : 70;
        const multi = encoding === 'gsm7' ? (refIs16 ? 152 : 153) : refIs16 ? 66 : 67;

        expect(decoded.map((d) => (d.type === 'submit' ? d.text : '')).join('')).toBe(text);
        for (const [i, d] of decoded.entries()) {
          if (d.type !== 'submit') throw new Error('expected submit');
          expect(d.encoding).toBe(encoding);
          expect(d.number).toBe('+8613800138000');
          expect(d.concat).toEqual(pdus.length > 1 ? { ref: 77, part: i + 1, total: pdus.length, refBits } : null);
          expect(units(d.text, encoding)).toBeLessThanOrEqual(pdus.length > 1 ? multi : single);
          expect(d.text).not.toMatch(HIGH_SURROGATE);
          expect(pdus[i]!.tpduLength).toBe(pdus[i]!.hex.length / 2 - 1);
        }
        // Fewest parts: one part whenever the text fits, and otherwise every part but the last is
        // full (its next character would not fit), which is optimal for an order-preserving split.
        expect(pdus.length === 1).toBe(units(text, encoding) <= single);
        for (let i = 0; i + 1 < decoded.length; i++) {
          const here = asSubmitText(decoded[i]!);
          const next = asSubmitText(decoded[i + 1]!);
          expect(units(here, encoding) + firstUnits(next, encoding)).toBeGreaterThan(multi);
        }
      }),
      { seed: SEED, numRuns: 400 },
    );
  });

  it('encodeDeliverParts → decodePdu → shuffled, duplicated reassemble gives the text back', () => {
    fc.assert(
      fc.property(
        anyText.filter((t) => t.length > 0),
        fc.integer({ min: 0, max: 0xffff }),
        fc.boolean(),
        fc.array(fc.nat(), { minLength: 1, maxLength: 40 }),
        (text, ref, refIs16, order) => {
          const refBits = refIs16 ? 16 : 8;
          const concatRef = refIs16 ? ref : ref & 0xff;
          const pdus = encodeDeliverParts({ from: '10086', text, timestamp: '2026-11-25T09:30:15+08:00', concatRef, refBits });
          const parts = pdus.map((p) => asDeliver(decodePdu(p.hex)));
          // Arrival order and repeats chosen by the generated indexes, then every part at least once.
          const arrivals = [...order.map((k) => parts[k % parts.length]!), ...parts].reverse();
          const messages = reassemble(arrivals);
          expect(messages).toHaveLength(1);
          expect(messages[0]).toMatchObject({ text, complete: true, missing: [], number: '10086' });
          expect(messages[0]!.parts).toHaveLength(parts.length);
        },
      ),
      { seed: SEED, numRuns: 300 },
    );
  });
});

function asSubmitText(part: DecodedPart): string {
  if (part.type !== 'submit') throw new Error('expected submit');
  return part.text;
}
