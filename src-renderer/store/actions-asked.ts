import { Dexie } from 'dexie';
import { catalogSaysChanges, type AskedAction } from '../../src-shared/catalog/sent-back';
import { builtinReplyRules, optionChangesAccount, type MenuOption } from '../../src-shared/replies';
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
  return actionsIn(rows);
}

/** What these stored messages of the peer ask (see actionsAsked), each read once (askedBy). */
export function actionsIn(rows: readonly MessageRow[]): ActionAsked[] {
  return rows.flatMap(askedBy);
}

/**
 * Whether sending this option's number changes the account: by the reply rules (开通10元1GB, 退订彩铃) or by the
 * catalog, which knows a code as more than a look-up (KTCL orders 彩铃). One test for a menu's buttons (ReplyNotes)
 * and for what an earlier menu left open here.
 */
export function optionChanges(o: MenuOption): boolean {
  return optionChangesAccount(o, builtinReplyRules()) || catalogSaysChanges(activeCatalog(), o.n);
}

/** At most this many messages' readings kept: a week of one busy peer's replies fits many times over. */
const READINGS_KEPT = 20_000;

/**
 * Each message read once for its actions, not at every write the live query wakes for (a week of replies read again
 * per stored reply): by id, with the text it was read from (a long reply's row grows as its parts come). A catalog
 * change (an update, the user's own instructions) may change what a number does: it starts afresh.
 */
let readings: { catalog: ReturnType<typeof activeCatalog>; byId: Map<string, { text: string; at: number; peer: string; asked: ActionAsked[] }> } | null = null;

function askedBy(m: MessageRow): ActionAsked[] {
  const catalog = activeCatalog();
  if (readings?.catalog !== catalog || readings.byId.size >= READINGS_KEPT) readings = { catalog, byId: new Map() };
  const kept = readings.byId.get(m.id);
  if (kept && kept.text === m.text && kept.at === m.at && kept.peer === m.peer) return kept.asked;
  const asked = read(m);
  readings.byId.set(m.id, { text: m.text, at: m.at, peer: m.peer, asked });
  return asked;
}

function read(m: MessageRow): ActionAsked[] {
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
  return [...cancels, ...menu.filter(optionChanges).map((o) => o.n)].map((n) => asked(n, 'changes'));
}
