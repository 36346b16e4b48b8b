import { TRAPS_AWAITING_USER, type ModemStatus } from '../../src-shared/api/contract';
import type { ConnectionState } from '../../src-shared/api/ws-client';
import { simLabel } from '../../src-shared/at/sim-id';
import type { StringKey } from '../i18n';

/** Named as every view names a SIM; imported from here by the views. */
export { simLabel };

/** The list after one `modem` event: a closed modem leaves it, any other state replaces its entry. */
export function upsertModem(list: readonly ModemStatus[], status: ModemStatus): ModemStatus[] {
  const others = list.filter((m) => m.modemId !== status.modemId);
  return status.state === 'closed' ? others : [...others, status].sort((a, b) => a.path.localeCompare(b.path));
}

/**
 * The modem that sent last, kept with the page's preferences so that a reload or a restart sends from
 * the same SIM. Told by its SIM (`simId`: what a clerk means by "this line", whichever port the stick
 * comes back on), else by its port when the modem has no SIM id. `chosen`: the user picked it ("Send
 * with this modem"); otherwise it was the one the page fell on first. `demo`: the built-in demo modem.
 */
export interface SavedSender {
  simId: string | null;
  path: string;
  chosen: boolean;
  demo: boolean;
}

/** Whether `m` is the saved sender: the same SIM, or (with no SIM id saved) the same port. */
export function isSavedSender(m: Pick<ModemStatus, 'simId' | 'path'>, saved: SavedSender | null): boolean {
  if (!saved) return false;
  return saved.simId !== null ? m.simId === saved.simId : m.path === saved.path;
}

/**
 * The saved sender a real modem may replace without a word of the user: the demo modem the page fell
 * on when no real one was there (with a real one beside it, the real one is meant).
 */
export function givesWay(saved: SavedSender | null): boolean {
  return saved !== null && saved.demo && !saved.chosen;
}

/**
 * The modem instructions go out through. In order: the one the user just chose (`claim`: a click on
 * "Send with this modem", or one connected again after Disconnect) once it is ready; the saved one
 * (`saved`: chosen, or the one that sent before a reload or restart) while it is ready, so a reload
 * never moves sending to another modem, and the saved one back after an absence sends again; the one
 * sending now (`current`) while it stays ready, so a modem plugged in later never takes over without
 * the user's choice (a clerk would send a customer's 停机 or password change from another SIM); the
 * first ready real one; the demo modem. A real modem plugged in beside the demo modem is the one meant,
 * whatever order the list came in (the core's list and its events order it differently, so a page just
 * loaded sent through the demo modem for its first seconds), unless the user chose the demo modem.
 * Any change of the sending SIM is said (CoreProvider); one away from the saved SIM says that SIM is not here.
 */
export function sendingModem(
  list: readonly ModemStatus[],
  saved: SavedSender | null,
  currentPath: string | null = null,
  claimPath: string | null = null,
): ModemStatus | null {
  const ready = list.filter((m) => m.state === 'ready');
  const at = (path: string | null) => (path === null ? undefined : ready.find((m) => m.path === path));
  const realReady = ready.some((m) => !m.demo);
  const savedModem = givesWay(saved) && realReady ? undefined : ready.find((m) => isSavedSender(m, saved));
  const current = at(currentPath);
  const keepCurrent = current && !(current.demo && !(saved?.chosen && isSavedSender(current, saved)) && realReady);
  return at(claimPath) ?? savedModem ?? (keepCurrent ? current : undefined) ?? ready.find((m) => !m.demo) ?? ready[0] ?? null;
}

/**
 * Whether a modem on its way up by itself may still turn out to hold the saved SIM: opening, or probing
 * with no trap only its user can clear (a SIM still starting), and its SIM not read yet or read as the
 * saved one. At start the core opens the modems of last time one by one before it listens, but one whose
 * SIM is still starting when the core stops waiting for it comes up after the others: a stand-in picked
 * meanwhile was said (the saved SIM "not here"), and then the saved SIM back, two toasts for one restart.
 */
export function savedMayBeComing(list: readonly ModemStatus[], saved: SavedSender | null): boolean {
  if (saved === null || givesWay(saved)) return false;
  const onItsWay = (m: ModemStatus) => m.state === 'opening' || (m.state === 'probing' && !m.traps.some((t) => TRAPS_AWAITING_USER.has(t.code)));
  return list.some((m) => onItsWay(m) && (m.simId === null || isSavedSender(m, saved)));
}

/**
 * What to keep as the saved sender once `sending` sends (null: keep what is saved). The user's choice
 * is kept as chosen; with nothing saved, the first sender is kept; the saved one is kept up to date
 * (its SIM id once known, its port when the stick came back on another); a demo modem fallen on first
 * gives way to a real one. A modem standing in for the saved one while it is away is not kept: the
 * saved one sends again when it is back.
 */
export function senderToSave(sending: ModemStatus, saved: SavedSender | null, claimed: boolean): SavedSender | null {
  const next = { simId: sending.simId, path: sending.path, demo: sending.demo };
  if (claimed) return { ...next, chosen: true };
  if (saved === null || (givesWay(saved) && !sending.demo)) return { ...next, chosen: false };
  if (isSavedSender(sending, saved) && (saved.simId !== sending.simId || saved.path !== sending.path)) return { ...next, chosen: saved.chosen };
  return null;
}

/** The saved sender named briefly, for saying it is not here: its SIM, else its port. */
export function savedSenderLabel(saved: SavedSender): string {
  return saved.simId ? simLabel(saved.simId) : saved.path;
}

/** The ready modem holding this SIM, which is the only one that can send in its thread. */
export function modemForSim(list: readonly ModemStatus[], simId: string): ModemStatus | null {
  return list.find((m) => m.simId === simId && m.state === 'ready') ?? null;
}

export function modemLabel(m: Pick<ModemStatus, 'identity' | 'path'>): string {
  const name = [m.identity.manufacturer, m.identity.model].filter(Boolean).join(' ');
  return name ? `${name} (${m.path})` : m.path;
}

/**
 * The line an instruction goes out on, then the device: "SIM …000013 · Huawei E173 (/dev/ttyUSB2)". With
 * two modems of one make, the device alone does not say whose line a password change or a 停机 is for.
 */
export function senderLabel(m: Pick<ModemStatus, 'identity' | 'path' | 'simId'>): string {
  return m.simId ? `${simLabel(m.simId)} · ${modemLabel(m)}` : modemLabel(m);
}

/**
 * A connected modem that cannot send until its user acts (a trap only they can clear: a PIN, the PUK,
 * a SIM to put in, a device lock), when none is ready: the status line says so rather than "no modem".
 * A modem that goes on by itself (a SIM still busy starting, being set up again, a stick coming back)
 * needs no one: the line then says it is on its way, as its card does (shownStateKey).
 */
export function modemNeedingAttention(list: readonly ModemStatus[]): ModemStatus | null {
  if (list.some((m) => m.state === 'ready')) return null;
  return list.find((m) => shownStateKey(m) === 'modemState.waiting') ?? null;
}

/**
 * Why nothing can be sent now, where a send button is greyed out: the page's own access or link to the core
 * first (plugging a modem in helps nothing then), then a modem that needs its user, then one still on its
 * way (starting, reconnecting, or the saved SIM's still coming up), then none. It said "connect a modem
 * on the Modem page" in every case, during a core restart and on a tab without access too.
 */
export function noSenderKey(list: readonly ModemStatus[], reach: 'connecting' | 'open' | 'lost', connection: ConnectionState): StringKey {
  if (connection === 'unauthorized') return 'instr.noAccess';
  if (reach === 'connecting') return 'conn.connecting';
  if (reach === 'lost') return 'thread.coreGone';
  if (modemNeedingAttention(list)) return 'instr.modemNeedsYou';
  if (list.some((m) => m.state === 'opening' || m.state === 'probing' || m.state === 'reconnecting')) return 'instr.modemOnItsWay';
  return 'instr.noModem';
}

/**
 * Why nothing can be sent from a SIM's thread now (its composer, a reply's menu and buttons), given the ready modem
 * holding that SIM (modemForSim): the link to the core first, then the SIM's modem. Null when it can send.
 */
export function threadSendBlockedKey(modem: ModemStatus | null, reach: 'connecting' | 'open' | 'lost'): 'conn.connecting' | 'thread.coreGone' | 'thread.offline' | null {
  if (reach === 'connecting') return 'conn.connecting';
  if (reach === 'lost') return 'thread.coreGone';
  return modem ? null : 'thread.offline';
}

/** The status line's word when no modem is ready and none waits for its user: one is on its way, or none is there. */
export function modemOnItsWayKey(list: readonly ModemStatus[]): 'modem.reconnectingShort' | 'modem.startingShort' | 'modem.noneShort' {
  if (list.some((m) => m.state === 'reconnecting')) return 'modem.reconnectingShort';
  return list.some((m) => m.state === 'opening' || m.state === 'probing') ? 'modem.startingShort' : 'modem.noneShort';
}

/**
 * The dictionary key of a modem's state as shown: one held up by a trap only its user can clear waits
 * for them (see "Needs attention"); one whose SIM is still busy starting waits for the SIM; a trap left
 * from before while the modem is set up again (no network) does not stop the probing. Null while the
 * core is out of reach: the page cannot know the state then, and says so.
 */
export function shownStateKey(m: Pick<ModemStatus, 'state' | 'traps'>, coreReached = true): `modemState.${ModemStatus['state'] | 'waiting' | 'waitingForSim' | 'unknown'}` {
  if (!coreReached) return 'modemState.unknown';
  if (m.state !== 'probing') return `modemState.${m.state}`;
  if (m.traps.some((t) => TRAPS_AWAITING_USER.has(t.code))) return 'modemState.waiting';
  return m.traps.some((t) => t.code === 'sim-busy') ? 'modemState.waitingForSim' : 'modemState.probing';
}
