import { describe, expect, it } from 'vitest';
import { confidenceQuality, loadQueries, WEAK_SET } from '../../../bench/search-quality';
import { builtinCatalog } from '../../../src-shared/catalog/builtin';
import { createSearch } from '../../../src-shared/search';

/*
 * Issue 16, fourth round (branch searchq3): the classes the held-out set still misses, each with
 * queries written before the mechanism that answers them (tests/fixtures/search-queries.weak.json,
 * ours). Each class must reach its bar as a whole: a mechanism is proven by many phrasings, not one.
 * Measured before the round (same file): sentences 43/45 top-1, 3 not confident; action ties 43/47;
 * lookalikes 23/38 not confident; short phrasings 45/45.
 */

const engine = createSearch(builtinCatalog().instructions);
const set = loadQueries(WEAK_SET)!;
const judge = (q: string) => {
  const results = engine.search(q, 10);
  return { ids: results.map((r) => r.id), confident: results[0]?.confident ?? false };
};
const ofKind = (...kinds: string[]) => confidenceQuality(set.filter((x) => kinds.includes(x.kind)), judge);
const missed = (c: ReturnType<typeof confidenceQuality>) => c.misses.map((m) => `${m.q} → ${m.got.join(',') || '—'}${m.confident ? '' : ' (maybe)'}`);

describe('weak classes, on queries written before their mechanisms', () => {
  it('long sentences: the request clause decides, context naming another thing does not', () => {
    const c = ofKind('sentence');
    expect(c.answerable).toBe(45);
    expect(c.top1, missed(c).join('\n')).toBeGreaterThanOrEqual(44 / 45);
    expect(c.answerableNotConfident, missed(c).join('\n')).toBeLessThanOrEqual(2 / 45);
  });

  it('near ties of one service: the action word picks on, off, check or change', () => {
    const c = ofKind('action-tie');
    expect(c.answerable).toBe(47);
    expect(c.top1, missed(c).join('\n')).toBeGreaterThanOrEqual(46 / 47);
    expect(c.answerableNotConfident).toBe(0);
  });

  it('lookalikes (call records, plans, prices, sharing data, other carriers) are not answered with confidence', () => {
    const c = ofKind('lookalike');
    expect(c.unanswerable).toBe(38);
    expect(c.unanswerableNotConfident, missed(c).join('\n')).toBeGreaterThanOrEqual(36 / 38);
  });

  it('another person’s phone is still answered (the blind sets label it answerable)', () => {
    const c = ofKind('other-person');
    expect(c.answerable).toBe(7);
    expect(c.top1, missed(c).join('\n')).toBe(1);
  });

  it('short everyday phrasings stay answered with confidence', () => {
    const c = ofKind('zh-hans', 'en-casual', 'typo', 'cantonese', 'initials');
    expect(c.answerable).toBe(45);
    expect(c.top1, missed(c).join('\n')).toBe(1);
    expect(c.answerableNotConfident, missed(c).join('\n')).toBe(0);
  });
});
