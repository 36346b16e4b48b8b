import { describe, expect, it } from 'vitest';
import { beijingTime } from '../../../src-shared/wall-clock';
import * as say from '../../../src-main/emulator/replies-10086';
import { createRng } from '../../../src-main/emulator/rng';
import { understandReply, type FiguresReply, type ReplyUnderstanding } from '../../../src-shared/replies';
import { dateLine, RECEIVED } from './format';

const NOW = beijingTime(new Date(RECEIVED));
const SEEDS = Array.from({ length: 12 }, (_, i) => i + 1);
const round2 = (n: number) => Math.round(n * 100) / 100;

function read(text: string): ReplyUnderstanding {
  return understandReply({ text, receivedAt: RECEIVED, from: '10086' });
}

function figuresOf(text: string): FiguresReply {
  const r = read(text);
  if (r.kind !== 'figures') throw new Error(`not a figures reply: ${text}`);
  expect(r.confidence).toBe('sure');
  return r;
}

/** field → value for one topic, failing on a field read twice. */
function fields(r: FiguresReply): Record<string, number> {
  const out: Record<string, number> = {};
  for (const f of r.figures) {
    expect(out[f.field]).toBeUndefined();
    out[f.field] = f.value;
  }
  return out;
}

describe('the emulator’s figures replies', () => {
  it.each(SEEDS)('balance, seed %i: every wording gives balance and spending', (seed) => {
    const rng = createRng(seed);
    const f = { balance: rng.amount(8, 180), gift: rng.amount(0, 10), spentThisMonth: rng.amount(12, 90) };
    for (let i = 0; i < 4; i++) {
      const r = figuresOf(say.balance(rng, NOW, f));
      const got = fields(r);
      const expected: Record<string, number> = { balance: f.balance, spentThisMonth: f.spentThisMonth };
      if ('cash' in got) expected.cash = round2(f.balance - f.gift);
      if ('gift' in got) expected.gift = f.gift;
      expect(got).toEqual(expected);
      expect(r.dates.map(dateLine)).toEqual([`asOf 2026-11-25 10h${r.text.includes('2026年') ? '' : ' inferred'}`]);
    }
  });

  it('balance: all three wordings occur over the seeds', () => {
    const shapes = new Set<string>();
    for (const seed of SEEDS) {
      const rng = createRng(seed);
      for (let i = 0; i < 4; i++) {
        const r = figuresOf(say.balance(rng, NOW, { balance: 50, gift: 5, spentThisMonth: 20 }));
        shapes.add(Object.keys(fields(r)).sort().join());
      }
    }
    expect([...shapes].sort()).toEqual(['balance,cash,gift,spentThisMonth', 'balance,gift,spentThisMonth', 'balance,spentThisMonth']);
  });

  // Its parts with no total (通用余额, 赠送余额): the general part is the balance (labelling rule 6 of 2026-12-06).
  it.each(SEEDS)('balance detail, seed %i', (seed) => {
    const rng = createRng(seed);
    const f = { balance: rng.amount(8, 180), gift: rng.amount(0, 10), spentThisMonth: rng.amount(12, 90) };
    expect(fields(figuresOf(say.balanceDetail(NOW, f)))).toEqual({
      balance: round2(f.balance - f.gift),
      gift: f.gift,
      spentThisMonth: f.spentThisMonth,
    });
  });

  it.each(SEEDS)('bill, seed %i: items, total and month, for a past month and so far this month', (seed) => {
    const rng = createRng(seed);
    const items = [
      { name: '套餐及固定费', amount: 58 },
      { name: '语音通信费', amount: rng.amount(0, 15) },
      { name: '上网费', amount: rng.pick([0, rng.amount(1, 30)]) },
      { name: '增值业务费', amount: rng.pick([0, 5, 7]) },
    ];
    for (const [month, soFar] of [[10, false], [11, true]] as const) {
      const r = figuresOf(say.bill(rng, 2026, month, items, soFar));
      expect(r.figures.filter((f) => f.field === 'item').map((f) => [f.item, f.value])).toEqual(items.map((i) => [i.name, i.amount]));
      expect(r.figures.find((f) => f.field === 'total')!.value).toBeCloseTo(items.reduce((s, i) => s + i.amount, 0), 6);
      expect(r.dates.map(dateLine)).toEqual([`billMonth 2026-${month}`]);
    }
  });

  it.each(SEEDS)('points, seed %i: total, expiring and when', (seed) => {
    const rng = createRng(seed);
    const total = rng.int(200, 6000);
    const expiring = rng.int(0, 180);
    for (let i = 0; i < 3; i++) {
      const r = figuresOf(say.points(rng, NOW, total, expiring));
      expect(fields(r)).toEqual({ total, expiring });
      expect(r.dates.filter((d) => d.role === 'expiry').map(dateLine)).toEqual([
        `expiry 2026-12-31${r.text.includes('年底') ? ' inferred' : ''}`,
      ]);
    }
  });

  it.each(SEEDS)('data, seed %i: every package in every unit style', (seed) => {
    const rng = createRng(seed);
    const packages = [
      { name: '4G飞享套餐 国内通用流量', totalMb: 10 * 1024, usedMb: rng.amount(300, 9800) },
      { name: '流量加油包 省内流量', totalMb: 2 * 1024, usedMb: rng.amount(0, 2000) },
      { name: '夜间闲时流量', totalMb: 80 * 1024, usedMb: rng.amount(2000, 30000) },
    ];
    const r = figuresOf(say.data(rng, NOW, packages));
    expect(r.dates.map(dateLine)).toEqual(['asOf 2026-11-25 10h inferred']);
    for (const p of packages) {
      const mine = r.figures.filter((f) => f.package === p.name);
      expect(mine.map((f) => f.field)).toEqual(['total', 'used', 'remaining']);
      const truth = { total: p.totalMb, used: p.usedMb, remaining: p.totalMb - p.usedMb };
      for (const f of mine) expect(f.value).toBeCloseTo(asWritten(truth[f.field as keyof typeof truth], f.span.text), 6);
    }
  });

  it.each(SEEDS)('voice and SMS, seed %i', (seed) => {
    const rng = createRng(seed);
    const voice = { name: '4G飞享套餐', total: 500, used: rng.int(0, 480) };
    const sms = { name: '短信包', total: 100, used: rng.int(0, 95) };
    const v = figuresOf(say.voice(NOW, voice));
    expect(v.figures.map((f) => [f.topic, f.package, f.field, f.value])).toEqual([
      ['voice', '4G飞享套餐', 'total', 500],
      ['voice', '4G飞享套餐', 'used', voice.used],
      ['voice', '4G飞享套餐', 'remaining', 500 - voice.used],
    ]);
    const s = figuresOf(say.sms(NOW, sms));
    expect(s.figures.map((f) => [f.topic, f.package, f.field, f.value])).toEqual([
      ['sms', '短信包', 'total', 100],
      ['sms', '短信包', 'used', sms.used],
      ['sms', '短信包', 'remaining', 100 - sms.used],
    ]);
  });
});

/** The value 10086 wrote for `mb` in the style the text shows (M, G, or G and M), to its two decimals. */
function asWritten(mb: number, text: string): number {
  const whole = Math.round(mb * 100) / 100;
  if (!/G/.test(text)) return whole;
  if (!/M/.test(text)) return Number((whole / 1024).toFixed(2)) * 1024;
  const g = Math.floor(whole / 1024);
  return g * 1024 + Number((whole - g * 1024).toFixed(2));
}

describe('the emulator’s outcome and confirmation replies', () => {
  const service = (text: string) => (read(text) as { service?: string | null }).service;
  const shape = (text: string) => {
    const r = read(text);
    if (r.kind === 'outcome') return `${r.outcome}/${r.template}`;
    return r.kind === 'confirm' ? `confirm/${r.reply}/${r.deadline?.withinMs ?? '-'}` : r.kind;
  };

  it.each(say.SERVICES.map((s) => [s.code, s] as const))('service %s: on, off, already, status, confirm', (_code, s) => {
    const rng = createRng(s.code.length);
    for (let i = 0; i < 3; i++) {
      const text = say.enabled(rng, s);
      expect(shape(text)).toBe('success/done');
      expect(service(text)).toBe(s.name);
    }
    expect(shape(say.disabled(s))).toBe('success/done');
    expect(service(say.disabled(s))).toBe(s.name);
    expect(shape(say.alreadyOn(s))).toBe('already/already-on');
    expect(shape(say.notOn(s))).toBe('already/not-on');
    expect([shape(say.status(s, true)), shape(say.status(s, false))]).toEqual(['status/status-on', 'status/status-off']);
    expect([service(say.status(s, true)), service(say.status(s, false))]).toEqual([s.name, s.name]);
    expect(shape(say.askToConfirm(s, true))).toBe('confirm/是/86400000');
    expect(shape(say.askToConfirm(s, false))).toBe('confirm/是/86400000');
  });

  it.each([
    ['suspend request', say.suspendAsk(), 'confirm/是/-'],
    ['nothing to confirm', say.nothingToConfirm(), 'failure/nothing-to-confirm'],
    ['service list', say.serviceList(['彩铃', '来电显示']), 'status/status-on'],
    ['empty service list', say.serviceList([]), 'status/status-off'],
    // A list of services with their fees (the reply to 0000) is read as that list.
    ['subscriptions', say.subscriptions([say.SERVICES[5]!]), 'services'],
    ['no subscriptions', say.subscriptions([]), 'status/status-off'],
    ['password changed', say.passwordChanged(), 'success/done'],
    ['password wrong', say.passwordWrong(), 'failure/wrong-password'],
    ['password weak', say.passwordWeak(), 'failure/refused'],
    ['password format', say.passwordFormat(), 'failure/refused'],
    ['password reset', say.passwordReset('802461'), 'success/done'],
    ['ID mismatch', say.idMismatch(), 'failure/refused'],
    ['ID format', say.idFormat(), 'failure/refused'],
    ['suspended now', say.suspendedNow(NOW), 'success/done'],
    ['while suspended', say.whileSuspended(), 'failure/suspended'],
    ['alert set', say.alertSet(20), 'success/done'],
    ['alert amount', say.alertBadAmount(), 'failure/refused'],
    ['bad password', say.badPassword(), 'failure/wrong-password'],
    ['WLAN trial', say.wlanTrial(), 'success/done'],
    ['unknown instruction 1', say.unknownInstruction(createRng(1)), 'failure/wrong-instruction'],
    ['unknown instruction 2', say.unknownInstruction(createRng(2)), 'failure/wrong-instruction'],
    ['bill month invalid', say.billMonthInvalid('ZD2026'), 'failure/refused'],
    ['bill not yet', say.billNotYet(2026, 11), 'failure/refused'],
    ['bill too old', say.billTooOld(), 'failure/refused'],
    ['balance help', say.balanceHelp(), 'unknown'],
  ])('%s', (_name, text, expected) => {
    expect(shape(text)).toBe(expected);
  });

  it('quotes the reason of a failure as written, without the greeting', () => {
    expect(read(say.passwordWrong())).toMatchObject({ reason: '您输入的原服务密码不正确，密码修改失败' });
    expect(read(say.billNotYet(2026, 11))).toMatchObject({ reason: '2026年11月的账单尚未生成，请于次月5日后查询' });
  });

  it.each(Object.entries(say.CHAT))('small talk "%s" stays unknown', (_q, text) => {
    expect(read(text)).toEqual({ kind: 'unknown', text });
  });
});
