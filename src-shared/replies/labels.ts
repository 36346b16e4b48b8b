// Which label names an amount: the nearest before it, a head noun's qualifier, a word right after it.
import type { FigureTemplate } from './load';
import type { FieldRule } from './schema';

/** Between a bare-number label and its number: "积分: 1200", "余额为35.2". */
const BARE_GAP = /^[\s:=为是有还]*$/u;

const LATIN = /[a-z]/u;
const NEGATION = /[未没]/u;
const USED_UP_AFTER = /^[完尽光]/u;
const USE_START = /^使?用/u;

export interface Naming {
  template: FigureTemplate;
  rule: FieldRule;
  label: string;
  /** Folded offsets of the label, to find the nearest. */
  at: number;
  end: number;
  /** For a word after the amount: where it ends in the text. */
  suffixEnd?: number;
}

function isWordAt(text: string, at: number, word: string, kindWords: string[] = [], longerWords: string[] = []): boolean {
  // A label that begins a longer word of a kind is part of that word (共 of 共享流量).
  if (kindWords.some((k) => k.length > word.length && k.startsWith(word) && text.startsWith(k, at))) return false;
  // "您已打开5G开关": nor is one whose last character begins a longer word (已打 + 打开 is no call made). A label of use or of
  // what is left ending in its verb 用 is judged by the word it starts, not by the one its verb begins: 可用于上网的流量, 已用于…
  // are still 可用 and 已用 (round 52; 用于 and 用户 are words a stem 用 must not be read in, not words that unmake 可用).
  const last = at + word.length - 1;
  if (word.at(-1) !== '用' && longerWords.some((w) => w.length > 1 && w[0] === word.at(-1) && text.startsWith(w, last))) return false;
  if (LATIN.test(word[0]!) && LATIN.test(text[at - 1] ?? '')) return false;
  // "未使用流量": a label after a negation is no label of its own (未 + 使用流量 is not used).
  if (NEGATION.test(text[at - 1] ?? '') && !NEGATION.test(word[0]!)) return false;
  // "可使用总流量为500MB": nor is a label of use after a word of can (可 + 使用总流量 is what may be used, no use).
  if (text[at - 1] === '可' && USE_START.test(word)) return false;
  return !(LATIN.test(word.at(-1)!) && LATIN.test(text[at + word.length] ?? ''));
}

/**
 * The nearest label before the amount; on a tie the longest ("含赠款" over "赠款", "unused" over "used").
 * A head noun (余额, 积分) takes the meaning of a label just before it: 赠款余额 is a gift, 到期积分 expiring.
 */
export function labelNaming(candidates: FigureTemplate[], window: string, afterAmount = false): Naming | null {
  const find = (part: string) => (template: FigureTemplate, label: string) => {
    let at = part.lastIndexOf(label);
    while (at >= 0 && (!isWordAt(part, at, label, template.kindWords, template.longerWords) || inNote(part, at) || usedUp(part, at, label) || endsGroup(part, at, label))) at = at === 0 ? -1 : part.lastIndexOf(label, at - 1);
    return at;
  };
  const best = nearest(candidates, window, () => true, find(window));
  if (!best) return null;
  const chosen = partBeforeTotal(best, window, afterAmount, find) ?? fieldBeforeKind(best, window, find) ?? best;
  // "您本月可使用的移动数据计费流量合计200.00M", "本月可用通用流量共32.36GB": what the month allows, in all, is its total.
  if (MONTH_ALLOWS.test(window.slice(0, chosen.end)) && SUM_BEFORE_AMOUNT.test(window.slice(chosen.end))) {
    const total = chosen.template.fields.find((r) => r.field === 'total');
    if (total) return { ...chosen, rule: total };
  }
  if (!chosen.rule.weak) return chosen;
  // "上网流量包总量30GB", "您的套餐上网流量30GB": a package named in the clause of a word of what was done is what
  // it speaks of (its size, not what was done); then only another label names the amount.
  let from = chosen.at;
  while (from > 0 && !CLAUSE.test(window[from - 1]!)) from--;
  // A word of what was done names only an amount of its own clause (a colon may stand between: 通话时长：236分钟).
  const elsewhere = PACKAGE_WORD.test(window.slice(from)) || WEAK_REACH_END.test(window.slice(chosen.end));
  return strongerBefore(chosen, window, find) ?? (elsewhere ? nearest(candidates, window, (rule) => !rule.weak, find(window)) : chosen);
}

/**
 * "…已使用完；每月赠送1G省内流量已使用…" (real r20-141): a label before the amount said used up (已使用完, 已用尽) is a whole
 * statement and names no amount after it.
 */
const usedUp = (window: string, at: number, label: string): boolean => /[用耗]$/u.test(label) && USED_UP_AFTER.test(window.slice(at + label.length, at + label.length + 1));

/**
 * "流量安心包尚未使用；超级4G全家统…" (real r25b-034): a label that ends its clause group (a semicolon right after it) says a state of
 * what it follows and names no amount after the semicolon.
 */
const endsGroup = (window: string, at: number, label: string): boolean => /^\s*;/u.test(window.slice(at + label.length));

/**
 * "普通流量（含国内、省内）241MB": a word in a note in brackets closed before the amount, with no amount of its own,
 * says what the thing includes and names no amount after the bracket.
 */
function inNote(window: string, at: number): boolean {
  const open = window.lastIndexOf('(', at);
  const close = window.indexOf(')', at);
  return open >= 0 && close > at && window.lastIndexOf(')', at) < open && !/\d/u.test(window.slice(open, close));
}

const PACKAGE_WORD = /包|套餐/u;
const WEAK_REACH_END = /[,;。!?\n()（）【】]/u;

/**
 * "剩余通话时长200分钟", "可用通话时长共500分钟": a weak label (a word of what was done, 通话时长) gives way to a
 * label of another field written before it in its clause, when that is the nearest strong label there.
 */
function strongerBefore(label: Naming, window: string, find: (part: string) => (t: FigureTemplate, label: string) => number): Naming | null {
  const lead = window.slice(0, label.at);
  let from = lead.length;
  while (from > 0 && !CLAUSE.test(lead[from - 1]!)) from--;
  const clause = lead.slice(from);
  // The nearest label of any field: "共使用上网流量300MB" is used in all (共使用), not a total by the 共 inside it (round 54).
  const other = nearest([label.template], clause, (rule) => !rule.weak, find(clause));
  if (!other || other.rule.field === label.rule.field) return null;
  // Nor a sum's word right before words of what was done ("共产生上网流量2.5GB": used in all, as 共使用; round 54).
  const weakWords = label.template.fields.filter((r) => r.weak).flatMap((r) => r.labels);
  if (SUM_WORDS.test(other.label) && weakWords.some((w) => clause.slice(other.end).startsWith(w))) return null;
  return { ...other, at: from + other.at, end: from + other.end };
}

/** A label that is the name of a kind (结转流量: a kind word and at most a data word). */
const isKindName = (label: Naming): boolean =>
  label.template.kindWords.some((k) => label.label.startsWith(k) && /^(?:流量|数据)?$/u.test(label.label.slice(k.length)));

/**
 * "已使用结转流量4.21GB": a label that is also the name of a kind (结转流量) only names the kind when a label of
 * another field is written right before it in its clause.
 */
function fieldBeforeKind(label: Naming, window: string, find: (part: string) => (t: FigureTemplate, label: string) => number): Naming | null {
  // Only a kind's name (结转流量), not a label that merely starts with a kind word (结转至本月: carried into this month).
  if (!isKindName(label)) return null;
  const lead = window.slice(0, label.at);
  let from = lead.length;
  while (from > 0 && !CLAUSE.test(lead[from - 1]!)) from--;
  const clause = lead.slice(from);
  const other = nearest([label.template], clause, (rule) => rule.field !== label.rule.field, find(clause));
  if (!other || clause.length - other.end > KIND_GAP) return null;
  return { ...other, at: from + other.at, end: from + other.end };
}

/** How many characters (kind words: 国内, 省内…) may stand between a field's label and a kind's name. */
const KIND_GAP = 4;

/**
 * "剩余流量共5.30GB", "已使用流量共3GB": a total's word (共) after a part's label in the same clause
 * says how much of that part there is, in all.
 */
function partBeforeTotal(
  total: Naming,
  window: string,
  afterAmount: boolean,
  find: (part: string) => (t: FigureTemplate, label: string) => number,
): Naming | null {
  const sum = total.template.sums.find((x) => x.total === total.rule.field);
  if (!sum) return null;
  const lead = window.slice(0, total.at);
  let from = lead.length;
  while (from > 0 && !CLAUSE.test(lead[from - 1]!)) from--;
  const clause = lead.slice(from);
  const starts = partLabelStarts(total.template, sum);
  let any = false;
  for (const c of clause) if (starts.has(c)) any = true;
  if (!any) return null;
  const part = nearest([total.template], clause, (rule) => sum.parts.includes(rule.field), find(clause));
  // "套餐结转流量结转至本月0KB": a kind's name (结转流量) before a total's words only names the kind.
  if (part && isKindName(part)) return null;
  // "手机上网流量优惠可享受50.01M" (real r25b-016, r25b-018): a word of what was done (上网) before an allowance's word (可享受),
  // no sum's (共: "本月通话时长共120分钟" is used in all), names no part: the amount is what may be used.
  if (part?.rule.weak && !SUM_WORDS.test(total.label)) return null;
  // A part's word right at the start of the words ("12.5GB used of 50GB") is said of the amount before them.
  if (part && afterAmount && lead.slice(0, lead.length - clause.length + part.at).trim() === '') return null;
  return part && { ...part, at: lead.length - clause.length + part.at, end: lead.length - clause.length + part.end };
}

const SUM_WORDS = /^(?:合计|共计|总计|总共|共有|共|总)$/u;

/** The month's allowance: 可用 or 可使用 right after 本月/当月 (not 剩余, nor 还可使用: what is left). */
// "您2014年07月可使用包月套餐总流量280.00M" (real r23a-008): a month named by its number allows too, and 总流量 sums.
const MONTH_ALLOWS = /(?:本月|当月|\d月)(?:您)?可(?:使)?用$/u;
const SUM_BEFORE_AMOUNT = /(?:合计|共计|总计|总共|共有|共|总流量|总量)[\s:为]*$/u;

/** As labelNaming, for a number with no unit: the label must end right before it ("M值余额为860" is points). */
export function bareNaming(candidates: FigureTemplate[], window: string): Naming | null {
  return nearest(candidates, window, (rule) => rule.bare === true, (_template, label) => {
    const at = window.lastIndexOf(label);
    return at >= 0 && BARE_GAP.test(window.slice(at + label.length)) ? at : -1;
  });
}

function nearest(
  candidates: FigureTemplate[],
  window: string,
  usable: (rule: FieldRule) => boolean,
  find: (template: FigureTemplate, label: string) => number,
): Naming | null {
  let best: Naming | null = null;
  for (const template of candidates) {
    for (const rule of template.fields) {
      if (!usable(rule)) continue;
      for (const label of rule.labels) {
        const at = find(template, label);
        if (at < 0) continue;
        const end = at + label.length;
        if (!best || end > best.end || (end === best.end && label.length > best.label.length) || (end === best.end && label === best.label && saidBesides(template, window, at) && !saidBesides(best.template, window, at)))
          best = { template, rule, label, at, end };
      }
    }
  }
  return best && best.template.heads.includes(best.label) ? (qualifierOf(best, window) ?? best) : best;
}

/**
 * "账单已出，本期消费58.00元" (a bill's total) and "本期可用为80.33元，本期消费为28.00元" (spent, real r24a-020, r23a-056): a label
 * two topics share names the amount of the one whose own words stand before it in the window, besides the label.
 */
function saidBesides(template: FigureTemplate, window: string, at: number): boolean {
  const lead = window.slice(0, at);
  return template.when.some((w) => lead.includes(w));
}

/** A label of another field ending right before a head noun (", 的" between them at most). */
function qualifierOf(head: Naming, window: string): Naming | null {
  const lead = window.slice(0, head.at).replace(/的$/u, '');
  let best: Naming | null = null;
  for (const rule of head.template.fields) {
    if (rule.field === head.rule.field) continue;
    for (const label of rule.labels) {
      if (lead.endsWith(label) && (!best || label.length > best.label.length)) {
        best = { template: head.template, rule, label: label + head.label, at: lead.length - label.length, end: head.end };
      }
    }
  }
  return best;
}

const partStarts = new WeakMap<object, Set<string>>();

/** The first characters of the labels of a sum's parts: a clause without one holds none. */
function partLabelStarts(template: FigureTemplate, sum: FigureTemplate['sums'][number]): Set<string> {
  let starts = partStarts.get(sum);
  if (!starts) {
    starts = new Set(template.fields.filter((r) => sum.parts.includes(r.field)).flatMap((r) => r.labels.map((l) => l[0]!)));
    partStarts.set(sum, starts);
  }
  return starts;
}

/** Where a clause starts, for a stem (the clause right before the amount). */
const NEGATED = /(?:未|没有?|尚无|不)(?:曾|经)?使?$/u;

/** "可用23498.95M", "可再免费使用817M": a stem after a word of can says what may still be used, the opposite of used. */
const CAN = /(?:可以?|能)(?:再|还|继续|免费)*使?$/u;
/** "您本月可使用的…合计200.00M" (real r16-020): what the month (本月, 当月, a month's number) allows. */
const MONTH_CAN = /(?:本月|当月|\d月)(?:您)?(?:可以?|能)(?:再|还|继续|免费)*使?$/u;

const CLAUSE = /[,;:，；：。!?\n()（）【】]/u;

/**
 * The last resort when no label is written before an amount: the field whose stem (用 of an unknown
 * 已耗用, 剩 of 尚剩) is written last in the clause before it, outside kind words (通用) and the
 * words that are no label (费用). Only an amount's own clause is looked at.
 */
export function stemNaming(candidates: FigureTemplate[], window: string, notStems: string[]): Naming | null {
  const { best, left } = stemsIn(candidates, window, notStems);
  return left && (!best || left.end > best.end) ? left : best;
}

/**
 * "已使用0分钟，未使用500分钟", "已用53.04M，可用23498.95M", "可再免费使用817M流量" (real r17-056, r15-147, r15-200, to a reader
 * without 未使用 or 可用): a stem of use (用, 耗; also 发 of messages) after a word of not or can says what is not used, or may
 * still be used: what is left of the allowance, as the labels 未使用 and 可用 say. Not what a month allows in all
 * (`本月可使用…合计`, a total the reader without its label cannot tell from what is left: left unread), nor 达 (可达: an offer's cap).
 */
const LEFT_WHEN_DENIED = /^[用耗发]$/u;

/** "套餐内尚未使用流量0KB" (real r20-039): the remaining a stem after a word of not names, after a label of the total or of use. */
export function unusedNaming(candidates: FigureTemplate[], window: string, notStems: string[]): Naming | null {
  const { best, left } = stemsIn(candidates, window, notStems);
  return left && (!best || left.end > best.end) ? left : null;
}

/**
 * "其中国内通用流量可用20480.00M", "未使用流量22.2M" (real r15-147, r22-032, to a reader without 可用 or 未使用): the amount's
 * clause says, with a stem after a word of not or can, something other than the stem's field, which the reader does not
 * know; the list or the parts it stands in name it no better, so it is left unread.
 */
export function deniedStem(candidates: FigureTemplate[], window: string, notStems: string[]): 'not' | 'can' | null {
  return stemsIn(candidates, window, notStems).denied;
}

function stemsIn(candidates: FigureTemplate[], window: string, notStems: string[]): { best: Naming | null; denied: 'not' | 'can' | null; left: Naming | null } {
  // "使用GPRS流量：125.6M": a colon after a topic's word, right before the amount, ends the clause that
  // names it (after a kind, "省内通用：2.10GB", the clause names no field); so does one right after a stem ("仅使用：0.75MB",
  // "流量使用：0.00MB": what the words before the colon say was done to the amount).
  const beforeColon = window.replace(/[:：]\s*$/u, '');
  const endsNamed = (t: FigureTemplate) => t.when.some((w) => beforeColon.endsWith(w)) || t.fields.some((r) => r.stems?.some((stem) => beforeColon.endsWith(stem)));
  const named = beforeColon !== window && candidates.some(endsNamed) ? beforeColon : window;
  const clause = named.split(CLAUSE).at(-1)!;
  if (!candidates.some((t) => t.fields.some((r) => r.stems?.some((stem) => clause.includes(stem))))) return { best: null, denied: null, left: null };
  const blank = (text: string, w: string) => (w && text.includes(w) ? text.replaceAll(w, ' '.repeat(w.length)) : text);
  const blanked = notStems.reduce(blank, candidates.reduce((text, t) => t.kindWords.reduce(blank, text), clause));
  let best: Naming | null = null;
  let left: Naming | null = null;
  let denied: 'not' | 'can' | null = null;
  const offset = named.length - clause.length;
  for (const template of candidates) {
    for (const rule of template.fields) {
      for (const stem of rule.stems ?? []) {
        const at = blanked.lastIndexOf(stem);
        // "未使用约3G" to a reader without 未使用: a stem after a word of not (未, 没) says the opposite of its field, so it names none.
        const said = at < 0 ? null : NEGATED.test(blanked.slice(0, at)) ? 'not' : CAN.test(blanked.slice(0, at)) ? 'can' : null;
        if (said !== null) {
          const remaining = rule.field === 'used' && LEFT_WHEN_DENIED.test(stem) && !(said === 'can' && MONTH_CAN.test(blanked.slice(0, at))) ? template.fields.find((r) => r.field === 'remaining') : undefined;
          if (remaining && (!left || offset + at + stem.length > left.end)) left = { template, rule: remaining, label: stem, at: offset + at, end: offset + at + stem.length };
          else if (!remaining) denied ??= said;
          continue;
        }
        if (at >= 0 && (!best || offset + at + stem.length > best.end)) best = { template, rule, label: stem, at: offset + at, end: offset + at + stem.length };
      }
    }
  }
  return { best, left, denied: best === null && left === null ? denied : null };
}

/** A word right after the amount ("8.8GB left", "1.2GB of data used", "5GB国内通用流量已用完"). */
export function suffixNaming(candidates: FigureTemplate[], text: string, after: number): Naming | null {
  // Within the line: a word on the next line, or one followed by an amount, names that amount instead.
  const window = text.slice(after, after + 40);
  // "12.5GB(已用) 7.5GB(剩余)": a label alone in brackets right after the amount.
  const tagged = BRACKET_LABEL.exec(window);
  if (tagged) {
    for (const template of candidates) {
      for (const rule of template.fields) {
        const word = tagged[1]!.trim();
        if (rule.labels.includes(word) || rule.suffixes?.includes(word)) return { template, rule, label: word, at: after, end: after, suffixEnd: after + tagged[0].length };
      }
    }
  }
  // "赠送30M省内流量(4G飞享8元套餐)已使用完" (real r18-022): a note in brackets naming the package the data came with
  // stands between the kind words and the word after them.
  const rest = window.replace(/^[ \t]*(?:of\s+(?:your\s+)?)?(?:[a-z-]+\s+){0,2}?(?:data|流量)[ \t]*|^[ \t]*[^\d\s,;。:()\n]{1,8}?(?:流量|数据)[ \t]*(?:\([^()\n]{1,16}(?:套餐|包)\)[ \t]*)?(?=已|剩|未|可)|^[ \t]*/u, '');
  // Where the suffix ends: the words after it name the next amount, not this one ("HK$88.00 in total, including…").
  const skipped = after + window.length - rest.length;
  // "剩余16.5GB已使用通话89分钟": a few words (通话) between the label and the next amount on its line still make it that one's.
  const namesNext = (t: FigureTemplate, s: string) =>
    t.fields.some((r) => r.labels.includes(s)) && /^(?:[\s:=为是有还]*|\p{L}{1,6}?[ \t:=为是有还]*)[\d-]/u.test(rest.slice(s.length));
  for (const template of candidates) {
    for (const rule of template.fields) {
      const label = rule.suffixes?.find((s) => rest.startsWith(s) && isWordAt(rest, 0, s) && !namesNext(template, s));
      if (label) return { template, rule, label, at: after, end: after, suffixEnd: skipped + label.length };
    }
  }
  return labelAfterCopula(candidates, rest, after, skipped) ?? headAfter(candidates, rest, after, skipped);
}

const BRACKET_LABEL = /^\s*\(([^()\d]{1,8})\)/u;

/** "23.50元为您当前账户余额，8.20元为您本月已产生费用（…）": 为 and a short phrase that ends with a label and ends there. */
function labelAfterCopula(candidates: FigureTemplate[], rest: string, after: number, skipped: number): Naming | null {
  const m = COPULA.exec(rest);
  if (!m) return null;
  const phrase = m[1]!;
  let best: Naming | null = null;
  for (const template of candidates) {
    for (const rule of template.fields) {
      for (const label of rule.labels) {
        if (label.length < 2 || !phrase.replace(AMOUNT_NOUN, '').endsWith(label) || (best && label.length <= best.label.length)) continue;
        best = { template, rule, label, at: after, end: after, suffixEnd: skipped + m[0].length };
      }
    }
  }
  return best;
}

/** "本月已消费金额": a noun that says only that it is an amount. */
const AMOUNT_NOUN = /(?:金额|数额)$/u;
const COPULA = /^(?:为|是)\s*([^\d\s,;。!?()\n]{2,12})(?=[\s,;。!?()\n]|$)/u;

/**
 * "您当前有56.80元话费余额，", lines "171.39元 本月已消费": the Chinese phrase written right after the amount, up
 * to the end of its clause, names it when it ends with a label that starts it (two characters before it at
 * most: 本月实时话费) or that ends in a head noun (账户可用余额: a balance; 赠款余额: a gift).
 */
function headAfter(candidates: FigureTemplate[], rest: string, after: number, skipped: number): Naming | null {
  const m = PHRASE_AFTER.exec(rest);
  if (!m) return null;
  const phrase = m[2]!.replace(AMOUNT_NOUN, '').replace(NOT_YET_PAID, '');
  // "赠送…500分钟通话时长" (real r23b-049): a weak word of what was done (通话时长) after the amount says what it is of, not its field.
  const found = nearest(candidates, phrase, (rule) => !rule.weak, (_template, label) => (label.length >= 2 && phrase.endsWith(label) ? phrase.length - label.length : -1));
  if (!found || (found.at > 2 && !found.template.heads.some((h) => found.label.endsWith(h)))) return null;
  return { ...found, at: after, end: after, suffixEnd: skipped + m[0].length };
}

/** "有2.91元欠费尚未缴清" (real r17-098): words saying the amount is still to be paid end the phrase after its label. */
const NOT_YET_PAID = /(?<=.{2})(?:尚|仍|还)?未(?:缴清|缴纳|缴费|缴|结清|还清)$/u;

/** The words after an amount up to the end of their clause, when no amount follows in it. */
const PHRASE_AFTER = /^([ \t]*(?:您的|您|的)?)([^\da-z\s,;。!?()\n:=]{2,12})(?=[\s,;。!?()\n]|$)(?![ \t]*[\d-])/u;
