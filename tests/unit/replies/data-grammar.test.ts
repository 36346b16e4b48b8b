import { describe, expect, it } from 'vitest';
import { answerKinds, understandReply } from '../../../src-shared/replies';
import { figureWords, RECEIVED } from './format';

// Round 28: rules the reader follows wherever it reads data, not per template (docs/replies.md "The data grammar").
// Every wording is OURS (written for this test, NOT a real reply). Cases marked "(round 28)" failed on main de4c299.

/** [what the rule says, wording of ours, the figures read]. */
const CASES: [string, string, string[]][] = [
  [
    '(round 28) a list of services swallows no figure said before it',
    '尊敬的客户，您本月已使用国内流量812.5MB，剩余211.5MB。您订购的流量业务：1.4G飞享流量包 20元/月；2.夜间流量包 5元/月。回复序号可取消。',
    ['data.used 812.5 general', 'data.remaining 211.5 general'],
  ],
  [
    '(round 28) nor one said after its cancel sentence',
    '您目前已定制的业务如下：\n1.手机报 3元/月\n2.彩铃 5元/月\n发送取消+序号即可退订。截至2026年11月20日，您本月已产生费用43.25元。',
    ['balance.spentThisMonth 43.25'],
  ],
  ['(round 28) a heading line with digits in a package\'s name heads the colon table under it', '4G飞享套餐国内流量\n总量：1024MB\n已使用：300MB\n剩余：724MB', ['data.total 1024 general', 'data.used 300 general', 'data.remaining 724 general']],
  ['(round 28) so does a heading whose name is in a 【sign】', '【4G飞享套餐】省内流量\n总量：1024MB\n剩余：724MB', ['data.total 1024 provincial', 'data.remaining 724 provincial']],
  ['a heading without digits heads as before', '国内通用流量：\n总量：1024MB\n已使用：300MB', ['data.total 1024 general', 'data.used 300 general']],
  ['(round 28) 已经 between a kind and its label is the label\'s adverb, no unknown kind', '您本月省内流量已经用了300MB，剩余724MB。', ['data.used 300 provincial', 'data.remaining 724 provincial']],
  ['an unknown word there still leaves the kind unstated', '您本月国内通用流量追剧共30GB。', ['data.total 30720']],
  ['(round 28) 已经 is 已 in every label that holds 已 (labelSynonyms): 已经消费 is spent', '您本月已经消费24.80元。', ['balance.spentThisMonth 24.8']],
  ['(round 28) and in the words that say a template is spoken of: 已经消费 alone opens the balance template', '截至11月20日，您已经消费24.80元，请留意。', ['balance.spentThisMonth 24.8']],
  ['(round 28) 花了 / 已花费 is spent', '亲，您本月已经花了24.8块，话费余额还剩35.2块。', ['balance.spentThisMonth 24.8', 'balance.balance 35.2']],
  ['a label with 已 alone keeps reading as before', '您本月已消费24.80元。', ['balance.spentThisMonth 24.8']],
  ['(round 28) what a package holds in brackets after its name, then what is left of it, is no figure (rule 9, one rule for 包, 套餐, 不限量)', '您的新2元超级叠加包(100M国内流量)还剩余80.00M。', ['data.remaining 80 general']],
  ['a bracket its own 含 opens says what the package holds: a total', '您的5元GPRS套餐（含30M）已使用12M。', ['data.total 30', 'data.used 12']],
  ['a gift\'s size with what is left of it later in its clause names the gift (one rule with the next case)', '其中赠送1G省内流量剩余1015.83M', ['data.remaining 1015.83 provincial']],
  ['so does a gift\'s size after its period, before a colon', '赠送3个月2G国内流量：已使用100.00M', ['data.used 100 general']],
  ['(round 28) a kind said in an earlier clause with no amount is not said of a clause that names the customer\'s data afresh', '您办理的国内流量包已到期，您的流量剩余300MB。', ['data.remaining 300']],
  ['(round 28) nor across a date', '您订购的省内流量包已于11月1日失效，您的流量剩余300MB。', ['data.remaining 300']],
  ['a heading\'s colon still names the clause after it', '国内流量：您的流量剩余300MB', ['data.remaining 300 general']],
  ['a kind in the clause\'s own words still names it', '您办理的流量包已到期，您的省内流量剩余300MB。', ['data.remaining 300 provincial']],
  ['(round 28) scopes joined (省内外) name neither scope: 通用 decides', '您的省内外通用流量剩余300MB。', ['data.remaining 300 general']],
  ['(round 28) so in a note after the kind', '您的国内通用流量（省内省外均可使用）剩余300MB。', ['data.remaining 300 general']],
  ['scopes joined and nothing else: not stated (so on main too: 省外 is no word it knows)', '您的省内和省外流量剩余300MB。', ['data.remaining 300']],
  ['(round 28) a note of what the amount leaves out names nothing of it', '您的全国流量（不含省内）剩余300MB。', ['data.remaining 300 general']],
  ['scopes of two amounts, each its own', '您的省内流量剩余300MB，国内流量剩余1GB。', ['data.remaining 300 provincial', 'data.remaining 1024 general']],
  ['a list alone stays a list, with no figure from its fees', '您目前已定制的业务如下：\n1.手机报 3元/月\n2.彩铃 5元/月\n回复序号即可退订。', []],
];

describe('the data grammar (round 28)', () => {
  it.each(CASES)('%s', (_rule, text, want) => {
    expect(figureWords(text)).toEqual(want);
  });

  it('(round 28) figures beside a list keep the list, each entry with its fee and the cancel by number', () => {
    const u = understandReply({ text: CASES[0]![1], receivedAt: RECEIVED, from: '10086' });
    expect(u.kind).toBe('figures');
    if (u.kind !== 'figures') return;
    expect(u.services?.map((s) => `${s.n}.${s.name} ${s.fee}`)).toEqual(['1.4G飞享流量包 20元/月', '2.夜间流量包 5元/月']);
    expect(u.cancelByNumber).toBe(true);
    expect(u.menu).toEqual([]);
  });

  it('(round 28) figures beside a list answer a query of the data as well as 0000 (pairing)', () => {
    const u = understandReply({ text: CASES[0]![1], receivedAt: RECEIVED, from: '10086' });
    expect(answerKinds(u)).toEqual(['data', 'services']);
  });

  it('(round 28) a code in brackets after a service\'s name is no part of the name', () => {
    const u = understandReply({ text: '您好！您定制的业务如下：\n1.梦网彩信（SP代码:801234）5.00元/月\n2.手机报 3.00元/月\n回复序号退订。', receivedAt: RECEIVED, from: '10086' });
    expect(u.kind === 'services' ? u.services.map((s) => `${s.n}.${s.name} ${s.fee}`) : u.kind).toEqual(['1.梦网彩信 5.00元/月', '2.手机报 3.00元/月']);
  });

  it('a list alone is still a services reply', () => {
    expect(understandReply({ text: CASES.at(-1)![1], receivedAt: RECEIVED, from: '10086' }).kind).toBe('services');
  });
});
