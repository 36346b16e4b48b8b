import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATA_POOLS, dataByPool, understandReply, type FigureRecord } from '../../../src-shared/replies';
import { canonical, checkEntry, loadCorpus, mixedPoolSums } from '../../fixtures/replies/corpus';
import { RECEIVED } from './format';

// Real 10086 replies quoted in public code (provenance in each entry); the figures were written by hand.
const corpus = loadCorpus(resolve(import.meta.dirname, '../../fixtures/replies/real-dev.json'));
const read = (text: string) => understandReply({ text, receivedAt: RECEIVED, from: '10086' });

describe('the development corpus of real replies', () => {
  it('is well formed: unique ids and texts, provenance, values a person can check', () => {
    expect(new Set(corpus.map((e) => e.id)).size).toBe(corpus.length);
    expect(new Set(corpus.map((e) => e.text)).size).toBe(corpus.length);
    for (const e of corpus) {
      expect(e.source).toMatch(/^(github:|code-index:|https:\/\/github\.com\/[^/]+\/[^/]+\/(issues|pull)\/\d+)/u);
      expect(e.sourceNote.length).toBeGreaterThan(20);
      for (const f of e.figures) {
        // `other` figures are never compared (WLAN hours, a fee per use), so only counted ones need a unit the checker knows.
        if (f.what !== 'other') expect(Number.isFinite(canonical(f))).toBe(true);
        // The amount is written in the text as recorded.
        const written = typeof f.value === 'string' ? f.value : null;
        if (written) expect(e.text).toContain(written);
        if (f.pool !== null) expect(DATA_POOLS).toContain(f.pool);
      }
    }
  });

  // Entries marked readerKnownMiss are misses the bench counts; they are not asserted until the reader reads them.
  const asserted = corpus.filter((e) => !e.readerKnownMiss);

  it.each(asserted.map((e) => [e.id, e] as const))('%s: every figure with its meaning and pool, lists as actions', (_id, entry) => {
    const u = read(entry.text);
    const c = checkEntry(entry, u);
    expect({ missing: c.missing, wrongPool: c.wrongPool }).toEqual({ missing: [], wrongPool: [] });
    expect(c.found).toBe(c.expected);
    expect(c.menuMissing).toEqual([]);
    expect(c.servicesMissing).toEqual([]);
    expect({ menuExtra: c.menuExtra, servicesExtra: c.servicesExtra }).toEqual({ menuExtra: [], servicesExtra: [] });
    expect(c.listsAsFigures).toBe(0);
    if (entry.services) expect(u.kind).toBe('services');
    if (entry.kind === 'menu') expect(u.kind).toBe('menu');
    if (entry.kind === 'error') expect(u.kind === 'outcome' && u.template).toBe('wrong-instruction');
  });

  const groups = (figures: FigureRecord[]) =>
    dataByPool(figures).map((a) => a.members.map((i) => figures[i]!));

  it('never adds up data of different kinds (as the overview, alerts and 小e add them)', () => {
    for (const entry of asserted) {
      const u = read(entry.text);
      expect([entry.id, mixedPoolSums(u, checkEntry(entry, u), groups)]).toEqual([entry.id, 0]);
    }
    // The measure can fail: the sub-pools of one reply all taken as general would be added up.
    const entry = corpus.find((e) => e.id === 'gd-gz-subpools')!;
    const u = read(entry.text);
    if (u.kind !== 'figures') throw new Error('figures expected');
    const check = checkEntry(entry, u);
    const merged = { ...u, figures: u.figures.map((f) => (f.field === 'remaining' && f.pool ? { ...f, pool: 'general' as const } : f)) };
    expect(mixedPoolSums(merged, check, groups)).toBe(1);
  });

  it('a checker that can fail: a changed value, meaning or pool is not found', () => {
    const entry = corpus.find((e) => e.id === 'gd-gz-subpools')!;
    const u = read(entry.text);
    const tamper = (change: Partial<(typeof entry.figures)[number]>) =>
      checkEntry({ ...entry, figures: entry.figures.map((f, i) => (i === 5 ? { ...f, ...change } : f)) }, u);
    expect(checkEntry(entry, u).found).toBe(6);
    expect(tamper({ value: 151 }).missing).toHaveLength(1);
    expect(tamper({ what: 'data-used' }).missing).toHaveLength(1);
    expect(tamper({ pool: 'provincial' }).wrongPool).toHaveLength(1);
  });

  it("finds the reader's expiring points for the format's `points`, and never a part of the balance for its `balance` (rule 6)", () => {
    const entry = corpus.find((e) => e.id === 'rc2-pdu-balance-2016')!;
    const u = read(entry.text);
    if (u.kind !== 'figures') throw new Error('figures expected');
    // The parts beside the balance (其中基本账户…, 赠送账户…) are read as parts, and written `other` (labelling rule 6).
    expect(u.figures.map((f) => `${f.field} ${f.value}`)).toEqual(expect.arrayContaining(['cash 25.9', 'gift 0']));
    expect(checkEntry(entry, u).missing).toEqual([]);
    const ours = (what: string, value: number, text: string) =>
      checkEntry({ ...entry, text, figures: [{ what, value, unit: what === 'points' ? '分' : '元', pool: null, label: '' }] }, read(text));
    expect(ours('points', 350, '您的可用积分2015分，将于12月31日清零积分350分。').found).toBe(1);
    // The balance is found as itself; a part never stands for it (round 6 let a cash part do so until rule 6).
    expect(ours('balance', 56.3, '您的账户可用余额为56.30元，其中现金余额46.30元，赠送余额10.00元。').found).toBe(1);
    expect(ours('balance', 46.3, '您的账户可用余额为56.30元，其中现金余额46.30元，赠送余额10.00元。').found).toBe(0);
    // A lone cash part is read as the balance itself.
    expect(ours('balance', 46.3, '您的现金余额46.30元，赠送余额10.00元。').found).toBe(1);
    expect(ours('balance', 20, '您的账户可用余额为56.30元，其中现金余额46.30元，赠送余额10.00元。').found).toBe(0);
    expect(ours('spent', 10, '您的账户可用余额为56.30元，其中现金余额46.30元，赠送余额10.00元。').found).toBe(0);
    // Money written in letters, as English replies write it.
    expect(checkEntry({ ...entry, text: 'Your balance is 4.82 yuan.', figures: [{ what: 'balance', value: 4.82, unit: 'yuan', pool: null, label: '' }] }, read('Your balance is 4.82 yuan.')).found).toBe(1);
  });
});
