// Amounts that are parts beside what the customer has: use beyond the plan (labelling rules 4 and 7), and the money kept
// beside what can be spent this month (rules 5 and 6).
import { ownClause } from './clauses';
import type { Read } from './figures';
import type { ReplyRules } from './load';
import { BEYOND_PLAN } from './over-plan';


/**
 * "套餐外已使用286.00M", "套餐外流量已达208.51MB", "已超出套餐3.5GB", "超出流量504.00M", "其中…套餐外25.6M",
 * "套餐外通话12分钟": the volume used beyond the plan is no use of any pool (the reply's total use already holds it, so a
 * used figure would count it twice beside the plan's): its field is `beyondPlan` (the corpus's `other`). A word of it
 * followed by 内 (已超出套餐内20GB: what the plan holds) or followed in the clause by 套餐内 is none; what is left, and a
 * total a label names, are not touched. The use of an overage package (流量安心包已用45MB: rule 7) is over-plan.ts's, which
 * reads it over its clause group.
 */
export function beyondThePlan(reads: Read[], rules: ReplyRules): void {
  if (rules.beyondPlan.length === 0) return;
  for (const read of reads) {
    const f = read.figure;
    if (!['data', 'voice', 'sms'].includes(f.topic) || !(f.field === 'used' || (f.field === 'total' && f.label === null))) continue;
    // A heading before a colon is the amount's too ("套餐外流量：已使用30MB").
    const clause = ownClause(read.sentenceSoFar, 'heading');
    // "超出流量504.00M" (a total no label names) is beyond.
    const said = rules.beyondPlan.some((w) => {
      const at = clause.lastIndexOf(w);
      if (at < 0 || clause[at + w.length] === '内' || clause.slice(at).includes('套餐内')) return false;
      // Rule 15: "套餐外优惠流量（国内通用）3M" names a pack granted beyond the plan and its size (a total no label names), no use.
      return !(f.field === 'total' && PACK_GRANTED.test(clause.slice(at + w.length)));
    });
    if (said) f.field = BEYOND_PLAN;
  }
}

/** Words after a beyond-plan word that make what follows a pack granted or bought (优惠流量, 赠送流量, 流量包), not a volume used. */
const PACK_GRANTED = /^[^\d,;。]*(?:优惠|赠送|获赠|包(?!内))/u;

/**
 * "余额为58.20元，其中可用余额为40.00元", "当前预存款…当月可用预存款总额…", "总余额…其中专款可用余额…": beside what can be spent
 * (可用余额, 可用预存款), the amount kept is `other` (rule 5); an earmarked part (专款) beside another balance is no second
 * balance (rule 6). An amount owed (欠费, read as a balance below zero) is neither; a balance standing alone stays. The
 * parts of a total balance (rule 6) are money-parts.ts's, after the kinds.
 */
export function spendableBalance(reads: Read[]): void {
  const balances = () => reads.filter((r) => r.figure.topic === 'balance' && r.figure.field === 'balance' && !OWED.test(r.context));
  const earmarked = balances().filter((r) => EARMARKED.test(r.context));
  if (earmarked.length < balances().length) for (const r of earmarked) r.figure.field = 'other';
  const spendable = balances().filter((r) => SPENDABLE.test(ownClause(r.context, 'label')));
  if (spendable.length === 0 || spendable.length === balances().length) return;
  for (const r of balances()) if (!spendable.includes(r)) r.figure.field = 'other';
}

/**
 * "话费总额为89.20元，其中本人消费79.20元，代他人付费10.00元" (real r17-132, r18-085 with 由他人付费, r27-047): a bill split by
 * payer. Beside the customer's own part (本人消费, `other`), the part paid for or by others in that sentence is `other` too (no
 * bill line: the labels of session 15); the same words among the charges' lines after it (费用明细为…代他人付费10.00元) stay a line.
 */
export function partsByPayer(reads: Read[]): void {
  reads.forEach((r, i) => {
    const own = reads[i - 1];
    const f = r.figure;
    if (f.topic === 'bill' && f.field === 'item' && OTHERS_PAY.test(ownClause(r.context, 'label')) && own?.sentence === r.sentence && own.figure.field === 'other' && OWN_PART.test(own.context)) f.field = 'other';
  });
}
const OTHERS_PAY = /他人(?:[（(][^）)]*[）)])?(?:代?付费|代付|支付)/u;
const OWN_PART = /本人消费/u;

const SPENDABLE = /(?<!不)可用(?:余额|预存款)/u;
/** Money kept for one use: 专款 (not 专款余额 standing as the balance), 专项 ("专项预存可用余额", real r26-040). */
const EARMARKED = /专款(?!余额)|专项/u;
const OWED = /欠费|透支|欠款/u;
