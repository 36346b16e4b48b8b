import { beijingTime, monthNumber, type WallClock as BeijingTime } from '../../src-shared/wall-clock';
import * as say from './replies-10086';
import { createRng, type Rng } from './rng';

export interface SubscriberOptions {
  /** Six-digit service password, checked by MMXG and CXYEH. */
  password: string;
  /** Registered ID card number, checked by MMHF. */
  idNumber: string;
}

export const DEFAULT_SUBSCRIBER: SubscriberOptions = { password: '135790', idNumber: '110105199003074616' };

const CONFIRM_WINDOW_MS = 24 * 3600_000;
const BILL_HISTORY_MONTHS = 6;
const YES = new Set(['是', 'Y', 'YES', 'SHI']);
/** Instructions a suspended line may still send: queries and password care. */
const ALLOWED_WHILE_SUSPENDED = /^(YE|ZD|JF|GN|0000|CX|MM)/;

type Pending = { kind: 'service'; service: say.Service; on: boolean; until: number } | { kind: 'suspend'; until: number };

/**
 * The China Mobile account behind the SIM, as 10086 sees it: balance, bills, allowances, the
 * services switched on, the service password, pending "回复是确认" requests. Figures come from
 * the seed, so a given seed always tells the same story.
 */
export class Subscriber10086 {
  private readonly figures: say.BalanceFigures;
  private readonly points: { total: number; expiring: number };
  private readonly packages: say.DataPackage[];
  private readonly voice: say.Allowance;
  private readonly sms: say.Allowance;
  private readonly services = new Set(['GPRS', 'LDXS', 'HJDD', 'CL']);
  private password: string;
  private pending: Pending | null = null;
  private suspended = false;

  constructor(
    private readonly rng: Rng,
    private readonly seed: number,
    private readonly opts: SubscriberOptions,
  ) {
    this.password = opts.password;
    this.figures = { balance: rng.amount(8, 180), gift: rng.amount(0, 10), spentThisMonth: rng.amount(12, 90) };
    this.points = { total: rng.int(200, 6000), expiring: rng.int(0, 180) };
    this.packages = [
      { name: '4G飞享套餐 国内通用流量', totalMb: 10 * 1024, usedMb: rng.amount(300, 9800) },
      { name: '流量加油包 省内流量', totalMb: 2 * 1024, usedMb: rng.amount(0, 2000) },
      { name: '夜间闲时流量', totalMb: 80 * 1024, usedMb: rng.amount(2000, 30000) },
    ];
    this.voice = { name: '4G飞享套餐', total: 500, used: rng.int(0, 480) };
    this.sms = { name: '短信包', total: 100, used: rng.int(0, 95) };
  }

  /** 10086's replies (usually one) to one SMS the user sent it. */
  answer(sent: string, date: Date): string[] {
    const text = sent.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
    const now = beijingTime(date);
    const pending = this.pending;
    this.pending = null;
    if (YES.has(text)) return [pending && pending.until > date.getTime() ? this.confirm(pending, now) : say.nothingToConfirm()];
    const chat = say.CHAT[text];
    if (chat) return [chat];
    if (this.suspended && !ALLOWED_WHILE_SUSPENDED.test(text)) return [say.whileSuspended()];
    return [this.instruction(text, sent.trim(), now, date.getTime())];
  }

  private instruction(text: string, original: string, now: BeijingTime, ms: number): string {
    let m: RegExpMatchArray | null;
    if (text === 'YE') return say.balance(this.rng, now, this.figures);
    if ((m = text.match(/^ZD(\d*)$/))) return this.bill(m[1]!, original, now);
    if (text === 'JF') return say.points(this.rng, now, this.points.total, this.points.expiring);
    if (text === 'GN') return say.serviceList(this.enabledServices().map((s) => s.name));
    if (text === '0000') return say.subscriptions(this.enabledServices().filter((s) => s.confirmOn));
    if (text === 'CXYEG') return say.data(this.rng, now, this.packages);
    if (text === 'CXYEB') return say.voice(now, this.voice);
    if (text === 'CXYED') return say.sms(now, this.sms);
    if ((m = text.match(/^CXYEH(.*)$/))) {
      if (m[1] === '') return say.balanceHelp();
      return m[1] === this.password ? say.balanceDetail(now, this.figures) : say.badPassword();
    }
    if ((m = text.match(/^(KT|BG)YETX(\d*)$/))) return this.balanceAlert(m[2]!);
    if ((m = text.match(/^MMXG#([^#]*)#([^#]*)$/))) return this.changePassword(m[1]!, m[2]!);
    if (text.startsWith('MMXG')) return say.passwordFormat();
    if ((m = text.match(/^MMHF#(.*)$/))) return this.resetPassword(m[1]!);
    if (text === 'TJ') {
      this.pending = { kind: 'suspend', until: ms + CONFIRM_WINDOW_MS };
      return say.suspendAsk();
    }
    if (text === 'TYWLAN') return say.wlanTrial();
    if ((m = text.match(/^(KT|QX|CX)([A-Z]+)$/))) {
      const service = say.SERVICES.find((s) => s.code === m![2]);
      if (service) return this.serviceAction(m[1] as 'KT' | 'QX' | 'CX', service, ms);
    }
    return say.unknownInstruction(this.rng);
  }

  private bill(digits: string, original: string, now: BeijingTime): string {
    if (digits === '') return say.bill(this.rng, now.year, now.month, this.billItems(now.year, now.month), true);
    if (!/^\d{6}$/.test(digits)) return say.billMonthInvalid(original);
    const year = Number(digits.slice(0, 4));
    const month = Number(digits.slice(4));
    if (month < 1 || month > 12) return say.billMonthInvalid(original);
    const age = monthNumber(now.year, now.month) - monthNumber(year, month);
    if (age <= 0) return say.billNotYet(year, month);
    if (age > BILL_HISTORY_MONTHS) return say.billTooOld();
    return say.bill(this.rng, year, month, this.billItems(year, month), false);
  }

  /** The same month always shows the same bill, whatever was asked before. */
  private billItems(year: number, month: number): say.BillItem[] {
    const r = createRng(this.seed * 7919 + monthNumber(year, month));
    return [
      { name: '套餐及固定费', amount: 58 },
      { name: '语音通信费', amount: r.amount(0, 15) },
      { name: '上网费', amount: r.pick([0, 0, r.amount(1, 30)]) },
      { name: '短彩信费', amount: r.amount(0, 3) },
      { name: '增值业务费', amount: r.pick([0, 5, 7]) },
      { name: '代收费', amount: 0 },
    ];
  }

  private balanceAlert(amount: string): string {
    const yuan = Number(amount);
    if (!/^\d+$/.test(amount) || yuan < 1 || yuan > 500) return say.alertBadAmount();
    this.services.add('YETX');
    return say.alertSet(yuan);
  }

  private serviceAction(action: 'KT' | 'QX' | 'CX', service: say.Service, ms: number): string {
    const on = this.services.has(service.code);
    if (action === 'CX') return say.status(service, on);
    const turningOn = action === 'KT';
    if (turningOn === on) return turningOn ? say.alreadyOn(service) : say.notOn(service);
    if (turningOn ? service.confirmOn : service.confirmOff) {
      this.pending = { kind: 'service', service, on: turningOn, until: ms + CONFIRM_WINDOW_MS };
      return say.askToConfirm(service, turningOn);
    }
    return this.apply(service, turningOn);
  }

  private confirm(p: Pending, now: BeijingTime): string {
    if (p.kind === 'service') return this.apply(p.service, p.on);
    this.suspended = true;
    return say.suspendedNow(now);
  }

  private apply(service: say.Service, on: boolean): string {
    if (on) {
      this.services.add(service.code);
      return say.enabled(this.rng, service);
    }
    this.services.delete(service.code);
    return say.disabled(service);
  }

  private enabledServices(): say.Service[] {
    return say.SERVICES.filter((s) => this.services.has(s.code));
  }

  private changePassword(old: string, next: string): string {
    if (old !== this.password) return say.passwordWrong();
    if (!/^\d{6}$/.test(next) || isWeakPassword(next)) return say.passwordWeak();
    this.password = next;
    return say.passwordChanged();
  }

  private resetPassword(id: string): string {
    if (!/^\d{17}[\dX]$/.test(id)) return say.idFormat();
    if (id !== this.opts.idNumber.toUpperCase()) return say.idMismatch();
    this.password = String(this.rng.int(0, 999_999)).padStart(6, '0');
    return say.passwordReset(this.password);
  }
}

/** Six equal digits or a straight run up or down. */
function isWeakPassword(pwd: string): boolean {
  const d = [...pwd].map(Number);
  const steps = new Set(d.slice(1).map((x, i) => x - d[i]!));
  return steps.size === 1 && [0, 1, -1].includes([...steps][0]!);
}
