import type { Lang } from '../errors';
import { PERCENT_FIELDS } from './percents';
import { customerDataLeft, customerLeft, dataByPool, minutesByPool, type KindAmount } from './pools';
import type { DataPool, VoicePool } from './schema';
import type { DateRecord, FigureRecord, ReplyUnderstanding } from './types';

/**
 * Each kind of allowance by its name, data and minutes in one table: a kind both come in (省内, 闲时,
 * 共享) has one name. Their `general` differs: data's is 国内通用, minutes' the package's own (套餐).
 */
type KindName = Exclude<DataPool | VoicePool, 'general'> | 'generalData' | 'generalMinutes' | 'unnamed' | 'unknown';
const KIND_NAMES: Record<Lang, Record<KindName, string>> = {
  'zh-Hans': { generalData: '国内通用', generalMinutes: '套餐', provincial: '省内', app: '定向', offpeak: '闲时', wlan: 'WLAN', carryover: '结转', shared: '共享', group: '集团/亲情网', longdistance: '长途', roaming: '漫游', unnamed: '未注明类型', unknown: '其他类型' },
  'zh-Hant': { generalData: '國內通用', generalMinutes: '套餐', provincial: '省內', app: '定向', offpeak: '閒時', wlan: 'WLAN', carryover: '結轉', shared: '共享', group: '集團/親情網', longdistance: '長途', roaming: '漫遊', unnamed: '未註明類型', unknown: '其他類型' },
  en: { generalData: 'general', generalMinutes: 'package', provincial: 'in-province', app: 'app-only', offpeak: 'off-peak', wlan: 'WLAN', carryover: 'carried over', shared: 'shared', group: 'group network', longdistance: 'long-distance', roaming: 'roaming', unnamed: 'kind not stated', unknown: 'another kind' },
};

/** A kind of data allowance by its name (null: the reply names none). */
export function poolName(pool: DataPool | null, lang: Lang): string {
  return KIND_NAMES[lang][pool === 'general' ? 'generalData' : (pool ?? 'unnamed')];
}

/** A kind of call minutes by its name (null: the reply names none). */
export function voicePoolName(pool: VoicePool | null, lang: Lang): string {
  return KIND_NAMES[lang][pool === 'general' ? 'generalMinutes' : (pool ?? 'unnamed')];
}

/** A kind the reader inferred, not one the text plainly states (see kindStated): said as a guess, never as read. */
const INFERRED: Record<Lang, (kind: string) => string> = {
  'zh-Hans': (kind) => `推测为${kind}`,
  'zh-Hant': (kind) => `推測為${kind}`,
  en: (kind) => `probably ${kind}`,
};

/** A member's or second card's share (labelling rule 13): its kind, said of that member. */
const OF_MEMBER: Record<Lang, (member: string, kind: string) => string> = {
  'zh-Hans': (member, kind) => `${member}：${kind}`,
  'zh-Hant': (member, kind) => `${member}：${kind}`,
  en: (member, kind) => `${member}: ${kind}`,
};

/** An amount that may say the kind's amount again (labelling rule 14): said beside it, never added. */
const SAID_AGAIN: Record<Lang, (kind: string) => string> = {
  'zh-Hans': (kind) => `${kind}，或为重复`,
  'zh-Hant': (kind) => `${kind}，或為重複`,
  en: (kind) => `${kind}, maybe said again`,
};

/**
 * An amount's kind as said to a person: an amount of no stated kind by its package's name when it has one; an
 * amount whose kind was inferred as a guess (推测为省内), so that it is not taken for the sum of that kind.
 */
export function kindName<K extends string>(a: KindAmount<K>, name: (pool: K | null, lang: Lang) => string, lang: Lang): string {
  // "追剧流量 10.00 GB": a kind a word the rules do not know named is said by that word, never as the customer's data.
  const kind = a.unknown ? (a.words ?? a.packages[0] ?? KIND_NAMES[lang].unknown) : a.pool === null ? (a.packages[0] ?? name(null, lang)) : a.inferred ? INFERRED[lang](name(a.pool, lang)) : name(a.pool, lang);
  const whose = a.holder === undefined ? kind : OF_MEMBER[lang](a.holder, kind);
  return a.restated ? SAID_AGAIN[lang](whose) : whose;
}

interface Words {
  open: string;
  sep: string;
  /** Amounts of money come with their currency: "35.20 元", "£7.85". */
  balance: (amount: string) => string;
  spent: (amount: string) => string;
  bill: (month: string | null, amount: string) => string;
  yuan: string;
  left: { data: (v: string) => string; voice: (v: string) => string; sms: (v: string) => string };
  used: { data: (v: string) => string; voice: (v: string) => string; sms: (v: string) => string };
  /** A share of an allowance in percent ("80 %"), never said as an amount. */
  share: { used: Record<'data' | 'voice' | 'sms', (v: string) => string>; remaining: Record<'data' | 'voice' | 'sms', (v: string) => string> };
  points: (n: number) => string;
  expiring: (n: number, on: string | null) => string;
  minutes: string;
  texts: string;
  month: (d: DateRecord) => string;
  day: (d: DateRecord) => string;
  asOf: (when: string) => string;
  unsure: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const hourOf = (d: DateRecord, zhHour: string): string =>
  d.hour === null ? '' : ` ${d.hour}${zhHour}${d.minute ? `${d.minute}分` : ''}`;

const zh = (hant: boolean): Words => {
  const t = (hans: string, trad: string) => (hant ? trad : hans);
  return {
    open: '你的',
    sep: '，',
    balance: (v) => t(`余额 ${v}`, `餘額 ${v}`),
    spent: (v) => `本月已花 ${v}`,
    bill: (m, v) => t(`${m ?? ''}账单合计 ${v}`, `${m ?? ''}帳單合計 ${v}`),
    yuan: ' 元',
    left: {
      data: (v) => t(`流量还剩 ${v}`, `流量還剩 ${v}`),
      voice: (v) => t(`通话还剩 ${v}`, `通話還剩 ${v}`),
      sms: (v) => t(`短信还剩 ${v}`, `簡訊還剩 ${v}`),
    },
    used: {
      data: (v) => `流量已用 ${v}`,
      voice: (v) => t(`通话已用 ${v}`, `通話已用 ${v}`),
      sms: (v) => t(`短信已用 ${v}`, `簡訊已用 ${v}`),
    },
    share: {
      used: { data: (v) => `流量已用 ${v}`, voice: (v) => t(`通话已用 ${v}`, `通話已用 ${v}`), sms: (v) => t(`短信已用 ${v}`, `簡訊已用 ${v}`) },
      remaining: { data: (v) => t(`流量还剩 ${v}`, `流量還剩 ${v}`), voice: (v) => t(`通话还剩 ${v}`, `通話還剩 ${v}`), sms: (v) => t(`短信还剩 ${v}`, `簡訊還剩 ${v}`) },
    },
    points: (n) => t(`积分 ${n} 分`, `積分 ${n} 分`),
    expiring: (n, on) => t(`其中 ${n} 分将${on ? `于 ${on} ` : ''}到期`, `其中 ${n} 分將${on ? `於 ${on} ` : ''}到期`),
    minutes: t(' 分钟', ' 分鐘'),
    texts: t(' 条', ' 條'),
    month: (d) => `${d.year}年${d.month}月`,
    day: (d) => `${d.month}月${d.day}日${hourOf(d, t('时', '時'))}`,
    asOf: (w) => `（截至 ${w}）`,
    unsure: t('（有些数字没看懂，请以原文为准）', '（有些數字沒看懂，請以原文為準）'),
  };
};

const EN: Words = {
  open: 'Your ',
  sep: '; ',
  balance: (v) => `balance: ${v}`,
  spent: (v) => `spent this month: ${v}`,
  bill: (m, v) => `bill${m ? ` for ${m}` : ''}: ${v} in total`,
  yuan: ' yuan',
  left: { data: (v) => `data left: ${v}`, voice: (v) => `call minutes left: ${v}`, sms: (v) => `texts left: ${v}` },
  used: { data: (v) => `data used: ${v}`, voice: (v) => `call minutes used: ${v}`, sms: (v) => `texts used: ${v}` },
  share: {
    used: { data: (v) => `data: ${v} used`, voice: (v) => `call minutes: ${v} used`, sms: (v) => `texts: ${v} used` },
    remaining: { data: (v) => `data: ${v} left`, voice: (v) => `call minutes: ${v} left`, sms: (v) => `texts: ${v} left` },
  },
  points: (n) => `points: ${n}`,
  expiring: (n, on) => `${n} of them expire${on ? ` on ${on}` : ''}`,
  minutes: ' min',
  texts: '',
  month: (d) => `${MONTHS[d.month - 1]} ${d.year}`,
  day: (d) => `${d.day} ${MONTHS[d.month - 1]}${d.hour === null ? '' : `, ${pad(d.hour)}:${pad(d.minute ?? 0)}`}`,
  asOf: (w) => ` (as of ${w})`,
  unsure: ' (some figures could not be read; see the message itself)',
};

const WORDS: Record<Lang, Words> = { 'zh-Hans': zh(false), 'zh-Hant': zh(true), en: EN };

// Currencies written beside an amount that mean yuan; any other (HK$, £, €) is said as written, never converted.
const YUAN = new Set(['元', '块', '¥', '￥', 'rmb', 'cny', 'yuan', '人民币']);
/** The currency of a money figure when it is not yuan, as written (HK$, £, €); null otherwise. */
export function foreignCurrency(f: FigureRecord): string | null {
  return currencyOf(f.currency);
}
/** A currency as said to a person: null for yuan, any other as written (HK$, £, 港币), never converted. */
export function currencyOf(written: string | null): string | null {
  return written === null || YUAN.has(written.toLowerCase()) ? null : written;
}
/**
 * An amount of money as said to a person: yuan in the language's word ("35.20 元", "35.20 yuan"), any
 * other currency as written ("HK$48.50", "£7.85", "48.50 港币").
 */
export function moneyText(value: number, currency: string | null, lang: Lang): string {
  const written = currencyOf(currency);
  if (written === null) return `${value.toFixed(2)}${WORDS[lang].yuan}`;
  return /^[^\d\p{L}]|[$£€]$/u.test(written) ? `${written}${value.toFixed(2)}` : `${value.toFixed(2)} ${written}`;
}
const money = (f: FigureRecord, lang: Lang) => moneyText(f.value, f.currency, lang);
const data = (mb: number) => (Math.abs(mb) >= 1024 ? `${(mb / 1024).toFixed(2)} GB` : `${mb.toFixed(2)} MB`);

/**
 * The figures of a reply in plain words ("你的余额 35.20 元，流量还剩 1.33 GB（截至 11月25日 10时）"),
 * or null when the reply holds no figures. Unsure readings say so.
 */
export function describeFigures(reply: ReplyUnderstanding, lang: Lang): string | null {
  if (reply.kind !== 'figures' || reply.figures.length === 0) return null;
  const w = WORDS[lang];
  const find = (topic: string, field: string) => reply.figures.filter((f) => f.topic === topic && f.field === field);
  const dateOf = (role: DateRecord['role']) => reply.dates.find((d) => d.role === role) ?? null;
  const parts: string[] = [];

  const balance = find('balance', 'balance')[0];
  if (balance) parts.push(w.balance(money(balance, lang)));
  const spent = find('balance', 'spentThisMonth')[0];
  if (spent) parts.push(w.spent(money(spent, lang)));
  const billTotal = find('bill', 'total')[0];
  const billMonth = dateOf('billMonth');
  if (billTotal) parts.push(w.bill(billMonth ? w.month(billMonth) : null, money(billTotal, lang)));

  const allowances = [
    { topic: 'data', format: data },
    { topic: 'voice', format: (n: number) => `${n}${w.minutes}` },
    { topic: 'sms', format: (n: number) => `${n}${w.texts}` },
  ] as const;
  for (const { topic, format } of allowances) {
    const left = find(topic, 'remaining');
    if (topic === 'data' && left.length) {
      const amounts = dataByPool(left);
      parts.push(w.left.data(perKind(amounts, customerDataLeft(amounts), poolName, format, lang)));
      continue;
    }
    if (topic === 'voice' && left.length) {
      const amounts = minutesByPool(left.map((f) => ({ pool: f.voicePool, value: f.value, package: f.package, kindFrom: f.kindFrom, holder: f.holder, restates: f.restates })));
      parts.push(w.left.voice(perKind(amounts, customerLeft(amounts), voicePoolName, format, lang)));
      continue;
    }
    const shown = left.length ? left : find(topic, 'used');
    if (shown.length) parts.push((left.length ? w.left : w.used)[topic](perPackage(shown, format, lang)));
  }
  for (const { topic } of allowances) {
    for (const field of ['used', 'remaining'] as const) {
      for (const f of find(topic, PERCENT_FIELDS[field])) parts.push(w.share[field][topic](`${f.value} %`) + kindOfShare(f, lang));
    }
  }

  const points = find('points', 'total')[0];
  if (points) parts.push(w.points(points.value));
  const expiring = find('points', 'expiring')[0];
  if (expiring) {
    const on = dateOf('expiry');
    parts.push(w.expiring(expiring.value, on ? w.day(on) : null));
  }

  if (parts.length === 0) return null;
  const asOf = dateOf('asOf');
  const sentence = w.open + parts.join(w.sep) + (asOf ? w.asOf(w.day(asOf)) : '');
  return reply.confidence === 'unsure' ? sentence + w.unsure : sentence;
}

/**
 * One amount of the general (or unstated) kind: the amount; else each kind by name, never added up across
 * kinds. The customer's one not-stated amount comes first and plain, as theirs ("100.00 MB、20.00 MB（WLAN）").
 */
function perKind<K extends string>(
  amounts: KindAmount<K>[],
  customer: KindAmount<K> | undefined,
  name: (pool: K | null, lang: Lang) => string,
  format: (n: number) => string,
  lang: Lang,
): string {
  if (amounts.length === 1 && !amounts[0]!.unknown && amounts[0]!.holder === undefined && (amounts[0]!.pool === null || amounts[0]!.pool === 'general')) return format(amounts[0]!.value);
  const joiner = lang === 'en' ? ', ' : '、';
  const plain = customer?.pool === null && !customer.packages[0] ? customer : undefined;
  const said = (a: KindAmount<K>) => {
    const kind = kindName(a, name, lang);
    return format(a.value) + (a === plain ? '' : lang === 'en' ? ` (${kind})` : `（${kind}）`);
  };
  return [...(plain ? [plain] : []), ...amounts.filter((a) => a !== plain)].map(said).join(joiner);
}

/** The kind of data a share is of, when the reply names one other than general ("（省内）"). */
function kindOfShare(f: FigureRecord, lang: Lang): string {
  if (f.pool === null || f.pool === 'general') return '';
  return lang === 'en' ? ` (${poolName(f.pool, lang)})` : `（${poolName(f.pool, lang)}）`;
}

/** One package: the amount; several: each with its package name. */
function perPackage(figures: FigureRecord[], format: (n: number) => string, lang: Lang): string {
  if (figures.length === 1) return format(figures[0]!.value);
  const joiner = lang === 'en' ? ', ' : '、';
  const named = (f: FigureRecord) => (f.package ? (lang === 'en' ? ` (${f.package})` : `（${f.package}）`) : '');
  return figures.map((f) => format(f.value) + named(f)).join(joiner);
}
