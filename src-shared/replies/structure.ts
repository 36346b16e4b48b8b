// Fields from the shape of a reply rather than a label: totals before or after their parts, lists, tables, headings.
import { currencyOf } from './describe';
import type { Read } from './figures';
import { poolIn } from './kinds';
import { labelNaming, stemNaming, suffixNaming, type Naming } from './labels';
import type { FigureTemplate, ReplyRules } from './load';
import type { Quantity } from './quantities';
import type { DataPool } from './schema';

export interface Continued {
  template: FigureTemplate;
  field: string;
  /** A part of the amount before ("其中…"), or an item after one. */
  part?: boolean;
}

/** "已用2.3GB/10GB": the amount after a slash is the total of the one before. */
export function slashTotal(candidates: FigureTemplate[], window: string, previous: Read | undefined, sentence: number): Continued | undefined {
  if (!previous || previous.sentence !== sentence || !/^\s*\/\s*$/u.test(window)) return undefined;
  const template = candidates.find((t) => t.id === previous.figure.template);
  const sum = template?.sums.find((s) => s.parts.includes(previous.figure.field));
  return template && sum ? { template, field: sum.total } : undefined;
}

/**
 * "Voice: 120 / 500 mins": an unnamed amount before a slash and another amount is the used part of that total, unless a
 * heading earlier in its sentence names the part ("您的流量剩余/总量：国内通用流量 12.5GB/30GB，省内流量 8GB/10GB": left).
 */
export function usedBeforeSlash(candidates: FigureTemplate[], text: string, q: Quantity, next: Quantity | undefined): Continued | undefined {
  if (!next || next.measure !== q.measure || !/^\s*\/\s*$/u.test(text.slice(q.end, next.start))) return undefined;
  const template = candidates.find((t) => t.sums.some((s) => s.parts.includes('used')));
  if (!template) return undefined;
  const sentence = text.slice(Math.max(0, text.lastIndexOf('。', q.start) + 1), q.start);
  const heading = [...sentence.matchAll(SLASH_HEADING)].at(-1)?.[1];
  const parts = template.sums.flatMap((s) => s.parts);
  const named = heading === undefined ? undefined : template.fields.find((r) => parts.includes(r.field) && r.labels.some((l) => heading.endsWith(l)));
  return { template, field: named?.field ?? 'used' };
}

/** "剩余/总量：": two words around a slash, no amount, before a colon: a heading of the pairs after it. */
const SLASH_HEADING = /([^\d\s,;:。/]{1,10})\s*\/\s*[^\d\s,;:。/]{1,6}\s*:/gu;

/**
 * An unnamed amount that goes on from the one just before, in the same sentence: a part of it
 * ("…总流量3.76MB，其中3G流量0.00MB") or, for data, the next kind in a list ("剩余流量：国内通用5GB，省内2GB").
 */
export function breakdownOf(
  candidates: FigureTemplate[],
  window: string,
  after: string,
  tagPool: DataPool | null,
  previous: Read | undefined,
  sentence: number,
  rules: ReplyRules,
  bracket: Read['bracket'] = null,
  adjacent = true,
  groupHead?: Read,
  lineAfter = false,
  sinceRead: string | null = null,
): Continued | undefined {
  if (!previous) return undefined;
  const template = candidates.find((t) => t.id === previous.figure.template);
  if (!template) return undefined;
  // "使用总流量3.76MB\n其中3G流量0.00MB\n其中4G流量3.76MB": a line that opens with a part word goes on from the line before.
  // "…流量共9GB300MB，截至7月11日尚未使用。其中，国内通用流量100MB" (real r18-071): so does a sentence, or a line under a
  // line of the part word alone ("。其中\n国内通用流量100MB"), when no amount stands between (`sinceRead`: the words since).
  const opensParts = (w: string) => window.trimStart().startsWith(w) || (sinceRead !== null && partWordLine(w).test(sinceRead));
  const partLine = previous.sentence < sentence && (previous.sentence === sentence - 1 || sinceRead !== null) && template.breakdown.some(opensParts);
  if (partLine) return { template, field: previous.figure.field, part: true };
  // "剩余流量：普通流量（国内）10MB\n爱看流量1GB994MB\n限时流量235MB": a line of a kind of data and its amount only goes on
  // with the list of the line before, as after a comma.
  // "剩余约40.00MB\n赠送国内流量50MB50.00MB\n已使用…": an amount with another right after it ends a package's name, no item.
  const itemLine = lineAfter && previous.sentence === sentence - 1 && template.topic === 'data' && DATA_ITEM.test(window) && !/^\d/u.test(after);
  if (itemLine) return { template, field: previous.figure.field, part: false };
  if (previous.sentence !== sentence) return undefined;
  const goesOn = listGoesOn(window, after);
  // "其中套餐内已使用50.00MB，套餐外流量2.34MB", "其中上月结转3.3GB，本月套餐12GB": the items after a part are parts too.
  const partGoesOn = previous.part && adjacent && window.length <= 12 && !window.includes(':') && !namesPackage(after);
  const part = template.breakdown.some((w) => window.includes(w)) || partsInBracket(template, bracket, previous) || partGoesOn;
  // "国内通用：3.20GB；省内通用：1.00GB": an item headed by its kind and a colon goes on too.
  // "剩余流量：国内流量10MB,校园流量1GB": an item naming data of a kind the rules do not know goes on too (its kind unstated).
  // "，限时流量：235MB，其他流量：38MB": an item of data of no kind the rules know, headed by a colon, goes on as well.
  const kindColon = KIND_COLON.test(window);
  const nextKind =
    template.topic === 'data' && (goesOn || kindColon) && (tagPool !== null || poolIn(window, rules) !== null || ((goesOn || kindColon) && DATA_ITEM.test(window)));
  // "国内通用流量10GB，省内流量2GB，合计12GB": a word over all kinds (合计) sums the list, in the list's field.
  const overKinds = template.packages && goesOn && rules.allKinds.some((w) => window.includes(w));
  // "省内流量 1.23 GB，剩余 3.77 GB；国内流量 2.5 GB，剩余…": a group after a semicolon opens as the one before did.
  const field = nextKind && !part && window.includes(';') && groupHead?.figure.template === template.id ? groupHead.figure.field : previous.figure.field;
  return part || nextKind || overKinds ? { template, field, part } : undefined;
}

/** A sentence or line of a part word alone (其中), then the amount's line. */
const partWordLine = (word: string) => new RegExp(`(?:^|[。!?\\n])\\s*${word}\\s*[,:]?\\s*\\n[^\\n]*$`, 'u');

/** A list item that names data with words of its own ("，校园流量", "，其他流量（仅供参考）"), a colon or 为 before its
 * amount ("剩余流量：爱看流量为1GB,其他流量为294MB": the joiner 为 that the first item has too). */
const DATA_ITEM = /^[\s,;、]*[^\d\s,;。:()]{1,8}?(?:流量|数据)\s*[:为]?\s*$/u;

/** "；国内通用：", "、省内4G单模流量：": an item headed by its words and a colon (a network generation, 4G, is no amount). */
const KIND_COLON = /^[\s,;、]*(?:[^\d:,;。\n]|\d[gG](?![bB])){1,10}:\s*$/u;

/** "（其中结转流量1.20GB，本月套餐流量6.45GB）", "（含上月结转4.10GB，本月套餐11.22GB）": a bracket opened by a part word lists parts to its end. */
export function partsInBracket(template: FigureTemplate, bracket: Read['bracket'], previous: Read | undefined): boolean {
  return bracket !== null && previous?.bracket?.at === bracket.at && template.bracketParts.some((w) => bracket.words.trimStart().startsWith(w));
}

/**
 * Lines under a heading line that ends with a colon and holds a label ("您本月已使用套餐内流量：") take
 * its field ("国内通用：8.25GB\n省内通用：2.10GB"); the lines after the first go on from the one before.
 */
export function headingField(candidates: FigureTemplate[], before: string, previous: Read | undefined, last?: Read): Continued | undefined {
  if (previous && /^\s*\n[^\n\d]{0,20}$/u.test(before)) {
    const same = candidates.find((t) => t.fields.some((r) => r.field === previous.figure.field));
    return same ? { template: same, field: previous.figure.field, part: previous.part } : undefined;
  }
  const line = /(?:^|\n)([^\n]*):\s*\n[^\n\d]{0,20}$/u.exec(before)?.[1];
  // "共使用流量5.2GB，其中：\n国内通用流量4.2GB\n省内流量1GB": the lines under a part word are parts of the amount before it.
  const template = line !== undefined && last ? candidates.find((t) => t.id === last.figure.template) : undefined;
  if (template?.breakdown.some((w) => line!.replace(/^[\s,;]+/u, '') === w)) return { template, field: last!.figure.field, part: true };
  const naming = line === undefined ? null : labelNaming(candidates, line);
  return naming ? { template: naming.template, field: naming.rule.field } : undefined;
}

/**
 * A list goes on with a short item ("，省内2GB", "，通话200分钟"), not after a new heading ("如下：") nor with
 * an amount that is part of a package's name ("优惠包10M", "1G省内流量包").
 */
export function listGoesOn(window: string, after: string): boolean {
  // English words are longer: ", provincial " is as short an item as "，省内"; an aside in brackets
  // ("、夜间流量（23:00-07:00）") does not make an item longer.
  const item = window.includes('(') ? window.replace(BRACKETED, '') : window;
  const short = item.length <= 12 || (item.length <= 24 && LATIN_ITEM.test(item));
  // An amount in a bracket opened after the item's words ("、官微专用本地流量（1M1月）") is a note on them, no item.
  return short && !item.includes(':') && !NOTE_OPEN.test(item) && !/(?:包|套餐|卡)\s*$/u.test(window) && !IN_USE.test(window) && !namesPackage(after);
}

/** "；正使用省内1G闲时流量（12个月），剩余…" (real r23a-033): 正使用 (now using) opens a package's name, no item of a list. */
const IN_USE = /^[\s,;、]*正在?使用(?!的)/u;

/** The words after an amount that end its item of an enumeration ("本地通话、"). */
const AMOUNT_FIRST_ITEM = /^[^\s\d,;。:()]{1,8}、\s*$/u;
const LATIN_ITEM = /^[\s,;a-z-]*$/u;
const BRACKETED = /\([^()]*\)/gu;
const NOTE_OPEN = /[^\s,;、(]\s*\([^)]*$/u;

/** An unnamed amount followed by a package word is part of the package's name ("10元5GB流量包剩余3.2GB"). */
// "6元包1GB包内移动数据流量共有1024.00MB" (real r17-057): 包内 (within the package) names no package.
export const namesPackage = (after: string): boolean => /^[^\s\d,;。、:()]{0,8}?(?:包(?!内)|套餐|卡)/u.test(after);

/** The words right after an amount, up to a break ("30条短信、" → 短信). */
const nounAfter = (after: string): string => /^[^\s\d,;。、:()!?]{1,6}/u.exec(after)?.[0] ?? '';

/**
 * An unnamed amount followed, in its sentence, by a part of a sum ("国内主叫100分钟，已用20分钟，剩余80分钟")
 * is that sum's total.
 */
export function totalBeforeParts(
  candidates: FigureTemplate[],
  text: string,
  q: Quantity,
  next: Quantity | undefined,
  sentenceOf: (at: number) => number,
  notStems: string[],
): Continued | undefined {
  if (!next || next.measure !== q.measure) return undefined;
  const window = text.slice(q.end, next.start);
  // "流量王18元套餐800.00MB\n已使用约88.66MB\n剩余约711.34MB": a reply written a clause a line goes on from the amount
  // ending a line to the part opening the next, as after a comma.
  const sameSentence = sentenceOf(next.start) === sentenceOf(q.start);
  if (!sameSentence && !(sentenceOf(next.start) === sentenceOf(q.start) + 1 && PART_ON_NEXT_LINE.test(window))) return undefined;
  // The parts follow in the same clause group, not after a semicolon.
  if (window.includes(';')) return undefined;
  const naming = suffixNaming(candidates, text, next.end) ?? labelNaming(candidates, window) ?? stemNaming(candidates, window, notStems);
  const sum = naming?.template.sums.find((s) => s.parts.includes(naming.rule.field) && s.total !== naming.rule.field);
  return naming && sum ? { template: naming.template, field: sum.total } : undefined;
}

/** A line break right after the amount, then the next line's words up to the next amount. */
const PART_ON_NEXT_LINE = /^[ \t]*\n[^\n\d]{1,12}$/u;

/** "现金余额：50.00元\n赠送余额：10.00元\n合计：60.00元": an unnamed amount that the parts just before add up to. */
export function totalAfterParts(candidates: FigureTemplate[], q: Quantity, reads: Read[]): Continued | undefined {
  for (const template of candidates) {
    for (const sum of template.sums) {
      const parts = reads.slice(-sum.parts.length);
      if (sum.parts.length < 2 || parts.length !== sum.parts.length || !parts.every((r, i) => r.figure.template === template.id && r.figure.field === sum.parts[i])) continue;
      const slack = Math.max(q.precision, ...parts.map((r) => r.precision)) * parts.length + 1e-9;
      if (Math.abs(parts.reduce((n, r) => n + r.figure.value, 0) - q.value) <= slack) return { template, field: sum.total };
    }
  }
  return undefined;
}

/**
 * "已用12.5GB，合计30GB，还可使用17.5GB": a sum word alone before an amount of an allowance (合计, 共计: `allKinds`) after one
 * amount only of that allowance in its sentence, and larger than it, sums no list (a list of one is itself): it is the
 * allowance's total. After two amounts or more it sums them, as before ("省内剩余1GB，国内剩余2GB，合计3GB").
 */
export function totalAfterOne(candidates: FigureTemplate[], q: Quantity, reads: Read[], sentence: number, window: string, sumWords: string[]): Continued | undefined {
  const words = window.replace(/^[\s,;:，；：]+/u, '').replace(/(?:为|是)?[\s:：]*$/u, '');
  if (!sumWords.includes(words)) return undefined;
  const template = candidates.find((t) => t.packages && t.measure === q.measure && t.fields.some((r) => r.field === 'total'));
  if (!template) return undefined;
  const before = reads.filter((r) => r.sentence === sentence && r.figure.template === template.id);
  return before.length === 1 && before[0]!.figure.field !== 'total' && q.value > before[0]!.figure.value ? { template, field: 'total' } : undefined;
}

/**
 * After one label, a list across topics ("套餐余量：国内流量1.2GB，通话200分钟，短信50条", "内含100分钟国内通话、
 * 30条短信"): an unnamed amount whose words, before or right after it, name its topic takes the field
 * of the amount before it in the sentence.
 */
export function listedAfter(
  candidates: FigureTemplate[],
  window: string,
  after: string,
  previous: Read | undefined,
  sentence: number,
  head: Read | undefined = previous,
): Continued | undefined {
  if (!previous || previous.sentence !== sentence || !listGoesOn(window, after)) return undefined;
  const field = previous.figure.field;
  const template = candidates.find(
    (t) =>
      t.id !== previous.figure.template &&
      t.when.some((w) => window.includes(w) || nounAfter(after).includes(w)) &&
      t.fields.some((r) => r.field === field),
  );
  if (template) return { template, field };
  // "已使用：本地主叫45分钟，长途12分钟": a label before a colon heads a list of one topic too, and so does
  // one whose items are joined by an enumeration comma ("已使用本地主叫75分钟、国内长途23分钟").
  // "剩余：市话120分钟，长途30分钟，夜间通话200分钟": the list goes on from its head, the labelled amount before its items.
  const from = previous.figure.label === null && head?.sentence === sentence && head.figure.template === previous.figure.template && head.figure.field === field ? head : previous;
  const label = from.figure.label;
  const same = candidates.find((t) => t.id === previous.figure.template);
  // "剩余200分钟本地通话、50分钟长途通话": items written amount first end their words with the comma.
  const heads = label !== null && (from.context.includes(`${label}:`) || window.trimStart().startsWith('、') || AMOUNT_FIRST_ITEM.test(window));
  // A bill's total is no list ("本期账单：88.00元（月租费58.00元，…）": the lines are its items).
  const total = same?.items === true && same.sums.some((x) => x.total === field);
  return same && heads && !total ? { template: same, field } : undefined;
}

/**
 * "您2016年12月1日-2016年12月31日的移动数据流量为1GB202.54MB" (real r20-016): the amount of an allowance said of a span of days
 * written from one day to another, with no label, is what was used in those days (a pool's size is never given for a span of days).
 */
export function usedInDays(candidates: FigureTemplate[], sentenceSoFar: string): Continued | undefined {
  const words = DAY_SPAN.exec(sentenceSoFar)?.[1];
  if (words === undefined) return undefined;
  const template = candidates.find((t) => t.packages && t.when.some((w) => words.includes(w)) && t.fields.some((r) => r.field === 'used'));
  return template && { template, field: 'used' };
}

/** A span of days (…月…日 to …日), then 的 and the allowance's words up to the amount. */
const DAY_SPAN = /\d{1,2}\s*月\s*\d{1,2}\s*[日号]\s*(?:-|~|至|到)\s*(?:\d{4}\s*年\s*)?(?:\d{1,2}\s*月\s*)?\d{1,2}\s*[日号]\s*(?:期间)?\s*的?([^\d,;。!?\n]{1,12}?)\s*[为是:]?\s*$/u;

/**
 * "上月结转至本月的国内高速流量套餐为500.00M，随意玩5元上网套餐为1024.00M" (real r20-001): after one label, items each written
 * as a package's name, 为 and its amount repeat the shape of the first: an unnamed one takes the field of the item before it.
 */
export function sameShapeItem(candidates: FigureTemplate[], window: string, previous: Read | undefined, sentence: number): Continued | undefined {
  if (!previous || previous.sentence !== sentence || previous.figure.label === null || !NAME_IS.test(previous.context) || !NAMED_ITEM.test(window)) return undefined;
  const template = candidates.find((t) => t.id === previous.figure.template);
  return template && { template, field: previous.figure.field };
}

/**
 * "您本月已发送网内短信13条，网间短信0条，梦网短信44条" (real r23b-046): after a comma, kind words and the topic's own word
 * ending as the labelled amount's words end (…短信), with no label of their own, go on with that amount's field.
 */
export function sameTopicItem(candidates: FigureTemplate[], window: string, reads: Read[], sentence: number): Continued | undefined {
  const previous = reads.at(-1);
  const labelled = reads.findLast((r) => r.figure.label !== null);
  if (!previous || !labelled || labelled.sentence !== sentence || previous.sentence !== sentence) return undefined;
  if (previous.figure.template !== labelled.figure.template || previous.figure.field !== labelled.figure.field) return undefined;
  const [, item, joiner] = SAME_TOPIC_ITEM.exec(window) ?? [];
  const template = item && candidates.find((t) => t.id === previous.figure.template);
  if (!item || !template || labelNaming([template], item) !== null) return undefined;
  // "网内短信：13条，网间短信：0条": the items may join their words to the amount as the labelled one does (a colon, 为).
  const own = previous.context.trimEnd();
  const words = joiner ? (own.endsWith(joiner!) ? own.slice(0, -joiner!.length).trimEnd() : null) : own;
  const word = words === null ? undefined : template.when.find((w) => item.endsWith(w) && words.endsWith(w));
  return word ? { template, field: previous.figure.field } : undefined;
}

/** An item after a comma: a few words of its own (kind words and the topic's word), no amount, clause mark or bracket. */
const SAME_TOPIC_ITEM = /^\s*,\s*([^\d,;。:!?\n()、]{2,8}?)\s*([:为]?)\s*$/u;

/** A package's name and 为 (or 是, a colon) right before its amount. */
const NAME_IS = /(?:套餐|包)\s*[为是:]\s*$/u;
/** An item after a comma: a name (a price or size in it too) that ends with a package word, then 为. */
const NAMED_ITEM = /^\s*[,、]\s*[^,;。:!?\n()]{1,16}?(?:套餐|包)\s*[为是:]\s*$/u;

/**
 * "您本月套餐已生效：国内通用流量20GB、国内通话300分钟、短信100条": amounts no label names, after a colon whose
 * heading names the plan (套餐) and no field, are what the plan gives: its totals.
 */
export function planContents(candidates: FigureTemplate[], sentenceSoFar: string, window: string): Continued | undefined {
  const heading = PLAN_HEADING.exec(sentenceSoFar)?.[1];
  // "套餐使用情况：" heads a summary of use, not what the plan gives.
  if (heading === undefined || heading.includes('情况') || labelNaming(candidates, heading) !== null) return undefined;
  // Each item names its allowance before its amount ("、国内通话300分钟"); "、10M本地通用流量" is a package's name.
  const item = window.split(/[,、;:(]/u).at(-1)!;
  const template = candidates.find((t) => t.packages && t.fields.some((r) => r.field === 'total') && t.when.some((w) => item.includes(w)));
  return template ? { template, field: 'total' } : undefined;
}

/**
 * "您03月包月使用情况如下:包月免费通话时长:0分钟,免费流量:6.65M": under a heading of use (使用情况如下 / 使用情况：), an item that
 * names only what it is of, then a colon and its amount, says how much of it was used (round 40; real r22-029, r24b-045, r24b-067).
 * An item that names no colon ("…使用情况如下：流量王18元套餐800.00MB，已使用约88.66MB", real r17-085) is a name and its size.
 */
export function useSummary(candidates: FigureTemplate[], sentence: string, window: string): Continued | undefined {
  if (!USE_HEADING.test(sentence)) return undefined;
  const item = COLON_ITEM.exec(window)?.[1];
  if (item === undefined || labelNaming(candidates, item) !== null) return undefined;
  const template = candidates.find((t) => t.packages && t.fields.some((r) => r.field === 'used') && t.when.some((w) => item.includes(w)));
  return template ? { template, field: 'used' } : undefined;
}
const USE_HEADING = /使用情况(?:如下)?\s*:/u;
/** An item of the list: its words (no digit, no clause mark) then a colon right before the amount. */
const COLON_ITEM = /(?:^|[,、;:])\s*([^,、;:。!?\n\d]{2,12}):\s*$/u;

/**
 * Labelling rule 15 (2026-12-06, session 21): "您的本月套餐外优惠流量（国内通用）3M,截至21日22时17分，已使用完" names a pack and its
 * size: a data amount no label names, right after a pack's data words (its kind maybe in brackets), that its sentence then
 * says used up with no other amount between, is the pack's total (its kind what its own words say), no use beyond the plan.
 */
export function usedUpPackSize(candidates: FigureTemplate[], window: string, rest: string): Continued | undefined {
  if (!PACK_DATA_END.test(window) || !USED_UP_LATER.test(rest)) return undefined;
  const template = candidates.find((t) => t.topic === 'data' && t.fields.some((r) => r.field === 'total'));
  return template ? { template, field: 'total' } : undefined;
}

const PACK_DATA_END = /(?:流量|数据)\s*(?:\([^()\d]{1,12}\))?\s*$/u;
/** The rest of the sentence after the size: a date or time maybe (截至21日22时17分), then the pack said used up. */
const USED_UP_LATER = /^[^。;!?\n]*?已(?:经|全部)?(?:使用|用)(?:完|尽)/u;

const PLAN_HEADING = /([^,;。:\n]*套餐[^,;。:\n\d]{0,8}):[^:\d]*$/u;

/**
 * A table: a header line of labels and no amount ("类型 总量 已用 剩余", "项目：总量/已用/剩余") over rows with as many amounts
 * ("国内通用流量 10GB 2GB 8GB"): each amount takes the field of its column. Returns namings by quantity index.
 */
export function tableColumns(text: string, quantities: Quantity[], active: FigureTemplate[]): Map<number, Naming> {
  const out = new Map<number, Naming>();
  const allowance = active.filter((t) => t.packages);
  if (allowance.length === 0 || !text.includes('\n')) return out;
  let header: Naming[] | null = null;
  let at = 0;
  for (const line of text.split('\n')) {
    const start = at;
    at += line.length + 1;
    const inLine = quantities.flatMap((q, i) => (q.start >= start && q.end <= start + line.length && q.measure !== null ? [i] : []));
    if (inLine.length === 0) {
      // A header is short and split into columns ("类型 总量 已用 剩余"); a long line with no amount is prose.
      const labels = line.length <= 40 && /\S[\s|/]+\S/u.test(line) ? columnLabels(line, allowance[0]!) : [];
      header = labels.length >= 2 ? labels : null;
      continue;
    }
    if (!header || inLine.length !== header.length) {
      header = null;
      continue;
    }
    inLine.forEach((qi, k) => {
      const template = allowance.find((t) => t.measure === quantities[qi]!.measure);
      const column = header![k]!;
      const rule = template?.fields.find((r) => r.field === column.rule.field);
      if (template && rule) out.set(qi, { ...column, template, rule });
    });
  }
  return out;
}

/** The labels of a header line, left to right, each the longest there; none twice. */
function columnLabels(line: string, template: FigureTemplate): Naming[] {
  const found: Naming[] = [];
  for (let i = 0; i < line.length; ) {
    let best: Naming | null = null;
    for (const rule of template.fields)
      for (const label of rule.labels)
        if (label.length > 1 && line.startsWith(label, i) && (!best || label.length > best.label.length))
          best = { template, rule, label, at: i, end: i + label.length };
    if (best && found.some((f) => f.rule.field === best!.rule.field)) return [];
    if (best) found.push(best);
    i = best ? best.end : i + 1;
  }
  return found;
}

/**
 * "可用流量为10GB，已使用8.8GB，剩余1.2GB": an amount followed in its sentence by the two parts of a sum
 * that add up to it is that sum's total, whatever its label said.
 */
export function totalsThatAddUp(all: Read[], active: FigureTemplate[], text: string): void {
  // A note in brackets ("共35GB（含上月结转5GB），已使用12.3GB，剩余22.7GB") stands outside the sum.
  const reads = all.filter((r) => !r.inBrackets);
  for (let i = 0; i + 2 < reads.length; i++) {
    const [a, b, c] = [reads[i]!, reads[i + 1]!, reads[i + 2]!];
    if (b.sentence !== a.sentence || c.sentence !== a.sentence) continue;
    // Parts after a semicolon are of another group ("剩余7GB；省内已用1GB，剩余4GB"), also when a note in brackets
    // comes between ("还剩余100.00M；新2元超级叠加包(100M国内流量)已使用0MB，还剩余100.00M", real r17-014).
    if (text.slice(a.end, c.end).includes(';')) continue;
    // "…剩余流量为500MB，详细如下：1.[国内]已使用0MB，剩余500MB" (real r25b-019): the lines under a heading of details say the
    // amounts before it again, by kind; they are no parts of one of them.
    // "流量剩余10.00GB，流量总量情况：已使用…0MB，流量剩余10.01GB" (real r17-031 with its semicolon a line break): nor do the
    // amounts under a summary's heading.
    if (DETAILS_HEADING.test(text.slice(a.end, b.start))) continue;
    if (b.figure.template !== a.figure.template || c.figure.template !== a.figure.template) continue;
    // "…已使用0.00M，还剩余1G，夜间流量包（省内）5元1G已使用199.64M，还剩余824.36M" (real r16-008 with its semicolons line
    // breaks): an amount that closes a pair of use and left of its own is that pool's, no total of the pair after it.
    const pair = reads[i - 1];
    const closesPair = pair !== undefined && pair.sentence === a.sentence && pair.figure.template === a.figure.template && pair.figure.field !== a.figure.field && !text.slice(pair.end, a.start).includes(';');
    // "已用国内流量1.2GB，省内流量300MB，剩余…": an item of the amount's own list is no part of it.
    if (b.figure.label === null && b.figure.field === a.figure.field) continue;
    const template = active.find((t) => t.id === a.figure.template)!;
    for (const sum of template.sums) {
      if (sum.parts.length !== 2) continue;
      const wasTotal = a.figure.field === sum.total;
      if (!sum.parts.includes(b.figure.field) || !sum.parts.includes(c.figure.field) || b.figure.field === c.figure.field) continue;
      if (closesPair && sum.parts.includes(pair.figure.field) && sum.parts.includes(a.figure.field)) continue;
      const slack = Math.max(a.precision, b.precision, c.precision) * 2 + 1e-9;
      if (Math.abs(a.figure.value - b.figure.value - c.figure.value) > slack) continue;
      // A total is no smaller than a part, however roughly the part is written ("已使用134.52M，…剩余1G，…已使用34.00M").
      if (a.figure.value + a.precision / 2 < Math.max(b.figure.value - b.precision / 2, c.figure.value - c.precision / 2)) continue;
      // Its note in brackets said the same of a part ("（含上月结转5GB）"): a part of the total. So is a part said in it of a
      // total named as such ("本月可用国内通用流量共35.00GB（含上月结转5.00GB）").
      const ofWhole = (field: string) => (wasTotal ? sum.parts.includes(field) : field === a.figure.field);
      for (let k = all.indexOf(a) + 1; all[k]?.inBrackets; k++) if (ofWhole(all[k]!.figure.field)) all[k]!.figure.field = sum.total;
      a.figure.field = sum.total;
    }
  }
}

const DETAILS_HEADING = /(?:如下|明细|详情|情况)\s*:/u;

/**
 * "您个人实际消费64.67元，家庭统一支付成员消费2.37元，合计67.04元": amounts read as spent this month that, with the
 * bill lines between them, add up to a bill's total after them in their sentence are that bill's lines (alone,
 * "您个人实际消费98.70元，余额19.90元" stays spent).
 */
export function spentBeforeTotal(reads: Read[], active: FigureTemplate[]): void {
  const bill = active.find((t) => t.items);
  const sum = bill?.sums.find((s) => s.parts.includes('item'));
  if (!bill || !sum) return;
  reads.forEach((total, i) => {
    if (total.figure.template !== bill.id || total.figure.field !== sum.total || total.inBrackets) return;
    const run: Read[] = [];
    // A reply written a clause a line ("…实际消费64.67元\n家庭统一支付成员消费2.37元\n合计67.04元") goes on across its lines.
    const goesOn = (k: number) => reads[k]!.sentence === reads[k + 1]!.sentence || (reads[k]!.sentence === reads[k + 1]!.sentence - 1 && ON_NEXT_LINE.test(reads[k + 1]!.before));
    for (let k = i - 1; k >= 0 && goesOn(k); k--) {
      const f = reads[k]!.figure;
      if (currencyOf(f.currency) !== currencyOf(total.figure.currency) || !((f.template === bill.id && f.field === 'item') || f.field === SPENT)) break;
      run.unshift(reads[k]!);
    }
    if (!run.some((r) => r.figure.field === SPENT)) return;
    const slack = Math.max(total.precision, ...run.map((r) => r.precision)) * run.length + 1e-9;
    if (Math.abs(run.reduce((s, r) => s + r.figure.value, 0) - total.figure.value) > slack) return;
    for (const r of run) {
      if (r.figure.field !== SPENT) continue;
      r.figure = { ...r.figure, topic: bill.topic, template: bill.id, field: 'item', item: r.figure.label };
      r.group = bill.id;
    }
  });
}

/**
 * "您本月截至当前的实时话费总额为78.00元，费用明细为飞享套餐费38.00元，…" (real r15-187), "当月费用42.32元，…费用明细:套餐及
 * 固定费41.00元,语音通信费1.32元" (real r16-035): an amount read as spent that the bill lines after it add up to (the first
 * lines of the run, other figures such as balances between) is the bill's total, whatever the month (labelling rule 1);
 * one whose label calls it a total (`totalWords`: 总额, 合计) is, also when they do not add up (a discount). Spent stays
 * spent when no lines follow, or lines that neither add up to it nor follow a total's name.
 */
export function spentWithItemsAfter(reads: Read[], active: FigureTemplate[]): void {
  const bill = active.find((t) => t.items);
  const sum = bill?.sums.find((s) => s.parts.includes('item'));
  if (!bill || !sum) return;
  const isItem = (r: Read) => r.figure.template === bill.id && r.figure.field === 'item';
  reads.forEach((spent, i) => {
    const f = spent.figure;
    if (f.field !== SPENT || spent.inBrackets) return;
    let k = i + 1;
    // "实时话费71.26元（已优惠9.99元），套餐及固定费52.25元、…" (ours, round 51): a discount between adds to what the lines sum to.
    let discount = 0;
    // Other figures (balances) may stand between; another total or spent amount ends the search.
    while (k < reads.length && !isItem(reads[k]!)) {
      const g = reads[k]!.figure;
      if (g.field === SPENT || (g.template === bill.id && g.field === sum.total)) return;
      if (g.template === bill.id && currencyOf(g.currency) === currencyOf(f.currency) && bill.discountWords.some((w) => g.label?.includes(w))) discount += Math.abs(g.value);
      k++;
    }
    const run: Read[] = [];
    for (; k < reads.length && isItem(reads[k]!) && currencyOf(reads[k]!.figure.currency) === currencyOf(f.currency); k++) run.push(reads[k]!);
    if (run.length === 0) return;
    const named = bill.totalWords.some((w) => f.label?.includes(w));
    let total = 0;
    // Nothing spent adds up to anything ("…已产生0.00元，套餐外流量费0.00元" is no bill).
    const addsUp = f.value > 0 && run.some((r, n) => {
      total += r.figure.value;
      return Math.abs(total - f.value - discount) <= Math.max(spent.precision, ...run.slice(0, n + 1).map((p) => p.precision)) * (n + 1) + 1e-9;
    });
    if (!addsUp && !named) return;
    spent.figure = { ...f, topic: bill.topic, template: bill.id, field: sum.total, item: null };
    spent.group = bill.id;
  });
}

const SPENT = 'spentThisMonth';
const ON_NEXT_LINE = /^[^\S\n]*\n[^\n。!?]*$/u;
