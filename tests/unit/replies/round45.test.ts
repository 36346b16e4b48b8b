import { describe, expect, it } from 'vitest';
import { understandReply } from '../../../src-shared/replies';
import { figureWords, optionLines, RECEIVED } from './format';

// Round 45 (branch replies45): the reader generalised where GENERATED variants of dev texts (tests/fixtures/replies/variants.ts)
// lost figures the original gave. Every wording here is OURS (written for this test, NOT a real reply), in the shape of the real
// dev texts each case names; each non-guard case fails on main 333b544e, the guards pass there too.

/** [mechanism (the real texts whose variants showed it), wording of ours, the figures read]. */
const FIGURES: [string, string, string[]][] = [
  [
    'a count of minutes (分钟数) names minutes for 分 after it, even after money (variant unit:分钟→分 of real r25a-010, r25a-019, r23b-020)',
    '本月通信费30.00元,当前余额12.00元,亲情分钟数1000分,已使用20分,剩余980分,',
    ['balance.spentThisMonth 30', 'balance.balance 12', 'voice.total 1000', 'voice.used 20', 'voice.remaining 980'],
  ],
  [
    'guard: minutes of WLAN (WLAN分钟数) are no call time',
    '亲情分钟数合计1000分钟,已使用20分钟,剩余980分钟,剩余家庭WLAN分钟数合计6000分钟,',
    ['voice.total 1000', 'voice.used 20', 'voice.remaining 980'],
  ],
  [
    'the same use said again in a bracket of its own (已使用X（本月使用X）) is one figure (the lead\'s rule; real r20-046, r16-100, r25b-036)',
    '您的套餐内含流量为2GB，已使用800MB（本月使用800MB），剩余1248MB。',
    ['data.total 2048', 'data.used 800', 'data.remaining 1248'],
  ],
  [
    'guard: a different amount in that bracket is a figure of its own (real r15-117)',
    '您的套餐内含流量为2GB，已使用800MB（本月使用780MB），剩余1248MB。',
    ['data.total 2048', 'data.used 800', 'data.used 780', 'data.remaining 1248'],
  ],
  [
    'a balance said below an amount written with ¥ before it (余额不足¥10) is a threshold, no failed order (variant money:¥ of real r23b-038)',
    '您的话费余额不足¥20，请及时充值。您可享受¥50.00话费透支额度。',
    ['balance.creditLimit 50'],
  ],
  [
    'an amount with ¥ before it and a point after it (话费为¥60.50.其中:) opens its items as after 元 (variant money:¥ of real r23b-043)',
    '尊敬的客户，本月至今您的话费为¥60.50.其中:套餐费¥58.00,短信费¥2.50,',
    ['bill.total 60.5', 'bill.item 58', 'bill.item 2.5'],
  ],
  [
    'an advert word in a package\'s name heading its use keeps no advert when the label is joined by a colon (已使用：) (variant joiner:colon of real r25a-029)',
    '您好！您目前有2个上网套餐，使用情况如下:1、校园特惠卡,已使用：3.10MB,剩余：26.90MB;2、5元上网套餐,已使用：1MB,剩余：29MB;',
    ['data.used 3.1', 'data.remaining 26.9', 'data.used 1', 'data.remaining 29'],
  ],
  [
    'items of one topic after a comma go on when each joins its words to the amount as the labelled one does (：, 为) (variants joiner:colon, joiner:为 of real r23b-046)',
    '您本月已发送网内短信：20条，网间短信：3条，梦网短信：1条，',
    ['sms.used 20', 'sms.used 3', 'sms.used 1'],
  ],
  ['guard: an item joined otherwise than the labelled one is left unread', '您本月已发送网内短信：20条，网间短信3条，', ['sms.used 20']],
  [
    'a size inside a package\'s name (赠送200M全国流量, 28元_200M国内通用流量) with its use in the next clause is no figure (the lead\'s rule; real r25b-002)',
    '使用情况如下:1、赠送200M全国流量,已使用50MB,剩余150MB;2、4G套餐28元_200M国内通用流量,已使用200MB,剩余0MB;',
    ['data.used 50 general', 'data.remaining 150 general', 'data.used 200 general', 'data.remaining 0 general'],
  ],
  [
    'guard: a size written after the name, ending it, is the total (real r17-085)',
    '您的流量王18元套餐800.00MB\n已使用约88.66MB\n剩余约711.34MB',
    ['data.total 800', 'data.used 88.66', 'data.remaining 711.34'],
  ],
  [
    'an amount named by a word of what was done (累计) is the total when the next line opens with use, as after a comma (variant punctuation:clauses on lines of real r24b-016, r24b-065)',
    '您当前套餐使用情况：\n国内移动数据流量累计200.00M\n已使用20.50M。',
    ['data.total 200 general', 'data.used 20.5 general'],
  ],
  ['guard: a part in a bracket with the same amount (含…) stays a line', '本月消费合计80.00元，其中套餐费50.00元，代收费30.00元（含音乐会员30.00元）。', ['bill.total 80', 'bill.item 50', 'bill.item 30', 'bill.item 30']],
];

describe('round 45: general rules from generated variants', () => {
  it.each(FIGURES)('%s: %s', (_why, text, expected) => expect(figureWords(text)).toEqual(expected));
});

describe('round 45: an option keeps its note in brackets', () => {
  const options = (text: string) => optionLines(understandReply({ text, receivedAt: RECEIVED, from: '10086' }));
  it("a label cut at a comma inside the note it opened keeps the note to its close (the lead's rule; real r25b-014)", () =>
    expect(options('您本月流量已用完；回复6605给流量加油！回复6603订购流量畅享包（超出部分按档计费，用多少算多少）。')).toEqual(['6605.给流量加油', '6603.订购流量畅享包（超出部分按档计费，用多少算多少）']));
  it('guard: a bracket closed in the label is left as it is', () =>
    expect(options('您本月流量已用完；回复6603订购流量畅享包（按档计费），回复6604订购加油包。')).toEqual(['6603.订购流量畅享包（按档计费）', '6604.订购加油包']));
});
