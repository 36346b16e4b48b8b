import { describe, expect, it } from 'vitest';
import { alertText } from '../../../src-renderer/alerts/alert-text';
import { alertsFor, type Alert } from '../../../src-renderer/alerts/alerts';
import { makeI18n } from '../../../src-renderer/i18n';
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

describe('alertsFor and the warnings 10086 pushed (balance low, a share of data)', () => {
  const NOW = Date.parse('2026-11-25T02:30:00Z');
  const OFF = { balanceYuan: null, dataMb: null };
  const at = (iso: string, messageId: string, value = 1): FigurePoint => ({ at: Date.parse(iso), messageId, value, currency: null, unsure: false });
  const used = (iso: string, percent: number) => ({ ...at(iso, 'share', percent), said: 'used' as const });
  const kinds = (sims: Parameters<typeof alertsFor>[0], thresholds: Parameters<typeof alertsFor>[1] = OFF) =>
    alertsFor(sims, thresholds, NOW).map((a) => `${a.kind} ${a.value} ${a.instruction} ${a.messageId}`);

  it('raises balance-low and the share said, whatever the thresholds (off here), with the instruction that helps', () => {
    const sims = [{ simId: 'A', balanceLow: at('2026-11-24T01:00:00Z', 'low'), dataShare: used('2026-11-20T01:00:00Z', 80) }];
    expect(alertsFor(sims, OFF, NOW)).toEqual([
      { simId: 'A', kind: 'balance-low', value: 0, threshold: 0, messageId: 'low', at: Date.parse('2026-11-24T01:00:00Z'), instruction: 'KTYETX' },
      { simId: 'A', kind: 'data-used', value: 80, threshold: 0, messageId: 'share', at: Date.parse('2026-11-20T01:00:00Z'), instruction: 'CXYEG' },
    ]);
    expect(kinds([{ simId: 'A', dataShare: { ...used('2026-11-20T01:00:00Z', 10), said: 'left' } }])).toEqual(['data-left 10 CXYEG share']);
  });

  it('lets a balance-low notice stand three days, a share of data the (Beijing) month', () => {
    expect(kinds([{ simId: 'A', balanceLow: at('2026-11-22T02:31:00Z', 'low') }])).toEqual(['balance-low 0 KTYETX low']);
    expect(kinds([{ simId: 'A', balanceLow: at('2026-11-22T02:30:00Z', 'low') }])).toEqual([]);
    expect(kinds([{ simId: 'A', dataShare: used('2026-10-31T16:00:00Z', 90) }])).toEqual(['data-used 90 CXYEG share']);
    expect(kinds([{ simId: 'A', dataShare: used('2026-10-31T15:59:00Z', 90) }])).toEqual([]);
  });

  it('ends a warning when a newer reply tells plenty: 10 yuan / 1 GB with no threshold, the threshold when set', () => {
    const low = at('2026-11-24T01:00:00Z', 'low');
    const share = used('2026-11-20T01:00:00Z', 90);
    const later = '2026-11-24T05:00:00Z';
    // With no thresholds: 9.99 yuan and 1023 MB are not plenty; 10 yuan and 1 GB are.
    expect(kinds([{ simId: 'A', balanceLow: low, balance: at(later, 'ye', 9.99), dataShare: share, data: at(later, 'g', 1023) }])).toEqual([
      'balance-low 0 KTYETX low',
      'data-used 90 CXYEG share',
    ]);
    expect(kinds([{ simId: 'A', balanceLow: low, balance: at(later, 'ye', 10), dataShare: share, data: at(later, 'g', 1024) }])).toEqual([]);
    // With thresholds set, a newer figure at or above them ends it; below them the threshold alert says it instead.
    expect(kinds([{ simId: 'A', balanceLow: low, balance: at(later, 'ye', 5), dataShare: share, data: at(later, 'g', 600) }], { balanceYuan: 5, dataMb: 512 })).toEqual([]);
    expect(kinds([{ simId: 'A', balanceLow: low, balance: at(later, 'ye', 3), dataShare: share, data: at(later, 'g', 300) }], { balanceYuan: 5, dataMb: 512 })).toEqual([
      'balance 3 KTYETX ye',
      'data 300 CXYEG g',
    ]);
  });

  it('keeps a warning against a figure of the same reply or an older one, and a balance in HK$', () => {
    const low = at('2026-11-24T01:00:00Z', 'low');
    expect(kinds([{ simId: 'A', balanceLow: low, balance: at('2026-11-24T01:00:00Z', 'low', 50) }])).toEqual(['balance-low 0 KTYETX low']);
    expect(kinds([{ simId: 'A', balanceLow: low, balance: at('2026-11-23T01:00:00Z', 'ye', 50) }])).toEqual(['balance-low 0 KTYETX low']);
    expect(kinds([{ simId: 'A', balanceLow: low, balance: { ...at('2026-11-24T05:00:00Z', 'hk', 50), currency: 'HK$' } }])).toEqual(['balance-low 0 KTYETX low']);
  });
});

describe('alertText of 10086’s warnings', () => {
  const alert = (kind: Alert['kind'], value: number, instruction: Alert['instruction']): Alert => ({ simId: 'SIM-A', kind, value, threshold: 0, messageId: 'm', at: 0, instruction });
  it.each([
    ['en', alert('data-used', 80, 'CXYEG'), '10086 says 80 % of your data is used this month. Send CXYEG'],
    ['zh-Hans', alert('data-used', 85.5, 'CXYEG'), '10086 提醒本月流量已使用 85.5%。可发 CXYEG'],
    ['zh-Hant', alert('data-left', 10, 'CXYEG'), '10086 提醒本月數據流量僅剩 10%。可發 CXYEG'],
    ['en', alert('balance-low', 0, 'KTYETX'), '10086 says the balance is running low. Top up in time; KTYETX'],
    ['zh-Hans', alert('balance-low', 0, 'KTYETX'), '10086 提醒话费余额不足，请及时充值。可发 KTYETX'],
    ['zh-Hant', alert('balance-low', 0, 'KTYETX'), '10086 提醒話費餘額不足，請及時儲值。可發 KTYETX'],
  ] as const)('%s: %j says the share and the instruction', (lang, a, said) => {
    const text = alertText(a, makeI18n(lang));
    expect(text).toContain(said);
    expect(text).not.toMatch(/MB|GB/);
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
