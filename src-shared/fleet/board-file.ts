import * as v from 'valibot';
import type { Bilingual } from '../errors';
import { SimStateSchema } from './remote-sim';
import type { FigureSnapshot } from './sim-figures';
import { figuresFromBefore, type SimState } from './sim-state';

/*
 * sim-board.json as read back at start: one check per entry (valibot, as the API contract and another host's state
 * are read), so a hand, another program or a failing disk puts no balance "x", no id that is no string and no
 * time that is no number on the Overview, MQTT or /metrics (review26), and every entry left out is counted and said.
 */

const { entries: e } = SimStateSchema;

/** A saved row: its modem's state is the last run's and is not read (it is cleared); files from before sendFailures counted none. */
const KeptSimSchema = v.object({
  ...e,
  sendFailures: v.optional(e.sendFailures, 0),
  modemState: v.optional(v.unknown(), null),
  registration: v.optional(v.unknown(), null),
  signal: v.optional(v.unknown(), null),
});

/** A SIM's figures just before or after one message's (FigureSnapshot), every field present as the board writes them. */
const SnapshotSchema = v.object({
  balance: e.balance,
  balanceCurrency: e.balanceCurrency,
  generalDataLeftMb: e.generalDataLeftMb,
  dataLeftByPoolMb: e.dataLeftByPoolMb,
  minutesLeft: e.minutesLeft,
  minutesLeftByPool: e.minutesLeftByPool.wrapped,
  points: e.points,
  asOf: e.asOf.wrapped,
  lastUpdate: e.lastUpdate,
  zoneMin: e.zoneMin,
});

/** A long message read whole with the figures it gave (SimBoard's ReadWholeKept). */
const ReadWholeSchema = v.object({
  simId: e.simId,
  keys: v.array(v.string()),
  receivedAt: v.pipe(v.number(), v.finite()),
  figures: v.object({ before: SnapshotSchema, after: SnapshotSchema }),
});

const BoardFileSchema = v.object({ version: v.literal(1), sims: v.array(v.unknown()), readWhole: v.optional(v.unknown()) });

export interface KeptReadWhole {
  simId: string;
  keys: string[];
  receivedAt: number;
  figures: { before: FigureSnapshot; after: FigureSnapshot };
}

export interface BoardRead {
  sims: SimState[];
  readWhole: KeptReadWhole[];
  /** Entries not of the shape the board writes, left out: said to the user, never dropped without a word. */
  leftOut: { sims: number; readWhole: number };
}

/** The file's JSON, its entries each checked; null when it is no board file of version 1 at all. */
export function readBoardFile(json: unknown): BoardRead | null {
  const file = v.safeParse(BoardFileSchema, json);
  if (!file.success) return null;
  const sims = file.output.sims.map(keptSimState).filter((s): s is SimState => s !== null);
  // A readWhole that is no list is one entry spoiled, not a reason to lose the rows.
  const raw = file.output.readWhole;
  const reads = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
  const readWhole = reads.flatMap((r) => {
    const parsed = v.safeParse(ReadWholeSchema, r);
    return parsed.success ? [parsed.output] : [];
  });
  return { sims, readWhole, leftOut: { sims: file.output.sims.length - sims.length, readWhole: reads.length - readWhole.length } };
}

/** Why entries were left out, for the start notice; null when none were. */
export function leftOutSaid({ sims, readWhole }: BoardRead['leftOut']): Bilingual | null {
  const zh = [sims ? `${sims} 行 SIM 记录` : '', readWhole ? `${readWhole} 条整条读出的长短信记录` : ''].filter(Boolean);
  const en = [sims ? `${sims} SIM row(s)` : '', readWhole ? `${readWhole} kept long-message entr${readWhole === 1 ? 'y' : 'ies'}` : ''].filter(Boolean);
  if (zh.length === 0) return null;
  return { zh: `${zh.join('、')}不是本应用写的格式，已略过`, en: `${en.join(' and ')} not in the shape this app writes were left out` };
}

/** Fields from before a version are filled as for another host's state; a hand-edited row never hides more failures than it counts. */
function keptSimState(raw: unknown): SimState | null {
  const parsed = v.safeParse(KeptSimSchema, raw);
  if (!parsed.success) return null;
  const s = parsed.output;
  return { ...s, ...figuresFromBefore(s), sendFailuresSeen: Math.min(s.sendFailuresSeen, s.sendFailures), modemState: null, registration: null, signal: null };
}
