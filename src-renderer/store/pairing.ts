import { builtinReplyRules, pairReplies, type Pairing } from '../../src-shared/replies';
import type { HallDb } from './db';
import type { MessageRow } from './rows';

/**
 * Pairs the replies among `rows` (one thread) with the instructions among them, by the reply
 * rules: same SIM and peer, sent before and within the window, answered by that kind of reply.
 * Keyed by reply message id; incomplete replies are left out.
 */
export function pairThreadRows(rows: readonly MessageRow[]): Map<string, Pairing> {
  const sent = rows
    .filter((m) => m.direction === 'out')
    .map((m) => ({ id: m.id, text: m.text, to: m.peer, sentAt: m.at, simId: m.simId }));
  const replies = rows
    .filter((m) => m.direction === 'in' && m.complete)
    .map((m) => ({ id: m.id, from: m.peer, receivedAt: m.at, text: m.text, complete: true, simId: m.simId }));
  return new Map(pairReplies(sent, replies).map((p) => [p.replyId, p]));
}

/** The instruction a stored reply answers, as its message row, or null; only the window before it is read. */
export async function instructionAnswered(db: HallDb, reply: MessageRow): Promise<MessageRow | null> {
  const windowMs = builtinReplyRules().answers.windowMs;
  const before = await db.messages
    .where('[simId+peer+at]')
    .between([reply.simId, reply.peer, reply.at - windowMs], [reply.simId, reply.peer, reply.at], true, true)
    .toArray();
  const instructionId = pairThreadRows(before).get(reply.id)?.instructionId;
  return before.find((m) => m.id === instructionId) ?? null;
}
