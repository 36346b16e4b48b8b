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
}

interface Naming {
  template: FigureTemplate;
  rule: FieldRule;
  label: string;
  /** Folded offset of the label's end, to find the nearest. */
  end: number;
}

/** Masked regions (folded offsets) where nothing may be read as an amount. */
export type Mask = [number, number][];

/**
 * Reads the amounts of a reply whose wording names a topic (余额, 流量…): each amount of that
 * topic's measure takes the field of the nearest label, and anything left unnamed is reported.
 */
export function readFigures(
  original: string,
  folded: Folded,
  rules: ReplyRules,
  scanner: QuantityScanner,
  mask: Mask,
  packageNames: PackageName[],
): FigureReading {
  const text = folded.text;
  const active = rules.figures.filter((t) => t.when.some((w) => text.includes(w)));
  if (active.length === 0) return { figures: [], problems: [], topics: [] };

  const quantities = scanner.scan(masked(text, mask));
  const sentenceEnds = allMatches(SENTENCE_END, text).map((m) => m.index + 1);
  const span = (q: Quantity) => spanOf(original, folded, q.start, q.end);
  const reads: Read[] = [];
  let context = '';
  let before = '';
  let sentenceSoFar = '';
  let sentence = 0;
  const add = (figure: FigureRecord, q: Quantity) =>
    reads.push({ figure, precision: q.precision, group: figure.template, context, before, sentenceSoFar, sentence });
  const problems: Problem[] = [];
  const topics = new Set<Topic>();
  let windowFloor = 0;
  // Where the last amount with a unit ended (a bare number such as 80% does not count).
  let measuredEnd = 0;
  let unnamedAmounts = 0;

  for (const q of quantities) {
    const ended = sentenceEnds.filter((e) => e <= q.start);
    const floor = Math.max(windowFloor, ended.at(-1) ?? 0);
    before = text.slice(windowFloor, q.start);
    sentenceSoFar = text.slice(Math.max(ended.at(-1) ?? 0, measuredEnd), q.start);
    windowFloor = q.end;
    if (q.measure !== null) measuredEnd = q.end;
    const window = text.slice(floor, q.start);
    context = window;
    sentence = ended.length;
    const bare = q.measure === null;
    const candidates = bare ? active : active.filter((t) => t.measure === q.measure);
    if (candidates.length === 0) continue;
    const naming = bare ? bareNaming(candidates, window) : suffixNaming(candidates, text, q.end) ?? labelNaming(candidates, window);
    if (naming) {
      const { template, rule, label } = naming;
      topics.add(template.topic);
      const value = rule.negate ? -Math.abs(q.value) : q.value;
      add(record(template, rule.field, value, span(q), label), q);
      continue;
    }
    const partOf = bare ? undefined : breakdownOf(candidates, window, reads.at(-1), sentence, rules);
    if (partOf) {
      const template = active.find((t) => t.id === partOf.template)!;
      add(record(template, partOf.field, q.value, span(q), null), q);
      continue;
    }
    if (bare) {
      // A decimal with no unit in a figures reply is an amount nobody named; a whole number is a code or a count.
      if (q.decimals > 0) problems.push({ code: 'unattributed', span: span(q), detail: 'no unit and no label' });
      continue;
    }
    const itemised = candidates.find((t) => t.items);
    const item = itemised && itemName(window);
    if (itemised && item) {
      topics.add(itemised.topic);
      const itemSpan = spanOf(original, folded, floor + item.at, floor + item.at + item.text.length);
      add({ ...record(itemised, 'item', q.value, span(q), null), item: itemSpan.text }, q);
      continue;
    }
    for (const t of candidates) topics.add(t.topic);
    unnamedAmounts++;
    problems.push({ code: 'unattributed', span: span(q), detail: `no label names this ${candidates[0]!.measure} amount` });
  }

  const hasNamed = reads.length > 0;
  // Nothing named: a stray decimal is no answer, and amounts next to marketing words are an ad.
  if (!hasNamed && (unnamedAmounts === 0 || rules.offers.some((w) => text.includes(w)))) {
    return { figures: [], problems: [], topics: [] };
  }

  assignPackages(reads, active, packageNames);
  assignPools(reads, rules);
  problems.push(...checkSums(reads, active));
  return { figures: reads.map((r) => r.figure), problems, topics: [...topics] };
}

/**
 * An unnamed amount that goes on from the one just before, in the same sentence: a part of it
 * ("…总流量3.76MB，其中3G流量0.00MB") or, for data, the next kind in a list ("剩余流量：国内通用5GB，省内2GB").
 */
function breakdownOf(
  candidates: FigureTemplate[],
  window: string,
  previous: Read | undefined,
  sentence: number,
  rules: ReplyRules,
): FigureRecord | undefined {
  if (!previous || previous.sentence !== sentence) return undefined;
  const template = candidates.find((t) => t.id === previous.figure.template);
  if (!template) return undefined;
  const part = template.breakdown.some((w) => window.includes(w));
  const nextKind = template.topic === 'data' && rules.pools.some((p) => p.words.some((w) => window.includes(w)));
  return part || nextKind ? previous.figure : undefined;
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

/** The nearest label before the amount; on a tie the longest ("含赠款" over "赠款", "unused" over "used"). */
function labelNaming(candidates: FigureTemplate[], window: string): Naming | null {
  let best: Naming | null = null;
  for (const template of candidates) {
    for (const rule of template.fields) {
      for (const label of rule.labels) {
        let at = window.lastIndexOf(label);
        while (at >= 0 && !isWordAt(window, at, label)) at = at === 0 ? -1 : window.lastIndexOf(label, at - 1);
        if (at < 0) continue;
        const end = at + label.length;
        if (!best || end > best.end || (end === best.end && label.length > best.label.length)) best = { template, rule, label, end };
      }
    }
  }
  return best;
}

/** A word right after the amount ("8.8GB left", "1.2GB of data used"). */
function suffixNaming(candidates: FigureTemplate[], text: string, after: number): Naming | null {
  // Within the line: a word on the next line, or one followed by an amount, names that amount instead.
  const rest = text.slice(after, after + 40).replace(/^[ \t]*(?:of\s+(?:your\s+)?)?(?:data|流量)?[ \t]*/u, '');
  const namesNext = (t: FigureTemplate, s: string) =>
    t.fields.some((r) => r.labels.includes(s)) && /^[\s:=为是有还]*[\d-]/u.test(rest.slice(s.length));
  for (const template of candidates) {
    for (const rule of template.fields) {
      const label = rule.suffixes?.find((s) => rest.startsWith(s) && isWordAt(rest, 0, s) && !namesNext(template, s));
      if (label) return { template, rule, label, end: after };
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
        if (at >= 0 && BARE_GAP.test(window.slice(at + label.length))) return { template, rule, label, end: at + label.length };
      }
    }
  }
  return null;
}

/** A bill line is named by the clause just before its amount ("，语音通信费12.30元"). */
function itemName(window: string): { text: string; at: number } | null {
  let cut = window.length;
  while (cut > 0 && !CLAUSE_END.test(window[cut - 1]!)) cut--;
  const raw = window.slice(cut);
  const lead = raw.length - raw.trimStart().replace(/^(?:其中|另|and)\s*/u, '').length;
  const name = raw.slice(lead).trimEnd();
  return name ? { text: name, at: cut + lead } : null;
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

/** A line of its own that ends with a colon ("国内通用流量：") heads the lines under it. */
const HEADING = /(?:^|\n)([^\n\d]{1,20})[:：]\s*\n[^\n]*$/u;

/**
 * The kind of each data amount: named by the words before it, else by its package's name, else the
 * kind of the amount before it in the same sentence and package ("国内通用流量共75G，已用8.21G"),
 * else by a heading line above it ("国内通用流量：\n总量10GB\n已用2GB"), which the lines under it share.
 */
function assignPools(reads: Read[], rules: ReplyRules): void {
  const poolIn = (words: string): DataPool | null => rules.pools.find((p) => p.words.some((w) => words.includes(w)))?.pool ?? null;
  let previous: { pool: DataPool | null; sentence: number; package: string | null; headed: boolean } | null = null;
  for (const read of reads) {
    const f = read.figure;
    if (f.topic !== 'data') continue;
    let pool = poolIn(read.context) ?? (f.package === null ? null : poolIn(fold(f.package)));
    let headed = false;
    const same = previous !== null && previous.package === f.package;
    if (pool === null && same && previous!.sentence === read.sentence) ({ pool, headed } = previous!);
    // The first data amount of its sentence: the kind may be named before a bare number ("已使用80%，剩余2.00GB").
    if (pool === null && (previous === null || previous.sentence !== read.sentence)) pool = lastPoolIn(read.sentenceSoFar, rules);
    if (pool === null) {
      const heading = HEADING.exec(read.before)?.[1];
      if (heading !== undefined) {
        pool = poolIn(heading);
        headed = pool !== null;
      } else if (same && previous!.headed && poolIn(read.before) === null) ({ pool, headed } = previous!);
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
