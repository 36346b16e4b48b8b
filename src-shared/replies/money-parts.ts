import { ownClause } from './clauses';
import type { Read } from './figures';
import type { FigureTemplate, ReplyRules } from './load';

/**
 * Money said in parts, as labelling rules 6 and 10 of 2026-12-06 read it (tests/fixtures/replies/README.md). The app adds
 * up every `balance.balance` figure of a reply (fleet `balanceOf`), so a part read as a second balance, or a month's part
 * of what is owed beside the amount owed in all, would count twice.
 */

const SENTENCE_END = /[。!?\n]/u;
/** A part's own label (clauses.ts): after a colon that heads the parts ("其中：通用余额"), only the part's words. */
const labelOf = (words: string) => ownClause(words, 'label');
/** Fields of the balance template that a part of a balance may have been read as. */
const PART_FIELDS = new Set(['balance', 'cash', 'gift', 'other']);

const owedOf = new WeakMap<FigureTemplate, Set<string>>();

/** Built once per template: every reply with a balance asks. */
function owedLabels(t: FigureTemplate): Set<string> {
  let owed = owedOf.get(t);
  if (owed === undefined) owedOf.set(t, (owed = new Set(t.fields.filter((r) => r.negate).flatMap((r) => r.labels))));
  return owed;
}

/**
 * Rule 6: after a balance, the amounts its parts are said in (其中基本账户余额…, 专款可用余额…, a bracket's 含话费返还…) are no
 * second balance: `other`, unless the part is what can be spent (可用余额, not an earmarked 专款可用余额: rule 5, read as
 * the balance). Money kept for named services (专项使用费余额, 专项结余预存款: `earmarked`) is `other` wherever it stands. Parts
 * with no balance said beside them: the cash or general part (现金余额, 通用余额) is the balance, unless a part word opens its
 * sentence (其中…): then a total was said, only not read.
 */
export function balanceParts(reads: Read[], text: string, rules: ReplyRules): void {
  const template = rules.figures.find((t) => t.topic === 'balance' && t.fields.some((r) => r.field === 'cash'));
  if (!template) return;
  const owed = owedLabels(template);
  const money = (r: Read) => r.figure.template === template.id && PART_FIELDS.has(r.figure.field) && !(r.figure.label !== null && owed.has(r.figure.label));
  const { opens, spendable, earmarked } = rules.moneyParts;
  let total: Read | undefined;
  for (const read of reads) {
    if (!money(read)) {
      total = undefined;
      continue;
    }
    // "专项使用费余额为48.12元", "专项结余预存款0.00元": money kept for named services only is no balance, with or without a total.
    if (read.figure.field === 'balance' && earmarked.some((w) => labelOf(read.context).includes(w))) {
      read.figure = { ...read.figure, field: 'other' };
      continue;
    }
    if (total && read.figure.field === 'balance' && opensParts(text.slice(total.end, read.start), opens)) {
      // A part called 可用 is left as read: rule 5 says which of it and the total is the balance.
      if (!spendableWords(read.context, spendable, earmarked)) read.figure = { ...read.figure, field: partField(template, read.context) };
      continue;
    }
    if (read.figure.field === 'balance') total = read;
  }
  const balanced = reads.some((r) => money(r) && r.figure.field === 'balance');
  const cash = reads.find((r) => r.figure.template === template.id && r.figure.field === 'cash');
  // "其中现金账户…" is a part of a total said before it, also when that total could not be read (masked, garbled): no balance.
  if (!balanced && cash && !opensParts(text.slice(0, cash.start), opens)) cash.figure = { ...cash.figure, field: 'balance' };
}

/** A part's field by a part's label in its own words (基本账户余额: cash, 账户余额 being the longer label), else `other`. */
function partField(template: FigureTemplate, words: string): string {
  const clause = labelOf(words);
  const rule = template.fields.find((r) => r.field !== 'balance' && !r.negate && PART_FIELDS.has(r.field) && r.labels.some((l) => clause.includes(l)));
  return rule?.field ?? 'other';
}

/** A part word after the total, in the part's sentence ("。其中基本账户…" opens a sentence of parts). */
function opensParts(between: string, opens: string[]): boolean {
  const at = Math.max(...opens.map((w) => between.lastIndexOf(w)));
  return at >= 0 && !SENTENCE_END.test(between.slice(at));
}

/** "其中可用余额": a part named what can be spent, not an earmarked one ("专款可用余额"). */
function spendableWords(words: string, spendable: string[], earmarked: string[]): boolean {
  const clause = labelOf(words);
  return spendable.some((w) => {
    const at = clause.lastIndexOf(w);
    return at >= 0 && !earmarked.some((e) => clause.slice(0, at).includes(e));
  });
}

/**
 * Rule 10: beside an amount owed in all (您已欠费42.27元, a 欠费总额 of no period: `owedInAll`), what is owed for one period
 * (往月欠费, 截止上月欠费, 本月欠费, 往月欠费总额) is a part of it: `other`. Parts with no amount owed in all stay each owed
 * (往月欠费0.00元 beside 预付款欠费5.84元).
 */
export function owedParts(reads: Read[], rules: ReplyRules): void {
  const template = rules.figures.find((t) => t.topic === 'balance' && t.fields.some((r) => r.negate));
  if (!template) return;
  const owed = owedLabels(template);
  const periods = rules.moneyParts.owedPeriods;
  const owing = reads.filter((r) => r.figure.template === template.id && r.figure.label !== null && owed.has(r.figure.label));
  const ofPeriod = (r: Read) => {
    const at = r.context.lastIndexOf(r.figure.label!);
    const lead = r.context.slice(0, at).replace(/的$/u, '');
    return at >= 0 && periods.some((p) => lead.endsWith(p));
  };
  const parts = owing.filter(ofPeriod);
  // "欠费65.96元，历史欠费0.00元" (real r22-019): the word owed standing bare in its clause, beside a period's part, is the whole.
  const inAll = (r: Read) => rules.moneyParts.owedInAll.some((w) => labelOf(r.context).includes(w)) || labelOf(r.context).trim() === r.figure.label;
  // "话费余额为-52.37元，…历史欠费金额为10.97元" (real r23a-017): a balance below zero is the whole owed as well.
  const belowZero = reads.some((r) => r.figure.template === template.id && r.figure.field === 'balance' && r.figure.value < 0 && !owing.includes(r));
  if (parts.length === 0 || !(belowZero || owing.some((r) => !ofPeriod(r) && inAll(r)))) return;
  for (const r of parts) r.figure = { ...r.figure, field: 'other', value: Math.abs(r.figure.value) };
}

/**
 * Rule 10: what the bill says must be paid (本期应缴, 应缴费用: `due`) is the bill's total when it is what its item lines
 * come to (the only total beside them, or the same amount as the total said with them, less what was deducted between:
 * 共计140.10元，已由赠款抵扣20.00元，实际应缴120.10元). Otherwise it is what is owed now, a balance below zero (0 included):
 * alone (您本期应缴话费58.00元), or after a total it differs from with nothing deducted to explain it (家庭合计133.50元，优惠后应缴
 * 123.50元). Not when the reply says it was paid (`settled`: 已从您的账户余额中扣除) or says beside it what is still owed
 * (尚需缴纳86.00元): then it is the bill's amount, no debt of its own.
 */
export function dueNow(reads: Read[], text: string, rules: ReplyRules): boolean {
  const { due, settled } = rules.moneyParts;
  const bill = rules.figures.find((t) => t.items);
  const balance = rules.figures.find((t) => t.topic === 'balance' && t.fields.some((r) => r.negate));
  if (due.length === 0 || !bill || !balance) return false;
  let owed = false;
  const ofBill = (r: Read, field: string) => r.figure.template === bill.id && r.figure.field === field;
  const near = (a: number, b: number) => Math.abs(a - b) < 0.005;
  for (const read of reads) {
    const f = read.figure;
    if (!ofBill(read, 'total') || f.label === null || !due.some((w) => f.label!.includes(w))) continue;
    const items = reads.filter((r) => ofBill(r, 'item'));
    const totals = reads.filter((r) => r !== read && ofBill(r, 'total'));
    if (items.length > 0 && totals.length === 0) continue;
    if (totals.some((t) => near(t.figure.value, f.value))) continue;
    // The deductions said between a total and what is due (已由赠款抵扣20.00元) explain the difference.
    const deducted = (t: Read) => reads.filter((r) => ofBill(r, 'other') && r.start > t.end && r.end < read.start).reduce((s, r) => s + Math.abs(r.figure.value), 0);
    if (totals.some((t) => t.end < read.start && near(t.figure.value - deducted(t), f.value))) continue;
    if (items.length === 0) {
      const after = text.slice(read.end, nextSentenceEnd(text, read.end));
      if (settled.some((w) => after.includes(w))) continue;
      if (reads.some((r) => r !== read && r.figure.template === balance.id && r.figure.field === 'balance' && r.figure.value < 0)) continue;
    }
    read.figure = { ...f, topic: balance.topic, template: balance.id, field: 'balance', value: -Math.abs(f.value), item: null };
    read.group = balance.id;
    owed = true;
  }
  return owed;
}

const nextSentenceEnd = (text: string, from: number): number => {
  const m = SENTENCE_END.exec(text.slice(from));
  return m ? from + m.index : text.length;
};

/**
 * Rule 1: an amount spent followed by the parts it is broken into, each said spent again (您的家庭帐户已消费24.03元，余额为
 * 56.80元。其中,号码136…已消费2.16元,号码188…已消费0.32元…, real r15-118), is a bill: the amount is its total and the parts,
 * opened by a part word (`opens`: 其中) and adding up to it, are its item lines. Not parts by period (其中本月消费0.59元、
 * 上月及以前的历史消费0.00元, real rc3-001: `owedPeriods` words name a period), which split the time, not the bill.
 */
export function spentInParts(reads: Read[], text: string, rules: ReplyRules): boolean {
  const bill = rules.figures.find((t) => t.items);
  const sum = bill?.sums.find((s) => s.parts.includes('item'));
  if (!bill || !sum) return false;
  const { opens, owedPeriods } = rules.moneyParts;
  const spent = (r: Read | undefined) => r !== undefined && r.figure.topic === 'balance' && r.figure.field === SPENT;
  let found = false;
  reads.forEach((whole, i) => {
    if (!spent(whole) || whole.inBrackets) return;
    // Other money may stand between (余额为56.80元); the parts start at the next amount spent.
    let k = i + 1;
    while (k < reads.length && !spent(reads[k]) && reads[k]!.figure.topic === 'balance') k++;
    const first = reads[k];
    if (!spent(first) || !opensParts(text.slice(whole.end, first!.start), opens)) return;
    const run: Read[] = [];
    for (; k < reads.length && spent(reads[k]); k++) run.push(reads[k]!);
    if (run.length < 2 || run.some((r) => owedPeriods.some((p) => labelOf(r.context).includes(p)))) return;
    const added = run.reduce((s, r) => s + r.figure.value, 0);
    const slack = Math.max(whole.precision, ...run.map((r) => r.precision)) * run.length + 1e-9;
    if (Math.abs(added - whole.figure.value) > slack) return;
    whole.figure = { ...whole.figure, topic: bill.topic, template: bill.id, field: sum.total, item: null };
    whole.group = bill.id;
    for (const r of run) {
      r.figure = { ...r.figure, topic: bill.topic, template: bill.id, field: 'item', item: r.figure.label };
      r.group = bill.id;
    }
    found = true;
  });
  return found;
}

const SPENT = 'spentThisMonth';
