import { describe, expect, it } from 'vitest';
import { understandReply } from '../../../src-shared/replies';
import { RECEIVED } from './format';

// Round 20 (issue 15, branch fixpv): the kind of the amounts of a numbered list of packages. Every wording here is OURS
// (written for this test, NOT a real reply), after real r17-036 (items in reverse order: its generated variant
// r17-036~reordered added up provincial and general data left). Each case fails on main 4f05fd7; the guards pass there too.
const kinds = (text: string) => {
  const u = understandReply({ text, receivedAt: RECEIVED, from: '10086' });
  return u.kind === 'figures' ? u.figures.map((f) => `${f.topic}.${f.field} ${f.value} ${f.pool ?? '-'} ${f.kindFrom ?? '-'}`) : [];
};

/** [mechanism, wording of ours, the figures read as `topic.field value pool kindFrom`]. */
const CASES: [string, string, string[]][] = [
  // Round 25 (labelling rule 9): a gift's size after its period (赠送3个月1G…:) is in its name, no total (real r17-036's hand figures
  // write none); the three cases below keep their kinds.
  ['a size ending an item\'s package name right before its colon (套餐500M:) cuts none of the kind words naming the amounts after the colon', '您本月套餐情况：1、赠送3个月1G省内流量:已使用1024.00M，剩余0.00M;2、国内通用流量畅享套餐500M:已使用100.00M，剩余400.00M;', ['data.used 1024 provincial own', 'data.remaining 0 provincial clause', 'data.used 100 general own', 'data.remaining 400 general clause']],
  ['so in the first item too: its amounts are of the kind its name states (省内流量加油包500M:)', '您本月套餐情况：1、省内流量加油包500M:已使用200.00M，剩余300.00M;2、国内通用流量畅享套餐:已使用100.00M，剩余900.00M;', ['data.used 200 provincial own', 'data.remaining 300 provincial clause', 'data.used 100 general own', 'data.remaining 900 general clause']],
  ['an item whose name states a kind after its size (赠送3个月500MB省内流量:) never takes the kind of the item before', '您本月套餐情况：1、国内通用流量畅享套餐:已使用100.00MB，剩余1948.00MB;2、赠送3个月500MB省内流量:已使用100.00MB，剩余400.00MB;', ['data.used 100 general own', 'data.remaining 1948 general clause', 'data.used 100 provincial own', 'data.remaining 400 provincial clause']],
  ['an item whose name holds a word no rule knows where a kind word stands (赠送3个月500MB追剧流量:) takes no kind from the item before either', '您本月套餐情况：1、国内通用流量畅享套餐:已使用100.00MB，剩余1948.00MB;2、赠送3个月500MB追剧流量:已使用100.00MB，剩余400.00MB;', ['data.used 100 general own', 'data.remaining 1948 general clause', 'data.used 100 - -', 'data.remaining 400 - -']],
  ['guard: a price and a size ending the name (套餐30元2GB:) cut none already (round 19)', '您本月套餐情况：1、省内流量畅享套餐:已使用1024.00M，剩余0.00M;2、国内通用流量畅享套餐30元2GB:已使用100.00MB，剩余1948.00MB;', ['data.used 1024 provincial own', 'data.remaining 0 provincial clause', 'data.used 100 general own', 'data.remaining 1948 general clause']],
  ['guard: a size with its kind after it and no colon (剩余500M省内流量) stays an amount of that kind', '您本月国内通用流量已使用100.00M，剩余500M省内流量。', ['data.used 100 general own', 'data.remaining 500 provincial own']],
];

describe('round 20: the kind of the amounts of a numbered list of packages', () => {
  it.each(CASES)('%s: %s', (_mechanism, text, expected) => {
    expect(kinds(text)).toEqual(expected);
  });
});
