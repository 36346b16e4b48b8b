import { TRAPS_AWAITING_USER, type ModemStatus } from '../../src-shared/api/contract';

/** The list after one `modem` event: a closed modem leaves it, any other state replaces its entry. */
export function upsertModem(list: readonly ModemStatus[], status: ModemStatus): ModemStatus[] {
  const others = list.filter((m) => m.modemId !== status.modemId);
  return status.state === 'closed' ? others : [...others, status].sort((a, b) => a.path.localeCompare(b.path));
}

/**
 * The modem instructions go out through. In order: the one the user just chose (`claim`: a click on
 * "Send with this modem", or one connected again after Disconnect) once it is ready; the one sending
 * now (`current`) while it stays ready, so a modem plugged in later never takes over without the
 * user's choice (a clerk would send a customer's 停机 or password change from another SIM); the one
 * chosen earlier (by port); the first ready real one; the demo modem. A real modem plugged in beside
 * the demo modem is the one meant, whatever order the list came in (the core's list and its events order
 * it differently, so a page just loaded sent through the demo modem for its first seconds), unless the
 * user chose the demo modem.
 */
export function sendingModem(
  list: readonly ModemStatus[],
  preferredPath: string | null,
  currentPath: string | null = null,
  claimPath: string | null = null,
): ModemStatus | null {
  const ready = list.filter((m) => m.state === 'ready');
  const at = (path: string | null) => (path === null ? undefined : ready.find((m) => m.path === path));
  const current = at(currentPath);
  const keepCurrent = current && !(current.demo && current.path !== preferredPath && ready.some((m) => !m.demo));
  return at(claimPath) ?? (keepCurrent ? current : undefined) ?? at(preferredPath) ?? ready.find((m) => !m.demo) ?? ready[0] ?? null;
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

/** A SIM named briefly: the end of its ICCID / IMSI (what is printed on the card), or the port it was seen on. */
export function simLabel(simId: string): string {
  return /^\d{10,}$/.test(simId) ? `SIM …${simId.slice(-6)}` : simId;
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
