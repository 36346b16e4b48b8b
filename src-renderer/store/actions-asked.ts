import { Dexie } from 'dexie';
import { catalogSaysChanges, type AskedAction } from '../../src-shared/catalog/sent-back';
import { builtinReplyRules, optionChangesAccount } from '../../src-shared/replies';
import { activeCatalog } from '../catalog/active-catalog';
import type { HallDb } from './db';
import { understandMessage } from './figures';
import type { MessageRow } from './rows';

/** How far back earlier requests are looked for: longer than any 10086 says it keeps one open. */
const ACTIONS_LOOKED_BACK_MS = 7 * 24 * 3600_000;

/** An action an earlier message of the reply's peer offered this SIM: what sending its word does, and the message. */
export interface ActionAsked extends AskedAction {
  messageId: string;
  text: string;
}

/**
 * What the reply's peer asked this SIM lately, the reply itself aside, that a text sent back may do instead of what its
 * button says (sent-back.ts, actionsSentBack): a request's confirmation word, a cancel list's numbers, a menu's
 * numbers that order or cancel.
 */
export async function actionsAsked(db: HallDb, reply: MessageRow): Promise<ActionAsked[]> {
  const since = Math.min(reply.at, Date.now()) - ACTIONS_LOOKED_BACK_MS;
  const rows = await db.messages
    .where('[simId+peer+at]')
    .between([reply.simId, reply.peer, since], [reply.simId, reply.peer, Dexie.maxKey])
    .filter((m) => m.direction === 'in' && m.id !== reply.id)
    .toArray();
  return rows.flatMap((m) => {
    // Read whole or not, sure or not: a request that lost a part, or that a part under its reference made "may be joined
    // wrong", still guards its number (a fake part must not lift the guard). Read for this guard only, never for figures.
    const u = understandMessage({ ...m, complete: true, uncertain: false });
    const asked = (word: string, does: AskedAction['does'], deadline: AskedAction['deadline'] = null): ActionAsked => ({ messageId: m.id, text: m.text, word, does, receivedAt: m.at, deadline });
    if (!u) return [];
    if (u.kind === 'confirm') return [asked(u.reply, 'confirms', u.deadline)];
    // A list of services 10086 cancels by number, alone or beside figures.
    const listed = 'services' in u && u.cancelByNumber ? (u.services ?? []) : [];
    const cancels = listed.flatMap((s) => (s.n ? [s.n] : []));
    const menu = 'menu' in u ? u.menu : [];
    const orders = menu.filter((o) => optionChangesAccount(o, builtinReplyRules()) || catalogSaysChanges(activeCatalog(), o.n)).map((o) => o.n);
    return [...cancels, ...orders].map((n) => asked(n, 'changes'));
  });
}
