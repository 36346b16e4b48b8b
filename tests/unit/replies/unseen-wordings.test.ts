import { describe, expect, it } from 'vitest';
import { understandReply } from '../../../src-shared/replies';
import { poolLines, RECEIVED } from './format';

// Round 16 (issue 15, branch replies16): wordings 10086 may use that the corpus has not shown yet, found where the
// generated variants of real dev texts (tests/fixtures/replies/variants.ts) lose figures. Every wording here is OURS
// (written for this test, NOT a real reply); each case fails on main 5b444f8 (the guards, which say what must stay as
// it was, pass there too).
const read = (text: string) => understandReply({ text, receivedAt: RECEIVED, from: '10086' });
const lines = (text: string) => poolLines(read(text));

/** [mechanism (the real texts whose variants show it), wording of ours, the figures read]. */
const CASES: [string, string, string[]][] = [
  [
    'an item of data of no known kind headed by a colon goes on with the list (variant joiner:colon of real r15-124, r16-081, r17-080)',
    '您本月已使用流量100MB。剩余流量：国内流量20MB,闲时流量：300MB,校园流量：12MB。',
    ['data.used 100', 'data.remaining 20 general', 'data.remaining 300 offpeak', 'data.remaining 12'],
  ],
  [
    'an item headed by its kind and a colon goes on, a network generation (4G) in its words too (variant joiner:colon of real r16-066, r17-058)',
    '您本月还剩余省内通用流量：1000.00MB、省内4G单模流量：250.00MB。',
    ['data.remaining 1000 provincial', 'data.remaining 250 provincial'],
  ],
  ['guard: an item of data with no colon after it still goes on as before', '剩余流量：国内流量20MB,校园流量12MB。', ['data.remaining 20 general', 'data.remaining 12']],
  [
    'a reply written a clause a line: the amount ending a line is the total of the used and left on the lines after it (variant clauses on lines of real r17-085, r17-099)',
    '您本月套餐流量使用情况如下：流量王8元套餐300.00MB\n已使用约100.00MB\n剩余约200.00MB',
    ['data.total 300', 'data.used 100', 'data.remaining 200'],
  ],
  [
    'an amount with another right after it ends a package\'s name on its line, no item of the list above (variant clauses on lines of real r17-085)',
    '流量使用情况如下：\n国内流量包1GB\n剩余约40.00MB\n赠送国内流量50MB50.00MB\n已使用约10.00MB',
    // Round 24 (labelling rule 9): the size in the name (50MB) is no figure, so the name's kind words (国内流量) name the
    // package's amounts, as real r17-085's hand figures write them (general).
    ['data.total 1024 general', 'data.remaining 40 general', 'data.total 50 general', 'data.used 10 general'],
  ],
  [
    'a line of a label and a bare data word (剩余流量) goes on with the kind of the line before (variant clauses on lines of real r15-138)',
    '2.流量加油包(省内)：已使用流量100.00MB\n剩余流量900.00MB\n如需办理请拨打10086。',
    ['data.used 100 provincial', 'data.remaining 900 provincial'],
  ],
  ['guard: a line naming data of its own (校园流量) is not of the kind before it', '省内流量已使用100.00MB\n校园流量剩余50.00MB', ['data.used 100 provincial', 'data.remaining 50']],
  [
    'the 3 of 3/4G (the networks a kind of data is for) names nothing and cuts no kind words before it (variant joiner:colon of real r15-139)',
    '您本月可享受国内流量：100.0MB，已使用：10.0MB；可享受省内3/4G赠送流量：2GB，已使用1GB。',
    ['data.total 100 general', 'data.used 10 general', 'data.total 2048 provincial', 'data.used 1024 provincial'],
  ],
  ['guard: a used amount over its total written G stays one (2/4G)', '流量已用2/4G。', ['data.used 2048', 'data.total 4096']],
  [
    'amounts spent that add up to a bill total on the lines after them are its lines, as with commas (variant clauses on lines of real r16-086, r16-087, r17-077, r17-135)',
    '尊敬的客户：03月1日至03月15日\n您个人实际消费45.30元\n家庭统一支付成员消费4.70元\n合计50.00元\n余额12.00元。',
    ['bill.item 45.3', 'bill.item 4.7', 'bill.total 50', 'balance.balance 12'],
  ],
  ['guard: spent on a line before a total of another sum stays spent', '您本月已消费30.00元\n上月话费合计88.00元', ['balance.spentThisMonth 30', 'bill.total 88']],
  [
    'a line saying only when (截至…) between two lines of data is skipped: the label line keeps the kind of the line above (variant clauses on lines of real r17-058)',
    '【流量提醒】您本月省内流量共有2GB\n截至13日8时05分\n剩余流量1000.00MB',
    ['data.total 2048 provincial', 'data.remaining 1000 provincial'],
  ],
  ['guard: a line naming data anew after the date line names no kind', '您本月省内流量共有2GB\n截至13日8时05分\n校园流量剩余100.00MB', ['data.total 2048 provincial', 'data.remaining 100']],
  [
    '预存余额 and 充值余额 are the balance, not a top-up or a deposit (variant balance-word:余额 of real r16-035, zj-recharge)',
    '尊敬的客户：截止15日24点，预存余额为35.50元。您的充值余额为35.50元。',
    ['balance.balance 35.5', 'balance.balance 35.5'],
  ],
  ['guard: a top-up (充值) before the balance stays no balance', '您成功充值50.00元，当前余额为85.50元。', ['balance.other 50', 'balance.balance 85.5']],
  ['guard: a table row keeps its cells', '流量 总量 已用\n国内 10G 512M', ['data.total 10240 general', 'data.used 512 general']],
];

describe('round 16: wordings the corpus has not shown yet', () => {
  it.each(CASES)('%s: %s', (_mechanism, text, expected) => {
    expect(lines(text)).toEqual(expected);
  });
});
