import { describe, expect, it } from 'vitest';
import { builtinCatalog } from '../../../src-shared/catalog/builtin';
import { decodePdu, encodeDeliver, hexToBytes, hideUnreadableBytes, keptUnreadableText, PduError, rekeptUnreadableText, type DeliverPart } from '../../../src-shared/pdu';
import { septetsToText, unpackSeptets } from '../../../src-shared/pdu/gsm7';
import { findPythonWithGammu, runGammu, type GammuView } from '../../fixtures/gammu-bridge';
import { badConcatFrom, badTimestampFrom, cutGsm7Text, cutWithHeader, oddUcs2From, ucs2Hex, udhiWithoutHeader, udlPlusOne, unreadableFrom } from '../../integration/unreadable-pdu';

const mask = (text: string) => builtinCatalog().maskSecrets(text);
// Written for these tests in the shape of a reset reply (review30's); no real one the decoder refuses is on record.
const RESET = '尊敬的客户，您的服务密码已重置为975310，请及时修改。';

function refusal(pdu: string) {
  try {
    decodePdu(pdu);
  } catch (e) {
    if (e instanceof PduError) return { code: e.code, field: e.field };
  }
  throw new Error('decoded');
}

describe('a part the decoder refused, as it is kept at rest', () => {
  it('is its text read leniently and masked when that text holds a secret, marked with why it was refused', () => {
    for (const [pdu, why] of [
      [unreadableFrom('10086', 0, RESET), 'pdu.unsupported dcs'],
      [badTimestampFrom('10086', 0, RESET), 'pdu.bad-timestamp scts'],
      [badTimestampFrom('10086', 0, 'Your service password was reset to 975310.'), 'pdu.bad-timestamp scts'],
    ] as const) {
      const kept = keptUnreadableText(pdu, refusal(pdu), mask);
      expect(kept).toMatch(new RegExp(`^\\[PDU ${why}, 格式有误，宽松读出 / read leniently, from 10086, sent [0-9A-F]{14}\\] `));
      expect(kept.slice(kept.indexOf('] ') + 2)).toBe(mask((decodePdu(pdu, { lenient: true }) as DeliverPart).text));
      expect(kept).toContain('******');
      expect(kept).not.toContain('975310');
      expect(kept.toUpperCase()).not.toContain(ucs2Hex('975310'));
    }
  });

  it('tells apart two replies alike once masked by their sender and timestamp octets, kept as they came', () => {
    const first = unreadableFrom('10086', 1, RESET);
    const second = unreadableFrom('10086', 2, RESET.replace('975310', '864202'));
    const [a, b] = [first, second].map((pdu) => keptUnreadableText(pdu, refusal(pdu), mask));
    expect(a!.slice(a!.indexOf('] '))).toBe(b!.slice(b!.indexOf('] ')));
    expect(a).not.toBe(b);
    // The timestamp's octets as they stand in the PDU (2026-12-05 16:01:00 +08:00, swapped BCD).
    expect(a).toContain('sent 62215061100023]');
  });

  it('keeps every byte when the lenient text holds nothing to mask, cannot be read at all, or the mask fails', () => {
    const plain = badTimestampFrom('10086', 0, '尊敬的客户，您好！');
    expect(keptUnreadableText(plain, refusal(plain), mask)).toBe(`[PDU pdu.bad-timestamp] ${plain}`);
    expect(keptUnreadableText('07911326040000F0', { code: 'pdu.truncated', field: 'address' }, mask)).toBe('[PDU pdu.truncated] 07911326040000F0');
    const secret = unreadableFrom('10086', 0, RESET);
    const failing = () => {
      throw new Error('detector failed');
    };
    // A detector that fails cannot say no secret is there: the bytes are kept, their UCS-2 digits hidden.
    expect(keptUnreadableText(secret, refusal(secret), failing)).toBe(`[PDU pdu.unsupported] ${secret.replace(/003([0-9])/g, '****')}`);
  });
});

// The reset reply at 70 characters, the most one UCS-2 part holds, then one more counted in TP-UDL (142 octets).
const RESET_70 = RESET.padEnd(70, '。');

describe('a 10086 reply the strict decode refuses and libgammu reads (review46)', () => {
  const cases = [
    { name: 'one stray octet after the UCS-2 text', pdu: oddUcs2From('10086', 0, RESET), why: 'pdu.bad-length ud' },
    { name: 'a concatenation element of the wrong length', pdu: badConcatFrom('10086', 0, RESET), why: 'pdu.bad-udh udh' },
    { name: 'a UDL of 142 octets, all there', pdu: oddUcs2From('10086', 0, RESET_70, ucs2Hex('0')), why: 'pdu.bad-length udl' },
  ];

  it('is read leniently as python3-gammu DecodePDU reads it', () => {
    const gammu = runGammu(findPythonWithGammu(), { decode: cases.map(({ pdu }) => ({ hex: pdu })), encode: [] }).decoded;
    for (const [i, { name, pdu }] of cases.entries()) {
      expect(() => decodePdu(pdu), name).toThrow(PduError);
      const theirs = gammu[i] as GammuView;
      expect(theirs, name).not.toHaveProperty('error');
      const ours = decodePdu(pdu, { lenient: true }) as DeliverPart;
      expect([ours.number, ours.text, ours.concat], name).toEqual([theirs.number, theirs.text, null]);
    }
  });

  it('is kept as its text masked, marked as read leniently, never as the hex of its password', () => {
    for (const { name, pdu, why } of cases) {
      expect(pdu.toUpperCase(), name).toContain(ucs2Hex('975310'));
      const kept = keptUnreadableText(pdu, refusal(pdu), mask);
      expect(kept, name).toMatch(new RegExp(`^\\[PDU ${why}, 格式有误，宽松读出 / read leniently, from 10086, sent [0-9A-F]{14}\\] 尊敬的客户，您的服务密码已重置为\\*{6}，请及时修改。`));
      expect(kept.toUpperCase(), name).not.toContain(ucs2Hex('975310'));
    }
  });
});

describe('a part that cannot be read even leniently', () => {
  it('keeps its bytes, save the UCS-2 digits of a reading that holds a password', () => {
    // TP-UDL one more than the octets there: refused by both reads (and by gammu).
    const pdu = oddUcs2From('10086', 0, RESET, '');
    const cut = udlPlusOne(pdu);
    expect(() => decodePdu(cut, { lenient: true })).toThrow(PduError);
    const kept = keptUnreadableText(cut, refusal(cut), mask);
    expect(kept.toUpperCase()).not.toContain(ucs2Hex('975310'));
    expect(kept).toBe(`[PDU pdu.truncated] ${cut.slice(0, cut.indexOf(ucs2Hex('975310')))}${'****'.repeat(6)}${cut.slice(cut.indexOf(ucs2Hex('975310')) + 24)}`);
    // Bytes whose every reading holds no secret are kept whole.
    const plain = oddUcs2From('10086', 0, '尊敬的客户，您的余额为35.20元。', '');
    const plainCut = udlPlusOne(plain);
    expect(keptUnreadableText(plainCut, refusal(plainCut), mask)).toBe(`[PDU pdu.truncated] ${plainCut}`);
  });
});

describe('an export of such a part', () => {
  it('gives the bytes kept whole as a mask, and the text read leniently (masked already) as it is', () => {
    const plain = badTimestampFrom('10086', 0, '尊敬的客户，您好！');
    expect(hideUnreadableBytes(keptUnreadableText(plain, refusal(plain), mask), '******')).toBe('[PDU pdu.bad-timestamp] ******');
    const secret = badTimestampFrom('10086', 0, RESET);
    const kept = keptUnreadableText(secret, refusal(secret), mask);
    expect(hideUnreadableBytes(kept, '******')).toBe(kept);
  });
});

describe('a part an older version kept as its whole hex (before MASKER_VERSION 5), kept again (mend59)', () => {
  const stray = oddUcs2From('10086', 0, RESET);
  const cut = udlPlusOne(oddUcs2From('10086', 0, RESET, ''));

  it('is kept as a read of that PDU keeps it now: read leniently and masked, or its secret digits hidden', () => {
    for (const [pdu, code] of [[stray, 'pdu.bad-length'], [cut, 'pdu.truncated']] as const) {
      const now = keptUnreadableText(pdu, refusal(pdu), mask);
      expect(rekeptUnreadableText(`[PDU ${code}] ${pdu}`, mask)).toBe(now);
      expect(now.toUpperCase()).not.toContain(ucs2Hex('975310'));
    }
    // Read leniently: a text, which the mask at rest masks as any other (null here).
    expect(rekeptUnreadableText(keptUnreadableText(stray, refusal(stray), mask), mask)).toBeNull();
    // Kept as bytes with digits hidden already: as it is, never masked over its hex (the masker takes `3A****…FF0C` for
    // a secret, and six of its `****` for one).
    const hidden = keptUnreadableText(cut, refusal(cut), mask);
    expect(rekeptUnreadableText(hidden, mask)).toBe(hidden);
    expect(mask(hidden)).not.toBe(hidden);
  });

  it('keeps the code and the field `hex` of a PDU kept for a length not its header’s, which the strict decode reads', () => {
    const { hex } = encodeDeliver({ from: '10086', text: RESET, timestamp: new Date(Date.UTC(2026, 11, 5, 8, 0)), tzQuarterHours: 32, smsc: '+8613800100500' });
    expect(rekeptUnreadableText(`[PDU pdu.bad-length] ${hex}`, mask)).toBe(keptUnreadableText(hex, { code: 'pdu.bad-length', field: 'hex' }, mask));
  });

  it('is null for any other text', () => {
    for (const text of [RESET, '[PDU pdu.truncated] 0891 68', '[PDU pdu.truncated] 089', '尊敬的客户 [PDU x] AB']) expect(rekeptUnreadableText(text, mask)).toBeNull();
  });
});

describe('a part that cannot be read even leniently, its header and its coding (mend63)', () => {
  it('keeps its header octets that read as UCS-2 digits, hiding only the digits of its text', () => {
    const { pdu, header } = cutWithHeader('ucs2', RESET);
    const text = pdu.slice(header.length);
    expect(() => decodePdu(pdu, { lenient: true })).toThrow(PduError);
    const kept = keptUnreadableText(pdu, refusal(pdu), mask);
    expect(kept.toUpperCase()).not.toContain(ucs2Hex('975310'));
    expect(kept).toBe(`[PDU pdu.truncated] ${header}${text.replace(ucs2Hex('975310'), '****'.repeat(6))}`);
  });

  it('hides the packed GSM 7-bit septets of a password, not its header', () => {
    const reset = 'Your service password was reset to 975310. Please change it.';
    const { pdu, header } = cutWithHeader('gsm7', reset);
    expect(() => decodePdu(pdu, { lenient: true })).toThrow(PduError);
    const kept = keptUnreadableText(pdu, refusal(pdu), mask);
    const hex = kept.slice('[PDU pdu.truncated] '.length);
    expect(hex.slice(0, header.length)).toBe(header);
    const read = cutGsm7Text(hex, header, reset.length);
    expect(read).not.toContain('975310');
    expect(read.startsWith('Your service password was reset to')).toBe(true);
    expect(read.endsWith('Please change it.')).toBe(true);
  });
});

describe('a part whose first octet says it has a header it has not (review50 F1)', () => {
  // Written for these tests (not real): a reset reply long enough that its first octet, read as a header length, fits.
  const LONG = `${RESET}如有疑问请拨打10086客服热线咨询，感谢您的支持与理解，祝您生活愉快。`;
  const LONG_GSM = 'A password reset was made for your line: 975310 is your new service password. Please change it soon, thank you.';

  it('hides the UCS-2 digits of its password, read from the user data\'s start', () => {
    const pdu = udhiWithoutHeader('ucs2', LONG);
    expect(refusal(pdu).code).toBe('pdu.bad-udh');
    const kept = keptUnreadableText(pdu, refusal(pdu), mask);
    expect(kept.startsWith('[PDU pdu.bad-udh] ')).toBe(true);
    expect(kept.toUpperCase()).not.toContain(ucs2Hex('975310'));
  });

  it('hides the GSM 7-bit septets of its password, read from the user data\'s start', () => {
    const pdu = udhiWithoutHeader('gsm7', LONG_GSM);
    const header = pdu.slice(0, pdu.length - Math.ceil((LONG_GSM.length * 7) / 8) * 2);
    expect(refusal(pdu).code).toBe('pdu.bad-udh');
    const kept = keptUnreadableText(pdu, refusal(pdu), mask);
    expect(kept.startsWith('[PDU pdu.bad-udh] ')).toBe(true);
    const hex = kept.slice('[PDU pdu.bad-udh] '.length);
    expect(hex.slice(0, header.length)).toBe(header);
    const read = septetsToText(unpackSeptets(hexToBytes(hex.slice(header.length).replace(/\*\*/g, '00')), 0, 0, LONG_GSM.length));
    expect(read).not.toContain('975310');
    expect(read.startsWith('A password reset was made for your line:')).toBe(true);
  });
});
