import type { ReplyRules } from './load';
import { foldWithOrigin, spanOf, type Folded } from './normalize';
import { allMatches, firstMatch } from './regex';
import type { MenuOption, SubscribedService } from './types';
import { chooseCue, classifyRun, findRuns, type ListRun } from './list-shape';
import { cancelTexts, lineService, numberedServices, type ListedService } from './service-list';

/** Circled numbers (①…⑳), which folding turns into digits. */
const CIRCLED = /^[\u2460-\u2473]$/u;

/** Words that count or time what a number before them says (2小时, 3个月, 5元): a number glued to one is no option. */
const COUNTED = '(?:小时|分钟|个|元|年|月|日|天|周|次|条|项|位|号|秒|倍)';

/** "（四川移动）" closing a reply: its signature, no part of the last option's label. */
const SIGNATURE = /\s*\(\p{Script=Han}{2,3}移动\)\s*$/u;

/** How far after a cue ("回复对应序号查询（回复免费）：") the first option may start. */
const CUE_REACH = 30;
/** How far before a cue ("…：1.CXLL（查询流量）2.CXYE（查询余额）。请回复序号") its options may start. */
const BEFORE_CUE = 160;

export interface FoundMenu {
  options: MenuOption[];
  /** Folded offsets of every option: nothing in them is a figure (5元包30MB is a label). */
  ranges: [number, number][];
  /** How many options are codes said once in a sentence ("回复LLB可订购流量包"): one alone makes no menu of a reply. */
  saidOnce: number;
}

/**
 * Numbered choices after a cue ("回复序号办理: 661.流量包 662.…") and "CODE（label）" shortcuts after a
 * quick cue ("快捷通道：DHLL（积分兑换流量）；…"). Options are read one after the other, each where the
 * last ended, so a list ends at the first thing that is not an option.
 */
export function findMenu(original: string, folded: Folded, rules: ReplyRules): FoundMenu {
  const found: FoundMenu = { options: [], ranges: [], saidOnce: 0 };
  const text = folded.text;
  const seen = new Set<string>();
  /** Where each option read by a cue stands: a list read by its shape with more options replaces those inside it. */
  const spans = new Map<MenuOption, [number, number]>();
  // "回复1办理…，回复2…": options said one by one.
  const said = rules.menus.replies ? allMatches(rules.menus.replies, text) : [];
  // `cue`: the words that introduce the options (回复序号办理), as written; they may say what sending one does.
  const read = (from: number, item: RegExp, end = text.length, cue: string | null = null) => {
    let at = from;
    let expected: number | null = null;
    let actionRun = false;
    for (;;) {
      const rest = text.slice(at, end);
      // "1.10元包1GB流量包；2.20元包…": an option numbered next in the run (from 0 or 1), even when its label starts with a digit.
      const inRun: RegExpExecArray | null = firstMatch(rules.menus.sequence, rest);
      const number = Number(inRun?.groups?.n);
      const next: boolean = expected === null ? number === 0 || number === 1 : number === expected;
      const m: RegExpExecArray | null = inRun && next && item === rules.menus.item ? inRun : firstMatch(item, rest);
      const n: [number, number] | undefined = m?.indices?.groups?.n;
      const label: [number, number] | undefined = m?.indices?.groups?.label;
      if (!m || !n || !label) return at;
      // "…请回复数字25。登陆…（www.sd.10086.cn)…" (real r22-060): a list's first number never goes on from a number, nor its
      // first letter from a word or a number.
      const goesOn = /^[a-h]$/u.test(text.slice(at + n[0], at + n[1])) ? /[a-z0-9./]/u : /\d/u;
      if (at === from && goesOn.test(text[at + n[0] - 1] ?? '')) return at;
      // "①话费余额 ②套餐余量": a number written right before its label is an option only when circled (folded to 1, 2).
      const written = spanOf(original, folded, at + n[0], at + n[1]).text;
      const circled = CIRCLED.test(written);
      // "…、121了解话费账单项目说明": so is a code glued to its label after an option marked 、 (see nextGlued).
      const gluedCode = at > from && text[at + n[0] - 1] === '、' && /^\d{3,4}$/u.test(written);
      // "请回复序号:1查询余额,2查询积分,3…": so is a number glued to its label in a run whose next number is glued too
      // after a comma, or that continues such a run.
      // A count or a time glued after its number ("2小时内回复有效") is no option.
      const gluedAfter = (k: number) => new RegExp(`[,、]\\s*${k}(?=\\p{Script=Han})(?!${COUNTED})`, 'u');
      const writtenNumber = Number(written);
      const gluedRun =
        Number.isInteger(writtenNumber) && !new RegExp(`^${COUNTED}`, 'u').test(rest.slice(label[0])) && (expected === writtenNumber || gluedAfter(writtenNumber + 1).test(rest.slice(label[0], label[1])));
      // "请直接回复相应数字：330办理流量加油包（…）；303办理上网套餐包；…4变更资费套餐" (real r22-064): under a cue, so is a number
      // glued to a label that opens with what sending it does (an order or a look-up: menus.changes, menus.lookups).
      // One alone is no run ("请回复序号:1办理,2小时内回复有效"): the next option is glued to its action too, or this one goes on a run.
      const gluedAction: boolean = cue !== null && Number.isInteger(writtenNumber) && opensWithAction(rest.slice(label[0], label[1]), rules) && (actionRun || nextGluedAction(rest.slice(label[1]), rules));
      if (label[0] === n[1] && !circled && !gluedCode && !gluedRun && !gluedAction) return at;
      // "1）查询话费": a number closed by a bracket stands after a space, a colon or a bracket, never after a word ("（如回复1）即可").
      if (text[at + n[1]] === ')' && /[\p{Script=Han}a-z\d]/u.test(text[at + n[0] - 1] ?? '')) return at;
      // "1.10元100M国内流量包 2.20元300M国内流量包": in a run, the next number after a space starts the next option,
      // whatever follows it ("1 查话费 2 查流量", "(1)如何查询话费 (2)…", "①话费余额 ②套餐余量" too); an option said on
      // its own after it ("… 回复0返回主菜单") is no part of its label either.
      const labelText = rest.slice(label[0], label[1]);
      const own = Number(rest.slice(n[0], n[1]));
      // "A.10元500M流量包 B.20元1G流量包": after a letter, the next letter after a space.
      const letter = /^[a-h]$/u.test(rest.slice(n[0], n[1])) ? String.fromCharCode(rest.charCodeAt(n[0]) + 1) : null;
      const nextAt =
        m === inRun
          ? [labelText.search(new RegExp(`\\s+${number + 1}[.、]`, 'u'))]
          : Number.isInteger(own)
            ? [
                labelText.search(new RegExp(`\\s+[([]?${own + 1}(?:[.、)\\]]|\\s*(?=\\p{Script=Han}))`, 'u')),
                nextGlued(rest.slice(n[1], label[0]), own, rest.slice(label[0], label[1] + 1)),
                labelText.search(gluedAfter(own + 1)),
              ]
            : letter
              ? [labelText.search(new RegExp(`\\s+${letter}[.、]`, 'u'))]
              : [];
      // "…0000、增值业务查退送您一张大流量副卡…" (real r18-083): a label ends where an advert opens (adverts.clause).
      const advert = rules.adverts.clause.map((re) => labelText.search(re));
      // "4-积分兑换（四川移动）": the province's name in brackets at the end signs the reply.
      const signed = labelText.search(SIGNATURE);
      const cut = noteClosed(rest, label[0], Math.min(...[...nextAt, ...advert, signed, ...said.map((x) => x.index - at - label[0])].filter((e) => e > 0 && e < labelText.length), labelText.length));
      const length = cut < labelText.length ? label[0] + cut : m[0].length;
      const option: MenuOption = {
        // The number as it is sent: ① is 1.
        n: circled ? rest.slice(n[0], n[1]) : written,
        label: spanOf(original, folded, at + label[0], at + label[0] + cut).text.replace(/[\s,，;；:：、]+$/u, '').trim(),
        ...(cue ? { cue } : {}),
      };
      if (!seen.has(option.n)) {
        seen.add(option.n);
        found.options.push(option);
        spans.set(option, [at + n[0], at + length]);
      }
      found.ranges.push([at + n[0], at + length]);
      at += length;
      expected = /^\d+$/u.test(option.n) ? Number(option.n) + 1 : null;
      actionRun = gluedAction;
    }
  };
  const cueWords = (from: number, to: number) => spanOf(original, folded, from, to).text.replace(/[\s,，;；:：]+$/u, '').trim() || null;
  const cues = (patterns: RegExp[], item: RegExp) => {
    for (const cue of patterns) {
      for (const c of allMatches(cue, text)) {
        const end = c.index + c[0].length;
        // The options may follow a few words later ("回复对应序号查询（回复免费）：1.…").
        for (let start = end; start <= Math.min(text.length, end + CUE_REACH); start++) {
          if (read(start, item, text.length, cueWords(c.index, start)) > start) break;
        }
      }
    }
  };
  cues(rules.menus.cues, rules.menus.item);
  cues(rules.menus.quickCues, rules.menus.quick);
  // "1.CXLL（查询流量）2.CXYE（查询余额）。请回复序号确认": the options may come first, after a colon in the cue's sentence.
  if (found.options.length === 0) {
    for (const cue of rules.menus.cues) {
      for (const c of allMatches(cue, text)) {
        // The cue may open the next sentence ("…2.CXYE（查询余额）。请回复序号确认").
        // "…\n请回复序号兑换": a 请 before the cue is the cue's.
        const lead = text.slice(0, c.index).replace(/[。!]\s*请?\s*$/u, '').replace(/请\s*$/u, '');
        // Options on lines of their own may run over several lines ("推荐以下流量包：\n1、…\n2、…\n回复序号即可办理").
        const head = lead.search(/\n\s*$/u) >= 0 ? lead.search(/:[^:。!?]*$/u) : lead.search(/:[^:。!?\n]*$/u);
        // The options end where the cue's clause starts ("…（查询余额），请回复序号").
        // An option after the last separator ("A、查询话费；B、查询流量；C、人工服务。回复字母即可") is one of them.
        const separator = lead.search(/[,;][^,;]*$/u);
        const clause = separator > head && firstMatch(rules.menus.item, lead.slice(separator + 1)) === null ? separator : head;
        const cueEnd = c.index + c[0].length + Math.max(0, text.slice(c.index + c[0].length).search(/[,;。!?\n]|$/u));
        if (head >= 0 && c.index - head <= BEFORE_CUE) read(head + 1, rules.menus.item, clause > head ? clause : lead.length, cueWords(c.index, cueEnd));
      }
    }
  }
  // Numbered lists the cues above did not open, whose own words say to reply with a number (list-shape.ts): every
  // option not read yet, labelled by its item's words.
  for (const run of findRuns(original, folded)) {
    if (classifyRun(run, folded, rules) !== 'menu') continue;
    const cue = chooseCue(original, folded, run, rules);
    // "请回复序号：1、查询余额，2、查询流量": a cue's reading that ran over the run's numbers ("查询余额，2、查询流量") is
    // the run's: options inside the run are dropped when the run counts more of them.
    const [runFrom, runTo] = [run.markers[0]!.at, run.items.at(-1)![1]];
    const inside = found.options.filter((o) => {
      const span = spans.get(o);
      return span !== undefined && span[0] < runTo && span[1] > runFrom;
    });
    if (inside.length > 0 && inside.length < run.markers.length) {
      for (const o of inside) {
        seen.delete(o.n);
        found.options.splice(found.options.indexOf(o), 1);
      }
      found.ranges = found.ranges.filter(([a, b]) => !(a < runTo && b > runFrom));
    }
    run.markers.forEach((m, i) => {
      const [from, to] = run.items[i]!;
      if (seen.has(m.sent) || to <= from || found.ranges.some(([a, b]) => m.at < b && m.end > a)) return;
      const label = spanOf(original, folded, from, to).text.replace(SIGNATURE, '').replace(/[\s,，;；:：、。.]+$/u, '').trim();
      if (!label) return;
      seen.add(m.sent);
      found.options.push({ n: m.sent, label, ...(cue ? { cue } : {}) });
      found.ranges.push([m.at, to]);
    });
  }
  // "回复1办理10元1GB日包，回复2办理…": options said one by one, when there are two or more, or after a numbered menu.
  if (said.length >= 2 || (said.length === 1 && found.options.length > 0)) {
    for (const m of said) {
      const g = m.indices?.groups;
      if (!g?.n || !g.label) continue;
      const n = spanOf(original, folded, g.n[0], g.n[1]).text;
      if (seen.has(n) || TEMPLATE.test(n)) continue;
      seen.add(n);
      const end = g.label[0] + noteClosed(text, g.label[0], g.label[1] - g.label[0]);
      found.options.push({ n, label: spanOf(original, folded, g.label[0], end).text.trim() });
      found.ranges.push([m.index, Math.max(end, m.index + m[0].length)]);
    }
  }
  // "回复LLB可订购流量包", "余额查询发YE": a code to send said once is an option too (a button that sends it on a click).
  // In the order written; for one code, the label after it (the first pattern) wins.
  const codes = rules.menus.sends.flatMap((re) => allMatches(re, text).map((m) => m.indices?.groups)).sort((a, b) => (a?.n?.[0] ?? 0) - (b?.n?.[0] ?? 0));
  for (const g of codes) {
    if (!g?.n || !g.label || found.ranges.some(([from, to]) => g.n![0] < to && g.n![1] > from)) continue;
    const n = spanOf(original, folded, g.n[0], g.n[1]).text;
    if (seen.has(n) || TEMPLATE.test(n)) continue;
    seen.add(n);
    const end = g.label[0] + noteClosed(text, g.label[0], g.label[1] - g.label[0]);
    found.options.push({ n, label: spanOf(original, folded, g.label[0], end).text.trim() });
    found.ranges.push([Math.min(g.n[0], g.label[0]), Math.max(g.n[1], end)]);
    found.saidOnce++;
  }
  return found;
}

/**
 * "28*月份#", "CXHFZD#查询年月": a code with a word in it beside * or # is a template to fill in, no option: it cannot be sent as
 * it is (the lead's rule of 2026-12-07). "流量大狂欢" (words alone) is sent as written.
 */
const TEMPLATE = /[*#]\p{Script=Han}|\p{Script=Han}[*#]/u;

/**
 * "订购流量安心包（套外流量阶梯计费，计费更省心）": a label cut inside the note in brackets it opened keeps the note to its close,
 * within the sentence (the lead's rule of 2026-12-07: labels keep their note). The label's new length from `from`.
 */
function noteClosed(text: string, from: number, length: number): number {
  const label = text.slice(from, from + length);
  if ((label.match(/\(/gu) ?? []).length <= (label.match(/\)/gu) ?? []).length) return length;
  const close = /^[^()。!?\n]{0,30}\)/u.exec(text.slice(from + length));
  return close ? length + close[0].length : length;
}

/** "；303办理上网套餐包": after a label, the next option's number glued to an order or a look-up. */
function nextGluedAction(after: string, rules: ReplyRules): boolean {
  const m = /^\s*;\s*\d{1,4}(?=\p{Script=Han})/u.exec(after);
  return m !== null && opensWithAction(after.slice(m[0].length), rules);
}

/** A label that opens with an order or a look-up ("办理流量加油包", "查询当月账单"), not with a count or a price. */
function opensWithAction(label: string, rules: ReplyRules): boolean {
  return [...rules.menus.changes, ...rules.menus.lookups].some((re) => firstMatch(re, label)?.index === 0) && !/^\d/u.test(label);
}

/**
 * "1 开通GPRS功能 2 开通10元100M流量加油包3 开通流量套餐", "111、余额项目说明10、缴费历史查询": where the next option
 * starts inside a label, written as this one was: the next number in turn after a space ("1 …"), or any number
 * glued to the label's end with this option's own mark (、 or .), before a word or a 【title】.
 */
function nextGlued(mark: string, number: number, label: string): number {
  const spaced = /^[ \t\u3000]+$/u.test(mark);
  if (!spaced && !/^[.、]$/u.test(mark)) return -1;
  const next = spaced ? new RegExp(`(?<=[^\\d\\s.])\\s*${number + 1}[ \\t\\u3000]+(?=\\p{Script=Han}|【)`, 'u') : new RegExp(`(?<=[\\p{Script=Han}】)])\\d{1,4}${mark === '.' ? '\\.' : mark}(?=\\p{Script=Han}|【)`, 'u');
  const at = label.search(next);
  // "0000、增值业务查退、121了解话费账单项目说明" (real r17-134): after options marked 、, a code of three or four digits
  // glued to a word after an enumeration comma starts the next option (not an amount: 、100元, 、3个月).
  const listed = mark === '、' ? label.search(/(?<=[\p{Script=Han}】)]、)\d{3,4}(?![\d元块角分钟条个月天年兆])(?=\p{Script=Han})/u) : -1;
  return at < 0 ? listed : listed < 0 ? at : Math.min(at, listed);
}

export interface FoundServices {
  services: SubscribedService[];
  cancelByNumber: boolean;
  /**
   * Where the list is said (folded offsets): from the start of the sentence that opens it to the end of the sentence
   * where it ends (its cancel sentence). Figures said outside it are the reply's own (您本月已使用…。您订购的业务：1.…).
   */
  said: [number, number];
}

/** "您正在使用的包月业务有：1、校讯通9元/月；2、…": each entry with its fee, or null when there is no such list. */
export function findServices(original: string, folded: Folded, rules: ReplyRules): FoundServices | null {
  const text = folded.text;
  const cue = rules.services.cues.map((re) => firstMatch(re, text)).find((m) => m !== null);
  // No cue known: a numbered list whose shape says it is the services paid for (list-shape.ts), from its first number.
  const shaped = cue ? undefined : findRuns(original, folded, rules.services.fee).find((run) => classifyRun(run, folded, rules) === 'services');
  if (!cue && !shaped) return null;
  const from = cue ? cue.index + cue[0].length : shaped!.markers[0]!.at;
  const opens = cue ? cue.index : from;
  // The list ends where a number is said to cancel ("可回复序号1、2、3退订"): the numbers there are no entries.
  const cancels = rules.services.cancel.map((re) => firstMatch(re, text.slice(from))).filter((m) => m !== null);
  const listEnd = from + Math.min(shaped ? shaped.trail[0] - from : text.length - from, ...cancels.map((m) => m.index));
  const lines = (run: ListRun) => run.items.flatMap(([a, b]) => lineService(original, folded, a, b, rules));
  const services: ListedService[] = shaped?.style === 'bare' ? lines(shaped) : numberedServices(original, folded, from, listEnd, rules);
  // "您已订购的业务：\n彩铃 5元/月\n…": on the line after a cue's, lines with no number that each end with a fee.
  if (services.length === 0 && cue) {
    const bare = findRuns(original, folded, rules.services.fee).find((run) => run.style === 'bare' && run.markers[0]!.at >= from && /^[^\n。]{0,8}\n\s*$/u.test(text.slice(from, run.markers[0]!.at)));
    if (bare) services.push(...lines(bare));
  }
  // "已开通的功能有：来电显示（免费）、GPRS、彩铃（5元/月）": a list that numbers no entry, with fees in brackets
  // (two at least; an entry without one has no fee); no entry can be cancelled by number.
  if (services.length === 0 && rules.services.unnumbered) {
    const rest = text.slice(from, listEnd);
    const end = rest.search(/[。\n]/u);
    for (const m of allMatches(rules.services.unnumbered, end < 0 ? rest : rest.slice(0, end))) {
      const g = m.indices?.groups;
      if (!g?.name) continue;
      const at = (r: [number, number]) => spanOf(original, folded, from + r[0], from + r[1]).text;
      services.push({ n: null, name: at(g.name).trim(), fee: g.fee ? at(g.fee) : '', yuan: Number(m.groups?.yuan ?? 0) });
    }
    if (services.filter((x) => x.fee !== '').length < 2) services.length = 0;
    // "…（25.00元/月）。可回复序号1、2、3退订": numbers said for as many entries number them in order.
    const said = cancels.map((m) => m[0].match(/\d{1,2}/gu) ?? []).find((ns) => ns.length === services.length && ns.length > 1);
    if (said) said.forEach((n, i) => (services[i]!.n = n));
  }
  const byOwnNumber = cancelTexts(original, folded, from, services, rules);
  // A list is cancelled by number when the words after it say to reply with a number to cancel ("如需退订，请回复对应数字").
  const trail = shaped ? text.slice(...shaped.trail) : text.slice(from);
  // Not when a code cancels ("如需取消，请发送QX+业务代码"), nor when an entry's cancel says more than its number (退订+编号).
  const saysCancel = (patterns: RegExp[]) => patterns.some((re) => firstMatch(re, trail) !== null);
  const shapedCancel = saysCancel(rules.lists.cancels) && saysCancel(rules.lists.byNumber) && !saysCancel(rules.lists.byCode) && !services.some((x) => x.cancelText);
  const cancelByNumber = services.length > 0 && services.every((x) => x.n !== null) && (byOwnNumber || shapedCancel || rules.services.cancel.some((re) => firstMatch(re, text) !== null));
  // A list naming no fee at all ("您已开通的功能如下：1.彩铃；2.来电显示") says what is on: a status, no list of charges,
  // unless it says a number cancels an entry ("…\n3、139邮箱\n回复序号可退订"): then it is the list to cancel from.
  if (services.every((x) => x.fee === '') && !cancelByNumber) return null;
  // The code said in an entry is no part of what the reply understood (it is in cancelText when it cancels).
  return { services: services.map(({ code: _code, ...s }) => s), cancelByNumber, said: [sentenceStart(text, opens), saidEnd(original, folded, from, listEnd, rules)] };
}

/**
 * Where a list's words end: the sentence of its last numbered item, and the sentence after it when that one says how to
 * cancel ("…4.139邮箱 免费\n发送取消+序号即可退订。截至…您本月已产生费用43.25元。": the last sentence is the reply's own).
 * With no numbered run there, the end of the sentence where the list was found to end.
 */
function saidEnd(original: string, folded: Folded, from: number, listEnd: number, rules: ReplyRules): number {
  const text = folded.text;
  const run = findRuns(original, folded, rules.services.fee).find((r) => r.markers[0]!.at >= from && r.markers[0]!.at < listEnd);
  if (!run) return sentenceEnd(text, listEnd);
  const items = sentenceEnd(text, run.items.at(-1)![1]);
  const next = sentenceEnd(text, items + 1);
  return rules.lists.cancels.some((re) => firstMatch(re, text.slice(items, next)) !== null) ? next : items;
}

const SENTENCE_MARK = /[。!?\n]/u;
function sentenceStart(text: string, at: number): number {
  let from = at;
  while (from > 0 && !SENTENCE_MARK.test(text[from - 1]!)) from--;
  return from;
}
function sentenceEnd(text: string, at: number): number {
  let to = at;
  while (to < text.length && !SENTENCE_MARK.test(text[to]!)) to++;
  return to;
}

/**
 * Whether sending this option changes the account (a package, a subscription, a cancellation): the app
 * asks first. Its label says so (开通10元1GB), or the menu's cue does (回复序号办理: 661.流量包 orders the
 * package) unless the label only looks something up (668.查询共享明细).
 */
export function optionChangesAccount(option: MenuOption, rules: ReplyRules): boolean {
  // Rules are written in folded text (Simplified, lower case): 開通 and ＫＴ10 are asked about too.
  const says = (words: string, patterns: RegExp[]) => patterns.some((re) => firstMatch(re, foldWithOrigin(words).text) !== null);
  if (says(option.label, rules.menus.lookups)) return false;
  return says(option.label, rules.menus.changes) || (option.cue !== undefined && says(option.cue, rules.menus.changes));
}
