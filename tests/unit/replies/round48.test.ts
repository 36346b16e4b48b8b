import { describe, expect, it } from 'vitest';
import repliesJson from '../../../instructions/replies.json';
import { type FigureRecord, parseReplyRules, ReplyReader, understandReply } from '../../../src-shared/replies';
import { customerDataLeft, dataByPool } from '../../../src-shared/replies/pools';
import { labelWords, withoutKindWord } from '../../../bench/replies-unknown-label';
import { RECEIVED } from './format';

// Round 48 (issue 15, branch replies48): a kind word the reader does not know. Every wording here is OURS (written for this
// test, NOT a real reply), in the shape of the real dev texts each case names. Each non-guard case fails on main 80eca30c;
// the guards pass there too.
type Json = Record<string, unknown>;
const read = (text: string, word: string | null = null) => {
  const input = { text, receivedAt: RECEIVED, from: '10086' };
  return word === null ? understandReply(input) : new ReplyReader(parseReplyRules(withoutKindWord(repliesJson as unknown as Json, word))).read(input);
};
const lines = (text: string, word: string | null = null): string[] => {
  const u = read(text, word);
  return u.kind === 'figures'
    ? u.figures.map((f: FigureRecord) => `${f.topic}.${f.field} ${+f.value.toFixed(2)} ${f.pool ?? 'null'}${f.pool !== null && f.kindFrom ? ` ${f.kindFrom}` : ''}${f.kindWords ? ` (${f.kindWords})` : ''}`)
    : [];
};

describe('round 48: a scope guessed past an unknown word is no guess beside a plain pool of that scope', () => {
  it('国内X流量 beside a plain 国内流量 is of no stated kind, named by its word (real r16-107, r17-103 without 闲时 / 定向)', () => {
    expect(lines('流量提醒：您国内流量剩余500.00MB，省内流量剩余3.00GB，国内畅享流量剩余1.00GB。')).toEqual([
      'data.remaining 500 general own',
      'data.remaining 3072 provincial own',
      'data.remaining 1024 null (国内畅享流量)',
    ]);
  });

  it('so for a reader that does not know 闲时 (the bench row: it guessed general)', () => {
    expect(lines('流量提醒：您国内流量剩余500.00MB，国内闲时流量剩余1.00GB。', '闲时')).toEqual(['data.remaining 500 general own', 'data.remaining 1024 null (国内闲时流量)']);
  });

  it('and for the use and what is left that go on from it (real r15-170: 共包含国内闲时流量…，已使用…，剩余…)', () => {
    expect(lines('您本月套餐内国内通用流量剩余2.00GB；加油包共包含国内畅享流量10.00GB，已使用3.00GB，剩余7.00GB。')).toEqual([
      'data.remaining 2048 general own',
      'data.total 10240 null',
      'data.used 3072 null',
      'data.remaining 7168 null',
    ]);
  });

  it('guard: the customer\'s data left is the plain general pool alone (a guess was never added either)', () => {
    const u = read('流量提醒：您国内流量剩余500.00MB，国内畅享流量剩余1.00GB。');
    expect(u.kind === 'figures' ? customerDataLeft(dataByPool(u.figures.filter((f) => f.topic === 'data' && f.field === 'remaining')))?.value : undefined).toBe(500);
  });

  it('guard: alone, 国内X流量 keeps its scope as a guess (round 46)', () => {
    expect(lines('您本月国内畅享流量剩余1.50GB。')).toEqual(['data.remaining 1536 general narrowed']);
  });

  it('guard: a word before the scope keeps it beside a plain pool (real r16-021 满就送全国流量, r16-079 营销活动赠送省内流量)', () => {
    expect(lines('您国内流量剩余500.00MB，满就送全国流量剩余1.00GB。')).toEqual(['data.remaining 500 general own', 'data.remaining 1024 general narrowed']);
  });
});

describe('round 48: the bench\'s "one kind word unknown" reader knows no label holding the word', () => {
  it('taking out 结转 takes out 结转流量, 含上月结转 and 结转至本月 (they made 30 of the row\'s 49 wrong)', () => {
    const rules = withoutKindWord(repliesJson as unknown as Json, '结转');
    expect(labelWords(rules).filter((w) => w.includes('结转'))).toEqual([]);
    expect(labelWords(repliesJson as unknown as Json).filter((w) => w.includes('结转')).length).toBeGreaterThan(0);
  });
});
