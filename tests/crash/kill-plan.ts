import type { Rng } from '../../src-main/emulator/rng';
import type { HostUnit } from './tapped-modem';

/** Where in the AT conversation a run's host is killed. */
export interface KillPoint {
  /**
   * What triggers the kill: a command line by prefix or a message body ('body') arriving at the
   * modem, or the host's own "stored" line for a batch with message parts (in the store, not yet acknowledged).
   */
  on: 'AT+CMGL' | 'AT+CMGR' | 'AT+CMGD' | 'AT+CMGS' | 'body' | 'AT+CNMA' | 'stored' | 'time';
  /** Its n-th occurrence in this run (1-based); for 'time', unused. */
  nth: number;
  /**
   * 0: the host dies just before writing it (for 'stored': the host kills itself just after its
   * store commits, before acknowledging); else it gets through and the host dies this many ms later.
   * For 'time': the host dies this many ms after it says it is ready, wherever it is then.
   */
  delayMs: number;
}

/** What one run (one life of the host process) has to do, so a kill point that will really come can be chosen. */
export interface RunWork {
  /** Parts already on the SIM when the host starts: one AT+CMGD each while draining. */
  storedParts: number;
  /** Parts arriving once the host is up: one AT+CMGR and one AT+CMGD each. */
  arrivingParts: number;
  /** Instructions this run sends for the first time. */
  newInstructions: number;
}

const MAX_DELAY_MS = 40;
/** A kill at a random moment comes within this long after the host is up. */
const MAX_RANDOM_MOMENT_MS = 1500;

/**
 * A seeded kill point for a run. Half die before writing the trigger (e.g. journaled but not yet
 * deleted from the SIM, or the SMS body never sent), half a few ms after it (read but not yet
 * journaled, deleted but not yet stored, stored but not yet acknowledged, accepted by the network
 * but +CMGS not yet read).
 */
export function chooseKillPoint(rng: Rng, work: RunWork): KillPoint {
  // One kill in five at a random moment, wherever the conversation is then.
  if (rng.next() < 0.2) return { on: 'time', nth: 0, delayMs: rng.int(0, MAX_RANDOM_MOMENT_MS) };
  const delayMs = rng.next() < 0.5 ? 0 : rng.int(1, MAX_DELAY_MS);
  const choices: [KillPoint['on'], number][] = [['AT+CMGL', 1]];
  if (work.storedParts + work.arrivingParts > 0) {
    // AT+CMGD twice: dying just before the delete (journaled, still on the SIM) is the window that matters most.
    choices.push(['AT+CMGD', work.storedParts + work.arrivingParts], ['AT+CMGD', work.storedParts + work.arrivingParts], ['stored', 1]);
  }
  if (work.arrivingParts > 0) choices.push(['AT+CMGR', work.arrivingParts]);
  // A status report for this run's first instruction comes with +CDS, acknowledged with AT+CNMA.
  if (work.newInstructions > 0) choices.push(['AT+CMGS', work.newInstructions], ['body', work.newInstructions], ['AT+CNMA', 1]);
  const [on, count] = rng.pick(choices);
  return { on, nth: rng.int(1, count), delayMs };
}

/** Counts the trigger's occurrences, in the AT traffic or the host's progress lines; true at the one to die at. */
export function matcher(point: KillPoint): { unit(unit: HostUnit): boolean; progress(line: string): boolean } {
  let seen = 0;
  const count = (hit: boolean): boolean => hit && ++seen === point.nth;
  return {
    unit: (unit) => point.on !== 'time' && count(point.on === 'body' ? unit.kind === 'body' : unit.kind === 'line' && unit.text.toUpperCase().startsWith(point.on)),
    progress: (line) => count(point.on === 'stored' && /^stored [1-9]/.test(line)),
  };
}

export function describeKillPoint(p: KillPoint): string {
  if (p.on === 'time') return `${p.delayMs} ms after ready`;
  const at = p.on === 'stored' ? 'before the acknowledgement' : 'before it is written';
  return `${p.on} #${p.nth} ${p.delayMs === 0 ? at : `+${p.delayMs} ms`}`;
}
