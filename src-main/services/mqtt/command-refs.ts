import { createHash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import * as v from 'valibot';
import { toHallError, type Bilingual } from '../../../src-shared/errors';
import { writeFileAtomic } from '../atomic-write';
import { jsonOf, loadSettingsFile } from '../settings-file';
import { shellWord } from '../shell-word';

/**
 * How long a command's ref is remembered. MQTT QoS 1 is "at least once": a command can come again
 * after a reconnect (the broker's or the sender's redelivery), or be published again by a script
 * that did not see the first answer. A day covers any such repeat; a ref is meant to be used once.
 */
export const COMMAND_REF_WINDOW_MS = 24 * 3_600_000;
/**
 * Refs remembered at most, the oldest forgotten first. Above what the hourly limit (at most 120)
 * lets through in a window (2,880), so no ref inside the window is forgotten for room.
 */
export const MAX_COMMAND_REFS = 3000;

/** What a command was answered the first time; `null` while it runs, or when the app stopped meanwhile. */
export type FirstResult = Record<string, unknown> | null;

interface Entry {
  at: number;
  result: FirstResult;
}

/** Whether a ref was carried out before: `unproven` when the memory of the window was lost (see CommandRefs.open). */
export type RefState = 'new' | 'seen' | 'unproven';

const RefsFileSchema = v.object({
  version: v.literal(1),
  refs: v.array(v.tuple([v.string(), v.object({ at: v.pipe(v.number(), v.finite()), result: v.nullable(v.record(v.string(), v.unknown())) })])),
});

const HOLDS = { zh: 'MQTT 命令 ref 记录', en: 'MQTT command refs' };

/**
 * The refs of commands already carried out, kept in the data folder (`mqtt-command-refs.json`) so a
 * command repeated after a restart is not sent again. A ref is stored as its SHA-256 (a caller may
 * put anything in it); the first result is stored as it was answered, already masked.
 */
export class CommandRefs {
  private readonly entries = new Map<string, Entry>();
  /** Commands taken and not finished yet: a repeat meanwhile waits for the first's answer. */
  private readonly running = new Map<string, { answer: Promise<FirstResult>; settle(r: FirstResult): void }>();
  /** Writes one after the other, so an older one never lands over a newer. */
  private saving: Promise<void> = Promise.resolve();
  /** A write waiting for the one before it: changes meanwhile join it (it reads the memory when it starts). */
  private queued: Promise<void> | null = null;

  private constructor(
    private readonly path: string,
    private readonly now: () => number,
    /** Until then a ref not in memory may still have been carried out: the file that said so was lost. */
    private unprovenUntil: number,
    /** The file could not be read or kept aside: it is never written this run (it is the only copy). */
    private readonly leftAlone: boolean,
    /** Said to the user at start: the file was damaged or unreadable, and what is refused meanwhile. */
    readonly problem: Bilingual | null,
  ) {}

  /**
   * A missing file is an empty memory. One damaged or unreadable fails closed: a redelivered command whose ref it held
   * would otherwise send its SMS again. Damaged, it is kept aside and every ref it does not hold is refused until the
   * window after its last write has passed (every ref it held was taken by then); unreadable, it is left as it is and
   * no command is carried out this run (nothing taken could be kept for the next start either).
   */
  static async open(path: string, now: () => number = Date.now): Promise<CommandRefs> {
    const lastWrite = await stat(path).then((s) => Math.min(s.mtimeMs, now()), () => now());
    const until = lastWrite + COMMAND_REF_WINDOW_MS;
    const when = new Date(until).toISOString().slice(0, 16).replace('T', ' ');
    const p = shellWord(path);
    try {
      const { value, problem } = await loadSettingsFile({
        path,
        holds: HOLDS,
        meanwhile: {
          zh: `在 ${when}（UTC）之前，记录里没有的 ref 的 MQTT 查询都不执行，回复 mqtt.ref-unproven：无法证明它们没有执行过，免得同一条短信发两次。之后照常。若确定没有命令会重发，可删除它（rm ${p}）立即恢复，但重发的旧命令会再发一次短信。`,
          en: `until ${when} UTC an MQTT query whose ref is not in the record is not carried out and is answered mqtt.ref-unproven: it cannot be proven new, and an SMS must not go twice. After that, as usual. To take commands at once, remove it (rm ${p}), knowing that an old command redelivered then sends its SMS again.`,
        },
        parse: jsonOf(RefsFileSchema),
        leftAlone: {
          zh: '本次运行不写入它，也不执行任何 MQTT 查询（无法证明某个 ref 没有执行过，免得同一条短信发两次），回复 mqtt.ref-unproven。',
          en: 'it is not written this run, and no MQTT query is carried out (no ref can be proven new, and an SMS must not go twice); each is answered mqtt.ref-unproven.',
        },
      });
      // Nothing is taken before `until`, so the damaged file stays in place and says the same at every start meanwhile.
      const refs = new CommandRefs(path, now, problem ? until : 0, false, problem);
      for (const [key, e] of value?.refs ?? []) refs.entries.set(key, e);
      refs.forgetOld();
      return refs;
    } catch (e) {
      const error = toHallError(e);
      return new CommandRefs(path, now, Infinity, true, { zh: error.describe('zh-Hans'), en: error.describe('en') });
    }
  }

  /** Whether this ref was taken inside the window (or is running now), or might have been (the record was lost). */
  known(ref: string): RefState {
    this.forgetOld();
    if (this.entries.has(keyOf(ref))) return 'seen';
    return this.now() < this.unprovenUntil ? 'unproven' : 'new';
  }

  /**
   * Takes the ref before its command runs, synchronously (a repeat arriving a moment later finds
   * it), and resolves once that is on disk: a crash after the SMS went cannot let it run again.
   */
  take(ref: string): Promise<void> {
    const key = keyOf(ref);
    this.entries.set(key, { at: this.now(), result: null });
    let settle!: (r: FirstResult) => void;
    const answer = new Promise<FirstResult>((r) => (settle = r));
    this.running.set(key, { answer, settle });
    this.trim();
    return this.save();
  }

  /** The first run's answer, kept for the repeats. */
  finish(ref: string, result: Record<string, unknown>): Promise<void> {
    const key = keyOf(ref);
    const entry = this.entries.get(key);
    if (entry) entry.result = result;
    this.running.get(key)?.settle(result);
    this.running.delete(key);
    return this.save();
  }

  /** What the first run answered: waits for it while it runs; null when it was cut off by a stop. */
  async first(ref: string): Promise<FirstResult> {
    const key = keyOf(ref);
    return this.running.get(key)?.answer ?? this.entries.get(key)?.result ?? null;
  }

  private forgetOld(): void {
    const oldest = this.now() - COMMAND_REF_WINDOW_MS;
    for (const [key, e] of this.entries) if (e.at < oldest && !this.running.has(key)) this.entries.delete(key);
  }

  private trim(): void {
    this.forgetOld();
    for (const key of this.entries.keys()) {
      if (this.entries.size <= MAX_COMMAND_REFS) break;
      if (!this.running.has(key)) this.entries.delete(key);
    }
  }

  private save(): Promise<void> {
    if (this.leftAlone) return Promise.resolve();
    if (this.queued) return this.queued;
    const write = () => {
      this.queued = null;
      return writeFileAtomic(this.path, `${JSON.stringify({ version: 1, refs: [...this.entries] })}\n`);
    };
    this.queued = this.saving = this.saving.then(write).catch(() => undefined);
    return this.queued;
  }
}

function keyOf(ref: string): string {
  return createHash('sha256').update(ref, 'utf8').digest('hex');
}
