import { describe, expect, it } from 'vitest';
import { interpretPdu, unreadableMessage } from '../../../src-main/services/modem/incoming';
import { incomingKey } from '../../../src-shared/journal-key';
import { builtinCatalog } from '../../../src-shared/catalog/builtin';
import { isAlphanumericAddress } from '../../../src-shared/pdu';

/** A PDU handed over directly (+CMT): an unreadable one is journaled as its text. */
const keyOf = (hex: string, at: Date) => {
  const read = interpretPdu(hex, 'SIM-A', at);
  const kept = read.kind === 'unreadable' ? unreadableMessage(read, 'SIM-A', at, (text) => builtinCatalog().maskSecrets(text)) : read;
  if (kept.kind !== 'message') throw new Error(`not a message: ${kept.kind}`);
  const { from, timestamp, text, concat } = kept.message;
  return { key: incomingKey({ from, timestamp, text, ...concat }), message: kept.message };
};

describe('interpretPdu', () => {
  it('says an undecodable PDU is unreadable, with its raw text and the reason', () => {
    expect(interpretPdu('07911326040000F0', 'SIM-A', new Date())).toMatchObject({ kind: 'unreadable', raw: '07911326040000F0', code: expect.stringMatching(/^pdu\./) });
    expect(interpretPdu('+CSQ: 23,99', 'SIM-A', new Date())).toMatchObject({ kind: 'unreadable', raw: '+CSQ: 23,99' });
  });

  it('journals an undecodable direct PDU as its hex, under the same journal key however often it is read', () => {
    const first = keyOf('07911326040000F0', new Date('2026-11-25T08:00:00Z'));
    const again = keyOf('07911326040000F0', new Date('2026-11-25T08:05:00Z'));
    expect(first.message.text).toMatch(/^\[PDU pdu\.[a-z-]+\] 07911326040000F0$/);
    expect(first.message.timestamp).toBe('');
    expect(again.key).toBe(first.key);
    // Another undecodable PDU shares the key's fields (no key names its text, review19): the journal tells them apart by text.
    expect(keyOf('07911326040000F1', new Date('2026-11-25T08:05:00Z')).message.text).not.toBe(first.message.text);
  });

  // TOA D0: "10086" as a name a gateway chose (tests/unit/pdu/decode-vectors.test.ts), not 10086's number.
  it('keeps an alphanumeric sender that reads as a number in quotes, and a numeric 10086 as it is', () => {
    const at = new Date('2026-11-25T08:00:00Z');
    const alphanumeric = interpretPdu('00' + '04' + '09D031180C6703' + '0008' + '62115290035123' + '04D83DDE00', 'SIM-A', at);
    expect(alphanumeric).toMatchObject({ kind: 'message', message: { from: '“10086”', text: '😀' } });
    const numeric = interpretPdu('00' + '04' + '05A10180F6' + '0008' + '62115290035123' + '04D83DDE00', 'SIM-A', at);
    expect(numeric).toMatchObject({ kind: 'message', message: { from: '10086', text: '😀' } });
  });

  // One rule for the decoder and the journal (isAlphanumericAddress): only type of number 5 is a name.
  it.each([0x81, 0x91, 0xa1, 0xb1, 0xc1, 0xe1, 0xf1])('reads 10086 with type of address %s as digits, never as a quoted name', (toa) => {
    const at = new Date('2026-11-25T08:00:00Z');
    const read = interpretPdu('00' + '04' + '05' + toa.toString(16).toUpperCase() + '0180F6' + '0008' + '62115290035123' + '04D83DDE00', 'SIM-A', at);
    expect(isAlphanumericAddress(toa)).toBe(false);
    expect(read).toMatchObject({ kind: 'message', message: { from: toa === 0x91 ? '+10086' : '10086' } });
  });
});
