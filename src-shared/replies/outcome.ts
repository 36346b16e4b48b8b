import type { ReplyRules } from './load';
import { spanOf, type Folded } from './normalize';
import { allMatches, firstMatch } from './regex';
import type { ConfirmRequest, OutcomeReply } from './types';

// A full stop ends an English sentence unless it is a decimal point (35.20).
const SENTENCE = /(?:[^。!?\n.]|\.(?=\d))+/gu;

/** "回复“是”确认": the exact word to send back and how long the request stays open. */
export function readConfirm(original: string, folded: Folded, rules: ReplyRules, receivedAt: number): ConfirmRequest | null {
  for (const pattern of rules.confirm.patterns) {
    const m = firstMatch(pattern, folded.text);
    const at = m?.indices?.groups?.word;
    if (!m || !at) continue;
    const replySpan = spanOf(original, folded, at[0], at[1]);
    return { kind: 'confirm', text: original, reply: replySpan.text, replySpan, deadline: deadline(folded.text, rules, receivedAt) };
  }
  return null;
}

function deadline(text: string, rules: ReplyRules, receivedAt: number): ConfirmRequest['deadline'] {
  for (const pattern of rules.confirm.deadlines) {
    const g = firstMatch(pattern, text)?.groups;
    if (!g) continue;
    const withinMs = g.hours !== undefined ? Number(g.hours) * 3600_000 : Number(g.minutes) * 60_000;
    if (Number.isFinite(withinMs)) return { withinMs, until: receivedAt + withinMs };
  }
  return null;
}

/**
 * Success, failure, "already so" or a status: the first template (in file order) that matches, with
 * where it matched. A match in a hypothetical clause ("为避免余额不足影响使用") says nothing happened.
 */
export function readOutcome(original: string, folded: Folded, rules: ReplyRules): { reply: OutcomeReply; at: number } | null {
  for (const template of rules.outcomes) {
    for (const pattern of template.patterns) {
      const m = allMatches(pattern, folded.text).find((x) => !hypothetical(folded.text, x.index, rules));
      if (!m) continue;
      const service = m.indices?.groups?.service;
      const serviceText = service && service[1] > service[0] ? spanOf(original, folded, service[0], service[1]).text.trim() : '';
      const reply: OutcomeReply = {
        kind: 'outcome',
        text: original,
        template: template.id,
        outcome: template.outcome,
        service: serviceText || null,
        reason: reasonAround(original, folded, rules, m.index),
        menu: [],
      };
      return { reply, at: m.index };
    }
  }
  return null;
}

const CLAUSE_START = /[,;。!?\n]/u;

function hypothetical(text: string, at: number, rules: ReplyRules): boolean {
  let from = at;
  while (from > 0 && !CLAUSE_START.test(text[from - 1]!)) from--;
  const clause = text.slice(from, at);
  return rules.hypothetical.some((w) => clause.includes(w));
}

/** The sentence that holds the match, without the greeting before it, as written. */
function reasonAround(original: string, folded: Folded, rules: ReplyRules, at: number): string | null {
  for (const s of allMatches(SENTENCE, folded.text)) {
    if (at < s.index || at >= s.index + s[0].length) continue;
    let from = s.index;
    let body = s[0];
    for (const g of rules.greetings) {
      const cut = body.indexOf(g);
      if (cut >= 0 && cut <= 2) {
        const skip = cut + g.length + (/^[\s,!.:]*/u.exec(body.slice(cut + g.length))?.[0].length ?? 0);
        from += skip;
        body = body.slice(skip);
      }
    }
    const reason = spanOf(original, folded, from, from + body.length).text.trim();
    return reason || null;
  }
  return null;
}
