import type { Read } from './figures';
import type { ReplyRules } from './load';

/** Where a clause group begins: a sentence's end, a semicolon, or a numbered item ("2.流量安心包…", "；3、"). */
const GROUP_START = /[。!?\n;]|(?<=^|[,:\s])\d{1,2}[、.](?!\d)/gu;

/** The field of data used beyond the plan: no pool's use, never added to the plan's (the corpus writes it `other`). */
export const BEYOND_PLAN = 'beyondPlan';

/**
 * Labelling rule 7 of 2026-12-06: data used of a package for data beyond the plan (流量安心包, 流量放心包: `overPlanPackages`
 * in replies.json) is data beyond the plan, also when the text does not say 套餐外. An amount used whose clause group names
 * such a package before it, with no word of the plan after the name (本月, 套餐内), is `beyondPlan`, of no kind; what is
 * left of the package and its total stay as read.
 */
export function usedOfOverPlanPackage(reads: Read[], text: string, rules: ReplyRules): void {
  const { words, until } = rules.overPlanPackages;
  for (const read of reads) {
    const f = read.figure;
    // Use beyond the plan is no pool's, whichever rule said it (account-parts.ts reads its words before the kinds are assigned).
    if (f.field === BEYOND_PLAN) read.figure = { ...f, pool: null, kindFrom: null };
    if (f.topic !== 'data' || f.field !== 'used' || !words.some((w) => text.includes(w))) continue;
    const lead = text.slice(0, read.start);
    const group = lead.slice(Math.max(0, ...[...lead.matchAll(GROUP_START)].map((m) => m.index + m[0].length)));
    const named = Math.max(...words.map((w) => group.lastIndexOf(w)));
    if (named < 0 || until.some((w) => group.includes(w, named))) continue;
    read.figure = { ...f, field: BEYOND_PLAN, pool: null, kindFrom: null };
  }
}
