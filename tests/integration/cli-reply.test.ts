import { describe, expect, it } from 'vitest';
import { displayWidth } from '../../src-main/cli/format';
import { hall, STACK_TRACE } from './cli-helpers';

// A real reply (tests/fixtures/replies/real-dev.json, gd-gz-subpools): a total over kinds, then the sub-pools.
const GD =
  '尊敬的13924107706客户，您当月个人流量套餐内流量共360M，截至06日19时01分，已用37.80M，剩余322.20M，其中：省内4G流量余112.22M，省内通用流量余59.98M，国内通用流量余150M，更多流量详情请登录 wap.gd.10086.cn/cxll 查询。中国移动';
const MENU = '尊敬的客户，更多信息回复对应序号查询（回复免费）：1.话费账单及积分查询；2.流量套餐使用情况查询。【中国移动】';

describe('hall10086 reply read', () => {
  it('prints each figure with topic, field, value, unit, pool and package as JSON', async () => {
    const run = await hall(['reply', 'read', GD, '--json', '--received-at', '2026-11-25T10:30+08:00']);
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout) as { kind: string; figures: { field: string; value: number; unit: string; pool: string | null }[]; dates: { date: string }[] };
    expect(out.kind).toBe('figures');
    expect(out.figures.map((f) => [f.field, f.value, f.unit, f.pool])).toEqual([
      ['total', 360, 'MB', null],
      ['used', 37.8, 'MB', null],
      ['remaining', 322.2, 'MB', null],
      ['remaining', 112.22, 'MB', 'provincial'],
      ['remaining', 59.98, 'MB', 'provincial'],
      ['remaining', 150, 'MB', 'general'],
    ]);
  });

  it('prints a menu as options, one reply per line of JSON, in order', async () => {
    const run = await hall(['reply', 'read', MENU, '尊敬的客户：您发送的指令有误', '--json']);
    const [menu, error] = run.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(menu).toMatchObject({ kind: 'menu', menu: [{ n: '1', label: '话费账单及积分查询' }, { n: '2', label: '流量套餐使用情况查询' }] });
    expect(error).toMatchObject({ kind: 'outcome', template: 'wrong-instruction' });
  });

  it('prints the options offered after a wrong instruction', async () => {
    const text = '您好，您发送的“YUE”无法识别，您是否想要：1.查询余额 2.查询账单 3.查询流量，请回复序号。';
    const json = JSON.parse((await hall(['reply', 'read', text, '--json'])).stdout) as Record<string, unknown>;
    expect(json).toMatchObject({ kind: 'outcome', template: 'wrong-instruction', menu: [{ n: '1', label: '查询余额' }, { n: '2', label: '查询账单' }, { n: '3', label: '查询流量' }] });
    expect((await hall(['reply', 'read', text, '--lang', 'en'])).stdout).toContain('menu: 1 查询余额 | 2 查询账单 | 3 查询流量');
  });

  it('names pools in the chosen language in the plain output', async () => {
    const zh = await hall(['reply', 'read', GD, '--lang', 'zh-Hans']);
    expect(zh.stdout).toContain('类型 省内');
    expect(zh.stdout).toContain('类型 国内通用');
    const en = await hall(['reply', 'read', GD, '--lang', 'en']);
    expect(en.stdout).toMatch(/data\.remaining\s+150 MB\s+pool general/u);
  });

  it('prints a share of use in percent, apart from the amounts (--json and plain)', async () => {
    // Ours, NOT a real reply: a pushed 80 % reminder in the wording 10086 uses.
    const text = '【流量提醒】您本月国内通用流量已使用80%，剩余2.00GB。语音已达到套餐的90%。';
    const json = JSON.parse((await hall(['reply', 'read', text, '--json'])).stdout) as { figures: { topic: string; field: string; value: number; unit: string; pool: string | null }[] };
    expect(json.figures.map((f) => [f.topic, f.field, f.value, f.unit, f.pool])).toEqual([
      ['data', 'usedPercent', 80, 'percent', 'general'],
      ['data', 'remaining', 2048, 'MB', 'general'],
      ['voice', 'usedPercent', 90, 'percent', null],
    ]);
    const plain = (await hall(['reply', 'read', text, '--lang', 'en'])).stdout;
    expect(plain).toMatch(/data\.usedPercent\s+80 %\s+pool general/u);
    expect(plain).toMatch(/voice\.usedPercent\s+90 %/u);
  });

  it('says where each kind came from, and prints an inferred one as a guess (--json and plain)', async () => {
    // OURS, NOT a real reply: real r16-107's first two sentences (tests/fixtures/replies/real-dev.json) with 景区 (a scenic
    // area) for 包时段, which names no kind at all since round 17 (labelling rule 2): 景区 narrows 省内.
    const text = '流量提醒：您好！截至1月1日19时2分，您当前省内景区流量已使用928.96MB，剩余95.04MB。另外，您国内流量剩余500.00MB，省内流量剩余3GB0.00MB，省内（不可共享）流量剩余1GB524.00MB，省内闲时流量剩余9GB1021.41MB。';
    const json = JSON.parse((await hall(['reply', 'read', text, '--json'])).stdout) as { figures: { value: number; pool: string | null; kindFrom?: string; kindStated?: boolean }[] };
    expect(json.figures.map((f) => [f.value, f.pool, f.kindFrom, f.kindStated])).toEqual([
      [928.96, 'provincial', 'narrowed', false],
      [95.04, 'provincial', 'before', false],
      [500, 'general', 'own', true],
      [3072, 'provincial', 'own', true],
      [1548, 'provincial', 'own', true],
      [10237.41, 'offpeak', 'own', true],
    ]);
    const plain = (await hall(['reply', 'read', text, '--lang', 'en'])).stdout;
    expect(plain).toMatch(/data\.remaining\s+95\.04 MB\s+pool probably in-province \(before\)/u);
    expect(plain).toMatch(/data\.remaining\s+3072 MB\s+pool in-province\n/u);
    expect((await hall(['reply', 'read', text, '--lang', 'zh-Hans'])).stdout).toContain('类型 推测为省内 (before)');
  });

  it.each(['zh-Hans', 'zh-Hant', 'en'])('help fits 80 columns (%s)', async (lang) => {
    const run = await hall(['reply', '--help', '--lang', lang]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('--received-at');
    for (const line of run.stdout.split('\n')) expect(displayWidth(line)).toBeLessThanOrEqual(80);
  });

  it('refuses a time it cannot read, in the user’s language, without a stack trace', async () => {
    const run = await hall(['reply', 'read', GD, '--received-at', 'yesterday', '--lang', 'zh-Hans']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--received-at 应是 ISO 8601 时间');
    expect(run.stderr).not.toMatch(STACK_TRACE);
    const none = await hall(['reply', 'read']);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('Usage: reply read TEXT...');
  });
});
