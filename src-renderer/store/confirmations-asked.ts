import { Dexie } from 'dexie';
import type { AskedConfirmation } from '../../src-shared/catalog/sent-back';
import type { HallDb } from './db';
import { understandMessage } from './figures';
import type { MessageRow } from './rows';

/** How far back the requests to confirm are looked for: longer than any 10086 says it keeps one open. */
const CONFIRMATIONS_LOOKED_BACK_MS = 7 * 24 * 3600_000;

/** A request to confirm from the reply's peer to its SIM: what it asked, and the message that asked it. */
export interface ConfirmationAsked extends AskedConfirmation {
  messageId: string;
  text: string;
}

/**
 * The requests to confirm (`回复1确认订购`) the reply's peer sent this SIM lately, the reply itself aside: what a
 * number sent back under the reply may confirm instead (sent-back.ts, confirmationsSentBack).
 */
export async function confirmationsAsked(db: HallDb, reply: MessageRow): Promise<ConfirmationAsked[]> {
  const since = Math.min(reply.at, Date.now()) - CONFIRMATIONS_LOOKED_BACK_MS;
  const rows = await db.messages
    .where('[simId+peer+at]')
    .between([reply.simId, reply.peer, since], [reply.simId, reply.peer, Dexie.maxKey])
    .filter((m) => m.direction === 'in' && m.id !== reply.id)
    .toArray();
  return rows.flatMap((m) => {
    const understood = understandMessage(m);
    return understood?.kind === 'confirm' ? [{ messageId: m.id, text: m.text, word: understood.reply, receivedAt: m.at, deadline: understood.deadline }] : [];
  });
}
