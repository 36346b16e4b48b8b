import { describe, expect, it } from 'vitest';
import { dataByPool, understandReply } from '../../../src-shared/replies';
import { RECEIVED } from './format';

// Round 32 (issue 15, "0 values summed across pool kinds"): shapes the GENERATED multi-pool variants found (pool-variants.ts,
// `inserted:*`, `wording:joiner:colon`). Every wording here is OURS, shaped after those variants, NOT a real reply.
const read = (text: string) => understandReply({ text, receivedAt: RECEIVED, from: '10086' });
const rounded = (value: number) => Math.round(value * 100) / 100;
/** The data left the overview adds up per kind, as `pool value`, `(guess)` when the kind is not plainly stated. */
const sums = (text: string) => {
  const u = read(text);
  if (u.kind !== 'figures') return [];
  const left = u.figures.filter((f) => f.topic === 'data' && f.field === 'remaining');
  return dataByPool(left).map((a) => `${a.pool ?? '-'}${a.inferred ? ' (guess)' : ''} ${rounded(a.mb)}`).sort();
};

describe('a kind is added up only when plainly the amount\'s own (round 32, ours)', () => {
  it('a kind carried from the amount before does not cross words naming another kind (a context cut by numbers that are no data)', () => {
    const text = '您的国内流量剩余100.00M；WLAN流量剩余2.06G；80元国内流量不限量优惠包(国内流量不限量+赠送200分钟国内+赠送1400分钟本地)已使用29.37M，还剩余25570.63M。';
    expect(sums(text)).toEqual(['general 100', 'wlan (guess) 25570.63', 'wlan 2109.44'].sort());
  });

  it('a kind a package\'s words make stronger (夜间…（省内）), cut by a colon, is not carried on as plain to the amounts after it', () => {
    const text = '您的省内高速流量套餐已使用：0.34M，还剩余：923.66M；夜间流量包（省内）5元：1G已使用：0MB，还剩余：2034.93M（含结转流量：1010.93M)。';
    const s = sums(text);
    expect(s.filter((x) => x.startsWith('provincial ') && !x.includes('guess'))).toEqual(['provincial 923.66']);
  });
});

describe('labelling rule 15: a pack granted beyond the plan is a total (round 32)', () => {
  it('reads real r20-053 (江苏, zyzx xlsx row 1232): the pack\'s size, general by its own words', () => {
    const u = read('尊敬的客户，您的本月套餐外优惠流量（国内通用）3M,截至21日22时17分，已使用完，供您参考。详情请点击http://wap.js.10086.cn/dz');
    expect(u.kind).toBe('figures');
    const data = u.kind === 'figures' ? u.figures.filter((f) => f.topic === 'data').map((f) => `${f.field} ${f.value} ${f.pool}`) : [];
    expect(data).toEqual(['total 3 general']);
  });

  it('a volume used beyond the plan stays beyond the plan (rule 4): 超出流量, 套餐外已使用 (ours)', () => {
    const fields = (text: string) => {
      const u = read(text);
      return u.kind === 'figures' ? u.figures.filter((f) => f.topic === 'data').map((f) => f.field) : [];
    };
    expect(fields('您本月超出流量504.00M。')).toEqual(['beyondPlan']);
    expect(fields('您本月套餐外已使用286.00M。')).toEqual(['beyondPlan']);
  });
});
