import { describe, expect, it } from 'vitest';
import { misfitText } from '../../../src-shared/pdu/unreadable';
import { understandReply } from '../../../src-shared/replies';

// A direct delivery whose PDU did not fit its length is kept with a mark (mend35): an octet said twice may have changed
// a digit, so the balance it states is shown but never taken as sure (not fed to the overview's sure figures or alerts).
describe('a text kept with the length-mismatch mark', () => {
  const text = '尊敬的客户，您的账户余额为35.20元。';

  it('reads the same figures as the plain text, each unsure, with the reason', () => {
    const plain = understandReply({ text, receivedAt: 0, from: '10086' });
    const marked = understandReply({ text: misfitText(text), receivedAt: 0, from: '10086' });
    expect(plain.kind).toBe('figures');
    expect(marked.kind).toBe('figures');
    if (plain.kind !== 'figures' || marked.kind !== 'figures') return;
    expect(plain.confidence).toBe('sure');
    const shift = misfitText(text).length - text.length;
    expect(marked.figures.map((f) => [f.field, f.value, f.span.start - shift])).toEqual(plain.figures.map((f) => [f.field, f.value, f.span.start]));
    expect(marked.figures.map((f) => f.confidence)).toEqual(plain.figures.map(() => 'unsure'));
    expect(marked.confidence).toBe('unsure');
    expect(marked.problems.map((p) => p.code)).toContain('garbled');
  });
});

describe('a long message whose later part holds the mark', () => {
  const first = '尊敬的客户，您的账户余额为35.20元，';
  const rest = '本月已消费12.00元。';

  it('reads the figures of both parts, each unsure, and the mark is no refusal', () => {
    const plain = understandReply({ text: first + rest, receivedAt: 0, from: '10086' });
    const marked = understandReply({ text: first + misfitText(rest), receivedAt: 0, from: '10086' });
    expect(plain.kind).toBe('figures');
    expect(marked.kind).toBe('figures');
    if (plain.kind !== 'figures' || marked.kind !== 'figures') return;
    expect(marked.figures.map((f) => [f.field, f.value])).toEqual(plain.figures.map((f) => [f.field, f.value]));
    expect(marked.figures.every((f) => f.confidence === 'unsure')).toBe(true);
    expect(marked.problems.map((p) => p.code)).toContain('garbled');
  });
});
