import * as v from 'valibot';
import { RateLimiter } from '../extension-link/rate-limit';
import type { RefState } from './command-refs';

/**
 * The only instructions the MQTT command topic may send: queries that change nothing on the line.
 * Anything else (opening, closing, password care, free text) is refused, whatever the payload says.
 */
export const MQTT_QUERY_ALLOW_LIST: ReadonlySet<string> = new Set([
  'YE',
  'CXYEG',
  'CXYEB',
  'CXYED',
  'JF',
  'ZD',
  'GN',
  '0000',
  'CXHJDD',
  'CXHJBC',
  'CXSFTH',
  'CXDXHZ',
]);

const CommandSchema = v.strictObject({
  simId: v.pipe(v.string(), v.minLength(1), v.maxLength(64)),
  instruction: v.pipe(v.string(), v.maxLength(16)),
  /** ZD's bill month is the only parameter any allowed query takes. */
  params: v.optional(v.strictObject({ month: v.pipe(v.string(), v.regex(/^\d{6}$/)) })),
  /** Echoed in the result, so a caller can match it; an allowed query needs one (it is run once per ref). */
  ref: v.optional(v.pipe(v.string(), v.maxLength(64))),
});
export type QueryCommand = v.InferOutput<typeof CommandSchema>;

type Refusal = { ok: false; code: 'malformed' | 'not-allowed' | 'no-ref' | 'rate-limited' | 'retained' | 'ref-unproven'; zh: string; en: string; instruction: string | null; simId: string | null; ref: string | null };
/**
 * `repeat`: its ref was carried out before; it is answered with the first run's result, never run
 * again. `silent`: past MAX_ANSWERED_REFUSALS_PER_HOUR, a refusal or a repeat is neither logged nor answered.
 */
type Accepted = { ok: true; command: QueryCommand & { ref: string }; repeat: boolean };
export type CommandVerdict = (Accepted | Refusal) & { silent: boolean };

/**
 * Refusals logged and answered per hour. Anyone who may publish on the command topic could
 * otherwise grow the command log without end (and have each refusal answered on the broker).
 */
export const MAX_ANSWERED_REFUSALS_PER_HOUR = 60;

/** What may be written to the log of a refused payload: never its text, which may hold a password. */
function loggable(value: unknown, max: number): string | null {
  return typeof value === 'string' ? value.replace(/[^A-Za-z0-9_.|-]/g, '?').slice(0, max) : null;
}

/**
 * Reads one command payload and decides: allowed, refused (not a read-only query, malformed) or over
 * the hourly limit. Refusals carry only the instruction code and SIM id, sanitised, for the log.
 */
export class QueryCommandGate {
  private readonly limiter: RateLimiter;
  private readonly refusals: RateLimiter;

  /** `known`: whether a ref was carried out before (CommandRefs). */
  constructor(
    perHour: number,
    private readonly known: (ref: string) => RefState,
    now: () => number = Date.now,
  ) {
    this.limiter = new RateLimiter([{ limit: perHour, windowMs: 3_600_000 }], now);
    this.refusals = new RateLimiter([{ limit: MAX_ANSWERED_REFUSALS_PER_HOUR, windowMs: 3_600_000 }], now);
  }

  /**
   * `retained`: a command the broker kept and replays to every new subscription. It would be
   * carried out again at every reconnect and every start, long after whoever sent it has gone: a
   * command must be a live message.
   */
  judge(payload: string, retained = false): CommandVerdict {
    const verdict = retained ? this.stale(payload) : this.decide(payload);
    if (verdict.ok && !verdict.repeat) return { ...verdict, silent: false };
    return { ...verdict, silent: !this.refusals.take('refused').ok };
  }

  private stale(payload: string): Refusal {
    const who = whoOf(parseJson(payload));
    return { ok: false, code: 'retained', ...who, zh: '保留（retained）的命令不执行：命令必须是即时消息。', en: 'A retained command is not carried out: commands must be live messages.' };
  }

  private decide(payload: string): Accepted | Refusal {
    const raw = parseJson(payload);
    const parsed = v.safeParse(CommandSchema, raw);
    const who = whoOf(raw);
    if (!parsed.success) {
      return { ok: false, code: 'malformed', ...who, zh: '命令格式不对：应为 {"simId":…,"instruction":…}。', en: 'Malformed command: expected {"simId":…,"instruction":…}.' };
    }
    const command = parsed.output;
    const id = command.instruction.toUpperCase();
    if (!MQTT_QUERY_ALLOW_LIST.has(id) || (command.params && id !== 'ZD')) {
      return {
        ok: false,
        code: 'not-allowed',
        ...who,
        zh: `${who.instruction} 不在允许的只读查询之列（${[...MQTT_QUERY_ALLOW_LIST].join('、')}）。`,
        en: `${who.instruction} is not one of the allowed read-only queries (${[...MQTT_QUERY_ALLOW_LIST].join(', ')}).`,
      };
    }
    // Without a ref a repeat (QoS 1 redelivers after a reconnect) could not be told from a new query.
    if (!command.ref) {
      return { ok: false, code: 'no-ref', ...who, zh: '命令缺少 ref：每条查询须带一个唯一的 ref，重复送达时才不会再发一次短信。', en: 'The command has no ref: each query needs a unique ref, so a repeated delivery does not send the SMS again.' };
    }
    const known = this.known(command.ref);
    if (known === 'seen') return { ok: true, command: { ...command, ref: command.ref, instruction: id }, repeat: true };
    if (known === 'unproven') {
      return {
        ok: false,
        code: 'ref-unproven',
        ...who,
        zh: '执行过的 ref 记录损坏或无法读取，无法证明这个 ref 没有执行过：为免同一条短信发两次，不执行（详情见应用的启动提示）。',
        en: 'The record of refs carried out is damaged or unreadable, so this ref cannot be proven new: it is not carried out, so that an SMS does not go twice (the app’s start notice says more).',
      };
    }
    if (!this.limiter.take('mqtt').ok) {
      return { ok: false, code: 'rate-limited', ...who, zh: '本小时的 MQTT 查询次数已用完。', en: 'The hourly limit of MQTT queries is used up.' };
    }
    return { ok: true, command: { ...command, ref: command.ref, instruction: id }, repeat: false };
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** What a refusal may tell of the payload: its codes, sanitised. */
function whoOf(raw: unknown): Pick<Refusal, 'instruction' | 'simId' | 'ref'> {
  const r = (raw ?? {}) as Record<string, unknown>;
  return { instruction: loggable(r.instruction, 16), simId: loggable(r.simId, 64), ref: loggable(r.ref, 64) };
}
