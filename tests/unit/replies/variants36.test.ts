import { describe, expect, it } from 'vitest';
import { describeFigures, understandReply } from '../../../src-shared/replies';
import { figureWords, RECEIVED } from './format';

// Round 36 (branch replies36): the largest causes of misses on the GENERATED variants of the dev texts
// (tests/fixtures/replies/variants.ts) and the figures read from generated marketing text. Every wording here is OURS
// (written for this test, NOT a real reply), in the shapes of the variants each case names; each non-guard case fails on
// 07a9bd3c, the guards pass there too.

/** [mechanism (the variant rule and the dev texts that show it), wording of ours, the figures read]. */
const FIGURES: [string, string, string[]][] = [
  [
    'full-width digits: an amount of yuan with its items after it is the bill\'s total (full-width digits / ASCII of real r15-187, r20-087…)',
    '您本月截至当前的实时话费总额为６８．００元，费用明细为套餐费４８．００元，流量套餐费２０．００元。',
    ['bill.total 68', 'bill.item 48', 'bill.item 20'],
  ],
  [
    'full-width digits: a part of the bill said with its whole after it is an item (real r16-086, r17-135)',
    '您个人实际消费６０．００元，家庭统一支付成员消费５．００元，合计６５．００元。',
    ['bill.item 60', 'bill.item 5', 'bill.total 65'],
  ],
  [
    'an English full stop after a Chinese word ends a sentence: an advert after it is its own (marketing tail of real r22-002)',
    '您当前帐户余额30.00元，月结日09日.5G畅享套餐128元/月，含30GB国内通用流量和500分钟国内通话，详询10086。',
    ['balance.balance 30'],
  ],
  [
    '限时 before 数据 (流量 said 数据) names a pool, no offer (topic-word 流量→数据 of real r15-124, r16-084…)',
    '您本月已使用数据65MB。剩余数据：普通数据（国内）10MB,爱看数据1GB,限时数据235MB,其他数据38MB。',
    ['data.used 65', 'data.remaining 10 general', 'data.remaining 1024 app', 'data.remaining 235', 'data.remaining 38'],
  ],
  ['使用了话费 is spent, as 已使用话费 (used-word 使用了 of real r18-006, r22-019)', '您当月使用了话费为：34.70元，可用余额为：26.01元。', ['balance.spentThisMonth 34.7', 'balance.balance 26.01']],
  ['已消耗话费 is spent (used-word 已消耗 of real r18-008)', '您的可用余额为：47.54元，当月已消耗话费为：130.70元。', ['balance.balance 47.54', 'balance.spentThisMonth 130.7']],
  ['即时 (Taiwan\'s 实时) 话费 is spent (Traditional, TW phrases, of real r17-028)', '您好！您的即時話費為248.1元。', ['balance.spentThisMonth 248.1']],
  ['a colon right after a stem (仅使用：) still names the amount by it (joiner:colon of real r18-070, r15-127)', '本月您的流量共1GB，截至12月20日仅使用：0.75MB。', ['data.total 1024', 'data.used 0.75']],
  ['the same after a kind\'s words (流量使用：) (joiner:colon of real r18-062, r18-063)', '赠送您的省内流量使用：0.00MB，剩余：50.00MB。', ['data.used 0 provincial', 'data.remaining 50 provincial']],
  [
    'what a kind holds in all, then its use said 使用了 or after a colon (used-word 使用了, joiner:colon of real r17-099)',
    '上月结转流量国内数据流量8MB，使用了2MB；上月结转流量省内数据流量：9MB，已使用：1MB。',
    ['data.total 8 carryover', 'data.used 2 carryover', 'data.total 9 carryover', 'data.used 1 carryover'],
  ],
  ['【…】 saying what is left, with its amount, is no package name however short (left-word variants of real r22-084)', '您当前【本地套餐38元，还剩免费分钟数:120分钟】敬请留意。', ['voice.remaining 120']],
  ['於 of a Traditional reply is 于: 少於 is a threshold, no balance (Traditional HK/TW of real r22-089)', '您餘額已少於20元,為18.50元,請及時充值。', ['balance.balance 18.5']],
  ['a label of what is left (剩下, 尚余) before 专用流量 / 通用流量 is no qualifier of it (left-word 剩下 of real r15-143, r16-077)', '其中剩余国内流量1.15GB，剩下专用流量500.00MB，尚余通用流量20MB。', ['data.remaining 1177.6 general', 'data.remaining 500 app', 'data.remaining 20 general']],
  ['支援 (Taiwan\'s 支持) opens a note of what a package allows, no kind (TW phrases of real r16-057)', '國內閒時流量包（支援流量結轉）套餐包含流量1GB剩餘512MB;飛享套餐_流量（支援流量結轉）套餐包含流量100MB剩餘0MB', ['data.total 1024 offpeak', 'data.remaining 512 offpeak', 'data.total 100', 'data.remaining 0']],
  // Guards.
  ['guard: a colon after a kind (通用：) names no field', '省内通用：2.10GB', []],
  ['guard: 【…】 naming a reminder is still masked', '【剩余流量提醒】您的流量剩余1GB。', ['data.remaining 1024']],
  ['guard: an amount with a decimal point after a word of ours stays one amount', '您的余额为.5元，流量剩余1.5GB。', ['data.remaining 1536']],
  ['guard: a clause of an opening word still reaches back over a stop after a word (real r22-018)', '您当前的费用信息为：已产生话费28.80元;当前结余8.26元;总费用28.80元.详询10086.', ['balance.spentThisMonth 28.8', 'balance.balance 8.26']],
  ['guard: 限时 before an offer stays an advert', '您的余额为10.00元。限时特惠：19元享10GB流量。', ['balance.balance 10']],
];

describe('round 36: generated variants\' largest causes', () => {
  it.each(FIGURES)('%s: %s', (_why, text, expected) => expect(figureWords(text)).toEqual(expected));

  it('yuan in full-width digits is said as yuan, never with the digits as its currency', () => {
    const u = understandReply({ text: '您的话费余额为１２．５０元。', receivedAt: RECEIVED, from: '10086' });
    expect(u.kind === 'figures' && u.figures.map((f) => [f.value, f.currency])).toEqual([[12.5, '元']]);
    expect(describeFigures(u, 'zh-Hans')).toBe('你的余额 12.50 元');
  });
});
