import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { writeFileAtomic } from '../atomic-write';

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
  ) {}

  /** A damaged or missing file is an empty memory (refs from before are then not recognised). */
  static async open(path: string, now: () => number = Date.now): Promise<CommandRefs> {
    const refs = new CommandRefs(path, now);
    try {
      const saved = JSON.parse(await readFile(path, 'utf8')) as { version?: number; refs?: [string, Entry][] };
      if (saved.version === 1 && Array.isArray(saved.refs)) {
        for (const [key, e] of saved.refs) {
          if (typeof key === 'string' && Number.isFinite(e?.at)) refs.entries.set(key, { at: e.at, result: e.result && typeof e.result === 'object' ? e.result : null });
        }
      }
    } catch {
      // none yet, or damaged
    }
    refs.forgetOld();
    return refs;
  }

  /** Whether this ref was taken inside the window (or is running now). */
  seen(ref: string): boolean {
    this.forgetOld();
    return this.entries.has(keyOf(ref));
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
