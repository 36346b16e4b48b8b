import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fold } from '../../../src-shared/search/fold';
import { loadCorpus, type CorpusEntry } from '../../fixtures/replies/corpus';
import { VARIANT_RULES, variantsOf } from '../../fixtures/replies/variants';

// The generator of GENERATED variants (not real replies) that the bench's robustness row reads.
const corpus = loadCorpus(resolve(import.meta.dirname, '../../fixtures/replies/real-dev.json'));
const variants = variantsOf(corpus);

/** The numbers of a text as the reader sees them (full-width folded), in order. */
const numbers = (text: string) => [...fold(text).matchAll(/\d+(?:\.\d+)?/gu)].map((m) => m[0]);
// Rules that rewrite how an amount is written (same value in other units or digits), or move the date.
const REWRITE_NUMBERS = /^(?:unit:small MB as KB|unit:whole MB as GB|number:|date:)/u;

describe('generated variants of the dev texts', () => {
  it('are the same every run, and every rule applies to some dev text', () => {
    expect(variantsOf(corpus).map((v) => v.entry.text)).toEqual(variants.map((v) => v.entry.text));
    const applied = new Set(variants.map((v) => v.rule));
    for (const rule of VARIANT_RULES) expect(applied, rule.name).toContain(rule.name);
  });

  it('say they are generated, and keep the original hand figures as they are', () => {
    const byId = new Map(corpus.map((e) => [e.id, e]));
    for (const v of variants) {
      expect(v.entry.source).toMatch(/^generated: .*NOT a real reply\)$/u);
      const original = byId.get(v.entry.id.split(/[~#]/u)[0]!)!;
      expect(v.entry.figures).toBe(original.figures);
      expect(v.entry.text).not.toBe(original.text);
    }
  });

  it('never change a number outside the rules that rewrite amounts, and add numbers only in marked marketing text', () => {
    const byId = new Map(corpus.map((e) => [e.id, e]));
    let checked = 0;
    for (const v of variants) {
      if (REWRITE_NUMBERS.test(v.rule) || v.rule.includes('+')) continue;
      const original = byId.get(v.entry.id.split(/[~#]/u)[0]!)!;
      const { added } = v;
      const text = added ? v.entry.text.slice(0, added.start) + v.entry.text.slice(added.end) : v.entry.text;
      expect(numbers(text), v.entry.id).toEqual(numbers(original.text));
      checked++;
    }
    expect(checked).toBeGreaterThan(500);
  });

  // Round 36: a size in a package's name that has the value of a hand figure ("夜间流量包10元1G为1024.00M") is no place for a joiner;
  // the variants made "10元：1G为：1024.00M" and "10元1G1024.00M" (one amount 1G1024M), changing what the text says.
  it('never put a joiner after a price, nor drop one that stands between two amounts', () => {
    const entry = (text: string): CorpusEntry =>
      ({ id: 'ours', text, source: 'ours', figures: [{ what: 'data-total', value: 1024, unit: 'MB', pool: 'carryover', label: '' }] }) as unknown as CorpusEntry;
    const rule = (name: string) => VARIANT_RULES.find((r) => r.name === name)!;
    const text = '上月结转至本月的夜间流量包10元1G为1024.00M。您的和视频包6元包1GB包内流量共有1024.00MB。';
    expect(rule('joiner:colon').apply(text, entry(text), 0)).toBe('上月结转至本月的夜间流量包10元1G为1024.00M。您的和视频包6元包1GB包内流量共有：1024.00MB。');
    expect(rule('joiner:为').apply(text, entry(text), 0)).toBe('上月结转至本月的夜间流量包10元1G为1024.00M。您的和视频包6元包1GB包内流量共有为1024.00MB。');
    expect(rule('joiner:dropped').apply('夜间流量包10元1G为1024.00M，总量为1024MB', entry(''), 0)).toBe('夜间流量包10元1G为1024.00M，总量1024MB');
  });

  it('leave 积分余额 (what is left of points) alone when they swap balance words', () => {
    const rule = VARIANT_RULES.find((r) => r.name === 'balance-word:话费余额')!;
    expect(rule.apply('您的余额为10元，可用积分余额为1108。', {} as CorpusEntry, 0)).toBe('您的话费余额为10元，可用积分余额为1108。');
  });

  it('never rewrite a size inside a name the hand labels hold, nor put a joiner after a threshold word (round 45; real r18-056, r23b-038)', () => {
    const rule = (name: string) => VARIANT_RULES.find((r) => r.name === name)!;
    const named = { figures: [{ what: 'data-total', value: 1024, unit: 'MB', pool: 'app', label: '促销包1GB包内移动数据流量共有' }] } as unknown as CorpusEntry;
    expect(rule('joiner:为').apply('您本月促销包1GB包内移动数据流量共有1024.00MB。', named, 0)).toBe('您本月促销包1GB包内移动数据流量共有为1024.00MB。');
    const credit = { figures: [{ what: 'credit-limit', value: 10, unit: '元', pool: null, label: '可享受' }] } as unknown as CorpusEntry;
    expect(rule('joiner:colon').apply('您的话费余额不足10元。您可享受10.00元话费透支额度。', credit, 0)).toBe('您的话费余额不足10元。您可享受：10.00元话费透支额度。');
  });

  it('leave 已通话 (a verb: has called) alone when they swap 通话 and 语音 (round 45; real r24b-043, r24b-101)', () => {
    const rule = VARIANT_RULES.find((r) => r.name === 'topic-word:通话↔语音')!;
    expect(rule.apply('套餐包含的通话语音时长为350分钟，已通话340分钟。', {} as CorpusEntry, 0)).toBe('套餐包含的语音通话时长为350分钟，已通话340分钟。');
  });
});
