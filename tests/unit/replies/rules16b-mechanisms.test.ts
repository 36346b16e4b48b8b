import { describe, expect, it } from 'vitest';
import { balanceOf } from '../../../src-shared/fleet/sim-figures';
import { understandReply } from '../../../src-shared/replies';
import { resolve } from 'node:path';
import { loadCorpus } from '../../fixtures/replies/corpus';
import { figureWords, RECEIVED } from './format';

// Labelling rules 6-11 of 2026-12-06 (session 16, second set: tests/fixtures/replies/README.md), read by general rules.
// Every wording here is OURS (written for this test, NOT a real reply), after the real texts each case names; each
// non-guard case fails on main e7f393e's reader, and the guards (what must stay as it was) pass there too.

/** [rule and mechanism (the real texts that show it), wording of ours, the figures read]. */
const CASES: [string, string, string[]][] = [
  // Rule 6: a balance then its parts.
  ['6: a part after 其中 named by a balance label (基本账户余额) is no second balance (ours rb1-002)', '您的话费余额为40.00元，其中基本账户余额30.00元，赠送账户余额10.00元。', ['balance.balance 40', 'balance.cash 30', 'balance.gift 10']],
  ['6: an earmarked part (专款余额) is other (ours rb1-003, rb1-008)', '您的账户总余额60.00元，其中：通用余额45.00元，专款余额15.00元。', ['balance.balance 60', 'balance.cash 45', 'balance.other 15']],
  ['6: 专款可用余额 is an earmarked part, not what can be spent (real r17-093, r17-102, r18-157)', '截至5月2日，总余额为50.00元，其中通用余额为20.00元，专款可用余额为30.00元。', ['balance.balance 50', 'balance.cash 20', 'balance.other 30']],
  ['6: a part in a bracket after a part (含话费返还) is other (ours rb2-043)', '您当前话费余额为70.00元（其中：通用余额40.00元，专款专用余额30.00元（含话费返还12.00元，赠送金额18.00元））。', ['balance.balance 70', 'balance.cash 40', 'balance.other 30', 'balance.other 12', 'balance.gift 18']],
  ['6: parts before their total (通用余额…专款余额…总余额) leave the total the one balance (ours rb1-008)', '您的余额为：通用余额22.00元，专款余额3.00元，总余额25.00元。', ['balance.cash 22', 'balance.other 3', 'balance.balance 25']],
  ['6: with no total, the cash part is the balance and the gift part other (ours r4b3-balance-gift-expire)', '您的现金余额36.00元，赠送余额12.00元。', ['balance.balance 36', 'balance.gift 12']],
  ['6: with no total, a general part (通用余额) is the balance', '截至6月1日，您的通用余额为8.80元，专款余额为2.00元。', ['balance.balance 8.8', 'balance.other 2']],
  ['6: money kept for named services (专项使用费余额) beside the balance is other (real r16-035)', '截止28日24点：预存话费余额为80.00元，专项使用费余额为30.00元，专项使用费仅可用于指定业务的消费。', ['balance.balance 80', 'balance.other 30']],
  ['6: so is a 专项结余预存款 beside the balance (real r15-154)', '当前结余300.00元;专项结余预存款20.00元;', ['balance.balance 300', 'balance.other 20']],
  // Rule 7: the overage package's use.
  ['7: data used of a 流量安心包 is beyond the plan, its remainder stays left (real r16-061, r17-029, r17-118)', '截至06月25日，您的流量安心包流量已使用60.50MB，剩余39.50MB。', ['data.beyondPlan 60.5', 'data.remaining 39.5']],
  ['7: 安心包已用 after the plan\'s figures (real r16-100)', '您办理的套餐内含移动数据总流量为2GB，已使用1GB，剩余1GB。安心包已用12MB。', ['data.total 2048', 'data.used 1024', 'data.remaining 1024', 'data.beyondPlan 12']],
  ['7: a 流量放心包 too, also with 达 (real r15-201, r15-163)', '您好！截至06月13日，您流量放心包已使用20.00MB，费用已达6元，可以继续免费使用80.00MB。', ['data.beyondPlan 20', 'data.remaining 80']],
  ['7: a 安心包 item of a numbered list: its use only (real r15-138, r17-099)', '本月详细套餐情况如下：1.4G套餐(省内)：已使用流量12.00MB，剩余流量500.00MB;2.流量安心包(国内)：已使用流量3.00MB，剩余流量97.00MB;', ['data.used 12 provincial', 'data.remaining 500 provincial', 'data.beyondPlan 3', 'data.remaining 97 general']],
  ['7: the use a 安心包 bound restates in brackets (real r18-092)', '您的安心包套餐费用已达20.00元，您可免费使用流量至200.00MB（含已使用流量150.00MB）。', ['data.beyondPlan 150']],
  // Rule 10: owed beside a total owed.
  ['10: beside a total owed, its parts by month (往月欠费, 本月欠费) are other (real r15-182)', '截止7月5日，您已欠费50.00元，当月话费20.00元，往月欠费30.00元。', ['balance.balance -50', 'balance.spentThisMonth 20', 'balance.other 30']],
  ['10: a 欠费总额 of past months is owed, not a bill (real r19-035)', '您的话费余额为10.00元，当月话费30.00元，往月欠费总额0.00元，详情请以本省出账账单为准。', ['balance.balance 10', 'balance.spentThisMonth 30', 'balance.balance 0']],
  ['10: a 欠费总额 of past months beside what is owed in all is other (real r16-022)', '您的当月话费18.00元，往月欠费总额20.00元，您已欠费38.00元。', ['balance.spentThisMonth 18', 'balance.other 20', 'balance.balance -38']],
  // Rule 9: a size inside a package's name, an offer's contents.
  ['9: a size a price says it holds (10元含100M) is in the package\'s name, no total (real r17-036)', '1、【4G流量加油包】10元含200M:已使用60.22M，剩余139.78M;', ['data.used 60.22', 'data.remaining 139.78']],
  ['9: so is one in brackets after the price (50.00元（含1G流量）…套餐) (real r17-004, r16-026)', '截至5月1日，您当前的30.00元（含1G流量）流量自动升级套餐已使用500MB。', ['data.used 500']],
  ['9: an offer a 建议您发送…办理 opens gives no figure (内含70MB) (real r18-090)', '截至8月3日，您本月流量已使用2MB。为节约上网费用，建议您发送KTLLB10至10086办理10元流量套餐，内含100MB数据流量。', ['data.used 2']],
  ['9: a size the same size follows with only name words between (赠送国内流量70MB70.00MB) is in the name (real r17-085)', '您本月套餐流量使用情况如下：赠送国内流量60MB60.00MB，已使用约20.00MB，剩余约40.00MB；20MB数据流量叠加卡20.00MB，已使用约5.00MB，剩余约15.00MB。', ['data.total 60 general', 'data.used 20 general', 'data.remaining 40 general', 'data.total 20', 'data.used 5', 'data.remaining 15']],
  ['9: what a package holds in brackets after its name, said used up with it, is its contents (real r15-119, r19-025)', '您本月已使用上网流量2G100.00M，其中国内流量剩余800.00M，校园5元超级包（6G校园流量）已使用完，校园10元优惠包（2GB省内流量+1.5GB校园流量）已使用完。', ['data.used 2148', 'data.remaining 800 general']],
  ['9: a price a size holds in brackets, after its use (40.00元（含700.00M流量）套餐) (real r16-014)', '您当前已使用流量1G98.45M，现已为您自动升级为30.00元（含500.00M流量）套餐。', ['data.used 1122.45']],
  ['9, 11: an offer after 发送…到10086开通 (10元信用透支额度) and a bound written ≤ give no figure (real r19-013)', '您的账户余额已≤20元。还可发送“KTED”到10086开通50元信用透支额度。', []],
  ['11: networks written 2/3/4G are no amounts (real r16-071)', '您使用的是省内LTE流量（2/3/4G）共有530MB，已使用20MB。', ['data.total 530 provincial', 'data.used 20 provincial']],
  // Guards.
  ['guard 9: the same size said twice with a joiner between (共1GB，为1GB) stays read', '您本月国内流量共1GB，已使用1GB。', ['data.total 1024 general', 'data.used 1024 general']],
  ['guard 9: a plan\'s data after its fee and a comma stays its total', '您的套餐月费58元，含国内流量10GB，已使用2GB。', ['data.total 10240 general', 'data.used 2048 general']],
  ['guard 6: a part called 可用 is the balance and its total other (rule 5, replies22\'s account-parts.ts), no part made other here', '您当前账户总余额30.00元，其中可用余额10.00元，冻结金额20.00元。', ['balance.other 30', 'balance.balance 10', 'balance.other 20']],
  ['guard 6: a balance after the items of a bill (其中) stays the balance', '您本月已消费27.33元，其中套餐费18.00元，通话费9.33元，余额45.00元。', ['bill.total 27.33', 'bill.item 18', 'bill.item 9.33', 'balance.balance 45']],
  ['guard 6: with a total, the cash part stays a part', '您当前余额45.00元，其中现金余额30.00元。', ['balance.balance 45', 'balance.cash 30']],
  ['guard 7: the month\'s use under a 安心服务 title stays use (real r17-073)', '【流量安心服务】您好！截至24日14时，您本月流量已使用900.00MB，流量安心包内流量还剩40.00MB。', ['data.used 900', 'data.remaining 40']],
  ['guard 7: use before an offer of a 安心包 stays use (real r17-055)', '截至08月03日，您本月已使用移动数据流量91.00MB，套餐内流量剩余9.00MB，你已订购流量安心包请放心使用。', ['data.used 91', 'data.remaining 9']],
  ['guard 7: the month\'s use after a 安心包 is named stays use', '您已开通流量安心包，本月已使用流量300.00MB，剩余700.00MB。', ['data.used 300', 'data.remaining 700']],
  ['guard 10: parts owed with no total owed are each owed (real r15-176, r17-095)', '截止上月欠费10.00元，本月欠费20.00元。', ['balance.balance -10', 'balance.balance -20']],
  ['guard 8: an amount\'s own kind words decide over a heading (统付 and 专用型 name no kind)', '【专用型流量】\n1、通用流量统付_成员套餐，包含国内流量500M，剩余388.00M。', ['data.total 500 general', 'data.remaining 388 general']],
  ['guard 8: an amount said to hold several kinds is not stated', '您本月普通流量（含国内、省内）241MB，已使用100MB。', ['data.total 241', 'data.used 100']],
  ['guard 9: an order not yet done gives no figure', '您即将办理10元流量包，包含3GB国内通用流量，请回复“是”确认。', []],
];

describe('labelling rules 6-11, read by general rules', () => {
  it.each(CASES)('%s: %s', (_rule, text, expected) => expect(figureWords(text)).toEqual(expected));

  it('a prize to win (再赢1000元话费) is a promotion, no bill line (rule 11; real r16-001, read from the dev corpus)', () => {
    const entry = loadCorpus(resolve(import.meta.dirname, '../../fixtures/replies/real-dev.json')).find((e) => e.id === 'r16-001')!;
    expect(figureWords(entry.text)).toEqual(['balance.spentThisMonth 111.66', 'balance.balance 419.95']);
  });

  it('the app shows one balance, not the total and its parts added up (rule 6), nor what is owed counted twice (rule 10)', () => {
    const balance = (text: string) => {
      const u = understandReply({ text, receivedAt: RECEIVED, from: '10086' });
      return u.kind === 'figures' ? balanceOf(u.figures).balance : null;
    };
    expect(balance('您的账户总余额60.00元，其中：通用余额45.00元，专款余额15.00元。')).toBe(60);
    expect(balance('您的现金余额36.00元，赠送余额12.00元。')).toBe(36);
    expect(balance('截止7月5日，您已欠费50.00元，当月话费20.00元，往月欠费30.00元。')).toBe(-50);
  });
});
