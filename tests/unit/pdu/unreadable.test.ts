import { describe, expect, it } from 'vitest';
import { builtinCatalog } from '../../../src-shared/catalog/builtin';
import { decodePdu, hideUnreadableBytes, keptUnreadableText, PduError, type DeliverPart } from '../../../src-shared/pdu';
import { badTimestampFrom, ucs2Hex, unreadableFrom } from '../../integration/unreadable-pdu';

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
      expect(kept).toMatch(new RegExp(`^\\[PDU ${why}, read leniently, from 10086, sent [0-9A-F]{14}\\] `));
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
    expect(keptUnreadableText(secret, refusal(secret), failing)).toBe(`[PDU pdu.unsupported] ${secret}`);
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
