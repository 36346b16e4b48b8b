import { builtinReplyRules } from './builtin';
import type { ReplyRules } from './load';
import type { AnswerKind } from './schema';
import type { ReplyUnderstanding } from './types';
import { localNumber } from '../catalog/service-numbers';
import { ReplyReader } from './understand';

export interface SentInstruction {
  id: string;
  text: string;
  to: string;
  /** Epoch milliseconds. */
  sentAt: number;
  /** When both sides name a SIM, a reply only answers an instruction sent from that SIM. */
  simId?: string;
}

export interface ReceivedReply {
  id: string;
  from: string;
  /** Epoch milliseconds. */
  receivedAt: number;
  text: string;
  /** Every part of a long SMS is in; an incomplete reply is never read or paired. */
  complete: boolean;
  simId?: string;
}

export type Unpaired = 'incomplete' | 'not-a-service-number' | 'no-instruction';

export interface Pairing {
  replyId: string;
  /** The instruction the reply answers, or null. */
  instructionId: string | null;
  /** Null only for an incomplete reply. */
  understanding: ReplyUnderstanding | null;
  /** Why it stays unpaired (null when paired). */
  unpaired: Unpaired | null;
}

/** What a reply counts as when matched against what an instruction accepts. */
export function answerKinds(u: ReplyUnderstanding): AnswerKind[] {
  // Figures said beside a list of services (您本月已使用…。您订购的业务：…) answer 0000 as well as a figures query.
  if (u.kind === 'figures') return u.services ? [...u.topics, 'services'] : u.topics;
  if (u.kind === 'outcome') return [u.outcome];
  if (u.kind === 'confirm') return ['confirm'];
  if (u.kind === 'menu' || u.kind === 'services') return [u.kind];
  return [];
}

/** The kinds of reply an instruction text can be answered by. */
export function acceptedKinds(instructionText: string, rules: ReplyRules): Set<AnswerKind> {
  const code = instructionText.normalize('NFKC').replace(/\s+/gu, '').toUpperCase();
  const out = new Set(rules.answers.anyInstruction);
  for (const rule of rules.answers.rules) if (rule.instruction.test(code)) for (const k of rule.accepts) out.add(k);
  return out;
}

/**
 * Links each reply to the instruction it answers: same SIM and peer, sent no later than the reply
 * came in and within the window, and the reply's kind is one the instruction is answered by. Of
 * several such instructions the oldest one not yet answered wins, so two YE in a row take their
 * replies in order. Result order follows `replies`.
 */
export function pairReplies(
  instructions: readonly SentInstruction[],
  replies: readonly ReceivedReply[],
  rules: ReplyRules = builtinReplyRules(),
): Pairing[] {
  const reader = new ReplyReader(rules);
  const accepts = new Map(instructions.map((i) => [i.id, acceptedKinds(i.text, rules)]));
  const bySentAt = [...instructions].sort((a, b) => a.sentAt - b.sentAt);
  const answered = new Set<string>();
  const result = new Map<string, Pairing>();

  for (const reply of [...replies].sort((a, b) => a.receivedAt - b.receivedAt)) {
    const peer = localNumber(reply.from);
    const unpaired = (why: Unpaired, understanding: ReplyUnderstanding | null) =>
      result.set(reply.id, { replyId: reply.id, instructionId: null, understanding, unpaired: why });
    if (!reply.complete) {
      unpaired('incomplete', null);
      continue;
    }
    const understanding = reader.read({ text: reply.text, receivedAt: reply.receivedAt, from: reply.from });
    if (!rules.serviceNumbers.has(peer)) {
      unpaired('not-a-service-number', understanding);
      continue;
    }
    const kinds = answerKinds(understanding);
    const match = bySentAt.find(
      (i) =>
        !answered.has(i.id) &&
        localNumber(i.to) === peer &&
        (i.simId === undefined || reply.simId === undefined || i.simId === reply.simId) &&
        i.sentAt <= reply.receivedAt &&
        reply.receivedAt - i.sentAt <= rules.answers.windowMs &&
        kinds.some((k) => accepts.get(i.id)!.has(k)),
    );
    if (!match) {
      unpaired('no-instruction', understanding);
      continue;
    }
    answered.add(match.id);
    result.set(reply.id, { replyId: reply.id, instructionId: match.id, understanding, unpaired: null });
  }
  return replies.map((r) => result.get(r.id)!);
}
