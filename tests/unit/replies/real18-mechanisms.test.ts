import { describe, expect, it } from 'vitest';
import { understandReply } from '../../../src-shared/replies';
import { optionLines, poolLines, RECEIVED } from './format';

// Round 19 (issue 15, branch replies19): mechanisms behind the misses of the real18 batch's dev part. Every wording
// here is OURS (written for this test, NOT a real reply), after the real texts each case names; each case fails on
// main 7c63881 (the guards, which say what must stay as it was, pass there too).
const read = (text: string) => understandReply({ text, receivedAt: RECEIVED, from: '10086' });
const lines = (text: string) => poolLines(read(text));
const options = (text: string) => optionLines(read(text));

/** [mechanism (the real texts that show it), wording of ours, the figures read]. */
const CASES: [string, string, string[]][] = [
  ['a sum word (合计) after one amount spent that it adds up to makes a bill: the spent line is its item (real r18-068)', '尊敬的客户：03月1日至03月20日，您个人实际消费12.30元，合计12.30元。余额50.00元。', ['bill.item 12.3', 'bill.total 12.3', 'balance.balance 50']],
  ['guard: spent alone stays spent (real r17-076)', '尊敬的客户：03月1日至03月20日，您个人实际消费12.30元。余额50.00元。', ['balance.spentThisMonth 12.3', 'balance.balance 50']],
  ['a sentence that opens with 其中 lists the parts of the amount of the sentence before, in its field (real r18-071)', '本月您套餐的移动数据流量共6GB，截至3月2日尚未使用。其中，国内通用流量1GB，省内通用流量5GB。', ['data.total 6144', 'data.total 1024 general', 'data.total 5120 provincial']],
  ['guard: a sentence after one with no amount read opens no parts', '您本月套餐已用完。其中，国内通用流量1GB，省内通用流量5GB。', []],
  ['a label of the total right before an amount (包含) names it before a word after it of what became of it (已用完) (real r18-061)', '您好！截至3日10时，流量加油包包含2GB流量已用完。', ['data.total 2048']],
  ['guard: an amount with no label before it and 已用完 after it is used (round 5)', '您好！截至3日10时，您的2GB国内通用流量已用完。', ['data.used 2048 general']],
  ['获赠 (received as a gift) states a total, also before 尚未使用 (real r18-072)', '尊敬的客户，本月您获赠的2GB省内流量尚未使用，所赠流量仅限当月使用。', ['data.total 2048 provincial']],
  ['a size written 5G after a word of a gift (获赠的, 赠送) and before a place and 流量 is an amount, not the network (real r18-072; r18-001)', '尊敬的客户，本月您获赠的3G省内流量尚未使用，所赠流量仅限当月使用。', ['data.total 3072 provincial']],
  ['guard: a gift one could still get (还可免费获赠1GB, real r18-105) states no total: only 获赠的 does', '重庆移动赠送您1GB本地通用流量，现已到账。若您11月5日前关注公众号，还可免费获赠1GB重庆本地流量月包。', []],
  ['guard: a network generation before a place and 流量 with no gift word stays the network', '您的4G省内流量已用1.23GB。', ['data.used 1259.52 provincial']],
  ['guard: a network generation after a gift word before 网络 stays the network', '本月赠送您4G网络流量，国内流量剩余1GB。', ['data.remaining 1024 general']],
  ['balances not free to spend (未返还余额: still to be returned; 协议款余额: of an agreement) are other, as 待返还余额 (real r18-083, r18-121, r18-152, r18-155, r18-157)', '您当前账户总余额为300.00元，其中通用余额为100.00元，未返还余额为200.00元，协议款余额50.00元。', ['balance.balance 300', 'balance.cash 100', 'balance.other 200', 'balance.other 50']],
  ['送您 (we give you…) opens an advert: its amounts are no bill lines (real r18-156, r18-079, r18-143, r15-113, r17-097)', '您本月话费共消费67.90元，其中套餐费58.00元，短信费9.90元。送您一张副卡1天1元1G，主卡统一付费，还送216元话费。', ['bill.total 67.9', 'bill.item 58', 'bill.item 9.9']],
  ['guard: 赠送您 (given to you) is no advert', '您好！已赠送您200MB国内流量，本月国内流量剩余1GB。', ['data.total 200 general', 'data.remaining 1024 general']],
  ['a price set off by hyphens in a product\'s name (-9元-) is no amount and cuts none of the kind words before it (real r18-002)', '您的国内流量套餐已使用0MB，还剩余100.00M；夜间流量包（省内）已使用0MB，还剩余2000.00M；视频定向流量月包（话费扣费）-6元-腾讯已使用10MB，还剩余1014.00M。', ['data.used 0 general', 'data.remaining 100 general', 'data.used 0 offpeak', 'data.remaining 2000 offpeak', 'data.used 10 app', 'data.remaining 1014 app']],
  ['an amount between a package word and 包内 (促销包1GB包内) is the size in its name and cuts none of the kind words before it (real r18-056)', '您本月音乐定向流量优惠包2GB包内移动数据流量共有2048.00MB，截至5日，包内剩余流量2000.00MB。', ['data.total 2048 app', 'data.remaining 2000 app']],
  ['guard: a package\'s size after its price, not before 包内, stays as it was', '您的套餐：国内流量10元包1GB，剩余500MB。', ['data.remaining 500 general']],
  ['a version\'s year (2019版) keeps the words before it, as a date\'s numbers do: a group after a semicolon opens as the one before (real r18-154)', '您当前套餐使用情况：日租卡（2019版）国内定向视频流量2GB，已使用0MB；日租卡（2019版）省内移动数据流量1GB，已使用100MB。', ['data.total 2048 app', 'data.used 0 app', 'data.total 1024 provincial', 'data.used 100 provincial']],
  // Nearby wordings (the generated variants of the real texts that lost figures after the mechanisms above).
  ['a line of 其中 alone opens the parts on the lines under it, with a line of no amount between (real r18-071, written a clause a line)', '本月您套餐的移动数据流量共6GB\n截至3月2日尚未使用。其中\n国内通用流量1GB\n省内通用流量5GB。', ['data.total 6144', 'data.total 1024 general', 'data.total 5120 provincial']],
  ['a sum word on the line after one charge\'s line makes a bill too (real r18-068, written a clause a line)', '尊敬的客户：03月1日至03月20日\n您个人实际消费12.30元\n合计12.30元。余额50.00元。', ['bill.item 12.3', 'bill.total 12.3', 'balance.balance 50']],
  ['a total\'s label and a colon right before an amount still name it before 已用完 (real r18-061, with a colon)', '您好！截至3日10时，流量加油包包含：2GB流量已用完。', ['data.total 2048']],
  ['a gift word and a colon before a size written 3G still make it an amount (real r18-072, with a colon)', '本月您获赠的：3G省内流量尚未使用。', ['data.total 3072 provincial']],
  ['guard: an English label and a colon head what follows (allowance: 4.50GB remaining)', 'Your UK data allowance: 4.50GB remaining of 10GB.', ['data.remaining 4608', 'data.total 10240']],
];

/** Figures read where the text states none (extra figures the corpus does not count, but the Overview would show). */
const EXTRAS: [string, string, string[]][] = [
  ['an advert opened by 回复 and a quoted code (回复“KTTZED”开通…) is masked: its 欠费…10元 is no balance (real r18-024)', '截至03月15日，您本月消费38.20元，话费余额为4.65元。回复“KTTZED”开通透支服务，可享欠费后透支10元话费。', ['balance.spentThisMonth 38.2', 'balance.balance 4.65']],
  ['a service number (发送至10086) is no amount (real r18-110, r18-152)', '您的话费余额为12.00元，编辑短信“APP”发送至10086下载客户端。', ['balance.balance 12']],
  ['an amount followed by 时 or 后 is a moment (当…达15GB时, 达到100G后), no figure (real r18-146, r18-013, r18-012, r18-014, r18-015, r18-016)', '您本月已使用流量2GB，当您本月使用流量达15GB时，将暂停您的上网功能。', ['data.used 2048']],
  ['an amount followed by 时 or 后 is a moment (当…达15GB时, 达到100G后), no figure (real r18-146, r18-013, r18-012, r18-014, r18-015, r18-016)', '当月总流量达到100G后，全国范围内限速。您本月国内流量剩余1GB。', ['data.remaining 1024 general']],
  ['guard: 时 of a duration after an amount is no moment (200分钟时长)', '本月赠送您国内通话200分钟时长，已使用50分钟。', ['voice.total 200', 'voice.used 50']],
  ['what can be used free up to (可免费使用流量至100MB) is a bound, no use (real r18-091, r18-092, r18-066)', '您的安心包费用已达10.00元，您可免费使用流量至100.00MB（含已使用流量34.91MB）。', ['data.beyondPlan 34.91']],
  ['the same bound of a plan\'s data: the use in brackets stays use', '您本月套餐费用已达10.00元，您可免费使用流量至100.00MB（含已使用流量34.91MB）。', ['data.used 34.91']],
  ['a price with a package\'s size right after it (套餐18元500MB) is no bill line, also where a bill is read (real r18-140, r18-135)', '您本月话费共消费58.00元，其中套餐费38元，流量费20元；4G飞享套餐18元500MB已使用100MB。', ['bill.total 58', 'bill.item 38', 'bill.item 20', 'data.used 100']],
  ['a forecast (预计…可能达到155KB) is no use (real r18-090)', '您本月使用的移动数据流量为77KB，预计您本月流量可能达到155KB。', ['data.used 0.08']],
];

describe('round 19: the real18 batch, its misses and its extra figures', () => {
  it.each([...CASES, ...EXTRAS])('%s: %s', (_mechanism, text, expected) => {
    expect(lines(text)).toEqual(expected);
  });
});

describe('round 19: guards whose kinds another round settles', () => {
  // The kind of 时段流量 is not asserted: labelling rule 2 of 2026-12-06 (branch replies17) makes it not stated.
  it('guard: 时段 after an amount is a kind of data, no moment (1GB时段流量)', () => {
    expect(lines('您的套餐包含1GB时段流量，已使用200MB。').map((l) => l.split(' ').slice(0, 2).join(' '))).toEqual(['data.total 1024', 'data.used 200']);
  });
});

describe('round 19: menus of the real18 batch', () => {
  it('the last option of a run ends where an offer (送您…) begins (real r18-083)', () => {
    expect(options('回复相应序号查更多信息：111、余额说明10、缴费查询0000、业务查退送您一张副卡1天1元1G，点击http://dx.10086.cn/x。')).toEqual([
      '111.余额说明',
      '10.缴费查询',
      '0000.业务查退',
    ]);
  });
});
