import { describe, expect, it } from 'vitest';
import { interpretPdu } from '../../../src-main/services/modem/incoming';
import { incomingKey } from '../../../src-shared/journal-key';

const keyOf = (hex: string, at: Date) => {
  const read = interpretPdu(hex, 'SIM-A', at);
  if (read.kind !== 'message') throw new Error(`not a message: ${read.kind}`);
  const { from, timestamp, text, concat } = read.message;
  return { key: incomingKey({ from, timestamp, text, ...concat }), message: read.message };
};

describe('interpretPdu', () => {
  it('keeps an undecodable PDU as its hex, under the same journal key however often it is read', () => {
    const first = keyOf('07911326040000F0', new Date('2026-11-25T08:00:00Z'));
    const again = keyOf('07911326040000F0', new Date('2026-11-25T08:05:00Z'));
    expect(first.message.text).toMatch(/^\[PDU pdu\.[a-z-]+\] 07911326040000F0$/);
    expect(first.message.timestamp).toBe('');
    expect(again.key).toBe(first.key);
    expect(keyOf('07911326040000F1', new Date('2026-11-25T08:05:00Z')).key).not.toBe(first.key);
  });
});
