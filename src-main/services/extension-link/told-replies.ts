import { join } from 'node:path';
import * as v from 'valibot';
import { TOKEN_16 } from '../../../src-shared/api/extension-auth';
import { SETTLED_PARTS_KEPT_DAYS } from '../../../src-shared/journal-records';
import type { Bilingual } from '../../../src-shared/errors';
import { writeFileAtomic } from '../atomic-write';
import { SerialQueue } from '../serial-queue';
import { jsonOf, loadSettingsFile } from '../settings-file';

/** As long as the journal keeps a long message's parts (`Journal.longParts`): past it no recheck can match it anyway. */
const KEPT_MS = SETTLED_PARTS_KEPT_DAYS * 24 * 3600_000;
/** A recheck names at most 40 replies (RECHECK_MAX); ten associations' worth. */
const MAX_TOLD = 400;

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
 */
export class ToldReplies {
  private readonly changes = new SerialQueue();

  private constructor(
    private readonly path: string,
    private told: ToldReply[],
    private readonly now: () => number,
    readonly problem: Bilingual | null,
  ) {}

  static async open(dataDir: string, now: () => number = Date.now): Promise<ToldReplies> {
    const path = join(dataDir, 'extension-replies.json');
    const { value, problem } = await loadSettingsFile({
      path,
      holds: { zh: '浏览器扩展收到的长回复记录', en: 'long replies passed to browser extensions' },
      meanwhile: {
        zh: '扩展在此之前收到的长回复，即使之后发现可能拼错，也不会再被告知。',
        en: 'an extension is not told afterwards of a long reply passed on before that is later found possibly joined wrong.',
      },
      parse: jsonOf(ToldFileSchema),
    });
    return new ToldReplies(path, value?.told ?? [], now, problem);
  }

  /** Whether this association was passed on a long reply that came on this SIM at this time. */
  has(association: string, simId: string, receivedAt: number): boolean {
    return this.told.some((t) => t.association === association && t.simId === simId && t.receivedAt === receivedAt);
  }

  add(entry: ToldReply): Promise<void> {
    return this.changes.run(async () => {
      const since = this.now() - KEPT_MS;
      const told = [...this.told.filter((t) => t.receivedAt >= since), entry].slice(-MAX_TOLD);
      await writeFileAtomic(this.path, `${JSON.stringify({ version: 1, told })}\n`);
      this.told = told;
    });
  }
}
