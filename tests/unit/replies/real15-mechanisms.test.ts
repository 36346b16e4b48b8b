import { describe, expect, it } from 'vitest';
import { dataByPool, understandReply } from '../../../src-shared/replies';
import { figureWords, RECEIVED } from './format';

// Round 11 (issue 15): mechanisms behind the misses of the real15 batch's dev part (docs/replies.md, Round 11).
// Every wording here is OURS (written for this test, NOT a real reply); each mechanism's cases fail on main bf66492
// (the guards among them, which say what must stay as it was, pass there too).
const read = (text: string) => understandReply({ text, receivedAt: RECEIVED, from: '10086' });
const lines = figureWords;

/** [mechanism, wording of ours, the figures read]. */
const CASES: [string, string, string[]][] = [
  [
    'a data word that only says it is the plan\'s data to go online with (上网流量, 套餐流量) keeps the kind before (guard)',
    '您的省内流量共2GB，已使用1GB，剩余上网流量1GB，剩余套餐流量1GB。',
    ['data.total 2048 provincial', 'data.used 1024 provincial', 'data.remaining 1024 provincial', 'data.remaining 1024 provincial'],
  ],
  ['a new package whose words name mobile data anew does not take the kind of the package before', '各套餐使用情况：校园流量包，共包含省内流量2.00GB，已使用1.00GB，剩余1.00GB；30元3G半年包（价值50元），共包含移动数据流量3.00GB，已使用1.00GB，剩余2.00GB。', ['data.total 2048 provincial', 'data.used 1024 provincial', 'data.remaining 1024 provincial', 'data.total 3072', 'data.used 1024', 'data.remaining 2048']],
  ['kind words in the amount\'s own clause name it before a stronger word in the package name of the clause before', '闲时套餐(上月结转)，共包含国内闲时流量2.00GB，已使用0.50GB，剩余1.50GB。', ['data.total 2048 offpeak', 'data.used 512 offpeak', 'data.remaining 1536 offpeak']],
  ['kind words in the amount\'s own clause name it before a stronger word in the package name of the clause before', '您的国内通用流量结转剩余512M。', ['data.remaining 512 carryover']],
  ['专用流量 is data for an app, unless a kind word narrows it (省内专用流量)', '您本月剩余总流量3.00GB，其中剩余国内流量1.00GB，剩余专用流量2.00GB。', ['data.remaining 3072', 'data.remaining 1024 general', 'data.remaining 2048 app']],
  ['专用流量 is data for an app, unless a kind word narrows it (省内专用流量)', '剩余流量：省内专用流量5.00GB', ['data.remaining 5120 provincial']],
  ['通用流量 after 含 is general data', '4G流量优惠，共包含通用流量月包500.00MB，已使用100.00MB，剩余400.00MB。', ['data.total 500 general', 'data.used 100 general', 'data.remaining 400 general']],
  ['data carried over into this month (结转至本月, 结转到本月) is the carried-over total, whatever comes between', '您上月结转至本月的省内流量为512MB。您本月已使用流量100MB。', ['data.total 512 carryover', 'data.used 100']],
  ['data carried over into this month (结转至本月, 结转到本月) is the carried-over total, whatever comes between', '上月结转到本月的闲时流量包为1.5GB。', ['data.total 1536 carryover']],
  ['the words right after an amount, up to a separator, are its own and name nothing of the next (流量、已使用…)', '您上月结转至本月500.00MB流量、已使用100.00MB、剩余400.00MB。', ['data.total 500 carryover', 'data.used 100 carryover', 'data.remaining 400 carryover']],
  ['charges not yet billed and the real-time charges in all are spent this month, not a bill total', '您的未出账话费为12.50元，账户余额为30.00元。', ['balance.spentThisMonth 12.5', 'balance.balance 30']],
  ['charges not yet billed and the real-time charges in all are spent this month, not a bill total', '您当月的实时话费总额为45.60元，账户余额为8.00元。', ['balance.spentThisMonth 45.6', 'balance.balance 8']],
  ['the usable prepaid money is the balance; prepaid money alone stays other', '您当前预存款为100.00元，可用预存款为60.00元。', ['balance.other 100', 'balance.balance 60']],
  ['time-slot data (限时流量, 时段流量, 省内包时段流量) is of no stated kind (labelling rule 2 of 2026-12-06, round 17: it was off-peak, and 省内包时段 provincial), and 限时 before it opens no advert', '您本月剩余流量：国内流量1.00GB、限时流量2.00GB。', ['data.remaining 1024 general', 'data.remaining 2048']],
  ['time-slot data (限时流量, 时段流量, 省内包时段流量) is of no stated kind (labelling rule 2 of 2026-12-06, round 17: it was off-peak, and 省内包时段 provincial), and 限时 before it opens no advert', '国内通用流量剩余1.00MB，时段流量剩余2.00MB。', ['data.remaining 1 general', 'data.remaining 2']],
  ['time-slot data (限时流量, 时段流量, 省内包时段流量) is of no stated kind (labelling rule 2 of 2026-12-06, round 17: it was off-peak, and 省内包时段 provincial), and 限时 before it opens no advert', '您当前省内包时段流量已使用100.00MB，剩余20.00MB。', ['data.used 100', 'data.remaining 20']],
  ['time-slot data (限时流量, 时段流量, 省内包时段流量) is of no stated kind (labelling rule 2 of 2026-12-06, round 17: it was off-peak, and 省内包时段 provincial), and 限时 before it opens no advert', '您本月剩余国内流量1.00GB。限时特价：10元可享2GB流量。', ['data.remaining 1024 general']],
  ['an item naming data of a kind the rules do not know goes on with the list after a comma, its kind unstated', '剩余流量：国内流量100MB,校园流量1GB,闲时流量200MB。', ['data.remaining 100 general', 'data.remaining 1024', 'data.remaining 200 offpeak']],
  ['a tier or a year in a package name does not cut the kind words of its clause', '套餐使用情况：校园套餐本月内含100MB，已使用完；省内流量保3档（2019版）本月内含2GB，已使用1GB，剩余1GB。', ['data.total 100', 'data.total 2048 provincial', 'data.used 1024 provincial', 'data.remaining 1024 provincial']],
  ['a tier or a year in a package name does not cut the kind words of its clause', '您可享受省内3/4G流量3GB，已使用1GB，剩余2GB。', ['data.total 3072 provincial', 'data.used 1024 provincial', 'data.remaining 2048 provincial']],
  ['可享受 / 享有 before an amount state its total, which its used and left share the kind of', '您本月可享受省内流量500MB（其中上月结转100MB），已使用100MB，剩余可用400MB。', ['data.total 500 provincial', 'data.total 100 carryover', 'data.used 100 provincial', 'data.remaining 400 provincial']],
  ['可享受 / 享有 before an amount state its total, which its used and left share the kind of', '您本月享有国内通话200分钟，已使用50分钟。', ['voice.total 200', 'voice.used 50']],
  ['a kind said to be absent (无结转, 没有结转) names none, and a note after an amount does not name the next', '您本月省内流量总量500.00M（上月无结转流量），已使用100.00M。', ['data.total 500 provincial', 'data.used 100 provincial']],
  ['what can still be used, with words between (可再免费使用, 可以继续使用), is left', '您的流量已达上限，可再免费使用300M流量。', ['data.remaining 300']],
  ['what can still be used, with words between (可再免费使用, 可以继续使用), is left', '您本月流量已使用1.00GB，可以继续使用500.00MB。', ['data.used 1024', 'data.remaining 500']],
  ['a kind in brackets right before the colon of a heading names the amounts after it, over the words of the name', '本月套餐情况如下：1.畅享套餐5G闲时流量(6月结转)(省内)：已使用流量1.00MB，剩余流量2.00MB。', ['data.used 1 provincial', 'data.remaining 2 provincial']],
  ['a kind in brackets right before the colon of a heading names the amounts after it, over the words of the name', '畅享套餐(结转)：闲时流量剩余2.00MB。', ['data.remaining 2 offpeak']],
  ['a few words between a label and its colon (话费使用明细为：) still head bill lines, also when a line starts with 4G', '您当月话费使用明细为：4G套餐月租费：38.00元，语音通话费：12.50元。', ['bill.item 38', 'bill.item 12.5']],
  ['a kind\'s name (结转流量) before a total\'s words only names the kind, not a part of the total', '您的套餐结转流量结转至本月5MB。', ['data.total 5 carryover']],
  ['a kind\'s name (结转流量) before a total\'s words only names the kind, not a part of the total', '已使用结转流量4.00GB', ['data.used 4096 carryover']],
  ['a network generation listed with other networks (包含2G,TD,LTE) is no amount', '国内移动数据流量(包含2G,TD,LTE)剩余300MB。', ['data.remaining 300 general']],
  ['a network generation listed with other networks (包含2G,TD,LTE) is no amount', '国内流量(含3G、4G)剩余1GB。', ['data.remaining 1024 general']],
  ['剩余流量还有: a bare data word after a label of the same field, right before the nearest label, names nothing new', '您的省内流量共有500MB，剩余流量还有40.00MB。', ['data.total 500 provincial', 'data.remaining 40 provincial']],
  ['剩余流量还有: a bare data word after a label of the same field, right before the nearest label, names nothing new', '套餐包括：国内通用流量10GB；已使用流量3.5GB。', ['data.total 10240 general', 'data.used 3584']],
  ['an item of an amount’s own list is no part of it, however near the sum (已用国内1.2GB，省内300MB，剩余国内800MB)', '您本月已用国内流量1.2GB，省内流量300MB，剩余国内流量800MB，省内流量700MB。', ['data.used 1228.8 general', 'data.used 300 provincial', 'data.remaining 800 general', 'data.remaining 700 provincial']],
  ['an item of an amount’s own list is no part of it, however near the sum (已用国内1.2GB，省内300MB，剩余国内800MB)', '可用流量为10GB，已使用8.8GB，剩余1.2GB。', ['data.total 10240', 'data.used 9011.2', 'data.remaining 1228.8']],
  ['data shared out to the other cards of a family (副卡共享了) is used, of the shared kind', '您本月剩余流量5.00GB。共享池内的所有副卡共享了100.00MB。', ['data.remaining 5120', 'data.used 100 shared']],
];

describe('round 11: figures', () => {
  it.each(CASES)('%s: %s', (_mechanism, text, expected) => {
    expect(lines(text)).toEqual(expected);
  });

  it('amounts of an unknown kind are never added to the kind before them (the Overview sums each alone)', () => {
    const u = read('您本月剩余国内流量1.50GB，剩余省内流量2.00GB，剩余校园流量300.00MB。');
    if (u.kind !== 'figures') throw new Error(`figures expected, got ${u.kind}`);
    const left = u.figures.filter((f) => f.topic === 'data' && f.field === 'remaining');
    expect(dataByPool(left).map((a) => [a.pool, a.members.length])).toEqual([
      ['general', 1],
      ['provincial', 1],
      [null, 1],
    ]);
  });
});

describe('round 11: numbered menus written without stops', () => {
  const menu = (text: string) => {
    const u = read(text);
    return u.kind === 'figures' || u.kind === 'menu' ? u.menu.map((o) => `${o.n}.${o.label}`) : [];
  };

  it.each([
    [
      'options "N label" on one line: the next number in turn ends a label, glued to it or after a space, and a 【title】 is a label',
      '如需以下服务，请直接回复序号：1 查询余额 2 办理5元30M流量包3 查询流量4 【新客户专享福利】回复免费',
      ['1.查询余额', '2.办理5元30M流量包', '3.查询流量', '4.【新客户专享福利】'],
    ],
    ['options numbered as codes with 、 glued to the label before them', '回复相应序号查更多信息：201、积分查询35、缴费记录查询88、套餐说明', ['201.积分查询', '35.缴费记录查询', '88.套餐说明']],
    ['an option ends where another thing to send is said (发“…”, 回复“…”)', '回复相应序号查询：201、积分查询35、套餐说明发“营业厅”下载客户端', ['201.积分查询', '35.套餐说明']],
  ])('%s', (_mechanism, text, expected) => {
    expect(menu(text)).toEqual(expected);
  });
});

describe('round 11: services grouped by who charges', () => {
  const services = (text: string) => {
    const u = read(text);
    return u.kind === 'services' ? u.services.map((x) => `${x.n} ${x.name} ${x.fee}`) : [];
  };

  it.each([
    [
      'entries numbered out of turn, each with a monthly fee, go on; a provider in brackets is no part of the name',
      '您正在使用的包月类增值业务有：移动业务:2、手机视频包，10元/月;4、彩铃，5元/月;代收费的业务:1、天气预报，(某某科技有限公司提供),3元/月;3、新闻早报，2元/月;',
      ['2 手机视频包 10元/月', '4 彩铃 5元/月', '1 天气预报 3元/月', '3 新闻早报 2元/月'],
    ],
    ['a number out of turn with no fee still ends the list (guard)', '您正在使用的包月业务有：1、彩铃5元/月；2、手机报3元/月。5小时内回复有效，回复免费。', ['1 彩铃 5元/月', '2 手机报 3元/月']],
  ])('%s', (_mechanism, text, expected) => {
    expect(services(text)).toEqual(expected);
  });
});
