import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataByPool, describeFigures, understandReply, type FigureRecord } from '../../../src-shared/replies';
import { checkEntry, loadCorpus, mixedPoolSums, whatOf } from '../../fixtures/replies/corpus';
import { RECEIVED } from './format';

// Wordings WE wrote (not real replies) to pin each general mechanism of the reader: one or more per
// mechanism, in the corpus format so the one checker judges them. Real texts are in real-dev.json.
const ours = loadCorpus(resolve(import.meta.dirname, '../../fixtures/replies/ours-general.json'));
const read = (text: string) => understandReply({ text, receivedAt: RECEIVED, from: '10086' });
const byId = (id: string) => ours.find((e) => e.id === id)!;

describe('general mechanisms, on wordings we wrote (not real)', () => {
  it('are all marked as ours', () => {
    for (const e of ours) expect(e.source).toMatch(/^ours: .*NOT a real reply/u);
  });

  // A known miss stays in the file (and in the blind figures of docs/replies.md) but is not held here.
  it.each(ours.filter((e) => !e.readerKnownMiss).map((e) => [e.id, e] as const))('%s: the figures a person reads, and nothing else', (_id, entry) => {
    const u = read(entry.text);
    expect(u.kind).toBe('figures');
    const c = checkEntry(entry, u);
    expect({ missing: c.missing, wrongPool: c.wrongPool }).toEqual({ missing: [], wrongPool: [] });
    expect(c.menuMissing).toEqual([]);
    expect(c.listsAsFigures).toBe(0);
    // Nothing more than a person reads (a rate, a plan's price, a date, WLAN time are no figures).
    const counted = u.kind === 'figures' ? u.figures.filter((f) => whatOf(f) !== 'other').length : 0;
    expect(counted).toBe(c.found);
  });

  it('never adds up data of different kinds', () => {
    const groups = (figures: FigureRecord[]) =>
      dataByPool(figures.map((f) => ({ pool: f.pool, value: f.value, package: f.package }))).map((a) => a.members.map((i) => figures[i]!));
    for (const entry of ours) {
      const u = read(entry.text);
      expect([entry.id, mixedPoolSums(u, checkEntry(entry, u), groups)]).toEqual([entry.id, 0]);
    }
  });

  const fields = (id: string) => {
    const u = read(byId(id).text);
    return u.kind === 'figures' ? u.figures.map((f) => `${f.topic}.${f.field} ${f.value}`) : [];
  };

  it('a head noun takes the meaning of the label before it (赠款余额, 到期积分)', () => {
    expect(fields('head-gift-balance')).toEqual(['balance.balance 35.2', 'balance.cash 30', 'balance.gift 5.2']);
    expect(fields('head-expiring-points')).toEqual(['points.total 1234', 'points.expiring 100']);
    expect(fields('head-frozen-balance')).toEqual(['balance.balance 35.2', 'balance.balance 30.2', 'balance.other 5']);
  });

  it('an outcome word in an aside or a hypothetical clause leaves the figures; one before them is the outcome', () => {
    expect(read(byId('aside-balance-low').text).kind).toBe('figures');
    expect(read(byId('aside-no-reply').text).kind).toBe('figures');
    const failed = read('尊敬的客户，您的余额不足，流量包订购失败，您当前余额为2.00元。');
    expect(failed.kind === 'outcome' && failed.outcome).toBe('failure');
  });

  it('amounts in the names of a list of packages are no figures (real dev text vpmn-0019-confirm)', () => {
    const dev = loadCorpus(resolve(import.meta.dirname, '../../fixtures/replies/real-dev.json'));
    const entry = dev.find((e) => e.id === 'vpmn-0019-confirm')!;
    const u = read(entry.text);
    // 综合VPMN套餐 石化专用、10M本地通用流量、本地流量优惠包10M…、官微专用本地流量（1M1月）: names, not usage.
    expect(u.kind === 'figures' && u.figures.map((f) => f.span.text)).toEqual(['3.76MB', '0.00MB', '3.76MB', '121.00MB', '3.76MB', '117.24MB']);
    const ours = read('您本月已使用流量20.5MB，您订购的优惠包10M、1G省内流量包均可使用。');
    expect(ours.kind === 'figures' && ours.figures.map((f) => f.span.text)).toEqual(['20.5MB']);
  });

  it('money keeps the currency written beside it, never converted (HK$, £, €, $, 元)', () => {
    const currencies = (id: string) => {
      const u = read(byId(id).text);
      return u.kind === 'figures' ? u.figures.filter((f) => f.topic === 'balance').map((f) => `${f.currency} ${f.value}`) : [];
    };
    expect(currencies('r2b1-cmhk-english')).toEqual(['HK$ 128.5']);
    expect(currencies('r2b1-cmlink-gbp')).toEqual(['£ 7.85']);
    expect(currencies('r2b1-cmlink-eur')).toEqual(['€ 12.4']);
    expect(currencies('r2b2-cmlink-usd')).toEqual(['$ 23.15']);
    expect(currencies('r2b1-available-credit')).toEqual(['元 12.85', '元 100']);
    const said = describeFigures(read(byId('r2b1-cmlink-gbp').text), 'en');
    expect(said).toContain('balance: £7.85');
    expect(said).not.toContain('yuan');
    expect(describeFigures(read(byId('r2b1-available-credit').text), 'zh-Hans')).toContain('余额 12.85 元');
  });

  it('a percentage or a link is no amount, and leaves the reply sure', () => {
    const u = read(byId('percent-url-not-figures').text);
    expect(u.kind === 'figures' && u.confidence).toBe('sure');
  });

  it('a disclaimer that mentions the bill reads no bill items', () => {
    expect(fields('disclaimer-no-bill').some((f) => f.startsWith('bill.'))).toBe(false);
  });

  it('a label before a colon that heads bill lines does not name them (实时话费：月租费38.00元)', () => {
    expect(fields('spent-realtime-lines')).toEqual(['balance.balance 35.2', 'balance.spentThisMonth 12.3']);
    const u = read('您本月实时话费：月租费38.00元，合计38.00元。');
    expect(u.kind === 'figures' && u.figures.map((f) => `${f.field} ${f.item ?? ''}`)).toEqual(['item 月租费', 'total ']);
  });
});
