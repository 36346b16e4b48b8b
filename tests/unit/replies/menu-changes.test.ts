import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinReplyRules, optionChangesAccount, understandReply } from '../../../src-shared/replies';
import { loadCorpus } from '../../fixtures/replies/corpus';

const corpus = loadCorpus(resolve(import.meta.dirname, '../../fixtures/replies/real-dev.json'));
const asked = (label: string, n = '1') => optionChangesAccount({ n, label }, builtinReplyRules());

describe('a menu option that changes the account is asked about before it is sent', () => {
  it('a package, a subscription, a cancellation or a price: asked', () => {
    for (const label of ['开通5元包30MB流量叠加包，立即生效', '開通10元1GB', '退订彩铃', '取消来电提醒', '20元300M国内流量包', '兑换100M流量', '办理夜间流量包']) expect(asked(label), label).toBe(true);
  });

  it('a look-up, a further menu or a way back: sent on the click alone', () => {
    for (const label of ['查询余额', '流量包', '已开通业务查询', '包月业务查询与退订', '流量查询与办理', '返回主菜单', '查询共享明细']) expect(asked(label), label).toBe(false);
  });

  it('recharging, renewing, spending points or reporting a loss asks; a list of what is subscribed or a payment record is a look-up (review13)', () => {
    for (const label of ['充值缴费', '充值', '续订原套餐（58元/月）', '500积分换1GB', '挂失', '恢复上网功能', '转赠流量']) expect(asked(label), label).toBe(true);
    for (const label of ['已订购业务', '已开通业务', '已订业务', '缴费记录', '查积分', '查询已订购业务']) expect(asked(label), label).toBe(false);
  });

  // review15, labels of ours: fleetfig made 余量 a look-up word (106.套餐余量, 13 流量余量), so any label with it went on
  // one click, turning a reminder on or off among them; before, 开通流量余量提醒 asked.
  it('an amount left is a look-up; turning its reminder on or off asks, also when only the cue says 办理', () => {
    for (const label of ['套餐余量', '流量余量', '语音余量', '套餐余量查询']) expect(asked(label), label).toBe(false);
    for (const label of ['开通流量余量提醒', '关闭余量提醒', '取消套餐余量提醒']) expect(asked(label), label).toBe(true);
    expect(optionChangesAccount({ n: '3', label: '余量提醒', cue: '回复序号办理' }, builtinReplyRules())).toBe(true);
  });

  it('in a real menu (Jiangsu, real-dev js-menu), the options that spend points or subscribe ask, the eight sub-menus and three look-ups do not', () => {
    const u = understandReply({ text: corpus.find((e) => e.id === 'js-menu')!.text, receivedAt: Date.UTC(2025, 5, 1), from: '10086' });
    const menu = u.kind === 'menu' || u.kind === 'figures' || u.kind === 'outcome' ? u.menu : [];
    expect(menu.filter((o) => optionChangesAccount(o, builtinReplyRules())).map((o) => o.n)).toEqual(['DHLL', '3305']);
  });

  it('under a cue that says the numbers order something (real ah-2017-0424-menu: 回复序号办理), every option but a look-up asks', () => {
    const u = understandReply({ text: corpus.find((e) => e.id === 'ah-2017-0424-menu')!.text, receivedAt: Date.UTC(2017, 3, 24), from: '10086' });
    const menu = u.kind === 'menu' || u.kind === 'figures' || u.kind === 'outcome' ? u.menu : [];
    expect(menu.map((o) => o.cue)).toEqual(Array(9).fill('回复序号办理'));
    expect(menu.filter((o) => optionChangesAccount(o, builtinReplyRules())).map((o) => o.n)).toEqual(['661', '662', '663', '664', '665', '667']);
  });

  it('a cue that only asks for a number, or looks something up, leaves each label to say so; a way back never asks', () => {
    const cued = (label: string, cue: string) => optionChangesAccount({ n: '1', label, cue }, builtinReplyRules());
    expect(cued('流量包', '回复序号')).toBe(false);
    expect(cued('流量包', '回复对应序号查询（回复免费）')).toBe(false);
    expect(cued('流量包', '回復序號訂購')).toBe(true);
    expect(cued('彩铃', '回复以下序号即可取消')).toBe(true);
    for (const label of ['返回上级菜单', '人工服务', '套餐余量', '查询共享明细']) expect(cued(label, '回复序号办理'), label).toBe(false);
  });
});
