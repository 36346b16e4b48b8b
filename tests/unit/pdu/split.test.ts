import { describe, expect, it } from 'vitest';
import { chooseEncoding, PduError, splitText, type Encoding } from '../../../src-shared/pdu';

const DIGITS_40 = '0123456789012345678901234567890123456789';
const NIHAO_35 = '你好'.repeat(35);
const GRIN = '😀';

interface SplitCase {
  name: string;
  text: string;
  encoding?: Encoding;
  refBits?: 8 | 16;
  expected: { encoding: Encoding; lengths: number[] };
}

/** Part sizes in UTF-16 code units of each part. */
const CASES: SplitCase[] = [
  { name: 'short ASCII', text: 'Hello', expected: { encoding: 'gsm7', lengths: [5] } },
  { name: 'empty text is one empty part', text: '', expected: { encoding: 'gsm7', lengths: [0] } },
  { name: 'short Chinese', text: '你好', expected: { encoding: 'ucs2', lengths: [2] } },
  { name: '160 GSM characters fit one part', text: DIGITS_40.repeat(4), expected: { encoding: 'gsm7', lengths: [160] } },
  { name: '161 GSM characters: 153 + 8', text: DIGITS_40.repeat(4) + '0', expected: { encoding: 'gsm7', lengths: [153, 8] } },
  { name: '80 extension characters fill 160 septets', text: '{'.repeat(80), expected: { encoding: 'gsm7', lengths: [80] } },
  {
    name: '81 extension characters: an escape pair never straddles parts (152 septets + 5 pairs)',
    text: '{'.repeat(81),
    expected: { encoding: 'gsm7', lengths: [76, 5] },
  },
  {
    name: 'one plain char then extension chars: first part is exactly 153 septets',
    text: 'a' + '€'.repeat(80),
    expected: { encoding: 'gsm7', lengths: [77, 4] },
  },
  {
    name: 'form feed counts as an extension character',
    text: '\f'.repeat(81),
    expected: { encoding: 'gsm7', lengths: [76, 5] },
  },
  { name: '70 Chinese characters fit one part', text: NIHAO_35, expected: { encoding: 'ucs2', lengths: [70] } },
  { name: '71 Chinese characters: 67 + 4', text: NIHAO_35 + '好', expected: { encoding: 'ucs2', lengths: [67, 4] } },
  {
    name: 'a surrogate pair that would straddle parts moves whole to the next part',
    text: '你'.repeat(66) + GRIN + '你'.repeat(10),
    expected: { encoding: 'ucs2', lengths: [66, 12] },
  },
  {
    name: '35 emoji are exactly 70 code units: one part',
    text: GRIN.repeat(35),
    expected: { encoding: 'ucs2', lengths: [70] },
  },
  {
    name: '36 emoji: 33 pairs (66 units) then 3',
    text: GRIN.repeat(36),
    expected: { encoding: 'ucs2', lengths: [66, 6] },
  },
  {
    name: 'one GSM-only character outside the table forces UCS2 for all',
    text: DIGITS_40 + '`',
    expected: { encoding: 'ucs2', lengths: [41] },
  },
  {
    name: '16-bit reference: 152 septets per part',
    text: 'x'.repeat(161),
    refBits: 16,
    expected: { encoding: 'gsm7', lengths: [152, 9] },
  },
  {
    name: '16-bit reference: 66 code units per part',
    text: '好'.repeat(71),
    refBits: 16,
    expected: { encoding: 'ucs2', lengths: [66, 5] },
  },
  { name: 'forced UCS2 for ASCII', text: 'x'.repeat(71), encoding: 'ucs2', expected: { encoding: 'ucs2', lengths: [67, 4] } },
  {
    name: '8-bit: 140 octets alone',
    text: '\u00ff'.repeat(140),
    encoding: '8bit',
    expected: { encoding: '8bit', lengths: [140] },
  },
  {
    name: '8-bit: 134 octets per part',
    text: 'a'.repeat(141),
    encoding: '8bit',
    expected: { encoding: '8bit', lengths: [134, 7] },
  },
];

describe('splitText', () => {
  it.each(CASES)('$name', ({ text, encoding, refBits, expected }) => {
    const result = splitText(text, encoding, refBits);
    expect({ encoding: result.encoding, lengths: result.parts.map((p) => p.length) }).toEqual(expected);
    expect(result.parts.join('')).toBe(text);
  });

  it('splits exactly where ModemManager does', () => {
    expect(splitText(DIGITS_40.repeat(4) + '0').parts).toEqual([
      DIGITS_40.repeat(3) + '012345678901234567890123456789012',
      '34567890',
    ]);
    expect(splitText(NIHAO_35 + '好').parts).toEqual([NIHAO_35.slice(0, 67), '好你好好']);
  });

  it('rejects text that needs more than 255 parts', () => {
    expect(() => splitText('x'.repeat(153 * 255 + 1))).toThrow(
      expect.objectContaining({ code: 'pdu.unencodable', field: 'text' }),
    );
    expect(splitText('x'.repeat(153 * 255)).parts).toHaveLength(255);
  });

  it('reports the first character the forced encoding cannot hold', () => {
    expect(() => splitText('YE余额', 'gsm7')).toThrow(PduError);
    expect(() => splitText('YE余额', 'gsm7')).toThrow(expect.objectContaining({ offset: 2 }));
  });
});

describe('chooseEncoding', () => {
  it.each<[string, Encoding]>([
    ['KTGPRS', 'gsm7'],
    ['@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./:;<=>?¡ÄÖÑÜ§¿äöñüà', 'gsm7'],
    ['^{}\\[~]|€\f', 'gsm7'],
    ['ç', 'ucs2'],
    ['查询余额', 'ucs2'],
    ['`', 'ucs2'],
  ])('%j → %s', (text, encoding) => {
    expect(chooseEncoding(text)).toBe(encoding);
  });
});
