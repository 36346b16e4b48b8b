import { describe, expect, it } from 'vitest';
import { alertsFor } from '../../../src-renderer/alerts/alerts';
import { parseThresholds } from '../../../src-renderer/alerts/thresholds';
import type { FigurePoint } from '../../../src-renderer/store/figure-history';

const point = (value: number, messageId = 'm1', currency: string | null = null): FigurePoint => ({ at: 1000, messageId, value, currency, unsure: false });

describe('alertsFor', () => {
  const sims = [
    { simId: 'A', balance: point(8.2, 'a-ye'), data: point(300, 'a-g') },
    { simId: 'B', balance: point(50, 'b-ye') },
    { simId: 'C' },
  ];

  it('raises one alert per figure under its threshold, with the instruction that helps', () => {
    expect(alertsFor(sims, { balanceYuan: 10, dataMb: 512 })).toEqual([
      { simId: 'A', kind: 'balance', value: 8.2, threshold: 10, messageId: 'a-ye', at: 1000, instruction: 'KTYETX' },
      { simId: 'A', kind: 'data', value: 300, threshold: 512, messageId: 'a-g', at: 1000, instruction: 'CXYEG' },
    ]);
  });

  it('never compares a balance read in HK$ or £ with the threshold in yuan (never converted)', () => {
    const abroad = [
      { simId: 'HK', balance: point(3, 'hk-ye', 'HK$'), data: point(300, 'hk-g') },
      { simId: 'UK', balance: point(0.1, 'uk-ye', '£') },
    ];
    expect(alertsFor(abroad, { balanceYuan: 10, dataMb: 512 }).map((a) => `${a.simId} ${a.kind}`)).toEqual(['HK data']);
  });

  it.each([
    ['both thresholds off', { balanceYuan: null, dataMb: null }],
    ['figures at or above them', { balanceYuan: 8.2, dataMb: 300 }],
  ])('raises none with %s', (_, thresholds) => {
    expect(alertsFor(sims, thresholds)).toEqual([]);
  });
});

describe('alertsFor and pushed notices', () => {
  // 2026-11-25 10:30 in Beijing; a notice of 11-03 is this month's, one of 10-31 is not.
  const NOW = Date.parse('2026-11-25T02:30:00Z');
  const notice = (iso: string): FigurePoint => ({ at: Date.parse(iso), messageId: 'n1', value: 1, currency: null, unsure: false });

  it('raises data suspended for a notice of this month, whatever the thresholds', () => {
    expect(alertsFor([{ simId: 'A', suspended: notice('2026-11-03T04:00:00Z') }], { balanceYuan: null, dataMb: null }, NOW)).toEqual([
      { simId: 'A', kind: 'suspended', value: 0, threshold: 0, messageId: 'n1', at: Date.parse('2026-11-03T04:00:00Z'), instruction: 'CXYEG' },
    ]);
  });

  it('forgets a notice of last month (data comes back on the 1st, Beijing time)', () => {
    expect(alertsFor([{ simId: 'A', suspended: notice('2026-10-31T15:59:00Z') }], { balanceYuan: null, dataMb: null }, NOW)).toEqual([]);
    // 2026-10-31T16:00Z is 00:00 on 1 November in Beijing.
    expect(alertsFor([{ simId: 'A', suspended: notice('2026-10-31T16:00:00Z') }], { balanceYuan: null, dataMb: null }, NOW)).toHaveLength(1);
  });
});

describe('parseThresholds', () => {
  it.each([
    [null, { balanceYuan: null, dataMb: null }],
    ['{"balanceYuan":10,"dataMb":1024}', { balanceYuan: 10, dataMb: 1024 }],
    ['{"balanceYuan":-1,"dataMb":"many"}', { balanceYuan: null, dataMb: null }],
    ['{broken', { balanceYuan: null, dataMb: null }],
  ])('reads %j as %j', (text, thresholds) => {
    expect(parseThresholds(text)).toEqual(thresholds);
  });
});
