// The numbered entries of a list of services ("1、校讯通9元/月；2、和娱乐体验包0元/月…"), whatever its numbering,
// fee shapes and separators: the list is cut at its numbers, and each entry's fee is read from the end of its words.
import type { ReplyRules } from './load';
import { foldWithOrigin, spanOf, type Folded } from './normalize';
import { allMatches, firstMatch } from './regex';
import type { SubscribedService } from './types';

interface Marker {
  at: number;
  end: number;
  n: number;
  /** "[A1]…[A2]…[B1]": the letter before the number, whose entries are numbered from 1 again; '' for plain numbers. */
  group: string;
  /** The number as it is sent back: ① and ２ are 1 and 2, 一 is 1, [A1] is A1; null for a line marked "- " (none). */
  sent: string | null;
}

/** 一…十 (and 十一…九十九) as numbers: a list numbered 一、二、三、 is cancelled by 1, 2, 3. */
const HAN_DIGITS = '一二三四五六七八九';
function hanNumber(written: string): number {
  const [tens, ones] = written.includes('十') ? written.split('十') : ['', written];
  const digit = (c: string | undefined) => (c ? HAN_DIGITS.indexOf(c) + 1 : 0);
  return written.includes('十') ? (tens ? digit(tens) : 1) * 10 + digit(ones) : digit(ones);
}

/** ①…⑳: folded to digits, so they are found in the original. */
const CIRCLED_FIRST = 0x2460;
const CIRCLED_LAST = 0x2473;

/**
 * Where each entry's number stands in folded text [from, to): the patterns of `services.markers` (1、 1. 1） （1）, a
 * number at a line's start, `.2.` and numbers glued to the fee before), and circled numbers (①), which fold to digits.
 */
function markersIn(original: string, folded: Folded, from: number, to: number, rules: ReplyRules): Marker[] {
  const text = folded.text.slice(from, to);
  const found: Marker[] = [];
  for (const re of rules.services.markers) {
    for (const m of allMatches(re, text)) {
      const at = from + m.index;
      const end = at + m[0].length;
      const g = m.indices?.groups;
      // "- 彩铃：5元/月": a line marked with no number.
      if (g?.bullet) {
        found.push({ at, end, n: NaN, group: '-', sent: null });
        continue;
      }
      if (!g?.n) continue;
      const written = text.slice(g.n[0], g.n[1]);
      const han = /^[一二三四五六七八九十]+$/u.test(written);
      const n = han ? hanNumber(written) : Number(written);
      const group = g.group ? spanOf(original, folded, from + g.group[0], from + g.group[1]).text : '';
      found.push({ at, end, n, group, sent: han ? String(n) : `${group}${written}` });
    }
  }
  for (let i = from; i < to; i++) {
    const code = original.codePointAt(folded.origin[i]!) ?? 0;
    if (code < CIRCLED_FIRST || code > CIRCLED_LAST || folded.origin[i - 1] === folded.origin[i]) continue;
    let end = i + 1;
    while (end < to && folded.origin[end] === folded.origin[i]) end++;
    found.push({ at: i, end, n: code - CIRCLED_FIRST + 1, group: '', sent: String(code - CIRCLED_FIRST + 1) });
  }
  // One marker per place: the one that starts first (（1） over the 1） inside it), then the longest.
  found.sort((a, b) => a.at - b.at || b.end - a.end);
  return found.filter((m, i) => i === 0 || m.at >= found[i - 1]!.end);
}

/**
 * An entry's words up to the next number: up to a sentence's or a line's end, without the separator after it (；, ，, the
 * dot of ".2."), its fee read from the end (9元/月, 9.00元/月, 月费9元, （免费）, 0元), the rest its name.
 */
function entryOf(folded: Folded, at: number, end: number, rules: ReplyRules): { name: [number, number]; fee: [number, number] | null; yuan: number; code: [number, number] | null; cancel: [number, number] | null } | null {
  let words = folded.text.slice(at, end);
  const stop = words.search(/[。\n]/u);
  if (stop >= 0) words = words.slice(0, stop);
  // "2.咪咕音乐 10元/月（退订回复QXMGYY）": the code the entry itself says cancels it, sent as written.
  const own = OWN_CANCEL.exec(words);
  const said = own?.indices?.groups?.code ?? own?.indices?.groups?.code2;
  const cancel: [number, number] | null = said ? [at + said[0], at + said[1]] : null;
  if (own) words = words.slice(0, own.index);
  words = words.replace(/[\s;,、.]+$/u, '');
  // The last fee ends the entry ("3、和俱乐部0元/月；由中国移动代收费的业务：" heads the next group), unless nothing would be
  // left of its name ("10元 100M流量包" names no fee).
  const named = (m: RegExpExecArray) => /[^\s.:;,(]/u.test(words.slice(0, m.index));
  const fee = allMatches(rules.services.fee, words).filter(named).at(-1);
  const feeGroup = fee?.indices?.groups?.fee;
  // An entry with no fee ends at a comma ("3.咪咕音乐，如需退订请回复序号").
  const nameEnd = fee ? fee.index : words.search(/[,;]|$/u);
  // "1.手机报 代码SJB 3元/月": the code said after the name (sent with QX to cancel) is no part of it.
  const written = words.slice(0, nameEnd).replace(/[\s,:;(]+$/u, '');
  const code = ENTRY_CODE.exec(written);
  // "1、视频彩铃（有效期至2026-12-31）6元/月": a date or a provider said after the name is no part of it.
  const bare = code ? written.slice(0, code.index) : written;
  const attribute = bare.search(ATTRIBUTE);
  const name = attribute > 0 ? bare.slice(0, attribute) : bare;
  // "1、业务名称：彩铃，资费：5元/月": the name's own label is no part of it.
  const labelled = NAME_LABEL.exec(name)?.[0].length ?? 0;
  const lead = labelled || name.length - name.replace(/^[\s.:;,]+/u, '').length;
  if (name.length - lead === 0 || name.length - lead > MAX_NAME) return null;
  return {
    name: [at + lead, at + name.length],
    fee: feeGroup ? [at + feeGroup[0], at + feeGroup[1]] : null,
    yuan: Number(fee?.groups?.yuan ?? 0),
    code: code?.indices?.[1] ? [at + code.indices[1][0], at + code.indices[1][1]] : null,
    cancel,
  };
}

/** What an entry says cancels it: "退订回复QXMGYY", "取消代码：QXSJB", "（发送TDCL取消）". Group code. */
const OWN_CANCEL = /[\s,;(]*(?:(?:退订|取消)(?:请|可)?(?:回复|发送|发|代码|指令|编码)?\s*:?\s*[“"「]?(?<code>[a-z]{2,}[a-z0-9]*)(?![a-z0-9+#])[”"」]?|(?:回复|发送)\s*[“"「]?(?<code2>[a-z]{2,}[a-z0-9]*)(?![a-z0-9+#])[”"」]?\s*(?:即可|可)?(?:退订|取消))\)?/du;
/** A name's own label in an entry written as a table row ("业务名称：彩铃"). */
const NAME_LABEL = /^[\s.:;,]*(?:业务|产品|服务|套餐)?名称\s*:\s*/u;
/** Where an entry's name ends before what is said of it: a validity date, when it was ordered, who provides it. */
const ATTRIBUTE = /[\s,(]+(?:有效期|生效|失效|到期|截止|订购时间|开通时间|办理时间|订购日期|开通日期|订购于|开通于|提供商|服务商|\d{4}[-年/.]\d{1,2})/u;

const MAX_NAME = 40;
/** A service's code said after its name: 代码SJB, 代码：CL. */
const ENTRY_CODE = /[\s,]*(?:代码|指令)\s*:?\s*([a-z0-9]{1,12})$/du;

/** Whether marker `m` numbers the entry after `last`'s: the next number of the same letter, the first of a new one, or a line marked as the last was. */
function inTurn(last: Marker, m: Marker, chain: Marker[]): boolean {
  if (last.sent === null || m.sent === null) return last.sent === null && m.sent === null;
  if (m.group === last.group) return m.n === last.n + 1;
  return m.n === 1 && !chain.some((c) => c.group === m.group);
}

/**
 * The numbered entries of a list in folded text [from, to). Numbers go 1, 2, 3…; a number out of turn is part of a name
 * ("…2小时内…"), unless the entry before it ends with its fee and the number is not yet listed (lists grouped by who
 * charges: "中国移动业务:2、…;4、…;由中国移动代收费的业务:1、…").
 */
export function numberedServices(original: string, folded: Folded, from: number, to: number, rules: ReplyRules): ListedService[] {
  const chain: Marker[] = [];
  for (const m of markersIn(original, folded, from, to, rules)) {
    const last = chain.at(-1);
    if (last && m.at < last.end) continue;
    if (last && !inTurn(last, m, chain)) {
      if (last.sent === null || m.sent === null) continue;
      const before = entryOf(folded, last.end, m.at, rules);
      if (!before?.fee || chain.some((c) => c.n === m.n && c.group === m.group)) continue;
    }
    chain.push(m);
  }
  const services: ListedService[] = [];
  chain.forEach((m, i) => {
    const entry = entryOf(folded, m.end, chain[i + 1]?.at ?? to, rules);
    if (!entry) return;
    const text = (r: [number, number]) => spanOf(original, folded, r[0], r[1]).text;
    // "超级乐乐乐，(北京…公司提供),15元/月": the provider in brackets is no part of the name.
    const name = text(entry.name).replace(PROVIDER, '').replace(/[\s,，:：]+$/u, '').trim();
    const cancel = entry.cancel ? text(entry.cancel) : null;
    services.push({ n: m.sent, name, fee: entry.fee ? text(entry.fee) : '', yuan: entry.yuan, code: entry.code ? text(entry.code) : null, ...(cancel ? { cancelText: cancel } : {}) });
  });
  return services;
}

/** One line of a list that numbers none ("彩铃 5元/月"): an entry with nothing to send but a code it says cancels it. */
export function lineService(original: string, folded: Folded, from: number, to: number, rules: ReplyRules): ListedService[] {
  const entry = entryOf(folded, from, to, rules);
  if (!entry?.fee) return [];
  const text = (r: [number, number]) => spanOf(original, folded, r[0], r[1]).text;
  const cancel = entry.cancel ? text(entry.cancel) : null;
  return [{ n: null, name: text(entry.name).replace(PROVIDER, '').trim(), fee: text(entry.fee), yuan: entry.yuan, code: entry.code ? text(entry.code) : null, ...(cancel ? { cancelText: cancel } : {}) }];
}

/** An entry of a list, with the code said in it (代码SJB), which cancels it when the reply says QX+代码. */
export interface ListedService extends SubscribedService {
  code?: string | null;
}

/**
 * What cancels each entry, when the reply says more than its bare number (see `SubscribedService.cancelText`); true when a
 * cancel said for one entry is its own mark ("回复A1即退订手机报，以此类推"): then every entry is cancelled by its number.
 */
export function cancelTexts(original: string, folded: Folded, from: number, services: ListedService[], rules: ReplyRules): boolean {
  const text = folded.text.slice(from);
  const said = (r: [number, number]) => spanOf(original, folded, from + r[0], from + r[1]).text;
  for (const re of rules.services.cancelWith) {
    const g = firstMatch(re, text)?.indices?.groups;
    if (!g?.prefix || !g.what) continue;
    const prefix = said(g.prefix);
    const byCode = /代码|编码|指令/u.test(text.slice(g.what[0], g.what[1]));
    for (const s of services) {
      const key = byCode ? s.code : s.n;
      if (key && !s.cancelText) s.cancelText = `${prefix}${key}`;
    }
    return false;
  }
  let byOwnNumber = false;
  for (const re of rules.services.cancelCode) {
    for (const m of allMatches(re, text)) {
      const g = m.indices?.groups;
      if (!g?.code) continue;
      const code = said(g.code);
      if (services.some((s) => s.n !== null && s.n.toLowerCase() === code.toLowerCase())) byOwnNumber = true;
      else {
        const name = g.name ? foldWithOrigin(said(g.name)).text.trim() : '';
        const entry = services.find((s) => !s.cancelText && name.length > 0 && foldWithOrigin(s.name).text === name);
        if (entry) entry.cancelText = code;
      }
    }
  }
  return byOwnNumber;
}

/**
 * A note in brackets after a service's name that is no part of it: its provider ("(北京心情互动信息技术有限公司提供)"), or its
 * code ("（代码CL）", "（SP代码:801234）", round 28: the code is what cancels it, not what it is called).
 */
const PROVIDER = /[\s,，]*[(（](?:[^()（）]{2,30}提供|(?:sp|SP)?(?:业务)?代码\s*[:：]?\s*[A-Za-z0-9]{1,12})[)）][\s,，]*$/u;
