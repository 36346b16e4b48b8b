import { join } from 'node:path';
import * as v from 'valibot';
import { TOKEN_16 } from '../../../src-shared/api/extension-auth';
import { SETTLED_PARTS_KEPT_DAYS } from '../../../src-shared/journal-records';
import { toHallError, type Bilingual } from '../../../src-shared/errors';
import { writeFileAtomic } from '../atomic-write';
import { SaidOnce } from '../said-once';
import { SerialQueue } from '../serial-queue';
import { jsonOf, loadSettingsFile } from '../settings-file';

/** As long as the journal keeps a long message's parts (`Journal.longParts`): past it no recheck can match it anyway. */
const KEPT_MS = SETTLED_PARTS_KEPT_DAYS * 24 * 3600_000;
/** A recheck names at most 40 replies (RECHECK_MAX); ten rechecks' worth for each association. */
const MAX_TOLD_EACH = 400;
/**
 * The associations whose notes are kept, the ones told most lately: the file stays bounded (20 × 400 entries, about
 * 1 MB) however many profiles were ever paired, while one busy profile never pushes out another's notes (read20: one
 * cap shared by all let a desk's ~58 long replies a day evict every other extension's within a week, without a word).
 */
const MAX_ASSOCIATIONS = 20;

/** A long reply passed on certain to an association: which SIM it came on and when. No text, nor any digest of it. */
export interface ToldReply {
  association: string;
  simId: string;
  receivedAt: number;
}

const ToldSchema = v.strictObject({
  association: v.pipe(v.string(), v.regex(TOKEN_16)),
  simId: v.pipe(v.string(), v.maxLength(64)),
  receivedAt: v.number(),
});
const ToldFileSchema = v.strictObject({ version: v.literal(1), told: v.array(ToldSchema) });

/**
 * The long replies each association was passed on certain, in `extension-replies.json` in the data folder (fleet27):
 * what a `recheck` may answer about, across a restart of the app too. Before, a recheck was answered from every
 * SIM's long messages, so any paired extension could confirm a guess at the time and text of another SIM's reply
 * (a new password's). A damaged file answers no recheck until replies are passed on again (the safe reading).
 *
 * What this run was told is held in memory first and written after (read20): a write that fails (a full disk, a
 * read-only folder) loses nothing of this run, is said once (`warn`), and is tried again at the next note. A file
 * that cannot be read, or damaged and not copied aside, is left as it is for the run (the app does without it:
 * replies passed on before answer no recheck) instead of stopping the start.
 */
export class ToldReplies {
  private readonly changes = new SerialQueue();
  private readonly writes: SaidOnce;

  private constructor(
    private readonly path: string,
    private told: ToldReply[],
    private readonly o: ToldOptions,
    readonly problem: Bilingual | null,
    /** The file could not be read or kept aside: never written this run, so what it holds is still there to mend. */
    private readonly leftAlone: boolean,
  ) {
    this.writes = new SaidOnce(
      (text) => o.warn?.(text),
      (error) => ({
        zh: `${HOLDS.zh}没能写入 ${path}（${error.zh}）：本次运行照常核对，但若就此关闭应用，扩展之后的核对不再回答这些回复。下次转交时会再试。`,
        en: `The ${HOLDS.en} could not be written to ${path} (${error.en}): rechecks answer as usual this run, but if the app is closed before a later write succeeds, later rechecks answer nothing about these replies. It is tried again at the next one passed on.`,
      }),
    );
  }

  static async open(dataDir: string, o: ToldOptions = {}): Promise<ToldReplies> {
    const path = join(dataDir, 'extension-replies.json');
    try {
      const { value, problem } = await loadSettingsFile({
        path,
        holds: HOLDS,
        meanwhile: {
          zh: '扩展在此之前收到的长回复，即使之后发现可能拼错，也不会再被告知。',
          en: 'an extension is not told afterwards of a long reply passed on before that is later found possibly joined wrong.',
        },
        parse: jsonOf(ToldFileSchema),
        leftAlone: {
          zh: '本次运行不写入它；Hall10086 照常启动，扩展的核对只回答本次运行转交的长回复。',
          en: 'it is not written during this run; Hall10086 starts all the same, and extension rechecks answer only about long replies passed on in this run.',
        },
      });
      return new ToldReplies(path, value?.told ?? [], o, problem, false);
    } catch (e) {
      const error = toHallError(e);
      return new ToldReplies(path, [], o, { zh: error.describe('zh-Hans'), en: error.describe('en') }, true);
    }
  }

  /** Whether this association was passed on a long reply that came on this SIM at this time. */
  has(association: string, simId: string, receivedAt: number): boolean {
    return this.told.some((t) => t.association === association && t.simId === simId && t.receivedAt === receivedAt);
  }

  /** Noted at once for this run; the file follows when it can. Never rejects: a failed write is said instead. */
  add(entry: ToldReply): Promise<void> {
    this.told = kept([...this.told, entry], this.now() - KEPT_MS);
    if (this.leftAlone) return Promise.resolve();
    // The whole of memory each time: a note a failed write missed goes with the next one.
    return this.changes.run(() => this.writes.attempt(() => writeFileAtomic(this.path, `${JSON.stringify({ version: 1, told: this.told })}\n`)));
  }

  private now(): number {
    return (this.o.now ?? Date.now)();
  }
}

export interface ToldOptions {
  now?: () => number;
  /** Said to the user (the app's notices) when the file could not be written; once until a write goes through. */
  warn?: (text: Bilingual) => void;
}

const HOLDS = { zh: '浏览器扩展收到的长回复记录', en: 'long replies passed to browser extensions' };

/** Within the journal's keeping, the newest MAX_TOLD_EACH of each association, of the MAX_ASSOCIATIONS told most lately. */
function kept(told: readonly ToldReply[], since: number): ToldReply[] {
  // Oldest first, as noted: a Map keeps first-seen order, so each association is moved to the end at its every note.
  const byAssociation = new Map<string, ToldReply[]>();
  for (const t of told) {
    if (t.receivedAt < since) continue;
    const list = byAssociation.get(t.association) ?? [];
    list.push(t);
    byAssociation.delete(t.association);
    byAssociation.set(t.association, list);
  }
  const keep = new Set([...byAssociation.values()].slice(-MAX_ASSOCIATIONS).flatMap((list) => list.slice(-MAX_TOLD_EACH)));
  return told.filter((t) => keep.has(t));
}
