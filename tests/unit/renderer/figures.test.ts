import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../fixtures/replies/corpus';
import { pointsOf } from '../../../src-renderer/store/figure-history';
import { figureRowsFor, understandMessage } from '../../../src-renderer/store/figures';
import { pairThreadRows } from '../../../src-renderer/store/pairing';
import type { FigureRow, MessageRow } from '../../../src-renderer/store/rows';

const AT = Date.UTC(2026, 10, 20, 2, 0);
const BALANCE = '尊敬的客户，截至2026年11月20日10时，您的账户余额为35.20元，其中现金账户30.20元、赠送账户5.00元。本月已产生费用42.80元。【中国移动】';
const DATA =
  '尊敬的客户，截至11月20日10时，您本月套餐内移动数据流量使用情况如下：【国内通用流量】总量10G，已使用8G678.71M，剩余1G345.29M；' +
  '【夜间流量】总量2048.00M，已使用100.00M，剩余1948.00M。流量查询结果仅供参考。【中国移动】';

function message(over: Partial<MessageRow>): MessageRow {
  return {
    id: 'm1',
    simId: 'SIM-A',
    direction: 'in',
    peer: '10086',
    text: BALANCE,
    state: 'received',
    at: AT,
    read: 0,
    partKeys: ['k1'],
    complete: true,
    total: 1,
    received: 1,
    ...over,
  };
}

describe('figureRowsFor', () => {
  it('places a reply delivered late at its service-centre stamp, and one on time at its arrival (to the millisecond)', () => {
    const late = figureRowsFor(message({ at: AT, timestamp: new Date(AT - 3 * 3600_000).toISOString() }));
    expect(new Set(late.map((r) => r.at))).toEqual(new Set([AT - 3 * 3600_000]));
    const onTime = figureRowsFor(message({ at: AT + 450, timestamp: new Date(AT).toISOString() }));
    expect(new Set(onTime.map((r) => r.at))).toEqual(new Set([AT + 450]));
    // A stamp after the arrival (a clock gone wrong) or none moves nothing.
    expect(figureRowsFor(message({ timestamp: new Date(AT + 3600_000).toISOString() }))[0]!.at).toBe(AT);
    expect(figureRowsFor(message({ timestamp: undefined }))[0]!.at).toBe(AT);
  });

  it('reads no figure from digits glued to a mask: a kept part masked at its cut, joined with the next in clear', () => {
    // The journal hands a store that asks the kept first part masked at the cut (12|5.30): `余额为******`.
    const joined = BALANCE.replace('35.20', '******5.20');
    expect(figureRowsFor(message({ text: joined })).map((r) => [r.kind, r.value])).not.toContainEqual(['balance.balance', 5.2]);
    expect(figureRowsFor(message({ text: joined })).map((r) => r.kind)).not.toContain('balance.balance');
  });

  it('keeps each figure of a balance reply as a row keyed by message and position', () => {
    expect(figureRowsFor(message({}))).toEqual(
      [
        ['balance.balance', 35.2],
        ['balance.cash', 30.2],
        ['balance.gift', 5],
        ['balance.spentThisMonth', 42.8],
      ].map(([kind, value], n) => ({
        id: `m1#${n}`,
        messageId: 'm1',
        simId: 'SIM-A',
        kind,
        at: AT,
        value,
        unit: 'yuan',
        package: null,
        pool: null,
        confidence: 'sure',
      })),
    );
  });

  it('keeps the package each data figure belongs to, in MB', () => {
    const rows = figureRowsFor(message({ text: DATA }));
    expect(rows.filter((r) => r.kind === 'data.remaining').map((r) => [r.package, r.pool, r.value, r.unit])).toEqual([
      ['国内通用流量', 'general', 1369.29, 'MB'],
      ['夜间流量', 'offpeak', 1948, 'MB'],
    ]);
  });

  it('keeps a pushed notice that data is suspended, for the alerts', () => {
    const rows = figureRowsFor(message({ text: '【流量提醒】您好！您本月移动数据流量已达30GB，将暂停数据流量功能，并将在下月自动恢复。中国移动' }));
    expect(rows.map((r) => [r.kind, r.value, r.pool])).toEqual([
      ['data.used', 30720, null],
      ['notice.data-suspended', 1, null],
    ]);
  });

  it('keeps the notice of a reply read as a menu of codes to send (ours, after real r17-045)', () => {
    const text = '【流量提醒】您好！您本月套餐内流量已用完，将暂停数据流量功能。可回复53161办理10元100M、53162办理20元300M，仅当月有效。【中国移动】';
    expect(understandMessage(message({ text }))?.kind).toBe('menu');
    expect(figureRowsFor(message({ text })).map((r) => [r.kind, r.value])).toEqual([['notice.data-suspended', 1]]);
  });

  describe('the warnings 10086 pushes, as rows for the alerts', () => {
    const real = loadCorpus(resolve(import.meta.dirname, '../../fixtures/replies/real-dev.json'));
    const ours = loadCorpus(resolve(import.meta.dirname, '../../fixtures/replies/ours-general.json'));
    const notices = (text: string) => figureRowsFor(message({ text })).filter((r) => r.kind.startsWith('notice.')).map((r) => [r.kind, r.value, r.unit]);
    const byId = (corpus: typeof real, id: string) => corpus.find((e) => e.id === id)!.text;

    it('keeps a balance-low notice (real overdraft-notice: 话费余额已不足)', () => {
      expect(notices(byId(real, 'overdraft-notice'))).toEqual([['notice.balance-low', 1, 'yuan']]);
    });

    it.each([
      ['real mzone-fee-notice (避免余额不足以扣除套餐费)', byId(real, 'mzone-fee-notice')],
      ['ours aside-balance-low (为避免余额不足, balance 35.20)', byId(ours, 'aside-balance-low')],
      ['a KTYETX confirmation (当您的余额低于10元时)', '您已成功开通余额提醒业务，当您的余额低于10元时，我们将短信提醒您。'],
    ])('keeps no balance-low notice for advice or a hypothetical: %s', (_, text) => {
      expect(notices(text)).toEqual([]);
    });

    it('keeps the share of data a reply warns of, in percent, beside the MB and never added to them', () => {
      // Ours rb1-058 (a wording of ours, not a real reply): 已使用80%，剩余205.00MB.
      const rows = figureRowsFor(message({ text: byId(ours, 'rb1-058') }));
      expect(rows.map((r) => [r.kind, r.value, r.unit])).toEqual([
        ['data.usedPercent', 80, 'percent'],
        ['data.remaining', 205, 'MB'],
        ['notice.data-used', 80, 'percent'],
      ]);
      expect(pointsOf(rows.filter((r) => r.kind === 'data.remaining'))[0]!.value).toBe(205);
    });

    it.each([
      ['剩余10% (a share left)', '【流量提醒】您本月国内通用流量剩余10%，请合理使用。', [['notice.data-left', 10, 'percent']]],
      ['any share in a 流量提醒', '【流量提醒】您本月国内通用流量已使用50%，剩余5.00GB。', [['notice.data-used', 50, 'percent']]],
      ['under 80 % used outside a 流量提醒 (ours rb8-046: 76.8%)', byId(ours, 'rb8-046'), []],
      ['a share of provincial data only (real ah-notice-100pct: 省内 100%)', byId(real, 'ah-notice-100pct'), []],
    ])('data share: %s', (_, text, expected) => {
      expect(notices(text as string)).toEqual(expected);
    });
  });

  it.each<[string, Partial<MessageRow>]>([
    ['an incomplete reply (not every part is in)', { complete: false, received: 1, total: 2 }],
    ['an instruction sent', { direction: 'out', text: 'YE', state: 'sent' }],
    ['a message from someone else', { peer: '13800138000' }],
    ['a reply with no figures', { text: '您好，欢迎使用中国移动10086短信营业厅。【中国移动】' }],
  ])('yields nothing for %s', (_, over) => {
    expect(figureRowsFor(message(over))).toEqual([]);
  });

  it('reads an incomplete reply as nothing yet, and someone else’s text as unknown', () => {
    expect(understandMessage(message({ complete: false }))).toBeNull();
    expect(understandMessage(message({ peer: '13800138000' }))).toEqual({ kind: 'unknown', text: BALANCE });
  });
});

describe('pointsOf', () => {
  const row = (
    messageId: string,
    at: number,
    value: number,
    confidence: FigureRow['confidence'] = 'sure',
    pool: FigureRow['pool'] = 'general',
  ): FigureRow => ({
    id: `${messageId}#${value}`,
    messageId,
    simId: 'SIM-A',
    kind: 'data.remaining',
    at,
    value,
    unit: 'MB',
    package: null,
    pool,
    ...(pool ? { kindFrom: 'own' as const } : {}),
    confidence,
  });

  it('adds up the general packages of one reply and orders replies oldest first', () => {
    expect(pointsOf([row('b', 20, 100), row('a', 10, 1369.29), row('a', 10, 1948, 'unsure'), row('b', 20, 50)])).toEqual([
      { at: 10, messageId: 'a', value: 3317.29, currency: null, unsure: true },
      { at: 20, messageId: 'b', value: 150, currency: null, unsure: false },
    ]);
  });

  it('never adds up pools of different kinds: data left is the general pools only', () => {
    // The reply of the issue: general 7.05 GB, provincial 1.78 GB, night-only 59.16 GB → 7.05 GB, not 67.99 GB.
    const rows = [row('a', 10, 7219.2), row('a', 10, 1822.72, 'sure', 'provincial'), row('a', 10, 60579.84, 'sure', 'offpeak')];
    expect(pointsOf(rows)).toEqual([{ at: 10, messageId: 'a', value: 7219.2, currency: null, unsure: false }]);
  });

  it('takes one amount of no stated kind as it is, but adds up none of several (and none of other kinds)', () => {
    expect(pointsOf([row('a', 10, 100, 'sure', null)])).toEqual([{ at: 10, messageId: 'a', value: 100, currency: null, unsure: false }]);
    expect(pointsOf([row('a', 10, 100, 'sure', null), row('a', 10, 50, 'sure', null)])).toEqual([]);
    expect(pointsOf([row('a', 10, 100, 'sure', 'provincial')])).toEqual([]);
  });

  it('minutes left is the package’s own, never added up with off-peak or group minutes (real fs-2016-0312: 40, not 976); rows stored before kinds were kept add up none of several', () => {
    const text = loadCorpus(resolve(import.meta.dirname, '../../fixtures/replies/real-dev.json')).find((e) => e.id === 'fs-2016-0312')!.text;
    const rows = figureRowsFor(message({ id: 'fs', text })).filter((r) => r.kind === 'voice.remaining');
    expect(rows.map((r) => [r.value, r.voicePool])).toEqual([[40, 'general'], [40, 'offpeak'], [896, 'group']]);
    expect(pointsOf(rows)).toEqual([{ at: AT, messageId: 'fs', value: 40, currency: null, unsure: false }]);
    expect(pointsOf(rows.map(({ voicePool: _, ...old }) => old))).toEqual([]);
  });

  it('adds no amount whose kind was inferred, nor one stored before rows kept where their kind came from (after real r16-107)', () => {
    const real = loadCorpus(resolve(import.meta.dirname, '../../fixtures/replies/real-dev.json')).find((e) => e.id === 'r16-107')!.text;
    // Real r16-107's 省内包时段流量 is of no stated kind since round 17 (labelling rule 2): nothing of it is provincial.
    expect(figureRowsFor(message({ id: 'r16', text: real })).filter((r) => r.kind === 'data.remaining' && r.value === 95.04).map((r) => r.pool)).toEqual([null]);
    // OURS, NOT a real reply: the same text with 景区 (a scenic area) for 包时段.
    const text = real.replace('省内包时段流量', '省内景区流量');
    const rows = figureRowsFor(message({ id: 'r16', text })).filter((r) => r.kind === 'data.remaining');
    // 当前省内景区流量已使用928.96MB，剩余95.04MB: no plain 省内 (景区 narrows it, and the 95.04MB takes it from the amount before).
    expect(rows.filter((r) => r.pool === 'provincial').map((r) => [r.value, r.kindFrom])).toEqual([
      [95.04, 'before'],
      [3072, 'own'],
      [1548, 'own'],
    ]);
    expect(pointsOf(rows)).toEqual([{ at: AT, messageId: 'r16', value: 500, currency: null, unsure: false }]);
    const general = [row('a', 10, 100), row('a', 10, 50)];
    expect(pointsOf(general)).toEqual([{ at: 10, messageId: 'a', value: 150, currency: null, unsure: false }]);
    expect(pointsOf(general.map(({ kindFrom: _, ...old }) => old))).toEqual([]);
    expect(pointsOf([row('a', 10, 100), { ...row('a', 10, 50), kindFrom: 'before' }])).toEqual([{ at: 10, messageId: 'a', value: 100, currency: null, unsure: false }]);
  });

  it('is empty for no rows', () => {
    expect(pointsOf([])).toEqual([]);
  });

  it('keeps the currency a balance was read in, and never adds amounts of two currencies', () => {
    const money = (messageId: string, value: number, currency: string | null): FigureRow => ({
      ...row(messageId, 10, value, 'sure', null),
      id: `${messageId}#${value}`,
      kind: 'balance.balance',
      unit: 'yuan',
      currency,
    });
    expect(pointsOf([money('hk', 48.5, 'HK$')])).toEqual([{ at: 10, messageId: 'hk', value: 48.5, currency: 'HK$', unsure: false }]);
    // A Hong Kong account's HK$ balance and its 人民币 account: the first currency written, marked unsure, nothing added.
    expect(pointsOf([money('two', 30, 'HK$'), money('two', 20, null)])).toEqual([{ at: 10, messageId: 'two', value: 30, currency: 'HK$', unsure: true }]);
    // Rows stored before the currency was kept are yuan.
    const { currency: _, ...old } = money('old', 12, null);
    expect(pointsOf([old])).toEqual([{ at: 10, messageId: 'old', value: 12, currency: null, unsure: false }]);
  });

  it('stores the currency of a CMHK or CMLink balance as read', () => {
    const rows = figureRowsFor(message({ text: '【中國移動香港】閣下的賬戶餘額為HK$48.50，本地數據剩餘2.5GB。' }));
    expect(rows.map((r) => `${r.kind} ${r.value} ${r.currency ?? '元'} ${r.pool}`)).toEqual(['balance.balance 48.5 HK$ null', 'data.remaining 2560 元 general']);
    expect(figureRowsFor(message({ text: '[Usage Notice] Your account balance is £7.85.' })).map((r) => r.currency)).toEqual(['£']);
  });
});

describe('pairThreadRows', () => {
  it('pairs a reply with the instruction it answers, and leaves an incomplete reply out', () => {
    const sent = message({ id: 'out-1', direction: 'out', text: 'YE', state: 'delivered', at: AT - 5000 });
    const reply = message({ id: 'in-1' });
    const partial = message({ id: 'in-2', complete: false, at: AT + 1000 });
    const pairs = pairThreadRows([reply, partial, sent]);
    expect(pairs.get('in-1')).toMatchObject({ instructionId: 'out-1', unpaired: null });
    expect(pairs.has('in-2')).toBe(false);
  });

  it('does not pair a reply that came before the instruction', () => {
    const sent = message({ id: 'out-1', direction: 'out', text: 'YE', state: 'delivered', at: AT + 5000 });
    expect(pairThreadRows([message({ id: 'in-1' }), sent]).get('in-1')).toMatchObject({ instructionId: null, unpaired: 'no-instruction' });
  });
});
