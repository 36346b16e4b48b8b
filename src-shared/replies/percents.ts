// Shares of an allowance written as a percentage (已使用80%, 已达到套餐的90%, 剩余10%): figures in percent,
// never an amount of MB or minutes, so nothing that adds up data or minutes ever sees one.
import type { Mask } from './figures';
import { lastPoolIn, regionalPools, regionOf } from './kinds';
import type { ReplyRules } from './load';
import { spanOf, type Folded } from './normalize';
import type { Topic } from './schema';
import type { FigureRecord } from './types';

/** The fields a percentage of use takes: never `used`/`remaining`, which are amounts in the measure's unit. */
export const PERCENT_FIELDS = { used: 'usedPercent', remaining: 'remainingPercent' } as const;

const PERCENT = /(?<![\d.])(\d{1,3}(?:\.\d+)?)\s*%/gu;
const SENTENCE_EDGE = /[。!?\n]/u;
const CLAUSE_EDGE = /[。!?\n,;:()]/u;
/** Right after the percentage: a moment or a bound (达到80%时, 80%以上), not a share already used. */
const NOT_STATED_AFTER = /^\s*(?:时|后|之后|以后|的时候|及以上|以上|以下|以内|左右|前)/u;
const ALLOWANCES: readonly Topic[] = ['data', 'voice', 'sms'];

/**
 * Each percentage of use the reply states: used or left by the label nearest before it in its clause
 * (or a word right after it: "80% used"), of the allowance whose topic word is nearest before it in its
 * sentence, of the data kind named there. A percentage in a hypothetical clause (如…达到80%), before
 * 时 or 以上 (a threshold), after a threshold word (超过80%), with no label or no topic word, is none.
 */
export function readPercents(original: string, folded: Folded, rules: ReplyRules, quiet: Mask): FigureRecord[] {
  const text = folded.text;
  if (!text.includes('%')) return [];
  const { percents, hypothetical, thresholds } = rules;
  const topics = rules.figures.filter((t) => ALLOWANCES.includes(t.topic));
  const pools = regionalPools(rules, regionOf(rules, text));
  const out: FigureRecord[] = [];
  PERCENT.lastIndex = 0;
  for (let m = PERCENT.exec(text); m; m = PERCENT.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    if (quiet.some(([from, to]) => start < to && end > from)) continue;
    const bound = NOT_STATED_AFTER.exec(text.slice(end, end + 6));
    const sentence = text.slice(edgeBefore(text, start, SENTENCE_EDGE), start);
    const clause = text.slice(edgeBefore(text, start, CLAUSE_EDGE), start);
    if (hypothetical.some((w) => clause.includes(w))) continue;
    const field = fieldOf(clause, text.slice(end, end + 12), percents);
    if (!field) continue;
    // "使用流量已达到套餐流量的50％以上" (real r17-019): the threshold a notice says was already reached (已达到, 已达) is
    // the share used; 达到80%以上时 is still a moment, and 已使用80%以上 a bound (round 10).
    const reached = bound !== null && /^\s*(?:及以上|以上)(?!\s*(?:时|后|之后|以后|的时候))/u.test(bound.input) && field.field === 'used' && field.label.startsWith('已达');
    if (bound && !reached) continue;
    // A threshold word nearer than the label bounds the share (已使用超过80%): no figure.
    if (thresholds.before.some((w) => clause.lastIndexOf(w) > field.at && !clause.endsWith(`已${w}`, clause.lastIndexOf(w) + w.length))) continue;
    const topic = nearestTopic(sentence, topics);
    if (!topic) continue;
    const pool = topic === 'data' ? lastPoolIn(sentence, pools) : null;
    out.push({
      topic,
      field: PERCENT_FIELDS[field.field],
      value: Number(m[1]),
      unit: 'percent',
      currency: null,
      package: null,
      pool,
      voicePool: null,
      // A share's kind: named in its own clause, or earlier in its sentence (shares are never added up anyway).
      kindFrom: pool === null ? null : lastPoolIn(clause, pools) === pool ? 'own' : 'sentence',
      item: null,
      span: spanOf(original, folded, start, end),
      template: 'percent',
      label: field.label,
      confidence: 'sure',
    });
  }
  return out;
}

function edgeBefore(text: string, at: number, edge: RegExp): number {
  let from = at;
  while (from > 0 && !edge.test(text[from - 1]!)) from--;
  return from;
}

/** The label nearest before the percentage in its clause (ties: the longest), else a word right after it. */
function fieldOf(clause: string, after: string, percents: ReplyRules['percents']): { field: 'used' | 'remaining'; label: string; at: number } | null {
  let best: { field: 'used' | 'remaining'; label: string; at: number } | null = null;
  for (const field of ['used', 'remaining'] as const) {
    for (const label of percents[field]) {
      const at = clause.lastIndexOf(label);
      if (at < 0) continue;
      const reach = at + label.length;
      if (!best || reach > best.at + best.label.length || (reach === best.at + best.label.length && label.length > best.label.length)) best = { field, label, at };
    }
  }
  if (best) return best;
  const trimmed = after.trimStart();
  for (const field of ['used', 'remaining'] as const) {
    const label = percents[`${field}After`].find((w) => trimmed.startsWith(w));
    if (label) return { field, label, at: -1 };
  }
  return null;
}

/** The allowance whose topic word is written last before the percentage in its sentence. */
function nearestTopic(sentence: string, templates: ReplyRules['figures']): Topic | null {
  let best: { topic: Topic; reach: number } | null = null;
  for (const t of templates) {
    for (const w of t.when) {
      const at = sentence.lastIndexOf(w);
      if (at >= 0 && (!best || at + w.length > best.reach)) best = { topic: t.topic, reach: at + w.length };
    }
  }
  return best?.topic ?? null;
}
