import * as v from 'valibot';
import type { FleetSim } from '../api/contract';
import { topicLevel } from './mqtt-topics';
import { figuresFromBefore, type SimState } from './sim-state';
import { isZoneOffset } from '../stamp-zone';

const num = v.nullable(v.pipe(v.number(), v.finite()));
/**
 * A time a Date can hold (±8.64e15 ms) with a day to spare for a zone's offset: a finite number beyond it made Intl throw on
 * the Overview, which fell whole, every SIM's figures with it (review29).
 */
const DATE_LIMIT_MS = 8.64e15 - 86_400_000;
const time = v.nullable(v.pipe(v.number(), v.minValue(-DATE_LIMIT_MS), v.maxValue(DATE_LIMIT_MS)));
const short = (max: number) => v.pipe(v.string(), v.maxLength(max));

/** A SIM's state as a board writes it (SimState): the shape both another host's and this host's saved rows (board-file.ts) must have. */
export const SimStateSchema = v.object({
  simId: short(64),
  modemId: v.nullable(short(64)),
  balance: num,
  // Hosts from before the field publish none: their balances were yuan.
  balanceCurrency: v.optional(v.nullable(short(12)), null),
  generalDataLeftMb: num,
  dataLeftByPoolMb: v.record(short(32), v.pipe(v.number(), v.finite())),
  minutesLeft: num,
  // Hosts from before these fields publish none: see figuresFromBefore.
  minutesLeftByPool: v.optional(v.record(short(32), v.pipe(v.number(), v.finite()))),
  points: num,
  asOf: v.optional(v.object({ balance: time, data: time, minutes: time, points: time })),
  lastUpdate: time,
  // Hosts from before the field publish none: their rows read on the network's clock.
  zoneMin: v.optional(v.nullable(v.custom<number>(isZoneOffset)), null),
  lastSuccessAt: time,
  sendFailures: v.pipe(v.number(), v.integer(), v.minValue(0)),
  // Hosts from before the field publish none: every failure unseen, as their badge showed it.
  sendFailuresSeen: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0)), 0),
  modemState: v.nullable(v.picklist(['opening', 'probing', 'ready', 'reconnecting', 'closed', 'failed'])),
  registration: v.nullable(v.picklist(['home', 'roaming', 'searching', 'denied', 'none', 'unknown'])),
  signal: v.nullable(v.object({ csq: v.number(), dbm: num })),
});

/** What another host publishes at `<base>/<host>/sim/<sim>/state`: read as data, never trusted further. */
const RemoteSimSchema = v.object({
  ...SimStateSchema.entries,
  host: v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,40}$/)),
  label: v.nullable(v.object({ name: short(40), owner: short(40), phone: short(21) })),
});

/**
 * A state message from another host, or null when it is not one (malformed, too big, foreign).
 * The payload must name the host and SIM of the topic it came on: a broker's ACLs give each host
 * its own topics, and a host allowed only `<base>/hostA/#` must not pass for hostB.
 */
export function parseRemoteSim(topic: string, baseTopic: string, payload: string): FleetSim | null {
  if (payload.length > 8192 || !topic.startsWith(`${baseTopic}/`)) return null;
  const [host, sim, simLevel, leaf, ...more] = topic.slice(baseTopic.length + 1).split('/');
  if (sim !== 'sim' || leaf !== 'state' || more.length) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(payload);
  } catch {
    return null;
  }
  const parsed = v.safeParse(RemoteSimSchema, raw);
  if (!parsed.success || parsed.output.host !== host || topicLevel(parsed.output.simId) !== simLevel) return null;
  const { label, ...state } = parsed.output;
  return { ...state, ...figuresFromBefore(state), label: label && { simId: state.simId, ...label } };
}
