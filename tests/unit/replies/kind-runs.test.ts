import { describe, expect, it } from 'vitest';
import { dataByPool, describeFigures, understandReply, type FigureRecord } from '../../../src-shared/replies';
import { dataLeftByPool, generalDataLeftMb, headlineFigures } from '../../../src-shared/fleet/sim-figures';
import { RECEIVED } from './format';

// Round 34 (issue 15, "data-left sums mixing pool kinds"): a kind claimed plainly for an amount it is not said of. Every
// wording here is OURS (written for this test, NOT a real reply), in the shapes of the generated `inserted-group:` variants
// (tests/fixtures/replies/pool-variants.ts); each case fails on the reader before it (969801f8).
const read = (text: string): FigureRecord[] => {
  const u = understandReply({ text, receivedAt: RECEIVED, from: '10086' });
  return u.kind === 'figures' ? u.figures : [];
};
const GB = 1024;

/** [what, wording of ours, the data left added up per kind (`pool MB`), the customer's data left (MB), per kind (MB)]. */
const CASES: [string, string, string[], number | null, Record<string, number>][] = [
  [
    'after a pack\'s kinds listed (国内流量10GB、省内流量5GB) a bare 剩余 is a total over them or the last one\'s: a guess, never added',
    '您的套餐包含省内流量5GB、国内流量10GB，已用3GB，剩余12GB；国内流量剩余2GB。',
    [`general ${2 * GB}`, `general ${12 * GB}`],
    2 * GB,
    { general: 2 * GB },
  ],
  [
    'two kinds joined by 、, each with its data word, are no one kind (labelling rule 8): not stated',
    '您本月国内流量、省内流量已使用2GB，剩余3GB；省内流量剩余1GB。',
    [`provincial ${GB}`, `- ${3 * GB}`],
    null,
    { provincial: GB, unstated: 3 * GB },
  ],
  [
    'kinds of any pools joined by 及 are no one kind either',
    '您的省内流量及定向流量共10GB，已用2GB，剩余8GB；定向流量剩余1GB。',
    [`app ${GB}`, `- ${8 * GB}`],
    null,
    { app: GB, unstated: 8 * GB },
  ],
  [
    'a kind said of the amounts before a semicolon (均为省内流量；) is no kind of a pack after it that names none',
    '您本月已用1GB，剩余2GB，均为省内流量；日租包剩余3GB，省内剩余4GB。',
    [`provincial ${6 * GB}`, `provincial ${3 * GB}`],
    null,
    { provincial: 6 * GB },
  ],
  [
    'nor after a comma, before a pack named in a clause of its own (，为国内通用流量，加油包剩余)',
    '国内流量已用1GB，剩余2GB，为国内通用流量，加油包剩余3GB，国内剩余4GB。',
    [`general ${6 * GB}`, `general ${3 * GB}`],
    6 * GB,
    { general: 6 * GB },
  ],
];

describe('a kind is plainly stated only of the amounts it is said of (round 34)', () => {
  it.each(CASES)('%s', (_what, text, sums, left, byKind) => {
    const figures = read(text);
    const amounts = dataByPool(figures.filter((f) => f.topic === 'data' && f.field === 'remaining'));
    expect(amounts.map((a) => `${a.pool ?? '-'} ${a.mb}`)).toEqual(sums);
    // What the Overview's 剩余流量, the fleet board and MQTT give (sim-figures).
    expect(generalDataLeftMb(figures)).toBe(left);
    expect(dataLeftByPool(figures)).toEqual(byKind);
    expect(headlineFigures(figures).generalDataLeftMb).toBe(left);
  });

  it('shows the amount after a run of kinds as a guess beside the stated one, not added to it', () => {
    const u = understandReply({ text: CASES[0]![1], receivedAt: RECEIVED, from: '10086' });
    expect(describeFigures(u, 'zh-Hans')).toContain('2.00 GB（国内通用）、12.00 GB（推测为国内通用）');
  });
});
