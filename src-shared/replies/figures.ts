import type { FigureTemplate, ReplyRules } from './load';
import { spanOf, type Folded } from './normalize';
import type { Quantity, QuantityScanner } from './quantities';
import { allMatches } from './regex';
import type { DataPool, FieldRule, Measure, Topic } from './schema';
import { fold } from '../search/fold';
import type { CanonicalUnit, FigureRecord, Problem } from './types';

const UNIT: Record<Measure, CanonicalUnit> = { money: 'yuan', data: 'MB', minutes: 'min', count: 'sms', points: 'points' };
/** Labels name the amount that follows them within the same sentence. */
const SENTENCE_END = /[。!?\n]/gu;
const CLAUSE_END = /[,;:。!?()\n、]/u;
/** Between a bare-number label and its number: "积分: 1200", "余额为35.2". */
const BARE_GAP = /^[\s:=为是有还]*$/u;
const LATIN = /[a-z]/u;

export interface FigureReading {
  figures: FigureRecord[];
  problems: Problem[];
  /** Topics of the amounts found, named or not. */
  topics: Topic[];
}

/** A package name and where it ends in the original text. */
export interface PackageName {
  name: string;
  end: number;
}

interface Read {
  figure: FigureRecord;
  precision: number;
  /** Figures checked together: one package, or the whole template. */
  group: string;
  /** The folded words between the previous amount (or sentence) and this one: what names its kind. */
  context: string;
  /** The folded text between the previous amount and this one, across sentences (a heading line). */
  before: string;
  /** The folded text of its sentence up to it ("国内通用流量已使用80%，剩余2.00GB"). */
  sentenceSoFar: string;
  /** Which sentence it is in: a kind carries over to the next amount only within one. */
  sentence: number;
  /** The kind named in brackets right after the amount ("1.23GB（国内通用）"). */
  tagPool: DataPool | null;
}

interface Naming {
  template: FigureTemplate;
  rule: FieldRule;
  label: string;
  /** Folded offsets of the label, to find the nearest. */
  at: number;
  end: number;
}

/** Masked regions (folded offsets) where nothing may be read as an amount. */
export type Mask = [number, number][];

/**
 * Reads the amounts of a reply whose wording names a topic (余额, 流量…): each amount of that
 * topic's measure takes the field of the nearest label, and anything left unnamed is reported.
 * `boilerplate` (disclaimers such as 具体以月结账单为准) is masked and names no topic.
 */
export function readFigures(
  original: string,
  folded: Folded,
  rules: ReplyRules,
  scanner: QuantityScanner,
  mask: Mask,
  packageNames: PackageName[],
  boilerplate: Mask = [],
): FigureReading {
  const text = folded.text;
  const topical = masked(text, boilerplate);
  const quantities = scanner.scan(masked(text, [...mask, ...boilerplate])).filter((q) => !RATE.test(text.slice(q.end, q.end + 8)));
  const active = rules.figures.filter((t) => t.when.some((w) => topical.includes(w)) || namedByUnit(t, topical, quantities));
  if (active.length === 0) return { figures: [], problems: [], topics: [] };

  const sentenceEnds = allMatches(SENTENCE_END, text).map((m) => m.index + 1);
  const sentenceOf = (at: number) => sentenceEnds.filter((e) => e <= at).length;
  const span = (q: Quantity) => spanOf(original, folded, q.start, q.end);
  const topicWords = active.flatMap((t) => t.when);
  const candidatesOf = (q: Quantity, sentenceSoFar: string) =>
    active.filter((t) => (q.measure === null || t.measure === q.measure) && !namesOtherThing(t, sentenceSoFar, topicWords));
  const reads: Read[] = [];
  let context = '';
  let before = '';
  let sentenceSoFar = '';
  let sentence = 0;
  let tagPool: DataPool | null = null;
  const add = (figure: FigureRecord, q: Quantity) =>
    reads.push({ figure, precision: q.precision, group: figure.template, context, before, sentenceSoFar, sentence, tagPool });
  const problems: Problem[] = [];
  const topics = new Set<Topic>();
  let windowFloor = 0;
  // Where the last amount with a unit ended (a bare number such as 80% does not count).
  let measuredEnd = 0;
  let unnamedAmounts = 0;
  // The last amount named by a heading line ("已使用套餐内流量：\n国内通用：8.25GB"), by index.
  let lastHeaded = -2;

  const columns = tableColumns(text, quantities, active);
  quantities.forEach((q, qi) => {
    const ended = sentenceEnds.filter((e) => e <= q.start);
    const floor = Math.max(windowFloor, ended.at(-1) ?? 0);
    before = text.slice(windowFloor, q.start);
    sentenceSoFar = text.slice(Math.max(ended.at(-1) ?? 0, measuredEnd), q.start);
    const tag = poolTag(text, q.end, rules);
    tagPool = tag?.pool ?? null;
    windowFloor = tag?.end ?? q.end;
    if (q.measure !== null) measuredEnd = q.end;
    const window = text.slice(floor, q.start);
    context = window;
    sentence = ended.length;
    const bare = q.measure === null;
    const candidates = candidatesOf(q, text.slice(ended.at(-1) ?? 0, q.start));
    if (candidates.length === 0 || isThreshold(window, text.slice(q.end, q.end + 8), rules)) return;
    const found = bare ? bareNaming(candidates, window) : suffixNaming(candidates, text, q.end) ?? labelNaming(candidates, window);
    const itemised = candidates.find((t) => t.items);
    // "实时话费：月租费38.00元", "本月消费明细：套餐费…": a label before a colon heads a list of bill lines, named by their own words.
    const naming = columns.get(qi) ?? (found && itemised && LIST_HEAD.test(window.slice(found.end)) ? null : found);
    if (naming) {
      const { template, rule, label } = naming;
      topics.add(template.topic);
      const value = rule.negate ? -Math.abs(q.value) : q.value;
      add(record(template, rule.field, value, span(q), label), q);
      return;
    }
    const heading = bare ? undefined : headingField(candidates, before, lastHeaded === qi - 1 ? reads.at(-1) : undefined);
    if (heading) {
      lastHeaded = qi;
      topics.add(heading.template.topic);
      add(record(heading.template, heading.field, q.value, span(q), null), q);
      return;
    }
    const next = quantities[qi + 1];
    // Words after the amount that name its kind (a tag) are not a name it is part of.
    const after = tag ? '' : text.slice(q.end, q.end + 2);
    const partOf = bare
      ? undefined
      : (slashTotal(candidates, window, reads.at(-1), sentence) ??
        breakdownOf(candidates, window, after, tagPool, reads.at(-1), sentence, rules) ??
        totalBeforeParts(candidates, text, q, next, sentenceOf) ??
        totalAfterParts(candidates, q, reads) ??
        listedAfter(candidates, window, after, reads.at(-1), sentence));
    if (partOf) {
      topics.add(partOf.template.topic);
      add(record(partOf.template, partOf.field, q.value, span(q), null), q);
      return;
    }
    if (bare) {
      // A decimal with no unit in a figures reply is an amount nobody named; a whole number is a code or a count.
      if (q.decimals > 0) problems.push({ code: 'unattributed', span: span(q), detail: 'no unit and no label' });
      return;
    }
    // "您10月消费58.00元，其中：套餐及固定费…": the amount its items follow is their total.
    const sum = itemised?.sums.find((x) => x.parts.includes('item'));
    if (itemised && sum && opensBreakdown(text.slice(q.end, q.end + 12), itemised)) {
      topics.add(itemised.topic);
      add(record(itemised, sum.total, q.value, span(q), null), q);
      return;
    }
    const item = itemised && itemName(window);
    if (itemised && item) {
      topics.add(itemised.topic);
      const itemSpan = spanOf(original, folded, floor + item.at, floor + item.at + item.text.length);
      add({ ...record(itemised, 'item', q.value, span(q), null), item: itemSpan.text }, q);
      return;
    }
    for (const t of candidates) topics.add(t.topic);
    unnamedAmounts++;
    problems.push({ code: 'unattributed', span: span(q), detail: `no label names this ${candidates[0]!.measure} amount` });
  });

  const hasNamed = reads.length > 0;
  // Nothing named: a stray decimal is no answer, and amounts next to marketing words are an ad.
  if (!hasNamed && (unnamedAmounts === 0 || rules.offers.some((w) => text.includes(w)))) {
    return { figures: [], problems: [], topics: [] };
  }

  totalsThatAddUp(reads, active);
  assignPackages(reads, active, packageNames);
  assignPools(reads, rules);
  problems.push(...checkSums(reads, active));
  return { figures: reads.map((r) => r.figure), problems, topics: [...topics] };
}

const LIST_HEAD = /^[^\d:,;。]{0,4}:\s*[^\s\d:]/u;

/** The thing last named in the clause group is not this topic ("WLAN时长已用120分钟，剩余880分钟" is no call time). */
function namesOtherThing(t: FigureTemplate, sentence: string, topicWords: string[]): boolean {
  if (t.unless.length === 0) return false;
  const group = sentence.slice(sentence.lastIndexOf(';') + 1);
  const last = (words: string[]) => Math.max(-1, ...words.map((w) => group.lastIndexOf(w)));
  const other = last(t.unless);
  return other >= 0 && other >= last(topicWords);
}

/** "余额已低于10元", "10GB以上": the amount is a threshold the words compare with, not a figure. */
function isThreshold(window: string, after: string, rules: ReplyRules): boolean {
  const lead = window.replace(/[\s:=为是已]+$/u, '');
  const tail = after.trimStart();
  return rules.thresholds.before.some((w) => lead.endsWith(w)) || rules.thresholds.after.some((w) => tail.startsWith(w));
}

/**
 * A table: a header line of labels and no amount ("类型 总量 已用 剩余") over rows with as many amounts
 * ("国内通用流量 10GB 2GB 8GB"): each amount takes the field of its column. Returns namings by quantity index.
 */
function tableColumns(text: string, quantities: Quantity[], active: FigureTemplate[]): Map<number, Naming> {
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
      const labels = line.length <= 40 && /\S[\s|]+\S/u.test(line) ? columnLabels(line, allowance[0]!) : [];
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

function opensBreakdown(after: string, t: FigureTemplate): boolean {
  const rest = after.replace(/^[\s,;:。]+/u, '');
  return t.itemsAfter.some((w) => rest.startsWith(w));
}

/** "0.29元/MB", "9元/月": a rate, never a figure. */
const RATE = /^\s*\/\s*(?:[a-z]{1,3}(?![a-z])|月|天|日|次|条|分钟|个|小时|周|年|兆)/u;

/**
 * A topic whose measure is its own (data, minutes) is about when an amount in that unit and one of
 * its labels are both written ("4G套餐内剩余：2.5GB" names no 流量).
 */
function namedByUnit(t: FigureTemplate, text: string, quantities: Quantity[]): boolean {
  return t.byUnit && quantities.some((q) => q.measure === t.measure) && t.fields.some((r) => r.labels.some((l) => text.includes(l)));
}

/**
 * A kind in brackets right after an amount ("1.23GB（国内通用）"), not a note ("（含结转…）"), in
 * English words after it ("2.5GB of night data left"), or in the data words right after it ("2GB省内流量").
 */
function poolTag(text: string, at: number, rules: ReplyRules): { pool: DataPool; end: number } | null {
  const m = /^\s*\(([^()\d\n]{1,12})\)|^\s+of\s+((?:[a-z-]+\s+){1,2})data\b|^([^\d\s,;。:()\n]{1,8}?(?:流量|数据))(?=[\s,;。!?、]|$)/u.exec(
    text.slice(at, at + 30),
  );
  if (m?.[2] !== undefined) {
    const pool = poolIn(m[2], rules);
    return pool ? { pool, end: at } : null;
  }
  // "还剩2.5GB国内通用流量": the words after the amount name its kind, and not the next amount's.
  if (m?.[3] !== undefined) {
    const pool = poolIn(m[3], rules);
    return pool ? { pool, end: at + m[0].length } : null;
  }
  if (!m || /含|包括|其中|不含/u.test(m[1]!)) return null;
  const pool = poolIn(m[1]!, rules);
  return pool ? { pool, end: at + m[0].length } : null;
}

const poolIn = (words: string, rules: ReplyRules): DataPool | null =>
  rules.pools.find((p) => p.words.some((w) => words.includes(w)))?.pool ?? null;

interface Continued {
  template: FigureTemplate;
  field: string;
}

/** "已用2.3GB/10GB": the amount after a slash is the total of the one before. */
function slashTotal(candidates: FigureTemplate[], window: string, previous: Read | undefined, sentence: number): Continued | undefined {
  if (!previous || previous.sentence !== sentence || !/^\s*\/\s*$/u.test(window)) return undefined;
  const template = candidates.find((t) => t.id === previous.figure.template);
  const sum = template?.sums.find((s) => s.parts.includes(previous.figure.field));
  return template && sum ? { template, field: sum.total } : undefined;
}

/**
 * An unnamed amount that goes on from the one just before, in the same sentence: a part of it
 * ("…总流量3.76MB，其中3G流量0.00MB") or, for data, the next kind in a list ("剩余流量：国内通用5GB，省内2GB").
 */
function breakdownOf(
  candidates: FigureTemplate[],
  window: string,
  after: string,
  tagPool: DataPool | null,
  previous: Read | undefined,
  sentence: number,
  rules: ReplyRules,
): Continued | undefined {
  if (!previous || previous.sentence !== sentence) return undefined;
  const template = candidates.find((t) => t.id === previous.figure.template);
  if (!template) return undefined;
  const part = template.breakdown.some((w) => window.includes(w));
  const nextKind = template.topic === 'data' && listGoesOn(window, after) && (tagPool !== null || poolIn(window, rules) !== null);
  return part || nextKind ? { template, field: previous.figure.field } : undefined;
}

/**
 * Lines under a heading line that ends with a colon and holds a label ("您本月已使用套餐内流量：") take
 * its field ("国内通用：8.25GB\n省内通用：2.10GB"); the lines after the first go on from the one before.
 */
function headingField(candidates: FigureTemplate[], before: string, previous: Read | undefined): Continued | undefined {
  if (previous && /^\s*\n[^\n\d]{0,20}$/u.test(before)) {
    const template = candidates.find((t) => t.fields.some((r) => r.field === previous.figure.field));
    return template ? { template, field: previous.figure.field } : undefined;
  }
  const line = /(?:^|\n)([^\n]*):\s*\n[^\n\d]{0,20}$/u.exec(before)?.[1];
  const naming = line === undefined ? null : labelNaming(candidates, line);
  return naming ? { template: naming.template, field: naming.rule.field } : undefined;
}

/**
 * A list goes on with a short item ("，省内2GB", "，通话200分钟"), not after a new heading ("如下：") nor with
 * an amount that is part of a package's name ("优惠包10M", "10M本地通用流量").
 */
function listGoesOn(window: string, after: string): boolean {
  return window.length <= 12 && !window.includes(':') && !/(?:包|套餐|卡)\s*$/u.test(window) && !/^[\u4e00-\u9fff]/u.test(after);
}

/**
 * An unnamed amount followed, in its sentence, by a part of a sum ("国内主叫100分钟，已用20分钟，剩余80分钟")
 * is that sum's total.
 */
function totalBeforeParts(
  candidates: FigureTemplate[],
  text: string,
  q: Quantity,
  next: Quantity | undefined,
  sentenceOf: (at: number) => number,
): Continued | undefined {
  if (!next || next.measure !== q.measure || sentenceOf(next.start) !== sentenceOf(q.start)) return undefined;
  const window = text.slice(q.end, next.start);
  const naming = suffixNaming(candidates, text, next.end) ?? labelNaming(candidates, window);
  const sum = naming?.template.sums.find((s) => s.parts.includes(naming.rule.field) && s.total !== naming.rule.field);
  return naming && sum ? { template: naming.template, field: sum.total } : undefined;
}

/** "现金余额：50.00元\n赠送余额：10.00元\n合计：60.00元": an unnamed amount that the parts just before add up to. */
function totalAfterParts(candidates: FigureTemplate[], q: Quantity, reads: Read[]): Continued | undefined {
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
 * After one label, a list across topics ("套餐余量：国内流量1.2GB，通话200分钟，短信50条"): an unnamed
 * amount whose words name its topic takes the field of the amount before it in the sentence.
 */
function listedAfter(candidates: FigureTemplate[], window: string, after: string, previous: Read | undefined, sentence: number): Continued | undefined {
  if (!previous || previous.sentence !== sentence || !listGoesOn(window, after)) return undefined;
  const field = previous.figure.field;
  const template = candidates.find(
    (t) => t.id !== previous.figure.template && t.when.some((w) => window.includes(w)) && t.fields.some((r) => r.field === field),
  );
  return template ? { template, field } : undefined;
}

function record(t: FigureTemplate, field: string, value: number, span: FigureRecord['span'], label: string | null): FigureRecord {
  const unit = UNIT[t.measure];
  return { topic: t.topic, field, value, unit, package: null, pool: null, item: null, span, template: t.id, label, confidence: 'sure' };
}

function masked(text: string, mask: Mask): string {
  let out = '';
  let at = 0;
  for (const [from, to] of [...mask].sort((a, b) => a[0] - b[0])) {
    if (to <= at) continue;
    const start = Math.max(from, at);
    out += text.slice(at, start) + '\u0000'.repeat(to - start);
    at = to;
  }
  return out + text.slice(at);
}

function isWordAt(text: string, at: number, word: string): boolean {
  if (LATIN.test(word[0]!) && LATIN.test(text[at - 1] ?? '')) return false;
  return !(LATIN.test(word.at(-1)!) && LATIN.test(text[at + word.length] ?? ''));
}

/**
 * The nearest label before the amount; on a tie the longest ("含赠款" over "赠款", "unused" over "used").
 * A head noun (余额, 积分) takes the meaning of a label just before it: 赠款余额 is a gift, 到期积分 expiring.
 */
function labelNaming(candidates: FigureTemplate[], window: string): Naming | null {
  let best: Naming | null = null;
  for (const template of candidates) {
    for (const rule of template.fields) {
      for (const label of rule.labels) {
        let at = window.lastIndexOf(label);
        while (at >= 0 && !isWordAt(window, at, label)) at = at === 0 ? -1 : window.lastIndexOf(label, at - 1);
        if (at < 0) continue;
        const end = at + label.length;
        if (!best || end > best.end || (end === best.end && label.length > best.label.length)) best = { template, rule, label, at, end };
      }
    }
  }
  return best && best.template.heads.includes(best.label) ? (qualifierOf(best, window) ?? best) : best;
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

/** A word right after the amount ("8.8GB left", "1.2GB of data used"). */
function suffixNaming(candidates: FigureTemplate[], text: string, after: number): Naming | null {
  // Within the line: a word on the next line, or one followed by an amount, names that amount instead.
  const rest = text.slice(after, after + 40).replace(/^[ \t]*(?:of\s+(?:your\s+)?)?(?:[a-z-]+\s+){0,2}?(?:data|流量)[ \t]*|^[ \t]*/u, '');
  const namesNext = (t: FigureTemplate, s: string) =>
    t.fields.some((r) => r.labels.includes(s)) && /^[\s:=为是有还]*[\d-]/u.test(rest.slice(s.length));
  for (const template of candidates) {
    for (const rule of template.fields) {
      const label = rule.suffixes?.find((s) => rest.startsWith(s) && isWordAt(rest, 0, s) && !namesNext(template, s));
      if (label) return { template, rule, label, at: after, end: after };
    }
  }
  return null;
}

function bareNaming(candidates: FigureTemplate[], window: string): Naming | null {
  for (const template of candidates) {
    for (const rule of template.fields) {
      if (!rule.bare) continue;
      for (const label of rule.labels) {
        const at = window.lastIndexOf(label);
        if (at >= 0 && BARE_GAP.test(window.slice(at + label.length))) return { template, rule, label, at, end: at + label.length };
      }
    }
  }
  return null;
}

/** A bill line is named by the clause just before its amount ("，语音通信费12.30元"). */
function itemName(window: string): { text: string; at: number } | null {
  // "套餐及固定费：58.00元": the name is before the colon.
  const named = window.replace(/[\s:=]+$/u, '');
  let cut = named.length;
  while (cut > 0 && !CLAUSE_END.test(named[cut - 1]!)) cut--;
  const raw = named.slice(cut);
  const lead = raw.length - raw.trimStart().replace(/^(?:其中|另|and)\s*/u, '').length;
  const name = raw.slice(lead).trimEnd();
  return name ? { text: name, at: cut + lead } : null;
}

/**
 * "可用流量为10GB，已使用8.8GB，剩余1.2GB": an amount followed in its sentence by the two parts of a sum
 * that add up to it is that sum's total, whatever its label said.
 */
function totalsThatAddUp(reads: Read[], active: FigureTemplate[]): void {
  for (let i = 0; i + 2 < reads.length; i++) {
    const [a, b, c] = [reads[i]!, reads[i + 1]!, reads[i + 2]!];
    if (b.sentence !== a.sentence || c.sentence !== a.sentence) continue;
    if (b.figure.template !== a.figure.template || c.figure.template !== a.figure.template) continue;
    const template = active.find((t) => t.id === a.figure.template)!;
    for (const sum of template.sums) {
      if (sum.parts.length !== 2 || a.figure.field === sum.total) continue;
      if (!sum.parts.includes(b.figure.field) || !sum.parts.includes(c.figure.field) || b.figure.field === c.figure.field) continue;
      const slack = Math.max(a.precision, b.precision, c.precision) * 2 + 1e-9;
      if (Math.abs(a.figure.value - b.figure.value - c.figure.value) <= slack) a.figure.field = sum.total;
    }
  }
}

/** Allowance figures take the package named before them; a field seen twice starts a new package. */
function assignPackages(reads: Read[], active: FigureTemplate[], names: PackageName[]): void {
  const grouped = new Set(active.filter((t) => t.packages).map((t) => t.id));
  const current = new Map<string, { name: string | null; fields: Set<string>; index: number }>();
  for (const read of reads) {
    const f = read.figure;
    if (!grouped.has(f.template)) continue;
    const name = names.filter((n) => n.end <= f.span.start).at(-1)?.name ?? null;
    let group = current.get(f.template);
    if (!group || group.name !== name || group.fields.has(f.field)) {
      group = { name, fields: new Set(), index: (group?.index ?? -1) + 1 };
      current.set(f.template, group);
    }
    group.fields.add(f.field);
    f.package = name;
    read.group = `${f.template}#${group.index}`;
  }
}

/** The kind named last in a text (the nearest to what follows it). */
function lastPoolIn(text: string, rules: ReplyRules): DataPool | null {
  let best: { pool: DataPool; at: number } | null = null;
  for (const p of rules.pools) {
    for (const w of p.words) {
      const at = text.lastIndexOf(w);
      if (at >= 0 && (!best || at + w.length > best.at)) best = { pool: p.pool, at: at + w.length };
    }
  }
  return best?.pool ?? null;
}

/** A line of its own with no amount ("国内通用流量：", "【省内流量】") heads the lines under it. */
const HEADING = /(?:^|\n)([^\n\d]{1,20})\n[^\n]*$/u;

/**
 * The kind of each data amount: named by the words before it, else by its package's name, else the
 * kind of the amount before it in the same sentence and package ("国内通用流量共75G，已用8.21G"),
 * else by a heading line above it ("国内通用流量：\n总量10GB\n已用2GB"), which the lines under it share.
 */
function assignPools(reads: Read[], rules: ReplyRules): void {
  const dataWords = rules.figures.filter((t) => t.topic === 'data').flatMap((t) => t.when);
  let previous: { pool: DataPool | null; sentence: number; package: string | null; headed: boolean } | null = null;
  for (const read of reads) {
    const f = read.figure;
    if (f.topic !== 'data') continue;
    let pool = read.tagPool ?? poolIn(read.context, rules) ?? (f.package === null ? null : poolIn(fold(f.package), rules));
    let headed = false;
    const same = previous !== null && previous.package === f.package;
    // Words naming data again ("，套餐内流量剩余8GB") start another amount, which does not take the kind before it.
    // "，合计剩余4.49GB": a total over the kinds before it has no kind of its own.
    const overKinds = rules.allKinds.some((w) => read.context.includes(w));
    const namesAnew = overKinds || dataWords.some((w) => read.context.includes(w));
    if (pool === null && same && previous!.sentence === read.sentence && !namesAnew) ({ pool, headed } = previous!);
    // The first data amount of its sentence: the kind may be named before a bare number ("已使用80%，剩余2.00GB").
    if (pool === null && !overKinds && (previous === null || previous.sentence !== read.sentence)) pool = lastPoolIn(read.sentenceSoFar, rules);
    if (pool === null) {
      const heading = HEADING.exec(read.before)?.[1];
      if (heading !== undefined) {
        pool = poolIn(heading, rules);
        headed = pool !== null;
      } else if (same && previous!.headed && poolIn(read.before, rules) === null) ({ pool, headed } = previous!);
    }
    f.pool = pool;
    previous = { pool, sentence: read.sentence, package: f.package, headed };
  }
}

/** Checks each template's sums within each package; figures that contradict each other become unsure. */
function checkSums(reads: Read[], active: FigureTemplate[]): Problem[] {
  const problems: Problem[] = [];
  const groups = new Map<string, Read[]>();
  for (const r of reads) groups.set(r.group, [...(groups.get(r.group) ?? []), r]);
  for (const group of groups.values()) {
    const template = active.find((t) => t.id === group[0]!.figure.template)!;
    for (const sum of template.sums) {
      const total = group.find((r) => r.figure.field === sum.total);
      const parts = group.filter((r) => sum.parts.includes(r.figure.field));
      if (!total || sum.parts.some((p) => !parts.some((r) => r.figure.field === p))) continue;
      const added = parts.reduce((s, r) => s + r.figure.value, 0);
      // Each amount is rounded to its last written digit, so the sum may be off by that much per term.
      const slack = Math.max(...[total, ...parts].map((r) => r.precision)) * parts.length + 1e-9;
      if (Math.abs(added - total.figure.value) <= slack) continue;
      // A discount leaves a bill's total below its items (共消费38.19元: 98.00 + 0.19 before it).
      if (sum.discounts && total.figure.value <= added + slack) continue;
      for (const r of [total, ...parts]) r.figure.confidence = 'unsure';
      problems.push({
        code: 'does-not-add-up',
        span: total.figure.span,
        detail: `${sum.parts.join(' + ')} = ${round2(added)} ≠ ${sum.total} ${round2(total.figure.value)}`,
      });
    }
  }
  return problems;
}

const round2 = (n: number) => Math.round(n * 100) / 100;
