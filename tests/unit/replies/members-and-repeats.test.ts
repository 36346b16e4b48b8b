import { describe, expect, it } from 'vitest';
import { understandReply, type FigureRecord } from '../../../src-shared/replies';
import { generalDataLeftMb, minutesLeft } from '../../../src-shared/fleet/sim-figures';
import { MEMBERS, MINUTE_REPEATS, REPEATS } from '../../fixtures/replies/members-and-repeats';
import { RECEIVED } from './format';

// Round 30 (issue 15): the wordings (OURS, NOT real) are in tests/fixtures/replies/members-and-repeats.ts.

const read = (text: string): FigureRecord[] => {
  const u = understandReply({ text, receivedAt: RECEIVED, from: '10086' });
  return u.kind === 'figures' ? u.figures : [];
};

const members = (figures: FigureRecord[]) =>
  figures
    .filter((f) => f.topic === 'data' && f.holder !== undefined)
    .map((f) => f.value)
    .sort((a, b) => a - b);

describe('rule 13: a member\'s or second card\'s amount is never the customer\'s data left', () => {
  it.each(MEMBERS)('%s', (_what, text, left, member) => {
    const figures = read(text);
    expect({ left: generalDataLeftMb(figures), members: members(figures) }).toEqual({ left, members: [...member].sort((a, b) => a - b) });
  });
});

describe('rule 14: one pool said twice is never added', () => {
  it.each(REPEATS)('%s', (_what, text, left) => {
    expect(generalDataLeftMb(read(text))).toBe(left);
  });
  it.each(MINUTE_REPEATS)('minutes: %s', (_what, text, left) => {
    expect(minutesLeft(read(text))).toBe(left);
  });
});
