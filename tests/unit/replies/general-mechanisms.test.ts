import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { customerDataLeft, dataByPool, describeFigures, understandReply, type FigureRecord } from '../../../src-shared/replies';
import { canonical, checkEntry, loadCorpus, mixedPoolSums, whatOf } from '../../fixtures/replies/corpus';
import { figureWords, RECEIVED } from './format';

// Wordings WE wrote (not real replies) to pin each general mechanism of the reader: one or more per
// mechanism, in the corpus format so the one checker judges them. Real texts are in real-dev.json.
const ours = loadCorpus(resolve(import.meta.dirname, '../../fixtures/replies/ours-general.json'));
const read = (text: string) => understandReply({ text, receivedAt: RECEIVED, from: '10086' });
const rounded = (value: number) => Math.round(value * 100) / 100;
/** As figureWords, with a bill item's name in place of the pool. */
const itemLines = (text: string) => {
  const u = read(text);
  return u.kind === 'figures' ? u.figures.map((f) => `${f.topic}.${f.field} ${rounded(f.value)}${'item' in f && f.item ? ` ${f.item}` : ''}`) : [];
};
const byId = (id: string) => ours.find((e) => e.id === id)!;
/** A reply's menu options (beside figures, or under an outcome) as `n.label`. */
const options = (text: string) => {
  const u = read(text);
  return u.kind === 'figures' || u.kind === 'menu' || u.kind === 'outcome' ? u.menu.map((m) => `${m.n}.${m.label}`) : [];
};
/** A reply's services as `n|name|fee` and whether a number cancels one, or its kind when it is no list. */
const serviceEntries = (text: string) => {
  const u = read(text);
  return u.kind === 'services' ? [...u.services.map((x) => `${x.n}|${x.name}|${x.fee}`), `cancel:${u.cancelByNumber}`] : [u.kind];
};

describe('general mechanisms, on wordings we wrote (not real)', () => {
  it('are all marked as ours', () => {
    for (const e of ours) expect(e.source).toMatch(/^ours: .*NOT a real reply/u);
  });

  // A known miss stays in the file (and in the blind figures of docs/replies.md) but is not held here.
  it.each(ours.filter((e) => !e.readerKnownMiss).map((e) => [e.id, e] as const))('%s: the figures a person reads, and nothing else', (_id, entry) => {
    const u = read(entry.text);
    // A list of services, a menu with nothing to read or an error is read as that; everything else has figures.
    const counts = entry.figures.some((f) => f.what !== 'other');
    const kind = entry.kind === 'error' ? 'outcome' : entry.services?.length ? 'services' : !counts && entry.menu?.length ? 'menu' : 'figures';
    // A reply with nothing to read (a success, a confirmation, an empty list) may be read as what it is, with no figure.
    if (counts || entry.kind === 'error' || entry.services?.length || entry.menu?.length) expect(u.kind).toBe(kind);
    const c = checkEntry(entry, u);
    expect(c.servicesMissing).toEqual([]);
    expect({ menuExtra: c.menuExtra, servicesExtra: c.servicesExtra }).toEqual({ menuExtra: [], servicesExtra: [] });
    expect({ missing: c.missing, wrongPool: c.wrongPool }).toEqual({ missing: [], wrongPool: [] });
    expect(c.menuMissing).toEqual([]);
    expect(c.listsAsFigures).toBe(0);
    // Nothing more than a person reads (a rate, a plan's price, a date, WLAN time are no figures).
    const counted = u.kind === 'figures' ? u.figures.filter((f, i) => whatOf(f) !== 'other' || c.matched.has(i)).length : 0;
    expect(counted).toBe(c.found);
  });

  it('a cue to reply with a number (请回复序号确认) asks for no word to send', () => {
    const u = read('您发送的"CXLLL"无法识别，可能您想发送：1.CXLL（查询流量）2.CXYE（查询余额）。请回复序号确认。');
    expect(u.kind).not.toBe('confirm');
    expect(read('您将订购流量包，请回复"是"确认。').kind).toBe('confirm');
  });

  it('never adds up data of different kinds', () => {
    const groups = (figures: FigureRecord[]) =>
      dataByPool(figures).map((a) => a.members.map((i) => figures[i]!));
    for (const entry of ours) {
      const u = read(entry.text);
      expect([entry.id, mixedPoolSums(u, checkEntry(entry, u), groups)]).toEqual([entry.id, 0]);
    }
  });

  const fields = (id: string) => {
    const u = read(byId(id).text);
    return u.kind === 'figures' ? u.figures.map((f) => `${f.topic}.${f.field} ${f.value}`) : [];
  };

  it('a head noun takes the meaning of the label before it (赠款余额, 到期积分)', () => {
    expect(fields('head-gift-balance')).toEqual(['balance.balance 35.2', 'balance.cash 30', 'balance.gift 5.2']);
    expect(fields('head-expiring-points')).toEqual(['points.total 1234', 'points.expiring 100']);
    // Round 22 (labelling rule 5): beside 其中可用余额, the amount kept (话费余额) is other.
    expect(fields('head-frozen-balance')).toEqual(['balance.other 35.2', 'balance.balance 30.2', 'balance.other 5']);
  });

  it('an outcome word in an aside or a hypothetical clause leaves the figures; one before them is the outcome', () => {
    expect(read(byId('aside-balance-low').text).kind).toBe('figures');
    expect(read(byId('aside-no-reply').text).kind).toBe('figures');
    const failed = read('尊敬的客户，您的余额不足，流量包订购失败，您当前余额为2.00元。');
    expect(failed.kind === 'outcome' && failed.outcome).toBe('failure');
  });

  it('amounts in the names of a list of packages are no figures (real dev text vpmn-0019-confirm)', () => {
    const dev = loadCorpus(resolve(import.meta.dirname, '../../fixtures/replies/real-dev.json'));
    const entry = dev.find((e) => e.id === 'vpmn-0019-confirm')!;
    const u = read(entry.text);
    // 综合VPMN套餐 石化专用、10M本地通用流量、本地流量优惠包10M…、官微专用本地流量（1M1月）: names, not usage.
    expect(u.kind === 'figures' && u.figures.map((f) => f.span.text)).toEqual(['3.76MB', '0.00MB', '3.76MB', '121.00MB', '3.76MB', '117.24MB']);
    const ours = read('您本月已使用流量20.5MB，您订购的优惠包10M、1G省内流量包均可使用。');
    expect(ours.kind === 'figures' && ours.figures.map((f) => f.span.text)).toEqual(['20.5MB']);
  });

  it('money keeps the currency written beside it, never converted (HK$, £, €, $, 元)', () => {
    const currencies = (id: string) => {
      const u = read(byId(id).text);
      return u.kind === 'figures' ? u.figures.filter((f) => f.topic === 'balance').map((f) => `${f.currency} ${f.value}`) : [];
    };
    expect(currencies('r2b1-cmhk-english')).toEqual(['HK$ 128.5']);
    expect(currencies('r2b1-cmlink-gbp')).toEqual(['£ 7.85']);
    expect(currencies('r2b1-cmlink-eur')).toEqual(['€ 12.4']);
    expect(currencies('r2b2-cmlink-usd')).toEqual(['$ 23.15']);
    expect(currencies('r2b1-available-credit')).toEqual(['元 12.85', '元 100']);
    const said = describeFigures(read(byId('r2b1-cmlink-gbp').text), 'en');
    expect(said).toContain('balance: £7.85');
    expect(said).not.toContain('yuan');
    expect(describeFigures(read(byId('r2b1-available-credit').text), 'zh-Hans')).toContain('余额 12.85 元');
  });

  it('a currency written before an amount with 元 after it is that currency (港币48.50元), 人民币 is yuan', () => {
    const u = read('您好，您的账户余额为港币48.50元，人民币账户余额为人民币20.00元。');
    expect(u.kind === 'figures' && u.figures.map((f) => `${f.currency} ${f.value}`)).toEqual(['港币 48.5', '人民币 20']);
    const said = describeFigures(read('您的账户余额为港币48.50元。'), 'zh-Hans');
    expect(said).toContain('48.50 港币');
    expect(said).not.toContain('元');
    expect(describeFigures(read('您的账户余额为人民币20.00元。'), 'zh-Hans')).toContain('余额 20.00 元');
    // What 小e and the line under a reply say of a CMHK reply: HK$ as read, its local data as the data left.
    expect(describeFigures(read('【中國移動香港】閣下的賬戶餘額為HK$48.50，本地數據剩餘2.5GB。'), 'zh-Hans')).toBe('你的余额 HK$48.50，流量还剩 2.50 GB');
  });

  it("a CMHK reply's 本地 data is its local general data; on the mainland 本地 stays provincial", () => {
    const pools = (text: string) => {
      const u = read(text);
      return u.kind === 'figures' ? u.figures.filter((f) => f.topic === 'data').map((f) => `${f.field} ${f.pool}`) : [];
    };
    expect(pools('【中國移動香港】閣下本月已使用本地數據8.5GB，剩餘數據11.5GB。')).toEqual(['used general', 'remaining general']);
    expect(pools('China Mobile Hong Kong: Local data remaining 2.8GB.')).toEqual(['remaining general']);
    expect(pools('閣下賬戶餘額為HK$20.00，本地數據剩餘1.2GB。')).toEqual(['remaining general']);
    expect(pools('尊敬的客户，您本月本地流量剩余1.5GB，国内通用流量剩余2GB。【中国移动】')).toEqual(['remaining provincial', 'remaining general']);
    // The overview's data left for the CMHK reply is its local data, alone.
    const hk = read('【中國移動香港】閣下本地數據剩餘2.5GB。');
    expect(hk.kind === 'figures' && customerDataLeft(dataByPool(hk.figures))?.mb).toBe(2560);
  });

  it('点 after points is a points unit (其中120点将于…到期); a clock time with 点 is none', () => {
    const u = read('您的积分为1200分，其中120点将于年底到期。');
    expect(u.kind === 'figures' && u.figures.map((f) => `${f.field} ${f.value}`)).toEqual(['total 1200', 'expiring 120']);
    const m = read('您当前可用积分860点，请于今天22点前兑换。');
    expect(m.kind === 'figures' && m.figures.map((f) => `${f.field} ${f.value}`)).toEqual(['total 860']);
    const dated = read('截至11月25日10点，您的积分余额为300点。');
    expect(dated.kind === 'figures' && dated.figures.map((f) => `${f.field} ${f.value}`)).toEqual(['total 300']);
  });

  it('an advert after the figures, in the same sentence or the next, gives no figure (ours, not real)', () => {
    const read3 = (text: string) => {
      const u = read(text);
      return u.kind === 'figures' ? u.figures.map((f) => `${f.topic}.${f.field} ${Math.round(f.value * 100) / 100}`) : [];
    };
    expect(read3('您的话费余额为23.50元。限时特惠：30元包15GB国内流量，回复KT30立即开通！')).toEqual(['balance.balance 23.5']);
    expect(read3('截至12月1日，您本月已使用国内通用流量2.1GB，剩余7.9GB。推荐您办理10元3GB夜间流量包，回复YJ10即可订购。【中国移动】')).toEqual([
      'data.used 2150.4',
      'data.remaining 8089.6',
    ]);
    expect(read3('尊敬的客户，您当前积分3200分。1000积分可兑换10元话费，欢迎参与。')).toEqual(['points.total 3200']);
    expect(read3('您的账户余额为5.00元，充值50元送10元话费，详询10086。')).toEqual(['balance.balance 5']);
    expect(read3('您本月剩余流量3.2GB，流量不够用？回复KTLL开通10元1GB流量包')).toEqual(['data.remaining 3276.8']);
    // 可兑换积分 is the points one can redeem, not an advert.
    expect(read3('您的积分账户：可兑换积分2000分，冻结积分100分。')).toContain('points.total 2000');
  });

  it('分 after a call word is minutes, after 积分 points (the topic word written last before it)', () => {
    const lines = (text: string) => {
      const u = read(text);
      return u.kind === 'figures' ? u.figures.map((f) => `${f.topic}.${f.field} ${f.value} ${f.unit}`) : [];
    };
    expect(lines('国内语音共200分，已用1分，剩余199分。')).toEqual(['voice.total 200 min', 'voice.used 1 min', 'voice.remaining 199 min']);
    expect(lines('您的积分为1200分，本月国内通话已用20分。')).toEqual(['points.total 1200 points', 'voice.used 20 min']);
  });

  it('a line of a label and its amount goes on with the kind of the line before; one naming data anew does not', () => {
    const pools = (text: string) => {
      const u = read(text);
      return u.kind === 'figures' ? u.figures.map((f) => `${f.field} ${f.pool}`) : [];
    };
    expect(pools('国内通用流量共908.98M\n已使用37.57M\n还剩余871.4M')).toEqual(['total general', 'used general', 'remaining general']);
    // Round 22 (labelling rule 4): the volume used beyond the plan is a field of its own, of no kind.
    expect(pools('国内通用流量共10GB\n套餐外流量已使用1GB')).toEqual(['total general', 'beyondPlan null']);
  });

  it('a decimal amount with a unit glued to a word before it is read (剩余GPRS200.00M); a code is not', () => {
    const u = read('"赠送200M本地流量": 剩余GPRS200.00M(1M=1024K)。共含WLAN1100.00M，剩余WLAN367.75M。回复KTLL10开通。');
    expect(u.kind === 'figures' && u.figures.map((f) => `${f.field} ${f.value} ${f.pool}`)).toEqual(['remaining 200 provincial', 'total 1100 wlan', 'remaining 367.75 wlan']);
  });

  it('an unknown used-label is read by its stem (已耗用, 累计用掉), never 通用 or 费用', () => {
    const lines = (text: string) => {
      const u = read(text);
      return u.kind === 'figures' ? u.figures.map((f) => `${f.field} ${f.value} ${f.pool}`) : [];
    };
    expect(lines('国内通用流量10GB，已耗用2GB，剩余8GB。')).toEqual(['total 10240 general', 'used 2048 general', 'remaining 8192 general']);
    expect(lines('本月流量累计用掉3GB，尚余2GB。')).toEqual(['used 3072 null', 'remaining 2048 null']);
    expect(lines('本月国内通用流量1.5GB。')).toEqual([]);
    expect(lines('您的话费余额为20.00元，套餐费用38.00元已扣除。')).toEqual(['balance 20 null']);
  });

  it('数据 stands for 流量 inside labels (使用总数据), and 4G before 数据 is the network, not an amount', () => {
    const lines = (text: string) => {
      const u = read(text);
      return u.kind === 'figures' ? u.figures.map((f) => `${f.field} ${f.value} ${f.pool}`) : [];
    };
    expect(lines('您本月实际使用总数据3.76MB，剩余117.24MB。')).toEqual(['used 3.76 null', 'remaining 117.24 null']);
    expect(lines('本地4G数据剩余677.08MB。')).toEqual(['remaining 677.08 provincial']);
  });

  it('通用流量 after a word that narrows it (港澳台通用流量) names no kind; after 国内 or 套餐内 it is general', () => {
    const pools = (text: string) => {
      const u = read(text);
      return u.kind === 'figures' ? u.figures.map((f) => `${f.value} ${f.pool}`) : [];
    };
    expect(pools('港澳台通用流量剩余1.00GB，国内通用流量剩余2.00GB。')).toEqual(['1024 null', '2048 general']);
    expect(pools('您的套餐内通用流量剩余3GB。')).toEqual(['3072 general']);
    expect(pools('通用流量剩余1.5GB，省内通用流量剩余0.5GB。')).toEqual(['1536 general', '512 provincial']);
  });

  it('a percentage or a link is no amount, and leaves the reply sure', () => {
    const u = read(byId('percent-url-not-figures').text);
    expect(u.kind === 'figures' && u.confidence).toBe('sure');
  });

  it('a disclaimer that mentions the bill reads no bill items', () => {
    expect(fields('disclaimer-no-bill').some((f) => f.startsWith('bill.'))).toBe(false);
  });

  it('a label before a colon that heads bill lines does not name them (实时话费：月租费38.00元)', () => {
    expect(fields('spent-realtime-lines')).toEqual(['balance.balance 35.2', 'balance.spentThisMonth 12.3']);
    const u = read('您本月实时话费：月租费38.00元，合计38.00元。');
    expect(u.kind === 'figures' && u.figures.map((f) => `${f.field} ${f.item ?? ''}`)).toEqual(['item 月租费', 'total ']);
  });

  // Round 4 (issue 15): structures the dev texts lack. Wordings of ours, NOT real replies.
  it('a plan on offer with only an advert word after it (详询, 回复办理) is no figure; the customer\'s own sentence with one keeps its figures', () => {
    expect(figureWords('您好！您的话费余额为66.00元。5G畅享套餐198元/月，含60GB国内通用流量和1000分钟国内通话，详询10086。')).toEqual(['balance.balance 66']);
    expect(figureWords('5G智享套餐158元/月，包含40GB国内流量，回复KT158办理。')).toEqual([]);
    // Words of the customer's own (您本月, 剩余, 截至…) before the advert word keep the figures before it.
    expect(figureWords('您本月套餐含国内通用流量30GB，已使用12GB，详询10086。')).toEqual(['data.total 30720 general', 'data.used 12288 general']);
    expect(figureWords('截至12日，剩余流量5.2GB，更多流量包回复KTLL办理。')).toEqual(['data.remaining 5324.8']);
  });

  it('a total word after a part\'s label in its clause (剩余流量共5.30GB) is that part in all; its bracket of parts goes on to the end', () => {
    expect(figureWords('您当月剩余流量共5.30GB（其中：国内通用流量2.10GB，省内流量3.20GB），已使用4.70GB。')).toEqual([
      'data.remaining 5427.2',
      'data.remaining 2150.4 general',
      'data.remaining 3276.8 provincial',
      'data.used 4812.8',
    ]);
    // "12.5GB used of 50GB": the part word said of the amount before is no part of the total.
    expect(figureWords('Your data: 12.5GB used of 50GB, 37.5GB left.')).toEqual(['data.used 12800', 'data.total 51200', 'data.remaining 38400']);
    expect(figureWords('您本月国内语音通话共500分钟，已使用132分钟（其中本地主叫80分钟，长途52分钟），剩余368分钟。')).toEqual([
      'voice.total 500',
      'voice.used 132',
      'voice.used 80',
      'voice.used 52',
      'voice.remaining 368',
    ]);
    expect(figureWords('您本月国内通用流量已用2.35GB，剩余7.65GB（其中结转流量1.20GB，本月套餐流量6.45GB）。')).toEqual([
      'data.used 2406.4 general',
      'data.remaining 7833.6 general',
      'data.remaining 1228.8 carryover',
      'data.remaining 6604.8 general',
    ]);
  });

  it('an amount right after a price is the size in a package\'s name (流量加油包10元500MB), and its words name what follows', () => {
    expect(figureWords('流量加油包10元500MB已使用120MB，剩余380MB。')).toEqual(['data.used 120', 'data.remaining 380']);
    expect(figureWords('国内流量1GB，已使用0.82GB；流量加油包10元包500MB已使用120MB。')).toEqual(['data.total 1024 general', 'data.used 839.68 general', 'data.used 120']);
  });

  it('a label ending in a head noun right after the amount names it (有56.80元话费余额); not when an amount follows it', () => {
    expect(figureWords('您好，您当前有56.80元话费余额，本月已消费23.20元。')).toEqual(['balance.balance 56.8', 'balance.spentThisMonth 23.2']);
    expect(figureWords('您好，截至05月20日：\n35.60元 话费余额\n8.25GB 剩余国内通用流量\n180分钟 剩余通话')).toEqual([
      'balance.balance 35.6',
      'data.remaining 8448 general',
      'voice.remaining 180',
    ]);
    expect(figureWords('本月已消费23.20元话费余额56.80元。')).toEqual(['balance.spentThisMonth 23.2', 'balance.balance 56.8']);
  });

  it('data words after an amount name its kind also before 和/及 (1.5GB省内流量和120分钟); domestic data is general', () => {
    expect(figureWords('您本月还有3.2GB国内通用流量、1.5GB省内流量和120分钟国内语音可以使用。')).toEqual([
      'data.remaining 3276.8 general',
      'data.remaining 1536 provincial',
      'voice.remaining 120',
    ]);
    expect(figureWords('you have used 2.10GB of domestic data this month, with 7.90GB remaining')).toEqual(['data.used 2150.4 general', 'data.remaining 8089.6 general']);
  });

  it('a menu of numbered options on one line ends each option before the next number and before 【', () => {
    const u = read('尊敬的客户，您当前话费余额为8.60元，余额较低，请及时充值。回复以下序号：1.充值 2.查账单 3.查流量【中国移动】');
    expect(u.kind === 'figures' && u.menu.map((m) => `${m.n}.${m.label}`)).toEqual(['1.充值', '2.查账单', '3.查流量']);
  });

  it('$ is the dollar of the region the reply names (CMHK: HK$), else $ as written; amounts of two currencies are never added up', () => {
    const money = (text: string) => {
      const u = read(text);
      return u.kind === 'figures' ? u.figures.filter((f) => f.unit === 'yuan').map((f) => `${f.field} ${f.value} ${f.currency}`) : [];
    };
    expect(money('China Mobile Hong Kong: your balance is $52.30, local data remaining 3GB.')).toEqual(['balance 52.3 HK$']);
    expect(describeFigures(read('中國移動香港：閣下賬戶結餘為$52.30。') as never, 'en')).toBe('Your balance: HK$52.30');
    expect(money('CMLink: Your account balance is $23.15. Data remaining: 2.35GB.')).toEqual(['balance 23.15 $']);
    // HK$ over parts in 元 are not checked as a sum (30 + 25 ≠ 50 would otherwise make the reply unsure).
    const mixed = read('账户余额为HK$50.00，其中现金余额30.00元，赠送余额25.00元。');
    expect(mixed.kind === 'figures' && [mixed.confidence, mixed.figures.map((f) => f.currency)]).toEqual(['sure', ['HK$', '元', '元']]);
    const yuan = read('账户余额为50.00元，其中现金余额30.00元，赠送余额25.00元。');
    expect(yuan.kind === 'figures' && yuan.confidence).toBe('unsure');
  });

  it('a reply sent as several SMS is read whole: the part marks are left out, and no figure\'s text holds one', () => {
    const u = read('(1/2)尊敬的客户，截至06月01日，您的账户余额为45.80元(2/2)，本月已消(2/2)费54.20元。');
    expect(u.kind === 'figures' && u.figures.map((f) => `${f.field} ${f.value} ${f.span.text} ${f.currency}`)).toEqual([
      'balance 45.8 45.80元 元',
      'spentThisMonth 54.2 54.20元 元',
    ]);
    expect(figureWords('【1/2】您本月国内通用流量共30GB，已使用10.50GB，\n【2/2】剩余19.50GB。')).toEqual([
      'data.total 30720 general',
      'data.used 10752 general',
      'data.remaining 19968 general',
    ]);
  });

  it('the items after a part are parts too, and a sentence that opens with 其中 goes on from the one before', () => {
    // Round 22 (labelling rule 4): 套餐外 is the volume beyond the plan, no use of a pool.
    expect(figureWords('您本月已使用GPRS流量52.34MB，其中套餐内免费流量已使用50.00MB，套餐外流量2.34MB。')).toEqual(['data.used 52.34', 'data.used 50', 'data.beyondPlan 2.34']);
    expect(figureWords('您的家庭共享流量共100GB，已使用45.2GB。其中主卡使用30.1GB，副卡使用15.1GB。')).toEqual([
      'data.total 102400 shared',
      'data.used 46284.8 shared',
      'data.used 30822.4 shared',
      'data.used 15462.4 shared',
    ]);
    expect(figureWords('您剩余流量如下——国内通用：3.20GB；省内通用：1.00GB；闲时：5.00GB。')).toEqual([
      'data.remaining 3276.8 general',
      'data.remaining 1024 provincial',
      'data.remaining 5120 offpeak',
    ]);
  });

  it('a word after an amount that named it names nothing after it; an unnamed amount before a slash is used of the total after it', () => {
    expect(figureWords('Your bill for May 2025: RMB 88.00 in total, including plan fee RMB 78.00 and extra data RMB 10.00.')).toEqual([
      'bill.total 88',
      'bill.item 78',
      'bill.item 10',
    ]);
    expect(figureWords('Data: 5.3GB used / 20GB. Voice: 120 / 500 mins.')).toEqual(['data.used 5427.2', 'data.total 20480', 'voice.used 120', 'voice.total 500']);
    expect(figureWords('You have used 120 of your 300 local minutes.')).toEqual(['voice.used 120', 'voice.total 300']);
  });

  it('a part naming no kind is of its whole\'s kind, not of the part before it; a list of names is no list of parts', () => {
    expect(figureWords('您本月国内通用流量剩余15.3GB，其中上月结转3.3GB，本月套餐12GB。')).toEqual([
      'data.remaining 15667.2 general',
      'data.remaining 3379.2 carryover',
      'data.remaining 12288 general',
    ]);
    // An amount no one read between a part and the next amount ends the list (names of packages, vpmn-0019-confirm).
    expect(figureWords('您本月已使用3.76MB，其中4G流量3.76MB，套餐如下：综合套餐、10M本地通用流量、本地流量优惠包10M（营销活动专用）。')).toEqual(['data.used 3.76', 'data.used 3.76']);
  });

  it('上月结余 is last month\'s (结余 is a head noun), a payment is no bill item, 基本账户 is cash', () => {
    const u = read('【账单】2025年02月：上月结余12.00元，本月缴费100.00元，本月结余24.00元。');
    expect(u.kind === 'figures' && u.figures.map((f) => `${f.topic}.${f.field} ${f.value}`)).toEqual(['balance.other 12', 'bill.other 100', 'balance.balance 24']);
    expect(figureWords('您的话费余额为58.30元，其中：基本账户48.30元，赠送账户10.00元。')).toEqual(['balance.balance 58.3', 'balance.cash 48.3', 'balance.gift 10']);
  });
});

// Round 6 (issue 15): the structure of a usage reply, whatever its words. Wordings of ours, NOT real replies.
describe('round 6: labels after amounts, whatever the field', () => {
  it('an amount, its kind and data words, then any word that says left (未使用, 未用, 可用): the kind stays its own', () => {
    expect(figureWords('您本月3GB省内流量未使用，1.5GB国内通用流量未用。')).toEqual(['data.remaining 3072 provincial', 'data.remaining 1536 general']);
    expect(figureWords('您本月还有1.8GB定向流量可用。')).toEqual(['data.remaining 1843.2 app']);
  });

  it('a label after a negation is not that label (未使用流量 is left, not used)', () => {
    expect(figureWords('您本月未使用流量31.57GB，已使用流量8.43GB。')).toEqual(['data.remaining 32327.68', 'data.used 8632.32']);
  });

  it('an amount first, then its label to the end of the clause (lines of a statement, 您目前有…元账户可用余额)', () => {
    expect(figureWords('尊敬的客户，您的账户情况：\n56.30元 可用余额\n0.00元 欠费金额\n120.00元 信用额度\n42.18元 本月实时话费')).toEqual([
      'balance.balance 56.3',
      'balance.balance 0',
      'balance.creditLimit 120',
      'balance.spentThisMonth 42.18',
    ]);
    expect(figureWords('尊敬的客户，您目前有51.44元账户可用余额，实时话费112.90元。')).toEqual(['balance.balance 51.44', 'balance.spentThisMonth 112.9']);
    // Not an English word (1.2GB of your 5GB), and not a phrase that only ends with a label far from its start.
    expect(figureWords('You have used 1.2GB of your 5GB data allowance.')).toEqual(['data.used 1228.8', 'data.total 5120']);
  });
});

describe('round 6: numbered menus, whatever their labels', () => {
  it('the options suggested after a wrong instruction are offered with the outcome, also when the cue opens the next sentence', () => {
    const u = read('您好，您发送的“YUE”无法识别，您是否想要：1.查询余额 2.查询账单 3.查询流量，请回复序号。');
    expect(u.kind === 'outcome' && [u.template, u.menu.map((m) => `${m.n}.${m.label}`)]).toEqual(['wrong-instruction', ['1.查询余额', '2.查询账单', '3.查询流量']]);
    const next = read('您发送的"CXLLL"无法识别，可能您想发送：1.CXLL（查询流量）2.CXYE（查询余额）。请回复序号确认。');
    expect(next.kind === 'outcome' && next.menu.map((m) => `${m.n}.${m.label}`)).toEqual(['1.CXLL（查询流量）', '2.CXYE（查询余额）']);
  });

  const options = (text: string) => {
    const u = read(text);
    return u.kind === 'menu' || u.kind === 'figures' ? u.menu.map((m) => `${m.n}.${m.label}`) : [];
  };

  it('on one line, the next number of the run after a space starts the next option even before a price; an option said after it is its own', () => {
    expect(options('请回复序号办理流量包：1.10元100M国内流量包 2.20元300M国内流量包 3.30元1G省内流量包 回复0返回主菜单。')).toEqual([
      '1.10元100M国内流量包',
      '2.20元300M国内流量包',
      '3.30元1G省内流量包',
      '0.返回主菜单',
    ]);
  });

  it('lines of a number, a space and a label', () => {
    expect(options('回复以下数字办理：\n1 话费查询\n2 流量查询\n0 人工服务')).toEqual(['1.话费查询', '2.流量查询', '0.人工服务']);
  });
});

describe('round 6: English replies', () => {
  it('the kind in the words after an amount (17.51GB provincial data), shared by the amount it is the total of', () => {
    expect(figureWords('You have 17.51GB provincial data remaining this month.')).toEqual(['data.remaining 17930.24 provincial']);
    expect(figureWords('You have used 3.58GB of your 20GB general data, 16.42GB left. Provincial data: 0.50GB used, 4.50GB left.')).toEqual([
      'data.used 3665.92 general',
      'data.total 20480 general',
      'data.remaining 16814.08 general',
      'data.used 512 provincial',
      'data.remaining 4608 provincial',
    ]);
  });

  it('an English offer (Reply ADD to buy 2GB…) is an advert to the end of its sentence, and only that sentence', () => {
    expect(figureWords('China Mobile Hong Kong: Your local data usage has reached 80% (16GB of 20GB) of your monthly plan. Reply ADD to buy 2GB at HK$48.')).toEqual([
      'data.usedPercent 80 general',
      'data.used 16384 general',
      'data.total 20480 general',
    ]);
  });

  it('items after "including" are bill lines, and "and" is no qualifier of the unit after it (RMB 40.00 and SMS…)', () => {
    // The charges they add up to are the bill's total (labelling rule 1 of 2026-12-06, round 17; it was spent this month).
    expect(figureWords('Current month charges: RMB 57.84, including voice RMB 12.30, data RMB 40.00 and SMS RMB 5.54.')).toEqual([
      'bill.total 57.84',
      'bill.item 12.3',
      'bill.item 40',
      'bill.item 5.54',
    ]);
  });

  it('current month charges are spent this month', () => {
    expect(figureWords('Your balance is 4.82 yuan. Current month charges: 12.00 yuan.')).toEqual(['balance.balance 4.82', 'balance.spentThisMonth 12']);
  });
});

describe('round 6: a kind whose name is also a label (结转流量)', () => {
  it('after a label of another field it names the kind only, also as an item of that label\'s list', () => {
    expect(figureWords('您当月已使用结转流量1.26GB，定向流量10.67GB；剩余结转流量5.68GB，定向流量29.45GB。')).toEqual([
      'data.used 1290.24 carryover',
      'data.used 10926.08 app',
      'data.remaining 5816.32 carryover',
      'data.remaining 30156.8 app',
    ]);
    expect(figureWords('您当月已使用国内流量4.39GB，结转流量20.88GB。')).toEqual(['data.used 4495.36 general', 'data.used 21381.12 carryover']);
    // Alone, it still says what is left.
    expect(figureWords('上月结转流量1.2GB。')).toEqual(['data.remaining 1228.8 carryover']);
  });
});

describe('round 6: asides in a list', () => {
  it('a time range in brackets neither ends a list of kinds nor is an amount', () => {
    const u = read('剩余国内通用流量11.80GB、省内流量7.00GB、夜间流量（0点-6点）30.00GB、闲时流量（23:00-07:00）5.00GB、定向流量25.52GB。');
    expect(u.kind === 'figures' && u.figures.map((f) => `${f.field} ${f.value} ${f.pool}`)).toEqual([
      'remaining 12083.2 general',
      'remaining 7168 provincial',
      'remaining 30720 offpeak',
      'remaining 5120 offpeak',
      'remaining 26132.48 app',
    ]);
  });
});

describe('round 6: what is paid after a bill is no item of it', () => {
  it('a deduction (抵扣, 已扣除) after a total is no bill line', () => {
    const items = (text: string) => {
      const u = read(text);
      return u.kind === 'figures' ? u.figures.filter((f) => f.topic === 'bill' && f.field === 'item').map((f) => f.value) : [];
    };
    expect(items('您2024年01月话费账单：套餐费128.00元，超套流量费12.00元，共计140.00元，已由赠款抵扣20.00元。')).toEqual([128, 12]);
    expect(items('您2024年6月账单已出：本月费用共计76.50元（套餐费58.00元+超出费用18.50元），账户已扣除76.50元。')).toEqual([58, 18.5]);
  });
});

describe('round 7: package usage, totals in any words and order', () => {
  it('额度 and 套餐内 before an amount state its total, for data, minutes and messages, before or after used and left', () => {
    expect(figureWords('您本月短信额度：1000条；已经使用：355条；还有：645条。')).toEqual(['sms.total 1000', 'sms.used 355', 'sms.remaining 645']);
    expect(figureWords('您本月国内主叫已消耗：2分钟；套餐内：100分钟。')).toEqual(['voice.used 2', 'voice.total 100']);
    expect(figureWords('您本月闲时流量额度为100MB，还有95.23MB。')).toEqual(['data.total 100 offpeak', 'data.remaining 95.23 offpeak']);
    expect(figureWords('您本月省内流量套餐内40M；已使用20.82M。')).toEqual(['data.total 40 provincial', 'data.used 20.82 provincial']);
  });

  it('a total in brackets after what is left (剩余12.53GB（包含20GB）): more than the amount before it, so no part of it', () => {
    expect(figureWords('您本月国内流量剩余12.53GB（包含20GB）。')).toEqual(['data.remaining 12830.72 general', 'data.total 20480 general']);
    expect(figureWords('您本月国内通用流量剩余12GB（含定向流量5GB），已用3GB。')).toEqual(['data.remaining 12288 general', 'data.remaining 5120 app', 'data.used 3072 general']);
  });

  it('共计 and 总计 after amounts of one kind are that kind\'s total; after several kinds, a total over them', () => {
    expect(figureWords('您本月闲时流量已用8.86GB/共计10GB，剩余1.14GB。')).toEqual(['data.used 9072.64 offpeak', 'data.total 10240 offpeak', 'data.remaining 1167.36 offpeak']);
    expect(figureWords('国内流量：已用31.48G，剩余8.52G，共计40G。')).toEqual(['data.used 32235.52 general', 'data.remaining 8724.48 general', 'data.total 40960 general']);
    expect(figureWords('您本月国内通用流量剩余10GB，省内流量剩余2GB，合计剩余12GB。')).toEqual(['data.remaining 10240 general', 'data.remaining 2048 provincial', 'data.remaining 12288']);
  });

  it('a package total with its pools under it: after a bracket of notes, the list of pools goes on from the pool before the bracket', () => {
    expect(figureWords('您的套餐流量共40GB，其中：国内通用流量30GB（已用10GB，剩余20GB），定向流量10GB（已用2GB，剩余8GB）。')).toEqual([
      'data.total 40960',
      'data.total 30720 general',
      'data.used 10240 general',
      'data.remaining 20480 general',
      'data.total 10240 app',
      'data.used 2048 app',
      'data.remaining 8192 app',
    ]);
  });

  it('amounts named only by a short name in a bracket right after a used amount are its parts (主卡15GB，副卡5GB)', () => {
    expect(figureWords('您本月已使用流量20GB（主卡15GB，副卡5GB），剩余10GB。')).toEqual([
      'data.used 20480',
      'data.used 15360',
      'data.used 5120',
      'data.remaining 10240',
    ]);
    // Not the whole said again, not the parts of an amount left (the Overview would add them up), not a bill's lines.
    expect(figureWords('国内流量剩余10GB（约合10240MB）')).toEqual(['data.remaining 10240 general']);
    expect(figureWords('剩余流量20GB（主卡15GB，副卡5GB）')).toEqual(['data.remaining 20480']);
    expect(figureWords('本期账单：88.00元（月租58.00元+流量费30.00元）。')).toEqual(['bill.total 88', 'bill.item 58', 'bill.item 30']);
  });

  it('after 其中, a part named by where it lies (套餐内, 套餐外) keeps its whole\'s field', () => {
    // Round 22 (labelling rule 4): the part beyond the plan (套餐外) keeps no field of use: it is beyondPlan.
    expect(figureWords('您本月已使用国内语音通话312分钟，其中套餐内300分钟，套餐外12分钟。')).toEqual(['voice.used 312', 'voice.used 300', 'voice.beyondPlan 12']);
    expect(figureWords('您本月已使用GPRS流量23456KB，其中套餐内流量20480KB，套餐外流量2976KB。')).toEqual([
      'data.used 22.91',
      'data.used 20',
      'data.beyondPlan 2.91',
    ]);
  });
  it('a whole number with no unit, in a sentence last about messages or minutes, is in their unit when a label names it', () => {
    expect(figureWords('短信：已用12，剩余88，共100')).toEqual(['sms.used 12', 'sms.remaining 88', 'sms.total 100']);
    expect(figureWords('SMS: 12 used, 88 remaining of 100.')).toEqual(['sms.used 12', 'sms.remaining 88', 'sms.total 100']);
    expect(figureWords('Voice: 120 used, 380 remaining of 500 minutes.')).toEqual(['voice.used 120', 'voice.remaining 380', 'voice.total 500']);
    // No label of its own, or data (whose unit cannot be guessed): no figure.
    expect(read('回复1查询短信，回复2查询通话。').kind).toBe('menu');
    expect(figureWords('您本月流量已用2GB，剩余3。')).toEqual(['data.used 2048']);
  });

  it('a threshold word (以上) that opens the next line bounds no amount: the last line of a list is read', () => {
    expect(figureWords('您本月流量：\n1、省内流量：共计30G，已使用1.08G，剩余28.92G\n2、闲时流量：共计30G，已使用0G，剩余30G\n以上仅供参考。')).toEqual([
      'data.total 30720 provincial',
      'data.used 1105.92 provincial',
      'data.remaining 29614.08 provincial',
      'data.total 30720 offpeak',
      'data.used 0 offpeak',
      'data.remaining 30720 offpeak',
    ]);
    expect(figureWords('剩余流量30G以上时不再提醒。')).toEqual([]);
  });

  it('use beyond the package of any allowance (套餐外通话), use shared by others (已共用), a region\'s own data (区内, 疆内)', () => {
    // Round 22 (labelling rule 4): minutes beyond the plan are beyondPlan.
    expect(figureWords('您本月国内主叫已使用462分钟；套餐外通话0分钟。')).toEqual(['voice.used 462', 'voice.beyondPlan 0']);
    expect(figureWords('您的家庭共享流量60GB，剩余35.7GB（家庭成员已共用24.3GB）。')).toEqual([
      'data.total 61440 shared',
      'data.remaining 36556.8 shared',
      'data.used 24883.2 shared',
    ]);
    expect(figureWords('您本月国内流量剩余3.65G，区内流量4G；疆内流量剩余27.50GB。')).toEqual([
      'data.remaining 3737.6 general',
      'data.remaining 4096 provincial',
      'data.remaining 28160 provincial',
    ]);
  });
});

describe('round 7: menus cued by 回复数字 and 请回复：, and options on lines before their cue', () => {
  it('after 请回复数字选择: on one line, and after 请回复： on lines of a number and a label', () => {
    expect(options('欢迎使用短信营业厅!请回复数字选择:1.话费查询 2.业务办理 3.帮助。')).toEqual(['1.话费查询', '2.业务办理', '3.帮助']);
    expect(options('您好，查询请回复：\n21 余额\n22 账单\n回复00返回主菜单。')).toEqual(['21.余额', '22.账单', '00.返回主菜单']);
  });

  it('options on lines of their own before the cue (…：\n1、…\n2、…\n回复序号即可办理)', () => {
    expect(options('为您推荐以下套餐：\n1、10元语音包\n2、20元短信包\n回复序号即可办理。')).toEqual(['1.10元语音包', '2.20元短信包']);
  });
});

describe('round 7: lists of enabled functions and services in any numbering', () => {
  const entries = (text: string) => {
    const u = read(text);
    return u.kind === 'services' ? u.services.map((x) => `${x.n}|${x.name}|${x.fee}|${x.yuan}`) : [];
  };

  it('已开通的功能有 opens a list; an entry may be free, charged by use or state no fee', () => {
    expect(entries('您已开通的功能有：1.来电显示（免费）；2.彩铃（5元/月）；3.国内漫游。如需取消请回复。')).toEqual([
      '1|来电显示|免费|0',
      '2|彩铃|5元/月|5',
      '3|国内漫游||0',
    ]);
  });

  it('a message whose format is wrong (短信格式错误) is a wrong instruction', () => {
    const u = read('尊敬的客户，您发送的短信格式错误。修改密码请发送：MMXG#旧密码#新密码#新密码 至10086。');
    expect(u.kind === 'outcome' && u.template).toBe('wrong-instruction');
  });

  it('a list that names no fee at all says what is on, and is no list of charges', () => {
    expect(read('尊敬的客户，您已开通的功能如下：1.彩铃；2.来电显示。如需取消，请发送QX+业务代码至10086。').kind).toBe('outcome');
  });

  it('numbers in brackets ((1), [1]) and a fee after a comma or a space', () => {
    expect(entries('您已定制的业务如下：(1)新闻早晚报，3元/月，提供商：中国移动；(2)天气预报，2元/月。')).toEqual(['1|新闻早晚报|3元/月|3', '2|天气预报|2元/月|2']);
    expect(entries('您的已开通业务：\n[1]来电显示 免费\n[2]手机上网 按流量计费\n[3]彩铃 5元/月')).toEqual([
      '1|来电显示|免费|0',
      '2|手机上网|按流量计费|0',
      '3|彩铃|5元/月|5',
    ]);
  });
});

describe('round 7: money, points and amounts said twice', () => {
  it('what is still to pay (尚需缴纳) is owed; 总费用 is a bill\'s total even on a line of its own', () => {
    expect(figureWords('您本月应缴费用为98.00元，当前账户余额为12.00元，尚需缴纳86.00元。')).toContain('balance.balance -86');
    expect(figureWords('您的话费账单：\n总费用：129.00元\n1.套餐及固定费：98.00元\n2.语音通信费：31.00元')).toEqual(['bill.total 129', 'bill.item 98', 'bill.item 31']);
  });

  it('the parts of what was spent this month, named as charges (其中套餐费), are bill lines, not more spending', () => {
    expect(figureWords('您的账户余额为：32.67元，本月已消费：27.33元，其中套餐费18.00元。')).toEqual(['balance.balance 32.67', 'balance.spentThisMonth 27.33', 'bill.item 18']);
    // What the lines add up to is the bill's total (labelling rule 1 of 2026-12-06, round 17; it was spent this month).
    expect(figureWords('您本月已消费27.33元，其中套餐费18.00元，通话费9.33元。')).toEqual(['bill.total 27.33', 'bill.item 18', 'bill.item 9.33']);
    expect(figureWords('您当前余额45.00元，其中通用余额30元。')).toEqual(['balance.balance 45', 'balance.cash 30']);
  });

  it('the part of a balance that cannot be used (不可用余额) is no balance', () => {
    // Round 22 (labelling rule 5): beside 其中可用余额, the amount kept (账户余额) is other.
    expect(figureWords('账户余额：45.62元\n其中可用余额：35.62元\n不可用余额：10.00元')).toEqual(['balance.other 45.62', 'balance.balance 35.62', 'balance.other 10']);
  });

  it('积分 after a number is its unit (您有1560积分将于…清零)', () => {
    expect(figureWords('您有1560积分将于2019年12月31日清零，当前总积分3020分。')).toEqual(['points.expiring 1560', 'points.total 3020']);
  });

  it('an amount said again in another unit in brackets right after it is no second figure', () => {
    expect(figureWords('您本月已使用1GB（1024MB），剩余2GB(2048M)。')).toEqual(['data.used 1024', 'data.remaining 2048']);
  });
});

describe('round 8: the reader says what the text states', () => {
  it('data whose text names no kind is not stated (null), never general; a stated kind stays', () => {
    expect(figureWords('您的套餐内GPRS流量总量为500.00MB，已使用312.45MB，剩余187.55MB。')).toEqual(['data.total 500', 'data.used 312.45', 'data.remaining 187.55']);
    expect(figureWords('【流量提醒】您好！您本月移动数据流量已达30GB，将暂停数据流量功能。')).toEqual(['data.used 30720']);
    expect(figureWords('您本月国内通用流量剩余2GB。')).toEqual(['data.remaining 2048 general']);
  });

  it('shared pools by any family word (共享, 家庭, 主卡共享, 全家享), beside general data too', () => {
    expect(figureWords('您本月全家享流量剩余10GB。')).toEqual(['data.remaining 10240 shared']);
    expect(figureWords('您是主卡用户，主副卡共享流量本月已使用18GB，其中副卡1使用5GB，副卡2使用3GB。')).toEqual(['data.used 18432 shared', 'data.used 5120 shared', 'data.used 3072 shared']);
    expect(figureWords('您本月套餐内国内流量剩余5GB，家庭共享流量剩余15GB。')).toEqual(['data.remaining 5120 general', 'data.remaining 15360 shared']);
  });

  it('a deduction written below zero among a bill\'s lines is one of them; after the total it stays none', () => {
    expect(figureWords('您2016年5月账单共消费48.00元，包括：套餐月费58.00元，通话费3.20元，短信费0.80元，本月赠送话费抵扣-14.00元。')).toEqual([
      'bill.total 48',
      'bill.item 58',
      'bill.item 3.2',
      'bill.item 0.8',
      'bill.item -14',
    ]);
    expect(figureWords('您的话费账单：套餐费128.00元，超套流量费12.00元，共计140.00元，已由赠款抵扣20.00元。')).toEqual(['bill.item 128', 'bill.item 12', 'bill.total 140', 'bill.other 20']);
  });

  it('a sum word (合计) after used and left that add up to its amount is their total; after a list of one field it sums the list', () => {
    expect(figureWords('您本月流量已使用3GB，剩余7GB，合计10GB。')).toEqual(['data.used 3072', 'data.remaining 7168', 'data.total 10240']);
    expect(figureWords('您本月国内通话已使用120分钟，剩余380分钟，合计500分钟。')).toEqual(['voice.used 120', 'voice.remaining 380', 'voice.total 500']);
    expect(figureWords('您本月剩余流量：省内流量1GB，国内通用流量2GB，合计3GB。')).toEqual(['data.remaining 1024 provincial', 'data.remaining 2048 general', 'data.remaining 3072']);
  });

  it('a total on a line of its own before a line opened by 包含 is read (the plan\'s name ends at the line); a 【heading】 ends a clause', () => {
    expect(figureWords('您的套餐流量总量150MB\n包含国内主叫500分钟。')).toEqual(['data.total 150', 'voice.total 500']);
    expect(figureWords('【套餐余量】流量总量为150MB，通话总量为500分钟。')).toEqual(['data.total 150', 'voice.total 500']);
    // Still: the name of a plan before 含 on one line is a name, and a part's label before 共 in one clause says that part in all.
    expect(figureWords('您的4G飞享套餐18元含国内流量100MB，已使用20MB。')).toEqual(['data.total 100 general', 'data.used 20 general']);
    expect(figureWords('您当月剩余流量共5.30GB。')).toEqual(['data.remaining 5427.2']);
  });

  it('totals and use in more words: allowance (English), 已发 (messages sent)', () => {
    expect(figureWords('Your monthly data allowance: 30GB, 12GB used.')).toEqual(['data.total 30720', 'data.used 12288']);
    expect(figureWords('您本月短信总数100条，已发20条。')).toEqual(['sms.total 100', 'sms.used 20']);
  });
});

describe('round 8: menus and services', () => {
  const options = (text: string) => {
    const u = read(text);
    return u.kind === 'menu' || u.kind === 'figures' || u.kind === 'outcome' ? u.menu.map((m) => `${m.n} ${m.label}`) : [];
  };

  it('a menu cue written 回覆 (Traditional) opens a menu', () => {
    expect(options('中國移動香港：請回覆以下數字選擇服務：\n1. 查詢話費餘額\n2. 查詢本地數據用量\n回覆0返回主目錄。')).toEqual(['1 查詢話費餘額', '2 查詢本地數據用量', '0 返回主目錄']);
  });

  it('codes on lines of their own after 回复对应编码： are options, each with the rest of its line (no figure of their sizes)', () => {
    const text = '流量包办理，回复对应编码：\nLL10 10元1GB国内流量月包\nLL20 20元3GB国内流量月包\n回复“0”返回主菜单。';
    expect(options(text)).toEqual(['LL10 10元1GB国内流量月包', 'LL20 20元3GB国内流量月包', '0 返回主菜单']);
    expect(read(text).kind).toBe('menu');
    // A code needs a letter: numbers and a word after a quick cue are no code-line options.
    expect(options('回复对应编码：\n10 10元1GB')).toEqual([]);
  });

  it('订购的产品有 opens a list of services, numbered (1); 回复“退订+编号” offers no cancel by the bare number (10086 asks for 退订2, not 2)', () => {
    const u = read('您好！您当前订购的产品有：\n(1)5G畅享套餐129元档 129.00元/月\n(2)视频会员权益包 15.00元/月\n回复“退订+编号”可取消业务。');
    expect(u.kind === 'services' && u.services.map((x) => `${x.n}|${x.name}|${x.fee}`)).toEqual(['1|5G畅享套餐129元档|129.00元/月', '2|视频会员权益包|15.00元/月']);
    expect(u.kind === 'services' && u.cancelByNumber).toBe(false);
  });

  it('codes as options: after a code cue with a space or a colon before each label, and said one by one (回复KT10开通…)', () => {
    expect(options('您可回复以下指令：CXYE 查询余额；CXLL 查询流量；CXJF 查询积分。')).toEqual(['CXYE 查询余额', 'CXLL 查询流量', 'CXJF 查询积分']);
    expect(options('您好！回复以下代码即可办理：\nLLB10：10元1GB流量包\nLLB20：20元3GB流量包')).toEqual(['LLB10 10元1GB流量包', 'LLB20 20元3GB流量包']);
    expect(options('【流量包推荐】回复KT10开通10元1GB，回复KT20开通20元3GB。')).toEqual(['KT10 开通10元1GB', 'KT20 开通20元3GB']);
    // One code said alone is no menu (an advert); beside figures it is an option since round 10.
    expect(read('【中国移动】双11特惠！30元享100G全国流量，回复KTLL100办理，详询10086。').kind).toBe('unknown');
    expect(options('您本月流量剩余1.5GB，可回复KTLL开通流量包。')).toEqual(['KTLL 开通流量包']);
  });

  it('services after 已订购以下业务 / 您已订购：, numbered ① after a bracket or "1 " at a line\'s start; 回复序号可退订 and 如需退订请回复序号 cancel by number', () => {
    const services = (text: string) => {
      const u = read(text);
      return u.kind === 'services' ? [...u.services.map((x) => `${x.n}|${x.name}|${x.fee}`), `cancel ${u.cancelByNumber}`] : [];
    };
    expect(services('您好，您已订购以下业务：\n1、咪咕视频会员 15元/月\n2、和彩云 10元/月')).toEqual(['1|咪咕视频会员|15元/月', '2|和彩云|10元/月', 'cancel false']);
    expect(services('您本月已订购的增值业务：①彩铃（5元/月）②视频会员（15元/月）')).toEqual(['1|彩铃|5元/月', '2|视频会员|15元/月', 'cancel false']);
    expect(services('您当前订购的套餐及业务如下：\n1 4G飞享套餐 58元/月\n2 流量加油包 10元/月\n回复序号可退订对应业务。')).toEqual([
      '1|4G飞享套餐|58元/月',
      '2|流量加油包|10元/月',
      'cancel true',
    ]);
    expect(services('您已订购：1、彩铃 5元/月 2、手机报 3元/月。回复编号退订。')).toEqual(['1|彩铃|5元/月', '2|手机报|3元/月', 'cancel true']);
    expect(services('您开通的包月业务：1.手机报（3元/月）；2.彩铃（5元/月）。如需退订，请回复序号。')).toEqual(['1|手机报|3元/月', '2|彩铃|5元/月', 'cancel true']);
  });

  it('a list that numbers no entry, each with its fee in brackets, is a list of services none of which is cancelled by number', () => {
    const u = read('您当前已开通的功能有：来电显示（免费）、彩铃（5元/月）、139邮箱（免费版）。回复序号取消业务。');
    expect(u.kind === 'services' && u.services.map((x) => `${x.n}|${x.name}|${x.fee}|${x.yuan}`)).toEqual(['null|来电显示|免费|0', 'null|彩铃|5元/月|5', 'null|139邮箱|免费版|0']);
    expect(u.kind === 'services' && u.cancelByNumber).toBe(false);
    // One entry, or entries with no fee, are no such list.
    expect(read('您当前已开通的功能有：来电显示（免费）。').kind).not.toBe('services');
    expect(read('您已开通的功能有：来电显示、彩铃。').kind).not.toBe('services');
  });
});

describe('round 9: money in fen and jiao', () => {
  it('an amount in 分 after a money word (费用, 余额) is a hundredth of a yuan; after 通话 minutes, after 积分 points', () => {
    expect(figureWords('尊敬的客户,您本月已发生费用1285分,账户余额3420分.')).toEqual(['balance.spentThisMonth 12.85', 'balance.balance 34.2']);
    expect(figureWords('您本月国内通话已用100分，剩余200分。')).toEqual(['voice.used 100', 'voice.remaining 200']);
    // 积分余额: 余额 after 积分 is the points' head noun, not a balance in fen.
    expect(figureWords('您的积分余额为5,280分。')).toEqual(['points.total 5280']);
  });

  it('元角分 written as one amount (32元5角8分, 12元8角) is one amount in yuan', () => {
    expect(figureWords('您的话费余额为32元5角8分。')).toEqual(['balance.balance 32.58']);
    expect(figureWords('本月已产生话费12元8角，余额5角。')).toEqual(['balance.spentThisMonth 12.8', 'balance.balance 0.5']);
    // A unit of another measure after 元 is another amount.
    expect(figureWords('您的话费余额为32元，本月通话剩余50分钟。')).toEqual(['balance.balance 32', 'voice.remaining 50']);
  });
});

describe('round 9: words after an amount, a colon before it', () => {
  it('an amount in 分 with no topic word before it takes the one written right after it (将有600分积分到期清零)', () => {
    expect(figureWords('您的当前积分为1520分，2011年12月31日将有600分积分到期清零。')).toEqual(['points.total 1520', 'points.expiring 600']);
    expect(figureWords('您有600分积分将于年底清零。')).toEqual(['points.expiring 600']);
  });

  it('a colon after a topic word right before the amount keeps the clause that names it (使用GPRS流量：125.6M), not after a kind (省内通用：)', () => {
    // Round 22 (labelling rule 4): 套餐外25.6M is beyondPlan.
    expect(figureWords('截至2011年4月26日，您本月使用GPRS流量：125.6M，其中套餐内100M，套餐外25.6M。')).toEqual(['data.used 125.6', 'data.used 100', 'data.beyondPlan 25.6']);
    expect(figureWords('您剩余流量如下——国内通用：3.20GB；省内通用：1.00GB。')).toEqual(['data.remaining 3276.8 general', 'data.remaining 1024 provincial']);
  });
});

describe('round 9: bill lines', () => {
  it('a charge\'s amount with 已扣除 / 将于月底扣除 after it is a bill line, not a payment', () => {
    expect(itemLines('尊敬的客户，您的账户余额为0.85元，已低于提醒值5元。您本月套餐费58元已扣除，增值业务费12.00元将于月底扣除。')).toEqual([
      'balance.balance 0.85',
      'bill.item 58 套餐费',
      'bill.item 12 增值业务费',
    ]);
    // 已扣除 before an amount that no charge names stays no figure.
    expect(itemLines('您的账户余额为10元，本月已扣除话费20元。')).toEqual(['balance.balance 10']);
  });

  it('charges in a bracket opened right after what was spent are its bill lines (月租 is a charge too)', () => {
    // What they add up to is the bill's total (labelling rule 1 of 2026-12-06, round 17; it was spent this month).
    expect(itemLines('本月话费：32.10元（月租18元+通话费11.10元+短信3元）')).toEqual(['bill.total 32.1', 'bill.item 18 月租', 'bill.item 11.1 通话费', 'bill.item 3 短信']);
    expect(itemLines('您本月已消费39.86元（截至10日）')).toEqual(['balance.spentThisMonth 39.86']);
  });
});

describe('round 9: lists of services', () => {
  const services = (text: string) => {
    const u = read(text);
    return u.kind === 'services' ? [...u.services.map((x) => `${x.n}|${x.name}|${x.fee}`), `cancel ${u.cancelByNumber}`] : [];
  };

  it('订购的…业务共3项： opens a list; 回复业务前序号可退订 cancels by number', () => {
    expect(services('尊敬的客户，您当前订购的包月增值业务共3项：\n1、咪咕视频会员15元/月\n2、和彩云5元/月\n3、来电提醒2元/月\n回复业务前序号可退订，如回复“1”。')).toEqual([
      '1|咪咕视频会员|15元/月',
      '2|和彩云|5元/月',
      '3|来电提醒|2元/月',
      'cancel true',
    ]);
  });

  it('an unnumbered list with fees in brackets keeps its entries that have none, with no fee', () => {
    expect(services('您已开通的功能有：来电显示（免费）、GPRS、彩铃（5元/月）、呼叫等待。如需取消请发送QX+业务代码至10086。')).toEqual([
      'null|来电显示|免费',
      'null|GPRS|',
      'null|彩铃|5元/月',
      'null|呼叫等待|',
      'cancel false',
    ]);
    // One fee is still no list.
    expect(services('您已开通的功能有：来电显示（免费）、GPRS。')).toEqual([]);
  });
});

// Round 10: wordings of ours (NOT real replies) for each rule; each fails on the reader before round 10.
const lines10 = (text: string) => {
  const u = read(text);
  return u.kind === 'figures' ? u.figures.map((f) => `${f.topic}.${f.field} ${Math.round(f.value * 100) / 100} ${f.unit}${f.pool ? ` ${f.pool}` : ''}`) : [];
};

describe('round 10: percentages of use', () => {
  it('a percentage after a label of use or of what is left is a share of the allowance named before it, in percent', () => {
    expect(lines10('您本月国内通用流量已使用80%，剩余2.00GB。')).toEqual(['data.usedPercent 80 percent general', 'data.remaining 2048 MB general']);
    expect(lines10('您的套餐语音使用已达到85%，剩余通话45分钟。')).toEqual(['voice.usedPercent 85 percent', 'voice.remaining 45 min']);
    expect(lines10('尊敬的客户，您的省内流量剩余10%。')).toEqual(['data.remainingPercent 10 percent provincial']);
    // 已达到套餐的90%, 占套餐总量的76.8%: the label may stand before the words of the whole.
    expect(lines10('您本月流量已达到套餐的90%。')).toEqual(['data.usedPercent 90 percent']);
    expect(lines10('您本月已使用通用流量15.36GB，占套餐总量的76.8%。')).toEqual(['data.used 15728.64 MB general', 'data.usedPercent 76.8 percent general']);
    expect(lines10('您本月短信已用50%。')).toEqual(['sms.usedPercent 50 percent']);
    expect(lines10('Your data usage has reached 80% of your plan.')).toEqual(['data.usedPercent 80 percent']);
    expect(lines10('Data: 25% left.')).toEqual(['data.remainingPercent 25 percent']);
  });

  it('a percentage that bounds, says when, or offers is none', () => {
    // A moment (达到80%时), a bound (超过80%, 80%以上), a hypothetical clause, an offer, no label, no allowance.
    expect(read('当您的流量使用达到80%时，我们将短信提醒您。').kind).not.toBe('figures');
    expect(lines10('您的套餐流量已使用超过80%。')).toEqual([]);
    expect(lines10('您的流量已使用80%以上。')).toEqual([]);
    expect(lines10('如流量已使用90%，将暂停提醒。')).toEqual([]);
    expect(lines10('充值100元送20%话费，流量8折。')).toEqual([]);
    expect(lines10('您本月套餐使用已超过80%。')).toEqual([]);
    expect(lines10('您的余额为35.20元，已使用80%。')).toEqual(['balance.balance 35.2 yuan']);
  });

  it('is never added to an amount of data or minutes', () => {
    const u = read('您本月国内通用流量已使用80%，剩余2.00GB；省内流量剩余10%。');
    if (u.kind !== 'figures') throw new Error(u.kind);
    const left = u.figures.filter((f) => f.topic === 'data' && f.field === 'remaining');
    expect(left.map((f) => f.unit)).toEqual(['MB']);
    expect(customerDataLeft(dataByPool(left))?.mb).toBe(2048);
    expect(describeFigures(u, 'en')).toBe('Your data left: 2.00 GB; data: 80 % used; data: 10 % left (in-province)');
    expect(describeFigures(u, 'zh-Hans')).toBe('你的流量还剩 2.00 GB，流量已用 80 %，流量还剩 10 %（省内）');
  });

  it('the checker finds a hand figure in % only as the reader\'s figure in percent', () => {
    const entry = (unit: string) => ({ id: 'x', text: '', source: 'ours', sourceNote: '', province: null, year: null, kind: 'figures', figures: [{ what: 'data-used', value: 80, unit, pool: 'general' as const, label: '' }] });
    const u = read('您本月国内通用流量已使用80%，已使用80MB。');
    expect(checkEntry(entry('%'), u).found).toBe(1);
    expect(checkEntry(entry('MB'), u).found).toBe(1);
    const onlyPercent = read('您本月国内通用流量已使用80%。');
    expect(checkEntry(entry('MB'), onlyPercent).found).toBe(0);
  });
});

describe('round 10: kinds of data', () => {
  const pools10 = (text: string) => lines10(text).filter((l) => l.startsWith('data.'));

  it('kind words after an amount whose label runs on to the next amount name that one ("18GB 省内流量剩余：2GB")', () => {
    expect(pools10('您的流量余额如下 定向流量剩余：18.23GB 省内流量剩余：0.50GB 国内流量剩余：7.05GB')).toEqual([
      'data.remaining 18667.52 MB app',
      'data.remaining 512 MB provincial',
      'data.remaining 7219.2 MB general',
    ]);
    // Kind words right after an amount, with a label after them that ends the clause, still name it.
    expect(pools10('您本月还有1.8GB省内流量剩余，请注意。')).toEqual(['data.remaining 1843.2 MB provincial']);
  });

  it('a bracket that says what an amount includes ("(含结转)") names no kind of it; items joined by 、 to a part are parts', () => {
    expect(pools10('您的国内通用流量(含结转)共剩余12.06GB，其中上月结转剩余3.51GB、本月套餐剩余8.55GB；定向流量剩余20GB。')).toEqual([
      'data.remaining 12349.44 MB general',
      'data.remaining 3594.24 MB carryover',
      'data.remaining 8755.2 MB general',
      'data.remaining 20480 MB app',
    ]);
  });

  it('kind words after a semicolon name the amounts of their clause group, whatever a bracket before it named', () => {
    expect(pools10('您的定向流量本月已使用16.48GB（定向流量不限量，超过40GB后限速）；全国通用流量共2GB，已使用1.96GB，剩余0.04GB。')).toEqual([
      'data.used 16875.52 MB app',
      'data.total 2048 MB general',
      'data.used 2007.04 MB general',
      'data.remaining 40.96 MB general',
    ]);
  });

  it('全省 names provincial data; 全天通用流量 (all day, beside off-peak) stays general', () => {
    expect(pools10('您当月已用全省流量1.33GB、剩余0.67GB。')).toEqual(['data.used 1361.92 MB provincial', 'data.remaining 686.08 MB provincial']);
    expect(pools10('您的闲时流量剩余4.5GB，全天通用流量剩余0.86GB。')).toEqual(['data.remaining 4608 MB offpeak', 'data.remaining 880.64 MB general']);
  });
});

describe('round 10: money', () => {
  const items10 = (text: string) => {
    const u = read(text);
    return u.kind === 'figures' ? u.figures.map((f) => `${f.topic}.${f.field} ${Math.round(f.value * 100) / 100}${f.item ? ` ${f.item}` : ''}`) : [];
  };

  it('a topic word with 费 after it (通话费, 短信费) names a charge: an amount in 分 after it is fen', () => {
    expect(items10('您2012年02月消费总计：3580分，其中套餐费2800分，通话费650分，短信费130分。')).toEqual([
      'bill.total 35.8',
      'bill.item 28 套餐费',
      'bill.item 6.5 通话费',
      'bill.item 1.3 短信费',
    ]);
    // After the topic word alone, 分 stays minutes.
    expect(items10('您本月通话已用100分，剩余200分。')).toEqual(['voice.used 100', 'voice.remaining 200']);
  });

  it('a masked number (138****1234) is no amount, and a bracket aside before an amount stays in the item name it follows', () => {
    expect(items10('您的家庭网成员本月共消费156.00元，其中主卡98.00元，副卡（138****1234）30.00元，副卡（139****5678）28.00元。')).toEqual([
      'bill.total 156',
      'bill.item 98 主卡',
      'bill.item 30 副卡（138****1234）',
      'bill.item 28 副卡（139****5678）',
    ]);
  });

  it('an overdraft: 已透支 is owed, 透支额度 the credit limit, 剩余可透支 no figure of the app', () => {
    expect(items10('您好，您的账户已透支15.20元，透支额度为30元，剩余可透支14.80元。')).toEqual(['balance.balance -15.2', 'balance.creditLimit 30', 'balance.other 14.8']);
  });
});

describe('round 10: a code to send said once', () => {
  const said = (text: string) => {
    const u = read(text);
    return u.kind === 'figures' || u.kind === 'menu' || u.kind === 'outcome' ? u.menu.map((o) => `${o.n} ${o.label}`) : [];
  };

  it('the verb phrase after the code is its label (回复LLB可订购流量包, 请回复“QXSP”退订, 回复“4”办理…)', () => {
    expect(said('您本月套餐内流量剩余237.48MB。回复LLB可订购流量包。')).toEqual(['LLB 订购流量包']);
    expect(said('您的积分为3862分，回复JFDH查看兑换目录。')).toEqual(['JFDH 查看兑换目录']);
    expect(said('您本月国内流量仅剩余51.20MB，可回复“4”办理10元1GB流量包。')).toEqual(['4 办理10元1GB流量包']);
    // The phrase ends at an enumeration comma.
    expect(said('您发送的指令有误，请发送“CXYE”查询余额、“CXLL”查询流量，或回复“0”获取更多帮助。')).toEqual(['CXYE 查询余额', '0 获取更多帮助']);
  });

  it('else the words before the verb (余额查询发YE, 充值可回复CZ, 如需退订，请发送QXLLB20至10086)', () => {
    expect(said('您发送的指令有误。常用指令：余额查询发YE，流量查询发CXLL。')).toEqual(['YE 余额查询', 'CXLL 流量查询']);
    expect(said('您的话费余额为6.85元，请及时充值。充值可回复CZ或登录中国移动APP。')).toEqual(['CZ 充值']);
    expect(said('您已成功订购流量包，费用20元/月。如需退订，请发送QXLLB20至10086。')).toEqual(['QXLLB20 退订']);
    expect(said('您的查询过于频繁，请稍后再试。如需查询话费请发送YE，查询流量请发送CXLL。')).toEqual(['YE 查询话费', 'CXLL 查询流量']);
  });

  it('a code with a part to fill in (CXYEH+服务密码, QX+序号) is no option: sent as it is written it asks for nothing', () => {
    expect(said('查询余额明细请发送CXYEH+服务密码，如CXYEH123456。')).toEqual([]);
    expect(said('【陕西移动】回复序号查询：\n11 话费余额\n12 本月账单\n回复“QX+序号”可退订对应业务。')).toEqual(['11 话费余额', '12 本月账单']);
  });

  it('one alone makes no menu of an advert; its amounts are never figures', () => {
    expect(read('【中国移动】双11特惠！30元享100G全国流量，回复KTLL100办理，详询10086。').kind).toBe('unknown');
    expect(read('尊敬的客户，查询余额请发送YE；如需帮助请拨打10086。').kind).toBe('unknown');
  });
});

describe('round 10: lists of services', () => {
  const entries = (text: string) => {
    const u = read(text);
    return u.kind === 'services' ? u.services.map((x) => `${x.n}|${x.name}|${x.fee}`) : [];
  };

  it('an entry at a line\'s start numbered "3." keeps its name when the name starts with a digit (3.139邮箱 免费)', () => {
    expect(entries('您已订购业务如下（回复序号前数字可退订）：\n1.咪咕视频钻石会员 15元/月\n2.和留言 2元/月\n3.139邮箱 免费\n本机无其他包月业务。')).toEqual([
      '1|咪咕视频钻石会员|15元/月',
      '2|和留言|2元/月',
      '3|139邮箱|免费',
    ]);
  });

  it('entries numbered "1）" at a line\'s start, after a cue that counts them and says their sum (共4项，月费合计27元：)', () => {
    expect(entries('截至2024年07月01日，您当前订购的增值业务共2项，月费合计16元：\n1）视频彩铃 6元/月\n2）和彩云 10元/月\n回复“TD序号”退订。')).toEqual([
      '1|视频彩铃|6元/月',
      '2|和彩云|10元/月',
    ]);
  });
});

describe('round 10: totals and lists', () => {
  it('通用 is no stem of 用: a list of kinds after one label goes on through 省内通用 (剩余流量共计：国内通用6GB、省内通用1GB…)', () => {
    expect(lines10('您本月剩余流量共计：国内通用6.35GB、省内通用1.20GB、定向22.41GB、夜间闲时30.00GB。')).toEqual([
      'data.remaining 6502.4 MB general',
      'data.remaining 1228.8 MB provincial',
      'data.remaining 22947.84 MB app',
      'data.remaining 30720 MB offpeak',
    ]);
  });

  it('what is exceeded (已超出套餐内20GB) and a cap after the amount (已达1GB高速上限) are totals, of the kind of their sentence', () => {
    expect(lines10('您本月国内通用流量已使用28.50GB，已超出套餐内20GB，超出部分按5元/GB计费。')).toEqual(['data.used 29184 MB general', 'data.total 20480 MB general']);
    expect(lines10('您的日包今日已使用1.05GB，已达1GB高速上限。')).toEqual(['data.used 1075.2 MB', 'data.total 1024 MB']);
    // Use beyond the plan stays use of no stated kind.
    // Round 22 (labelling rule 4): use beyond the plan is its own field (beyondPlan), of no stated kind.
    expect(lines10('您本月国内流量已用完，已使用超出套餐流量1.2GB。')).toEqual(['data.beyondPlan 1228.8 MB']);
  });
});

describe('round 10: minutes', () => {
  it('a list headed by a label before a colon goes on for every short item, not only the second (剩余：市话…，长途…，夜间通话…)', () => {
    expect(lines10('您的通话套餐本月剩余：市话120分钟，长途30分钟，夜间闲时通话200分钟；短信剩余18条。')).toEqual([
      'voice.remaining 120 min',
      'voice.remaining 30 min',
      'voice.remaining 200 min',
      'sms.remaining 18 sms',
    ]);
  });

  it('an allowance per month that no label names (语音叠加包（200分钟/月）) is its package\'s total; a price per unit stays none', () => {
    expect(lines10('您订购的语音叠加包（200分钟/月）本月剩余134分钟。')).toEqual(['voice.total 200 min', 'voice.remaining 134 min']);
    expect(lines10('您本月通话剩余20分钟，超出后0.19元/分钟。')).toEqual(['voice.remaining 20 min']);
  });
});

describe('round 10: labels a reader does not know', () => {
  it('达 is a stem of use: an unknown word of reaching (已经达到) reads as used', () => {
    expect(lines10('您好！您本月移动数据流量已经达到30GB，将暂停数据流量功能。')).toEqual(['data.used 30720 MB']);
    expect(lines10('您本月国内通话已经达到120分钟。')).toEqual(['voice.used 120 min']);
  });

  it('发 is a stem of use (发送短信76条 in a month\'s summary is messages sent)', () => {
    expect(lines10('您2015年06月发送短信76条，使用上网流量486.25MB。')).toEqual(['sms.used 76 sms', 'data.used 486.25 MB']);
  });

  it('the title of a notice (【余量提醒】) and the heading of a summary (流量总量情况：) name none of the amounts after them', () => {
    // 耗掉, a word of use the reader does not know, is read by its stem (耗) once the title's 余量 names nothing.
    expect(lines10('【余量提醒】截至11月21日21时43分,您本月移动数据流量耗掉101.14MB。')).toEqual(['data.used 101.14 MB']);
    expect(lines10('2.流量总量情况：耗掉移动数据流量2.66GB，流量剩余27.53GB。')).toEqual(['data.used 2723.84 MB', 'data.remaining 28190.72 MB']);
  });
});

describe('round 10: parts on lines', () => {
  it('a line that opens with a part word (其中) goes on from the amount on the line before', () => {
    expect(lines10('您本月实际使用总流量3.76MB\n其中3G流量0.00MB\n其中4G流量3.76MB\n剩余117.24MB')).toEqual([
      'data.used 3.76 MB',
      'data.used 0 MB',
      'data.used 3.76 MB',
      'data.remaining 117.24 MB',
    ]);
  });
});

describe('round 10: parts in brackets of minutes and messages', () => {
  it('a bracket opened by 含 after an amount of minutes or messages lists its parts, even one named by its package (短信包200条)', () => {
    expect(lines10('您本月可用短信总量为500条（含套餐300条、短信包200条），已使用317条，还可使用183条。')).toEqual([
      'sms.total 500 sms',
      'sms.total 300 sms',
      'sms.total 200 sms',
      'sms.used 317 sms',
      'sms.remaining 183 sms',
    ]);
  });
});

describe('round 10: what a plan gives', () => {
  it('amounts no label names after a colon whose heading names the plan (套餐…：) and no field are its totals', () => {
    expect(lines10('尊敬的客户，您本月套餐已生效：国内通用流量20GB、国内通话300分钟、短信100条。')).toEqual([
      'data.total 20480 MB general',
      'voice.total 300 min',
      'sms.total 100 sms',
    ]);
    // A heading with a field (余量) names its own; a summary (使用情况) is no list of what the plan gives.
    expect(lines10('您的套餐余量：国内流量1.2GB，通话200分钟。')).toEqual(['data.remaining 1228.8 MB general', 'voice.remaining 200 min']);
    expect(lines10('您的套餐使用情况：国内流量1.2GB。').filter((l) => l.includes('total'))).toEqual([]);
  });
});

// Round 11: mechanisms for what the reader missed most on texts it had never seen (minutes used, credit limits,
// lettered menus, services lists to cancel from, shared pools); each test fails on main 6c740fa.
const lines11 = (text: string) => {
  const u = read(text);
  return u.kind === 'figures'
    ? u.figures.map((f) => `${f.topic}.${f.field} ${Math.round(f.value * 100) / 100} ${f.unit}${f.pool ? ` ${f.pool}` : ''}${f.voicePool ? ` ${f.voicePool}` : ''}`)
    : [];
};

describe('round 11: minutes used, said as what was done', () => {
  it('a duration of calls (通话时长, 已通话, 本月通话) with no other label is use, also with a total\'s word after it', () => {
    expect(lines11('您本月主叫通话时长共计382分钟。')).toEqual(['voice.used 382 min']);
    expect(lines11('您本月通话34分钟，发送短信12条。')).toEqual(['voice.used 34 min', 'sms.used 12 sms']);
    expect(lines11('您本月已通话120分钟，剩余通话380分钟。')).toEqual(['voice.used 120 min', 'voice.remaining 380 min']);
    expect(lines11('本月国内主叫通话时长：236分钟。')).toEqual(['voice.used 236 min general']);
  });

  // A guard on the mechanism above (main reads these right too): a word of what was done is weak.
  it('gives way to a label of another field before it in its clause (剩余通话时长, 可用通话时长共, 套餐内通话时长)', () => {
    expect(lines11('您本月剩余通话时长200分钟。')).toEqual(['voice.remaining 200 min']);
    expect(lines11('您本月可用通话时长共500分钟。')).toEqual(['voice.remaining 500 min']);
    expect(lines11('您的套餐内通话时长500分钟，已使用126分钟。')).toEqual(['voice.total 500 min general', 'voice.used 126 min general']);
  });

  it('is the total when a label of use names the next amount of minutes in its sentence (通话总时长…，已用…)', () => {
    expect(lines11('您本月通话总时长为500分钟，已用100分钟。')).toEqual(['voice.total 500 min', 'voice.used 100 min']);
    // Use of another measure after it says nothing of the minutes.
    expect(lines11('您本月通话34分钟，已使用流量2GB。')).toEqual(['voice.used 34 min', 'data.used 2048 MB']);
  });
});

describe('round 11: what was done, in other words (上网, 产生, 拨打, 被叫)', () => {
  it('is use of data and minutes, also before a total\'s word (手机上网共计)', () => {
    expect(lines11('您本月上网流量2.3GB。')).toEqual(['data.used 2355.2 MB']);
    expect(lines11('您本月产生流量2.3GB。')).toEqual(['data.used 2355.2 MB']);
    expect(lines11('您本月手机上网共计2.3GB。')).toEqual(['data.used 2355.2 MB']);
    expect(lines11('您本月主叫120分钟，被叫30分钟。')).toEqual(['voice.used 120 min', 'voice.used 30 min']);
    expect(lines11('您本月拨打电话120分钟。')).toEqual(['voice.used 120 min']);
    // 共通话 stays a total: a package's line says it (real fs-2016-0312 written "共通话为1000分钟，剩余通话为896分钟").
    expect(lines11('"智能网3元包(集团)": 共通话为1000分钟，剩余通话为896分钟。')).toEqual(['voice.total 1000 min group', 'voice.remaining 896 min group']);
  });

  it('names nothing when a package is named in its clause (a package\'s size), nor an amount of another clause (a rate list)', () => {
    expect(lines11('您本月上网流量包总量30GB，已使用12GB。')).toEqual(['data.total 30720 MB', 'data.used 12288 MB']);
    expect(lines11('您的套餐上网流量30GB。')).toEqual([]);
    expect(lines11('日本地区资费：拨打中国大陆3.99元/分钟，数据流量25元/天（500MB高速流量）。')).toEqual([]);
  });
});

describe('round 11: in English', () => {
  it('"includes" states a total, and talk time is use', () => {
    expect(lines11('Your plan includes 500 minutes of local calls; 120 used, 380 remaining.').slice(0, 1)).toEqual(['voice.total 500 min']);
    expect(lines11('Your plan includes 10GB of data and 500 minutes.')).toEqual(['data.total 10240 MB', 'voice.total 500 min']);
    expect(lines11('Talk time this month: 120 mins.')).toEqual(['voice.used 120 min']);
    expect(lines11('Talk time remaining: 120 mins.')).toEqual(['voice.remaining 120 min']);
  });
});

describe('round 11: minutes whose kind is written after the amount', () => {
  it('the words of calls after an amount name its kind, and items written amount first go on the list (200分钟本地通话、50分钟长途通话)', () => {
    expect(lines11('您本月剩余200分钟本地通话、50分钟长途通话。')).toEqual(['voice.remaining 200 min general', 'voice.remaining 50 min longdistance']);
    expect(lines11('您的套餐包含500分钟国内通话，已使用126分钟。')).toEqual(['voice.total 500 min general', 'voice.used 126 min general']);
  });
});

describe('round 11: credit limits and words of the available', () => {
  it('授信额度 and 信控额度 are the credit limit', () => {
    expect(lines11('您的授信额度为300元。')).toEqual(['balance.creditLimit 300 yuan']);
    expect(lines11('您的信控额度为50.00元，当前余额12.50元。')).toEqual(['balance.creditLimit 50 yuan', 'balance.balance 12.5 yuan']);
  });

  it('可使用流量 is what is left, not use (使用流量 inside it names nothing; 可用…总计 is left in all, as 可用…共)', () => {
    expect(lines11('您本月可使用流量总计30.00GB，已使用10.00GB。')).toEqual(['data.remaining 30720 MB', 'data.used 10240 MB']);
  });
});

describe('round 11: shared pools', () => {
  it('共用流量 names a shared pool (主副卡共用流量)', () => {
    expect(lines11('您本月主副卡共用流量剩余12GB，已使用8GB。')).toEqual(['data.remaining 12288 MB shared', 'data.used 8192 MB shared']);
  });
});

describe('round 11: a shared pool said after its amount', () => {
  it('a kind said of an amount after it (该流量为家庭成员共享) is its kind when stronger than its own (shared over general)', () => {
    expect(lines11('您本月国内通用流量剩余20GB，该流量为家庭成员共享。')).toEqual(['data.remaining 20480 MB shared']);
    // A weaker one does not undo a stronger one.
    expect(lines11('您本月闲时流量剩余5GB，该流量为国内通用流量。')).toEqual(['data.remaining 5120 MB offpeak']);
  });
});

describe('round 11: lettered menus', () => {
  it('options lettered A. B. C. after a cue to reply with a letter, on one line or on lines', () => {
    expect(options('请回复字母选择：A.查询余额 B.查询流量 C.办理业务')).toEqual(['A.查询余额', 'B.查询流量', 'C.办理业务']);
    expect(options('请回复对应字母：\nA 话费查询\nB 流量查询\nC 积分查询')).toEqual(['A.话费查询', 'B.流量查询', 'C.积分查询']);
  });

  it('options before the cue keep the last one after a separator (…；C、人工服务。回复字母即可)', () => {
    expect(options('您好，请选择：A、查询话费；B、查询流量；C、人工服务。回复字母即可。')).toEqual(['A.查询话费', 'B.查询流量', 'C.人工服务']);
    expect(options('请选择：1、查询话费；2、查询流量；3、人工服务。回复序号即可。')).toEqual(['1.查询话费', '2.查询流量', '3.人工服务']);
  });

  it('letters said one by one (回复A查询余额，回复B…)', () => {
    expect(options('回复A查询余额，回复B查询流量，回复C查询积分。')).toEqual(['A.查询余额', 'B.查询流量', 'C.查询积分']);
  });
});

describe('round 11: lists of services with no fee', () => {
  it('a numbered list naming no fee is the list to cancel from when it says a number cancels, on lines or on one line', () => {
    expect(serviceEntries('您好，您已开通以下业务：\n1、来电显示\n2、彩铃\n3、139邮箱\n回复序号可退订。')).toEqual(['1|来电显示|', '2|彩铃|', '3|139邮箱|', 'cancel:true']);
    expect(serviceEntries('您当前订购的业务如下：1.视频彩铃 2.和彩云 3.咪咕音乐，如需退订请回复序号。')).toEqual(['1|视频彩铃|', '2|和彩云|', '3|咪咕音乐|', 'cancel:true']);
  });

  it('without a cancel by number it stays a status, as before (the emulator\'s GN reply)', () => {
    expect(serviceEntries('您已开通的功能如下：1.彩铃；2.来电显示')).not.toContain('cancel:true');
  });
});

describe('round 11: the checker compares the number sent', () => {
  it('a writer\'s ① is the 1 the reader sends', () => {
    const entry = {
      id: 'circled',
      text: '您已订购的业务：①彩铃 5元/月；②来电显示 免费。回复序号退订。',
      source: 'ours: round 11, NOT a real reply',
      sourceNote: '',
      province: null,
      year: null,
      kind: 'services',
      figures: [],
      services: [
        { n: '①', name: '彩铃', fee: '5元/月' },
        { n: '②', name: '来电显示', fee: '免费' },
      ],
    };
    const c = checkEntry(entry, read(entry.text));
    expect({ missing: c.servicesMissing, extra: c.servicesExtra }).toEqual({ missing: [], extra: [] });
  });
});

describe('round 11: a kind said to be used up', () => {
  it('names no amount after it (国内通用流量已用完，当前剩余流量0.5GB: the 0.5GB is of no stated kind)', () => {
    expect(lines11('您好，您本月国内通用流量已用完，当前剩余流量0.5GB。')).toEqual(['data.remaining 512 MB']);
    // A kind named after it still names its amount.
    expect(lines11('您本月省内流量已用完，国内通用流量剩余2GB。')).toEqual(['data.remaining 2048 MB general']);
  });
});

// Round 11, from the even halves of the rb15/rb16 blind batches (ours, NOT real): each fails on main 13b36cc.
describe('round 11: menus in more shapes', () => {
  it('circled numbers right before their labels are options, sent as digits (①话费余额 ②套餐余量 … 回复对应数字)', () => {
    expect(options('请选择您要查询的内容：①话费余额 ②套餐余量 ③本月账单 回复对应数字（如回复1）即可。')).toEqual(['1.话费余额', '2.套餐余量', '3.本月账单']);
  });

  it('numbers in brackets, after a cue to reply with the number in brackets ((1)如何查询话费 (2)… 请回复括号内数字)', () => {
    expect(options('您咨询的问题可能是：(1)如何查询话费 (2)如何办理宽带 (3)如何取消增值业务 请回复括号内数字获取答案。')).toEqual([
      '1.如何查询话费',
      '2.如何办理宽带',
      '3.如何取消增值业务',
    ]);
  });

  it('"1 查话费 2 查流量" on one line: the next number ends an option, and so do 或 and a new cue', () => {
    expect(options('您发送的内容未能识别，您可以回复以下数字：1 查话费 2 查流量 3 查套餐 或拨打10086咨询。')).toEqual(['1.查话费', '2.查流量', '3.查套餐']);
  });

  it('a letter said once after a numbered menu is an option too, and ends the option before it (… 回复“Q”退出)', () => {
    expect(options('请回复序号选择：1. 4G飞享套餐58元档 2. 4G飞享套餐138元档 回复“Q”退出。')).toEqual(['1.4G飞享套餐58元档', '2.4G飞享套餐138元档', 'Q.退出']);
  });

  it('options on lines before a cue that opens with 请 (…\\n请回复序号兑换)', () => {
    expect(options('您当前可用积分3560分，可兑换：\n1、10元话费（1000分）\n2、1GB流量（1200分）\n请回复序号兑换，如回复1。')).toEqual([
      '1.10元话费（1000分）',
      '2.1GB流量（1200分）',
    ]);
  });
});

describe('round 11: services lists in more shapes', () => {
  it('a cue that counts the services (您本月共有4项收费业务，合计费用27元：)', () => {
    expect(serviceEntries('您本月共有2项收费业务，合计费用21元：1.咪咕视频钻石会员 15元/月；2.视频彩铃 6元/月。回复序号取消对应业务。')).toEqual([
      '1|咪咕视频钻石会员|15元/月',
      '2|视频彩铃|6元/月',
      'cancel:true',
    ]);
  });

  it('entries split by commas, numbered by the numbers the cancel names (可回复序号1、2、3退订), which are no entries', () => {
    expect(serviceEntries('您共订购3项业务：云盘会员（10.00元/月），安全助手（免费），视频会员连续包月（25.00元/月）。可回复序号1、2、3退订对应业务。')).toEqual([
      '1|云盘会员|10.00元/月',
      '2|安全助手|免费',
      '3|视频会员连续包月|25.00元/月',
      'cancel:true',
    ]);
  });
});

describe('round 11: the checker reads units written in Traditional script', () => {
  it('分鐘 and 條 are minutes and messages', () => {
    expect(canonical({ what: 'minutes-total', value: 250, unit: '分鐘', pool: null, label: '' })).toBe(250);
    expect(canonical({ what: 'sms-left', value: 42, unit: '條', pool: null, label: '' })).toBe(42);
  });
});
