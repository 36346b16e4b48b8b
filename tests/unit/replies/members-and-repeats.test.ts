import { describe, expect, it } from 'vitest';
import { describeFigures, understandReply, type FigureRecord } from '../../../src-shared/replies';
import { dataLeftByPool, generalDataLeftMb, minutesLeft } from '../../../src-shared/fleet/sim-figures';
import { MEMBERS, MINUTE_REPEATS, REPEATS } from '../../fixtures/replies/members-and-repeats';
import { RECEIVED } from './format';

const GB = 1024;

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

describe('members and repeats wherever kinds are said or sent', () => {
  const lead = '国内通用流量剩余5GB，副卡国内通用流量剩余2GB';
  const twice = '【流量套餐】国内通用流量包含10GB，剩余6GB。\n1、4G飞享套餐:包含国内通用流量10GB，剩余6GB。';
  it('the line under a reply and 小e name the member and the amount said again, apart', () => {
    const say = (text: string, lang: 'zh-Hans' | 'en') => describeFigures(understandReply({ text, receivedAt: RECEIVED, from: '10086' }), lang);
    expect(say(lead, 'zh-Hans')).toBe('你的流量还剩 5.00 GB（国内通用）、2.00 GB（副卡：国内通用）');
    expect(say(twice, 'en')).toBe('Your data left: 6.00 GB (general), 6.00 GB (general, maybe said again)');
  });
  it('the fleet board, MQTT and Prometheus get the customer\'s kind only', () => {
    expect(dataLeftByPool(read(lead))).toEqual({ general: 5 * GB });
    expect(dataLeftByPool(read(twice))).toEqual({ general: 6 * GB });
  });
});
