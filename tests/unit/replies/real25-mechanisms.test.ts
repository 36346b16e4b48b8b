import { describe, expect, it } from 'vitest';
import { understandReply } from '../../../src-shared/replies';
import { figureWords, optionLines, outcomeWord, RECEIVED } from './format';

// Round 43 (branch replies43): the general rules batch real25's dev part (2014 replies of a public SMS export and rows of a public
// spreadsheet) showed. Every wording here is OURS (written for this test, NOT a real reply), after the real dev texts each case
// names; each non-guard case fails on a9ccfeae (the commit that added the batch's dev part), the guards pass there too.

/** [mechanism (the real texts that show it), wording of ours, the figures read]. */
const FIGURES: [string, string, string[]][] = [
  [
    'an advert word (特惠) in the name of a package whose use the next clause says is no advert (real r25a-029)',
    '您好！您目前有2个上网套餐，使用情况如下:1、校园特惠卡,已使用3.10MB,剩余26.90MB;2、5元上网套餐,已使用1MB,剩余29MB;',
    ['data.used 3.1', 'data.remaining 26.9', 'data.used 1', 'data.remaining 29'],
  ],
  [
    'an amount opening another numbered item takes no kind the item before named within itself (real r25b-015)',
    '您好！使用情况如下:1、畅聊套餐58元(上月结转流量)，已使用100.00MB剩余0MB；2、畅聊套餐58元，已使用20.00MB剩余480.00MB；',
    ['data.used 100 carryover', 'data.remaining 0 carryover', 'data.used 20', 'data.remaining 480'],
  ],
  [
    'amounts under a heading of details (详细如下:) say the amount before again; they make it no total (real r25b-019)',
    '截至5月1日，您本月已使用流量0MB，剩余流量为300MB，详细如下：1.[国内]已使用0MB，剩余300MB；',
    ['data.used 0', 'data.remaining 300', 'data.used 0 general', 'data.remaining 300 general'],
  ],
  [
    'a word of what was done (上网) before an allowance word (可享受) names no use (real r25b-016, r25b-018)',
    '您本月手机上网优惠情况：省内手机上网流量优惠可享受200.00M，现剩余150.00M；',
    ['data.total 200 provincial', 'data.remaining 150 provincial'],
  ],
  [
    'the use and what is left after a total in brackets that they add up to are of its kind (real r25a-035)',
    '您手机上网使用详情如下：\n1、网际飞车(包含省内流量50.00M)--已使用10.50M，剩余39.50M。',
    ['data.total 50 provincial', 'data.used 10.5 provincial', 'data.remaining 39.5 provincial'],
  ],
  [
    'a label right before a semicolon (尚未使用；) names no amount after it, nor a network in a name (4G) (real r25b-034)',
    '您本月流量：加油包尚未使用；超级4G全能王（2016版）本月内含20GB，已使用1GB，剩余19GB。',
    ['data.total 20480', 'data.used 1024', 'data.remaining 19456'],
  ],
  [
    'a heading within a sentence (上月结转流量：) that names a kind says it of the data after it, when stronger (real r25b-034)',
    '您各类套餐使用情况如下：上月结转流量：国内流量为1GB，已使用0MB，剩余1GB。本月流量：您的套餐本月内含10GB，已使用1GB，剩余9GB。',
    ['data.total 1024 carryover', 'data.used 0 carryover', 'data.remaining 1024 carryover', 'data.total 10240', 'data.used 1024', 'data.remaining 9216'],
  ],
  [
    'what a month named by its number carries over into the next (结转至12月) is its total (real r25b-035)',
    '您好！您10月结转至11月的国内流量为200MB。',
    ['data.total 200 carryover'],
  ],
  [
    'what a closed month named by its number alone was charged in all (06月总话费) is its bill\'s total (real r25a-076)',
    '尊敬的客户，您05月总话费48.20元。截止31日24点：余额12.00元。',
    ['bill.total 48.2', 'balance.balance 12'],
  ],
  [
    'several codes joined by 、 before 即可分别办理 open an advert as one code does (real r25a-080)',
    '您本月套餐内流量共50M，剩余10M。温馨提示：回复“JYB5”、“JYB10”即可分别办理5元（共50M）、10元（共150M）加油包。',
    ['data.total 50', 'data.remaining 10'],
  ],
  [
    'a product named after a semicolon takes no kind the group before named within itself (a reordered variant of real r25b-034)',
    '您好！10元定向流量包（爱看视频）本月内含1GB，已使用24MB，剩余1000MB；手机邮箱（VIP版）本月内含10MB，已使用0MB，剩余10MB。',
    ['data.total 1024 app', 'data.used 24 app', 'data.remaining 1000 app', 'data.total 10', 'data.used 0', 'data.remaining 10'],
  ],
  [
    'data only for watching in an app (仅限于观看…APP) is app data, whatever the app\'s name (real r25b-002 with its app\'s name unknown)',
    '使用情况如下:1、仅限于观看(星空视频)APP的免费省内流量,已使用0MB,剩余1000MB;2、免费赠送200M省内流量,已使用50MB,剩余150MB;',
    // Round 45: the gift's size opening item 2 is its name's, no total (the lead's rule of 2026-12-07 on r25b-002's labels).
    ['data.used 0 app', 'data.remaining 1000 app', 'data.used 50 provincial', 'data.remaining 150 provincial'],
  ],
  // Guards.
  [
    'guard: a round total in brackets (省内流量5GB) that the use and left after it only roughly add up to keeps its kind to itself (ours rb17-034)',
    '您本月共有流量6.5GB（国内通用流量1.5GB，省内流量5GB），已使用2.02GB，剩余4.48GB。',
    ['data.total 6656', 'data.total 1536 general', 'data.total 5120 provincial', 'data.used 2068.48', 'data.remaining 4587.52'],
  ],
  [
    'guard: a kind said in a heading before both groups still names the product after the semicolon (ours r2b7-slash-two-packs)',
    '您本月省内流量使用情况：套餐内已用1.00GB；加油包已用0.50GB。',
    ['data.used 1024 provincial', 'data.used 512 provincial'],
  ],
  [
    'guard: a product after a semicolon whose own name says a kind keeps reading it',
    '您的国内流量已使用1GB，剩余2GB；20元国内流量包（含200分钟）已使用100MB，剩余900MB。',
    ['data.used 1024 general', 'data.remaining 2048 general', 'voice.total 200', 'data.used 100 general', 'data.remaining 900 general'],
  ],
  ['guard: the month of receipt named alone is not closed', '尊敬的客户，您11月总话费48.20元，余额12.00元。', ['balance.balance 12']],
  [
    'guard: a heading within a sentence names no kind past the next heading',
    '您的流量情况：省内流量：已使用1GB，剩余2GB；国内流量：已使用3GB，剩余4GB。',
    ['data.used 1024 provincial', 'data.remaining 2048 provincial', 'data.used 3072 general', 'data.remaining 4096 general'],
  ],
  ['guard: a use and what is left with no details heading before them still add up to the total before', '您本月可用流量为10GB，已使用2GB，剩余8GB。', ['data.total 10240', 'data.used 2048', 'data.remaining 8192']],
  ['guard: a word of what was done before a sum word (共) is used in all', '您本月上网流量共300MB。', ['data.used 300']],
  [
    'guard: a note in brackets that the use and left after it do not add up to keeps its kind to itself',
    '您的网际飞车(包含省内流量50.00M)已使用10.50M，剩余20.00M。',
    ['data.total 50 provincial', 'data.used 10.5', 'data.remaining 20'],
  ],
  ['guard: an advert word followed by no use of the customer still masks its sentence', '限时特惠，剩余名额不多，10元包1GB流量。', []],
  [
    'guard: a kind said before the numbered list still heads every item',
    '您的省内流量使用情况：1、畅聊套餐，已使用20MB剩余0MB；2、校园套餐，已使用70MB剩余30MB；',
    ['data.used 20 provincial', 'data.remaining 0 provincial', 'data.used 70 provincial', 'data.remaining 30 provincial'],
  ],
];

describe("round 43: batch real25's general rules", () => {
  it.each(FIGURES)('%s: %s', (_why, text, expected) => expect(figureWords(text)).toEqual(expected));
});

describe('round 43: a quoted code is no package', () => {
  it('what is quoted after a word of sending (发送“18*月份#”) names no package of the figures after it (real r25b-035)', () => {
    const u = understandReply({ text: '您今后可直接发送“18*月份#”到10086实现流量查询。您本月套餐内含流量为500MB，已使用20MB。', receivedAt: RECEIVED, from: '10086' });
    if (u.kind !== 'figures') throw new Error('figures expected');
    expect(u.figures.map((f) => f.package)).toEqual([null, null]);
  });
  it('guard: a quoted package name is still its package', () => {
    const u = understandReply({ text: '您办理的“10元100M流量包”已使用20MB，剩余80MB。', receivedAt: RECEIVED, from: '10086' });
    if (u.kind !== 'figures') throw new Error('figures expected');
    expect(u.figures.map((f) => f.package)).toEqual(['10元100M流量包', '10元100M流量包']);
  });
});

describe('round 43: money returned into an account', () => {
  const text = '尊敬的客户，您参与的充值送话费活动，话费20元到现金帐户，已于2014年07月02日返还到帐，请核查。查询话费余额请回复2012。';
  it('an amount moved into an account (话费20元到现金帐户) is no balance, and 已于…返还到帐 is done, with its option (real r25a-059, r24a-006, r25a-056, r25a-061, r25a-067)', () => {
    expect(outcomeWord(text)).toBe('done');
    expect(optionLines(understandReply({ text, receivedAt: RECEIVED, from: '10086' }))).toEqual(['2012.查询话费余额']);
  });
  it('guard: a balance of the cash account is still a balance', () => expect(figureWords('您的现金帐户余额为20.00元。')).toEqual(['balance.balance 20']));
});

/** [mechanism (the real texts that show it), wording of ours, the options offered]. */
const OPTIONS: [string, string, string[]][] = [
  ['10086 in quotes after a code (发送“QXTX”到“10086”) (real r25a-031)', '您本月流量已使用100.00M。如不需要此提醒，您可发送“QXTX”到“10086”取消此提醒服务。', ['QXTX.取消此提醒服务']],
  ['调整 among the verbs (回复666可调整…) (real r25b-024)', '您当月已消费：20.00元。回复668可调整您的提醒频次。', ['668.调整您的提醒频次']],
  ['a look-up, a comma, then 可直接回复数字“1” (real r25b-017)', '您本月已使用流量5.00MB。查询话费明细，可直接回复数字“2”；', ['2.查询话费明细']],
];

describe('round 43: codes in more shapes', () => {
  it.each(OPTIONS)('%s: %s', (_why, text, expected) => expect(optionLines(understandReply({ text, receivedAt: RECEIVED, from: '10086' }))).toEqual(expected));
});
