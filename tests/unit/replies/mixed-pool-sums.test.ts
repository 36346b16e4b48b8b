import { describe, expect, it } from 'vitest';
import { dataByPool, understandReply } from '../../../src-shared/replies';
import { RECEIVED } from './format';

// Round 13 (issue 15, "0 values summed across pool kinds"): the general causes behind the real16 dev texts whose
// data left the overview added across kinds (r16-027, r16-057, r16-107, r16-130). Every wording here is OURS
// (source `ours:` round 13, written for this test, NOT a real reply); each case fails on main 02c39c5.
const read = (text: string) => understandReply({ text, receivedAt: RECEIVED, from: '10086' });
const rounded = (value: number) => Math.round(value * 100) / 100;
/** The data figures read as `field value [pool]`. */
const lines = (text: string) => {
  const u = read(text);
  return u.kind === 'figures' ? u.figures.filter((f) => f.topic === 'data').map((f) => `${f.field} ${rounded(f.value)}${f.pool ? ` ${f.pool}` : ''}`) : [];
};
/** The data left the overview adds up per kind, as `pool value`. */
const sums = (text: string) => {
  const u = read(text);
  if (u.kind !== 'figures') return [];
  const left = u.figures.filter((f) => f.topic === 'data' && f.field === 'remaining');
  return dataByPool(left).map((a) => `${a.pool ?? '-'} ${rounded(a.mb)}`);
};

/** [cause, wording of ours, the data figures read, the sums of data left]. */
const CASES: [string, string, string[], string[]][] = [
  [
    '小区流量 (data of one cell area) is no provincial data: its kind is not stated, never added to 省内',
    '您本月小区流量剩余200.00MB，省内流量剩余1.00GB。',
    ['remaining 200', 'remaining 1024 provincial'],
    ['provincial 1024', '- 200'],
  ],
  [
    '小区流量 (data of one cell area) is no provincial data: its kind is not stated, never added to 省内',
    '其中，5元1GB省内流量包（省内流量）剩余1GB；0元2GB小区流量包（小区流量）剩余2GB。',
    ['remaining 1024 provincial', 'remaining 2048'],
    ['provincial 1024', '- 2048'],
  ],
  [
    '小区 data after a named amount does not take its kind (小区 is a kind no pool is, `unpooledKinds`)',
    '您省内流量剩余1.00GB，小区剩余500.00MB。',
    ['remaining 1024 provincial', 'remaining 500'],
    ['provincial 1024', '- 500'],
  ],
  [
    '小区 data after a named amount does not take its kind (小区 is a kind no pool is, `unpooledKinds`)',
    '您省内流量剩余1.00GB，小区内剩余500.00MB。',
    ['remaining 1024 provincial', 'remaining 500'],
    ['provincial 1024', '- 500'],
  ],
  [
    'a kind the amount is said not to be (不可共享) names none',
    '您省内流量剩余1.00GB，省内（不可共享）流量剩余500.00MB。',
    ['remaining 1024 provincial', 'remaining 500 provincial'],
    ['provincial 1524'],
  ],
  [
    'a stronger kind before a number that is no amount (共享主号（号码）) names the amount after it',
    '您国内流量剩余300.00MB。另外，您共享主号（13800000000）国内流量剩余400.00MB。',
    ['remaining 300 general', 'remaining 400 shared'],
    ['shared 400', 'general 300'],
  ],
  [
    '咪咕 data (China Mobile\'s own video and music apps) is data for an app',
    '您的省内流量剩余1.00GB，咪咕视频流量剩余2.00GB。',
    ['remaining 1024 provincial', 'remaining 2048 app'],
    ['app 2048', 'provincial 1024'],
  ],
  [
    'a note of what a package allows (（支持流量结转）) says nothing of the amount\'s kind',
    '本月明细：5元国内闲时流量包（支持流量结转）剩余1.00GB；10元流量套餐（支持流量结转）剩余200.00MB。',
    ['remaining 1024 offpeak', 'remaining 200'],
    ['offpeak 1024', '- 200'],
  ],
  [
    'data not cleared last month (上月未清零, 转结) is carried over',
    '上月未清零流量：5元国内闲时流量包转结剩余100.00MB；本月：5元国内闲时流量包剩余1.00GB。',
    ['remaining 100 carryover', 'remaining 1024 offpeak'],
    ['offpeak 1024', 'carryover 100'],
  ],
];

describe('data of different kinds is never added up (round 13, ours)', () => {
  for (const [cause, text, figures, left] of CASES) {
    it(`${cause}: ${text}`, () => {
      expect(lines(text)).toEqual(figures);
      expect(sums(text).sort()).toEqual([...left].sort());
    });
  }
});
