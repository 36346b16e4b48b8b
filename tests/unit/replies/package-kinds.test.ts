import { describe, expect, it } from 'vitest';
import { customerDataLeft, dataByPool, describeFigures, understandReply, type FigureRecord } from '../../../src-shared/replies';
import { dataLeftByPool, generalDataLeftMb } from '../../../src-shared/fleet/sim-figures';
import { figureWords, RECEIVED } from './format';

// Round 29 (issue 15): every wording here is OURS, written for this test, NOT a real reply.
// Cases marked "(round 29)" failed on main 67994760; the others are guards that passed there too.

const read = (text: string) => {
  const u = understandReply({ text, receivedAt: RECEIVED, from: '10086' });
  return u.kind === 'figures' ? u.figures : [];
};

/**
 * Rule settled 2026-12-06 (session 19): a kind word in a package's own name states the kind of the data that package grants,
 * when nothing nearer says another kind of that amount. A price and a size inside the name (5元1GB) are no words of it.
 */
const PACKAGE_NAMES: [string, string, string[]][] = [
  ['(round 29) 省内 before a price and size in the name', '您的省内5元1GB流量包剩余500MB。', ['data.remaining 500 provincial']],
  ['(round 29) 全国 before them, then a colon', '您订购的全国30元3GB流量包：已使用1GB，剩余2GB。', ['data.used 1024 general', 'data.remaining 2048 general']],
  ['(round 29) 夜间, and a comma before the amount', '您订购的夜间5元10GB流量包，剩余3GB。', ['data.remaining 3072 offpeak']],
  ['(round 29) 闲时 in a pack named with no data word', '您的闲时20元10GB包，已用2GB，剩余8GB。', ['data.used 2048 offpeak', 'data.remaining 8192 offpeak']],
  ['(round 29) the price and size in brackets after the name', '您的省内流量包（10元1GB）剩余500MB，国内流量剩余1GB。', ['data.remaining 500 provincial', 'data.remaining 1024 general']],
  ['(round 29) 家庭共享 before them', '您的家庭共享30元5GB流量包剩余3GB。', ['data.remaining 3072 shared']],
  ['(round 29) a named app\'s 专属 pack, a size between', '您的腾讯视频专属1GB流量包剩余800MB。', ['data.remaining 800 app']],
  ['(round 29) a named app\'s 专属 pack with no data word', '您的爱奇艺专属5元包剩余2GB。', ['data.remaining 2048 app']],
  ['the settled example reads general', '您的全国不限量98元套餐：包含流量20GB，已使用5GB，剩余15GB。', ['data.total 20480 general', 'data.used 5120 general', 'data.remaining 15360 general']],
  ['本地 in a pack\'s name, no price', '您办理的本地流量包剩余500MB。', ['data.remaining 500 provincial']],
  ['a price before the kind word', '您的10元夜间流量包剩余3GB。', ['data.remaining 3072 offpeak']],
  ['定向 alone names app data', '您的爱奇艺定向包已使用1GB，剩余9GB。', ['data.used 1024 app', 'data.remaining 9216 app']],
  ['省内…专属包 is no named app\'s: its scope stands', '您的"流量汇0元包10M省内流量专属包": 共含流量为30.00M，剩余流量还有6.17M', ['data.total 30 provincial', 'data.remaining 6.17 provincial']],
  ['an amount after the package names it anew in its own clause: that kind wins', '您的省内5元1GB流量包已生效，国内流量剩余2GB。', ['data.remaining 2048 general']],
  ['(round 29) a sentence of a bare label of another field goes on from the package\'s amount in the sentence before', '您订购的全国流量包（30元3GB）：已使用1GB。剩余2GB。', ['data.used 1024 general', 'data.remaining 2048 general']],
  ['a sentence with words of its own before the label does not', '您的国内流量剩余1GB。副卡剩余2GB。', ['data.remaining 1024 general', 'data.remaining 2048']],
  ['nor one of the same field', '您的国内流量剩余1GB。剩余2GB。', ['data.remaining 1024 general', 'data.remaining 2048']],
  ['a package named in an earlier sentence names nothing of a clause of the customer\'s own data', '您办理的省内流量包已生效。您的流量剩余1GB。', ['data.remaining 1024']],
];

/** Data left per kind as the Overview, the alerts and 小e get it: `kind value` (`?` inferred, never added), and the customer's. */
function leftSums(text: string): { kinds: string[]; customer: number | undefined } {
  const left = read(text).filter((f: FigureRecord) => f.topic === 'data' && f.field === 'remaining');
  const amounts = dataByPool(left);
  return { kinds: amounts.map((a) => `${a.pool ?? 'unstated'}${a.inferred ? '?' : ''} ${a.mb}`), customer: customerDataLeft(amounts)?.mb };
}

/** No data-left figure may add pools of different kinds: [what the rule says, wording, kinds, the customer's data left]. */
const SUMS: [string, string, string[], number | undefined][] = [
  ['(round 29) a pack named in the amount\'s own clause (加油包) takes no kind from the amount before', '您的国内通用流量剩余1GB、加油包剩余500MB。', ['general 1024', 'unstated 500'], 1024],
  ['(round 29) nor a day pack after a comma', '您的国内流量套餐剩余2GB，日租包剩余800MB。', ['general 2048', 'unstated 800'], 2048],
  ['(round 29) nor an app\'s pack that names no kind word', '国内流量剩余1GB，抖音包剩余2GB。', ['general 1024', 'unstated 2048'], 1024],
  ['(round 29) a second amount left in one clause group is of another pool: a guess at most, never added', '国内流量剩余2GB，副卡剩余1GB。', ['general 2048', 'general? 1024'], 2048],
  ['(round 29) so after a gift word', '您的国内流量剩余2GB，赠送剩余1GB。', ['general 2048', 'general? 1024'], 2048],
  ['(round 29) so in a list of amounts left', '国内流量剩余2GB、1GB。', ['general 2048', 'general? 1024'], 2048],
  ['(round 29) the plan named before a label names its data anew', '您本月国内通用流量已用2GB，套餐剩余流量1GB，国内通用流量剩余3GB。', ['general 3072', 'unstated 1024'], 3072],
  ['(round 29) a bare label\'s sentence after the package\'s takes its kind as a guess, never added', '您订购的全国流量包（30元3GB）：已使用1GB。剩余2GB。', ['general? 2048'], 2048],
  ['a pool\'s total, used and left go on: one amount left, stated', '国内通用流量共75G，已用8.21G，剩余66.79G。', ['general 68392.96'], 68392.96],
  ['a pack whose name holds a kind word is of that kind', '国内流量剩余1GB，夜猫包剩余2GB。', ['general 1024', 'offpeak 2048'], 1024],
  ['two pools each named add up only by kind', '您的省内流量剩余500MB，国内流量剩余1GB，省内流量包剩余300MB。', ['general 1024', 'provincial 800'], 1024],
  ['a pack named after data of a kind the rules do not know stays of a kind not known (round 22): no customer\'s data left', '您今日已使用日租宝流量680MB，日包总量1GB，剩余344MB。', ['unstated 344'], undefined],
];

describe('round 29: a package\'s own name states the kind of its data', () => {
  it.each(PACKAGE_NAMES)('%s', (_rule, text, want) => {
    expect(figureWords(text)).toEqual(want);
  });

  it.each([
    ['(round 29) a unit written apart from its number ends a name too (30元 3000 M流量: no kind the rules do not know)', '您本月套餐流量使用情况如下：30元 3000 M流量2G952.00MB，已使用约 0.00 MB，剩余约2G952.00MB。'],
    ['a size in a name gives back no words past its clause\'s colon (the list heading 各项流量… is no word of the name)', '各项流量套餐使用情况如下:1.10元包为100M自动加油包：包含流量为0.00MB，剩余流量为0.00MB'],
    ['nor past its semicolon', '您本月流量明细：500 MB数据流量叠加卡-流量池套餐包含流量 500.00 MB剩余 500.00 MB。'],
  ])('%s', (_rule, text) => {
    expect(read(text).map((f) => `${f.field} ${f.pool} ${f.kindUnknown === true}`).every((w) => w.endsWith(' null false'))).toBe(true);
  });

  it('a price and size in a list\'s item name no kind from the list\'s heading (自动 names no kind)', () => {
    const figures = read('各项流量套餐使用情况如下:1.10元包100M自动加油包：包含流量0.00MB，已使用流量0.00MB,剩余流量0.00MB');
    expect(figures.map((f) => `${f.field} ${f.pool} ${f.kindUnknown === true}`)).toEqual(['total null false', 'used null false', 'remaining null false']);
  });
});

describe('round 29: no data-left figure adds pools of different kinds', () => {
  it.each(SUMS)('%s', (_rule, text, kinds, customer) => {
    expect(leftSums(text)).toEqual({ kinds, customer });
  });

  it('(round 29) the Overview\'s and the fleet board\'s data left (generalDataLeftMb) take the general pool alone', () => {
    const figures = read('您的国内通用流量剩余1GB、加油包剩余500MB。');
    expect(generalDataLeftMb(figures)).toBe(1024);
    expect(dataLeftByPool(figures)).toEqual({ general: 1024, unstated: 500 });
  });

  it('(round 29) the line under a reply and 小e say each pool apart (they said "1.49 GB" and "3.00 GB")', () => {
    const say = (text: string) => describeFigures(understandReply({ text, receivedAt: RECEIVED, from: '10086' }), 'zh-Hans');
    expect(say('您的国内通用流量剩余1GB、加油包剩余500MB。')).toBe('你的流量还剩 1.00 GB（国内通用）、500.00 MB（未注明类型）');
    // Round 30 (labelling rule 13): the 副卡's amount is said with its member.
    expect(say('国内流量剩余2GB，副卡剩余1GB。')).toBe('你的流量还剩 2.00 GB（国内通用）、1.00 GB（副卡：推测为国内通用）');
  });
});
