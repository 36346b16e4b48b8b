import { describe, expect, it } from 'vitest';
import { builtinReplyRules } from '../../../src-shared/replies';
import { allMatches, requiredWords } from '../../../src-shared/replies/regex';

describe('patterns skip texts that lack their plain words', () => {
  it('finds the words every match must hold, per top-level branch', () => {
    expect(requiredWords(/(?<=^|[,。;!:])\s*(?<service>[^,。;]{1,20}?)已为您(?:开通|办理|取消)/gu)).toEqual(['已为您']);
    expect(requiredWords(/(?:上午|下午|[日号])\s*\d{1,2}\s*点|\d{1,2}\s*点(?=\s*前)/gu)).toEqual(['点', '点']);
    expect(requiredWords(/回复[a-z0-9#]{2,12}(?:即可)?开通/gu)).toEqual(['回复']);
    // A quantified character, a class, an escape or a group is no plain word.
    expect(requiredWords(/is suspended?/gu)).toEqual(['is suspende']);
    expect(requiredWords(/\d+\s*%/gu)).toEqual(['%']);
    // An escaped sign is that sign (round 10); one under a quantifier, or a class (\d), is no plain word.
    expect(requiredWords(/\d*\*\*\*+\d*/gu)).toEqual(['**']);
    expect(requiredWords(/1\.5g/gu)).toEqual(['1.5g']);
    expect(requiredWords(/\d*\*{3,}\d*/gu)).toBeNull();
    expect(requiredWords(/(?:https?:\/\/|www\.)\S+|\.cn/gu)).toBeNull();
    expect(requiredWords(/abc/giu)).toBeNull();
  });

  it('finds the one match of a pattern compiled without g (anchored at the start), and stops', () => {
    expect(allMatches(/^[a-z]+/du, 'your balance').map((m) => m[0])).toEqual(['your']);
    expect(allMatches(/^\d+/du, 'your balance')).toEqual([]);
  });

  it('gives the same matches as a plain search on every rule pattern', () => {
    const texts = [
      '尊敬的客户，您好！截至05月14日10时，您的话费余额为56.30元，已为您开通流量提醒。详询10086。',
      '今天10点前回复KTLL20即可开通，0.29元/MB，流量剩余80%，www.10086.cn',
      'your balance is HK$88.50 as at 12/05/2021; service is suspended',
    ];
    const seen = new Set<RegExp>();
    const walk = (o: unknown): void => {
      if (o instanceof RegExp) seen.add(o);
      else if (o && typeof o === 'object') for (const v of Object.values(o)) walk(v);
    };
    walk(builtinReplyRules());
    expect(seen.size).toBeGreaterThan(50);
    for (const re of seen) {
      for (const text of texts) {
        const plain = [...text.matchAll(new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`))].map((m) => [m.index, m[0]]);
        expect([re.source, allMatches(re, text).map((m) => [m.index, m[0]])]).toEqual([re.source, plain]);
      }
    }
  });
});
