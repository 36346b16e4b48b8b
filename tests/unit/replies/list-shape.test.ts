import { describe, expect, it } from 'vitest';
import { understandReply } from '../../../src-shared/replies';
import { builtinReplyRules } from '../../../src-shared/replies/builtin';
import { classifyRun, findRuns } from '../../../src-shared/replies/list-shape';
import { foldWithOrigin } from '../../../src-shared/replies/normalize';

// Every text here is ours (NOT a real reply): one per structural rule of list-shape.ts and what menus.ts makes of it.
const rules = builtinReplyRules();
const runs = (text: string) => {
  const folded = foldWithOrigin(text);
  return findRuns(text, folded, rules.services.fee).map((run) => ({
    style: run.style,
    sent: run.markers.map((m) => m.sent).join(','),
    items: run.items.map(([a, b]) => folded.text.slice(a, b)),
    lead: folded.text.slice(...run.lead),
    kind: classifyRun(run, folded, rules),
  }));
};
const read = (text: string) => understandReply({ text, receivedAt: Date.parse('2026-11-25T02:30:00Z'), from: '10086' });
const options = (text: string) => {
  const u = read(text);
  return u.kind === 'menu' || u.kind === 'figures' || u.kind === 'outcome' ? u.menu.map((o) => `${o.n}.${o.label}`) : [];
};
/** Each entry as n|name|fee|what its cancel sends (its cancelText, its number when a number cancels, else null). */
const entries = (text: string) => {
  const u = read(text);
  return u.kind === 'services' ? u.services.map((s) => `${s.n}|${s.name}|${s.fee}|${s.cancelText ?? (u.cancelByNumber ? s.n : null)}`) : [];
};

describe('segmentation: markers of one style counting up, items, lead-in', () => {
  it('a run is markers of one style counting up by one; a number out of turn is part of an item', () => {
    expect(runs('回复序号：1、查余额，2小时内有效；2、查流量')).toMatchObject([{ style: '1、', sent: '1,2', items: ['查余额,2小时内有效', '查流量'] }]);
  });
  it('a run may start at any number (101.) and sends it as written; ① and 一、 send digits', () => {
    expect(runs('回复序号：101.查询余额 102.查询积分')[0]).toMatchObject({ sent: '101,102', items: ['查询余额', '查询积分'] });
    expect(runs('回复序号：①话费 ②流量')[0]).toMatchObject({ style: '①', sent: '1,2' });
    expect(runs('您已订购：一、彩铃5元/月；二、手机报3元/月')[0]).toMatchObject({ style: '一、', sent: '1,2' });
  });
  it('a decimal (3.20元) is no marker when a number of the run stands later', () => {
    expect(runs('本月账单：1.套餐月费 58元 2.语音费 3.20元 3.流量费 0元。')[0]).toMatchObject({ items: ['套餐月费 58元', '语音费 3.20元', '流量费 0元'] });
  });
  it('amounts that may all be decimals (剩余国内流量 1.15GB，剩余省内流量 2.56GB) make no list (generated variant of real r15-143)', () => {
    expect(runs('您11月剩余总流量：4.20GB，其中剩余国内流量：1.15GB，剩余省内流量：2.56GB。查询明细请回复数字“1”。')).toEqual([]);
    // Numbers that may be decimals but are not quantities (1.10元包…) are left to the cue-led reader, which reads them.
    expect(runs('请回复序号：1.10元包1GB流量包 2.20元包3GB流量包')).toEqual([]);
    expect(options('请回复序号：1.10元包1GB流量包 2.20元包3GB流量包')).toEqual(['1.10元包1GB流量包', '2.20元包3GB流量包']);
  });
  it('the lead-in is the sentence before the first marker, or the line before a list on lines', () => {
    expect(runs('尊敬的客户。请选择：\n1 话费\n2 流量')[0]).toMatchObject({ style: 'line', lead: '请选择:\n' });
  });
  it('the last item ends where the words turn to what to do, or goes on like the others did after a comma', () => {
    expect(runs('请回复序号：1.查余额 2.查流量 回复0返回')[0]!.items).toEqual(['查余额', '查流量']);
    expect(runs('您已订购：1、彩铃 5元/月，退订回复QXCL；2、手机报 3元/月，退订回复QXSJB。')[0]!.items.at(-1)).toBe('手机报 3元/月,退订回复qxsjb');
  });
  it('lines with no number, each ending with a fee, are a run of their own (bare)', () => {
    expect(runs('您名下的业务：\n彩铃 5元/月\n手机报 免费\n谢谢')[0]).toMatchObject({ style: 'bare', items: ['彩铃 5元/月', '手机报 免费'] });
  });
});

describe('classification: menu, services or neither', () => {
  it('a menu when its lead or trail says to reply with (or send) one of its numbers', () => {
    expect(runs('请选择：1.话费查询 2.流量查询')[0]!.kind).toBe('menu');
    expect(runs('1.话费查询 2.流量查询。回复1-2选择')[0]!.kind).toBe('menu');
  });
  it('services when the lead says they are the customer’s and the items end with fees', () => {
    expect(runs('您的号码订购了以下产品：1、彩铃 5元/月；2、手机报 免费')[0]!.kind).toBe('services');
  });
  it('services when every item has a fee and the trail says a number cancels, even with no lead', () => {
    expect(runs('1、彩铃 5元/月；2、手机报 3元/月。如需退订请回复对应数字。')[0]!.kind).toBe('services');
  });
  it('neither for an offer, a bill, pools, a tariff or steps', () => {
    expect(runs('为您推荐：1、10元1GB流量包 10元/月；2、20元3GB流量包 20元/月。')[0]!.kind).toBe('none');
    expect(runs('本月账单：1、套餐费58.00元；2、语音费3.20元。')[0]!.kind).toBe('none');
    expect(runs('流量情况：1.通用流量剩余2GB；2.省内流量剩余1GB。')[0]!.kind).toBe('none');
    expect(runs('资费：1.语音0.19元/分钟；2.短信0.1元/条。')[0]!.kind).toBe('none');
    expect(runs('参与方式：1.登录APP；2.点击领取。')[0]!.kind).toBe('none');
  });
});

describe('what a list becomes', () => {
  it('a menu’s options send the number the reply says to send, and its amounts are no figures', () => {
    expect(options('请选择：\n101.查询余额\n102.办理10元1GB流量包')).toEqual(['101.查询余额', '102.办理10元1GB流量包']);
    expect(read('请选择：\n101.查询余额\n102.办理10元1GB流量包').kind).toBe('menu');
  });
  it('a dash after the number (1—话费余额) marks options too, and a 0 after a run from 1 is its last option', () => {
    expect(options('查询请回复：1—话费余额 2—套餐余量 3—积分 0—人工服务')).toEqual(['1.话费余额', '2.套餐余量', '3.积分', '0.人工服务']);
  });
  it('a cue’s reading that ran over the numbers (one label 查询余额，2、查询流量) gives way to the run', () => {
    expect(options('请回复序号：1、查询余额，2、查询流量，3、积分兑换。')).toEqual(['1.查询余额', '2.查询流量', '3.积分兑换']);
  });
  // Each entry as n|name|fee|what its cancel sends; a guard (nothing to send) last in its row where one is.
  const lists: [string, string, string[]][] = [
    ['a cancel sends the number when the reply says a number cancels', '您目前在用的产品：1、彩铃 5元/月；2、手机报 免费。如需退订请回复对应数字。', ['1|彩铃|5元/月|1', '2|手机报|免费|2']],
    ['a cancel sends the code the entry names (退订回复QX…)', '您已订购：1、彩铃 5元/月，退订回复QXCL；2、手机报 3元/月，退订回复QXSJB。', ['1|彩铃|5元/月|QXCL', '2|手机报|3元/月|QXSJB']],
    [
      'a table row: the name without its label, the code of 退订指令',
      '您已订购的业务：1、业务名称：彩铃，资费：5元/月，退订指令：QXCL；2、业务名称：手机报，资费：免费，退订指令：QXSJB。',
      ['1|彩铃|5元/月|QXCL', '2|手机报|免费|QXSJB'],
    ],
    ['no cancel when the reply does not say what cancels (never a guessed code)', '您名下的增值服务：1、彩铃 5元/月；2、手机报 免费。感谢使用。', ['1|彩铃|5元/月|null', '2|手机报|免费|null']],
    ['no bare number when a code cancels (QX+业务代码)', '您已订购：1、彩铃 5元/月；2、手机报 免费。退订请发送QX+业务代码至10086。', ['1|彩铃|5元/月|null', '2|手机报|免费|null']],
    ['QX序号 sends QX and the number', '截至今天，您共有2项包月扣费业务：一、彩铃功能（5元/月）二、手机报（3元/月）。回复QX序号退订。', ['1|彩铃功能|5元/月|QX1', '2|手机报|3元/月|QX2']],
    ['a date said after a name is no part of it', '您已订购：1、彩铃（有效期至2026年12月31日）5元/月；2、手机报 3元/月。', ['1|彩铃|5元/月|null', '2|手机报|3元/月|null']],
    ['回复"TD"+业务序号 and 回复QX序号 send the prefix and the number', '您已订购的业务：1.彩铃（5元/月）；2.和彩云（免费）。如需退订，请回复"TD"+业务序号。', ['1|彩铃|5元/月|TD1', '2|和彩云|免费|TD2']],
    ['回复1或2退订 cancels by the number', '您订购的附加业务：1、视频彩铃 6元/月；2、云盘会员 10元/月。回复1或2退订对应附加业务。', ['1|视频彩铃|6元/月|1', '2|云盘会员|10元/月|2']],
    ['lines with no number have nothing to send', '您已订购的业务：\n彩铃 5元/月\n手机报 包月5元\n如有疑问请咨询10086。', ['null|彩铃|5元/月|null', 'null|手机报|包月5元|null']],
  ];
  it.each(lists)('services: %s', (_title, text, want) => expect(entries(text)).toEqual(want));
});
