/**
 * What 10086 texts back, as data: several wordings per answer (picked with the seeded Rng) so a
 * client never gets to rely on one exact phrasing, and figures written the many ways the real
 * service writes them (1358.83M, 66.79G, 9G721.29M).
 */
import type { WallClock as BeijingTime } from '../../src-shared/wall-clock';
import type { Rng } from './rng';

const SIGN = '【中国移动】';
const yuan = (n: number): string => `${n.toFixed(2)}元`;
const at = (t: BeijingTime): string => `${t.year}年${t.month}月${t.day}日${String(t.hour).padStart(2, '0')}时`;
const shortAt = (t: BeijingTime): string => `${t.month}月${t.day}日${t.hour}时`;

export interface Service {
  code: string;
  name: string;
  fee: string;
  /** KT needs a "是" before it takes effect (it costs money). */
  confirmOn: boolean;
  /** QX needs a "是" (turning it off breaks something the user relies on). */
  confirmOff: boolean;
}

/** Services the seed's KT…/QX…/CX… instructions name. */
export const SERVICES: readonly Service[] = [
  { code: 'GPRS', name: '手机上网(GPRS)', fee: '功能费0元，流量按套餐计费', confirmOn: false, confirmOff: true },
  { code: 'LDXS', name: '来电显示', fee: '免费', confirmOn: false, confirmOff: false },
  { code: 'HJDD', name: '呼叫等待', fee: '免费', confirmOn: false, confirmOff: false },
  { code: 'HJBC', name: '呼叫保持', fee: '免费', confirmOn: false, confirmOff: false },
  { code: 'SFTH', name: '三方通话', fee: '功能费0元，通话按主叫计费', confirmOn: false, confirmOff: false },
  { code: 'CL', name: '彩铃', fee: '5元/月', confirmOn: true, confirmOff: false },
  { code: 'LDTX', name: '来电提醒', fee: '2元/月', confirmOn: true, confirmOff: false },
  { code: 'HFNZ', name: '话费闹钟', fee: '免费', confirmOn: false, confirmOff: false },
  { code: 'DXHZ', name: '短信回执', fee: '免费', confirmOn: false, confirmOff: false },
  { code: 'YETX', name: '余额提醒', fee: '免费', confirmOn: false, confirmOff: false },
];

export interface BalanceFigures {
  balance: number;
  gift: number;
  spentThisMonth: number;
}

export function balance(rng: Rng, now: BeijingTime, f: BalanceFigures): string {
  const cash = f.balance - f.gift;
  return rng.pick([
    () =>
      `尊敬的客户，截至${at(now)}，您的账户余额为${yuan(f.balance)}，其中现金账户${yuan(cash)}、赠送账户${yuan(f.gift)}。` +
      `本月已产生费用${yuan(f.spentThisMonth)}。${SIGN}`,
    () =>
      `尊敬的客户，您好！截至${shortAt(now)}，您的话费余额${yuan(f.balance)}（含赠款${yuan(f.gift)}），` +
      `本月已消费${yuan(f.spentThisMonth)}。充值请登录中国移动APP。${SIGN}`,
    () => `您的账户余额为${yuan(f.balance)}，本月消费${yuan(f.spentThisMonth)}，数据截至${at(now)}。${SIGN}`,
  ])();
}

export interface BillItem {
  name: string;
  amount: number;
}

export function bill(rng: Rng, year: number, month: number, items: readonly BillItem[], soFar: boolean): string {
  const total = items.reduce((s, i) => s + i.amount, 0);
  const lines = items.map((i) => `${i.name}${yuan(i.amount)}`).join('，');
  const period = `${year}年${month}月`;
  return soFar
    ? `尊敬的客户，您${period}截至目前的实时话费：${lines}，合计${yuan(total)}。实时话费仅供参考，以月结账单为准。${SIGN}`
    : rng.pick([
        () => `尊敬的客户，您${period}的账单：${lines}，合计${yuan(total)}。感谢您的使用！${SIGN}`,
        () => `您好，您${period}账单如下：${lines}；本月消费合计${yuan(total)}。详单请登录中国移动APP查询。${SIGN}`,
      ])();
}

export const billMonthInvalid = (sent: string): string =>
  `尊敬的客户，您发送的账单查询指令“${sent}”中月份有误。查询账单请发送ZD+年月，如ZD202610。${SIGN}`;
export const billNotYet = (year: number, month: number): string =>
  `尊敬的客户，${year}年${month}月的账单尚未生成，请于次月5日后查询。查询本月实时话费请发送ZD。${SIGN}`;
export const billTooOld = (): string => `尊敬的客户，短信仅支持查询近6个月的账单，更早的账单请登录中国移动APP查询。${SIGN}`;

export function points(rng: Rng, now: BeijingTime, total: number, expiring: number): string {
  return rng.pick([
    () =>
      `尊敬的客户，截至${now.year}年${now.month}月${now.day}日，您的可用积分为${total}分，其中${now.year}年12月31日将到期${expiring}分。` +
      `积分可兑换话费、流量等，详询中国移动APP。${SIGN}`,
    () => `您好，您当前可用积分${total}分，年底将清零积分${expiring}分，请及时兑换。${SIGN}`,
  ])();
}

export interface DataPackage {
  name: string;
  totalMb: number;
  usedMb: number;
}

/** The three ways 10086 writes an amount of data. */
export type DataStyle = 'M' | 'G' | 'GM';

export function formatData(mb: number, style: DataStyle): string {
  const whole = Math.round(mb * 100) / 100;
  if (style === 'G') return `${(whole / 1024).toFixed(2)}G`;
  if (style === 'GM' && whole >= 1024) {
    const g = Math.floor(whole / 1024);
    const rest = whole - g * 1024;
    return rest === 0 ? `${g}G` : `${g}G${rest.toFixed(2)}M`;
  }
  return `${whole.toFixed(2)}M`;
}

export function data(rng: Rng, now: BeijingTime, packages: readonly DataPackage[]): string {
  const styles: DataStyle[] = ['M', 'G', 'GM'];
  const body = packages
    .map((p) => {
      const s = rng.pick(styles);
      const left = formatData(p.totalMb - p.usedMb, s);
      return `【${p.name}】总量${formatData(p.totalMb, s)}，已使用${formatData(p.usedMb, s)}，剩余${left}`;
    })
    .join('；');
  return `尊敬的客户，截至${shortAt(now)}，您本月套餐内移动数据流量使用情况如下：${body}。流量查询结果仅供参考。${SIGN}`;
}

export interface Allowance {
  name: string;
  total: number;
  used: number;
}

export function voice(now: BeijingTime, a: Allowance): string {
  return `尊敬的客户，截至${shortAt(now)}，您的${a.name}含国内主叫${a.total}分钟，已使用${a.used}分钟，剩余${a.total - a.used}分钟。${SIGN}`;
}

export function sms(now: BeijingTime, a: Allowance): string {
  return `尊敬的客户，截至${shortAt(now)}，您的${a.name}含国内短信${a.total}条，已使用${a.used}条，剩余${a.total - a.used}条。${SIGN}`;
}

export function enabled(rng: Rng, s: Service): string {
  return rng.pick([
    () => `尊敬的客户，您已成功开通${s.name}业务，资费：${s.fee}，立即生效。取消请发送QX${s.code}至10086。${SIGN}`,
    () => `您好，${s.name}已为您开通，${s.fee}。感谢您的使用！${SIGN}`,
  ])();
}

export const disabled = (s: Service): string => `尊敬的客户，您的${s.name}业务已取消，次月起不再收取相关费用。${SIGN}`;
export const alreadyOn = (s: Service): string => `尊敬的客户，您已开通${s.name}业务，无需重复办理。${SIGN}`;
export const notOn = (s: Service): string => `尊敬的客户，您尚未开通${s.name}业务，无需取消。开通请发送KT${s.code}至10086。${SIGN}`;
export const status = (s: Service, on: boolean): string =>
  on
    ? `尊敬的客户，您已开通${s.name}业务。取消请发送QX${s.code}至10086。${SIGN}`
    : `尊敬的客户，您未开通${s.name}业务。开通请发送KT${s.code}至10086。${SIGN}`;

export function askToConfirm(s: Service, turningOn: boolean): string {
  return turningOn
    ? `尊敬的客户，您申请开通${s.name}业务，资费${s.fee}。回复“是”确认办理，回复其他内容或24小时内不回复则不办理。${SIGN}`
    : `尊敬的客户，取消${s.name}后相关功能将无法使用，确定要取消吗？回复“是”确认取消，24小时内有效。${SIGN}`;
}

export const nothingToConfirm = (): string =>
  `尊敬的客户，您当前没有待确认的业务办理请求，或确认已超时。如需办理请重新发送指令。${SIGN}`;

export function serviceList(names: readonly string[]): string {
  if (names.length === 0) return `尊敬的客户，您当前未开通任何可通过短信办理的功能。${SIGN}`;
  const list = names.map((n, i) => `${i + 1}.${n}`).join('；');
  return `尊敬的客户，您已开通的功能如下：${list}。如需取消，请发送QX+业务代码至10086。${SIGN}`;
}

export function subscriptions(items: readonly Service[]): string {
  if (items.length === 0) return `尊敬的客户，您当前未定制任何收费增值业务。${SIGN}`;
  const list = items.map((s, i) => `${i + 1}.${s.name}，${s.fee}，退订请发QX${s.code}`).join('；');
  return `您好！您当前定制的业务如下：${list}。${SIGN}`;
}

export const passwordChanged = (): string => `尊敬的客户，您的服务密码已修改成功，请妥善保管，切勿告知他人。${SIGN}`;
export const passwordWrong = (): string => `尊敬的客户，您输入的原服务密码不正确，密码修改失败。忘记密码可发送MMHF#证件号码至10086重置。${SIGN}`;
export const passwordWeak = (): string =>
  `尊敬的客户，新密码须为6位数字，且不能是相同或连续的数字（如111111、123456），密码修改失败。${SIGN}`;
export const passwordFormat = (): string => `尊敬的客户，密码修改指令格式为：MMXG#原密码#新密码，请核对后重新发送。${SIGN}`;
export const passwordReset = (pwd: string): string =>
  `尊敬的客户，您的服务密码已重置为${pwd}，请尽快发送MMXG#${pwd}#新密码至10086修改。${SIGN}`;
export const idMismatch = (): string => `尊敬的客户，您输入的证件号码与登记信息不符，密码重置失败。${SIGN}`;
export const idFormat = (): string => `尊敬的客户，证件号码格式有误，密码重置请发送MMHF#18位身份证号码至10086。${SIGN}`;

export const suspendAsk = (): string =>
  `尊敬的客户，您申请办理停机业务，停机后将无法拨打电话和上网。回复“是”确认停机，回复其他内容取消。${SIGN}`;
export const suspendedNow = (t: BeijingTime): string =>
  `尊敬的客户，您的号码已于${at(t)}停机。如需复机，请携带有效证件前往营业厅或拨打10086办理。${SIGN}`;
export const whileSuspended = (): string => `尊敬的客户，您的号码当前处于停机状态，暂无法办理该业务，查询余额请发送YE。${SIGN}`;

export const alertSet = (amount: number): string =>
  `尊敬的客户，您的余额提醒值已设置为${amount}元，当余额低于该值时我们将短信提醒您。${SIGN}`;
export const alertBadAmount = (): string => `尊敬的客户，余额提醒值须为1至500之间的整数，如KTYETX20。${SIGN}`;

export function balanceDetail(now: BeijingTime, f: BalanceFigures): string {
  return (
    `尊敬的客户，截至${at(now)}，您的账户余额明细：通用余额${yuan(f.balance - f.gift)}，可用于所有费用；` +
    `赠送余额${yuan(f.gift)}，仅可抵扣套餐费；本月已产生费用${yuan(f.spentThisMonth)}。${SIGN}`
  );
}

export const balanceHelp = (): string =>
  `尊敬的客户，查询余额请发送YE；查询余额明细请发送CXYEH+服务密码，如CXYEH123456。${SIGN}`;
export const badPassword = (): string => `尊敬的客户，您输入的服务密码有误，请核对后重新发送。${SIGN}`;

export const wlanTrial = (): string =>
  `尊敬的客户，您已成功申请WLAN体验业务，赠送10小时WLAN时长，有效期至本月底。连接热点“CMCC”后按提示登录即可使用。${SIGN}`;

export function unknownInstruction(rng: Rng): string {
  return rng.pick([
    () =>
      `尊敬的客户，您发送的指令有误，请核对后重新发送。常用指令：查余额发YE，查账单发ZD+年月（如ZD202610），` +
      `查流量发CXYEG，查积分发JF，查已开通功能发GN。${SIGN}`,
    () => `您好，您发送的指令有误，小移暂时无法识别。查询话费请发YE，查询流量请发CXYEG，更多指令请发0000。${SIGN}`,
  ])();
}

/** The "blue robot 小e" small talk the seed quotes. */
export const CHAT: Readonly<Record<string, string>> = {
  你是谁: '我是可爱的蓝色机器人小e，有问题随时来问我哦！',
  失恋了: '也许下一秒，真正的幸福就到来。',
  想你了: '被人思念是一种幸福，思念别人是一种温馨。',
  晚安: '卸下了翅膀，夜，也因有了梦而宽敞。亲，晚安！好梦',
  周杰伦: '唱过双截棍哦',
  你多大了: '年龄可是秘密呀，不可以随便说的。总之我还年轻啦。',
};
