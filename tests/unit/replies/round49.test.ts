import { describe, expect, it } from 'vitest';
import { figureWords } from './format';

// Round 49 (branch replies49): generalisation where GENERATED variants of dev texts (tests/fixtures/replies/variants.ts) lost
// figures the original gave, and where an amount left was read as a total. Every wording here is OURS (written for this test,
// NOT a real reply), in the shape of the real dev texts each case names; each non-guard case fails on main 80eca30c, the
// guards pass there too.

/** [mechanism (the real texts whose variants showed it), wording of ours, the figures read]. */
const FIGURES: [string, string, string[]][] = [
  [
    'a line that ends right after an amount goes on as after a comma: the kind of its sentence carries to the next line (variant punctuation:clauses on lines of real r15-139)',
    '您本月可享受国内数据流量200.0MB（其中上月结转50.0MB）\n已使用12.5MB\n剩余可用187.5MB',
    ['data.total 200 general', 'data.total 50 carryover', 'data.used 12.5 general', 'data.remaining 187.5 general'],
  ],
  [
    'so do a bill\'s total and its lines on lines of their own after 其中 (variant punctuation:clauses on lines of real r15-118)',
    '截至2018年03月03日05时53分\n您的家庭帐户已消费30.00元\n余额为50.00元。其中\n号码13600000000已消费10.00元\n号码13900000000已消费20.00元',
    ['bill.total 30', 'balance.balance 50', 'bill.item 10', 'bill.item 20'],
  ],
  [
    'guard: the lines of a numbered list stay lines of their own',
    '您本月消费明细:\n1.套餐费30.00元\n2.短信费2.00元\n合计32.00元',
    ['bill.item 30', 'bill.item 2', 'bill.total 32'],
  ],
  [
    'an amount left that closes a pair of use and left is that pool\'s, no total of the pair after it that it happens to equal (real r16-008, r17-014 with their semicolons as line breaks)',
    '赠送1GB省内夜间流量已使用0.00M，还剩余1G，夜间流量包已使用200.00M，还剩余824.00M',
    ['data.used 0 offpeak', 'data.remaining 1024 offpeak', 'data.used 200 offpeak', 'data.remaining 824 offpeak'],
  ],
  [
    'guard: an amount before its own use and left is their total whatever its label (可用…，已使用…，剩余…)',
    '您本月可用流量为10GB，已使用8.8GB，剩余1.2GB。',
    ['data.total 10240', 'data.used 9011.2', 'data.remaining 1228.8'],
  ],
  [
    'the amounts under a summary\'s heading (…情况：) are no parts of the amount before it (real r17-031 with its semicolon a line break)',
    '各类型流量剩余情况：国内通用流量剩余10.00MB，专属流量剩余10.00GB，流量总量情况：已使用移动数据流量0MB，流量剩余10.01GB',
    ['data.remaining 10 general', 'data.remaining 10240 app', 'data.used 0', 'data.remaining 10250.24'],
  ],
  [
    'so does a line opening with a stem of use (使用：19), whose bare number takes the unit of the sentence\'s allowance (variant punctuation:clauses on lines of real r23a-071)',
    '国内通话费免费分钟数总计：300\n使用：20\n剩余：280',
    ['voice.total 300', 'voice.used 20', 'voice.remaining 280'],
  ],
  [
    'guard: a line naming its item after a colon keeps its kind to itself (real16-mechanisms\' guard, on lines)',
    '剩余流量：国内流量100MB\n已使用流量200MB',
    ['data.remaining 100 general', 'data.used 200'],
  ],
  [
    'a package\'s name holding an offer word (特惠) heading its use in the next clause is the customer\'s package with any label of use, not only 已使用 (variants used-word:使用了, 实际使用 of real r25a-029)',
    '您目前所用的上网套餐有2个，使用情况如下:1、神州行田园特惠卡,使用了4.92MB,剩余10.08MB;2、10元上网套餐,实际使用0MB,剩余70MB;',
    ['data.used 4.92', 'data.remaining 10.08', 'data.used 0', 'data.remaining 70'],
  ],
  [
    'a line saying a pool is used up heads no line under it: the kind of what is left of the others is not stated (real r16-052, r20-018 with their commas line breaks)',
    '截至28日23时44分\n您当月国内通用流量已用完\n其他流量剩余300.00M。',
    ['data.remaining 300'],
  ],
  ['guard: a heading line of a kind heads the lines under it', '国内通用流量\n剩余300.00M', ['data.remaining 300 general']],
  ['guard: an offer with 特惠 and no use of the customer\'s stays an advert', '【特惠】流量加油包仅需10元1GB，立即办理。', []],
];

describe('round 49: clauses on lines, and left never read as a total', () => {
  it.each(FIGURES)('%s: %s', (_why, text, expected) => expect(figureWords(text)).toEqual(expected));
});
