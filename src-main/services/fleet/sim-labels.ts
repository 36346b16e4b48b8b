import { constants } from 'node:fs';
import { copyFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as v from 'valibot';
import { SimLabelSchema, type SimLabel } from '../../../src-shared/api/contract';
import { readIfPresent, writeFileAtomic } from '../atomic-write';
import { Emitter } from '../modem/emitter';

const LabelFileSchema = v.strictObject({ version: v.literal(1), labels: v.array(SimLabelSchema) });

const isEmpty = (l: SimLabel) => !l.name && !l.owner && !l.phone;

/** Each SIM's name, owner and phone number: `sim-labels.json` in the data folder, replaced atomically. */
export class SimLabels extends Emitter<{ changed: SimLabel[] }> {
  private constructor(
    private readonly path: string,
    private labels: SimLabel[],
    /** Said once at start when the file could not be read: where its copy was kept. */
    readonly problem: { zh: string; en: string } | null = null,
  ) {
    super();
  }

  /**
   * A missing file is no labels. A damaged one is kept aside (`sim-labels.json.damaged-<time>`) before
   * anything can replace it, and said: SIMs show by their ids until named again, and the names, owners
   * and numbers typed before are not lost.
   */
  static async open(dataDir: string): Promise<SimLabels> {
    const path = join(dataDir, 'sim-labels.json');
    // One that cannot be read (root's, after a sudo run) stops the start: the core says whose it is and the chown.
    const text = await readIfPresent(path);
    if (text === null) return new SimLabels(path, []);
    const parsed = v.safeParse(LabelFileSchema, parseJson(text));
    if (parsed.success) return new SimLabels(path, parsed.output.labels);
    const aside = `${path}.damaged-${Date.now()}`;
    const kept = await copyFile(path, aside, constants.COPYFILE_EXCL).then(() => true, () => false);
    return new SimLabels(path, [], {
      zh: kept ? `SIM 卡标签文件无法读取，已另存为 ${aside}；SIM 卡暂时按卡号显示。` : `SIM 卡标签文件 ${path} 无法读取；SIM 卡暂时按卡号显示。`,
      en: kept ? `The SIM labels file could not be read; it was kept as ${aside}, and SIMs show by their ids for now.` : `The SIM labels file ${path} could not be read; SIMs show by their ids for now.`,
    });
  }

  list(): SimLabel[] {
    return this.labels.map((l) => ({ ...l }));
  }

  get(simId: string): SimLabel | undefined {
    return this.labels.find((l) => l.simId === simId);
  }

  /** Saved before it takes effect. */
  async set(label: SimLabel): Promise<SimLabel[]> {
    const next = this.labels.filter((l) => l.simId !== label.simId);
    if (!isEmpty(label)) next.push({ ...label, name: label.name.trim(), owner: label.owner.trim() });
    next.sort((a, b) => a.simId.localeCompare(b.simId));
    await writeFileAtomic(this.path, `${JSON.stringify({ version: 1, labels: next }, null, 2)}\n`);
    this.labels = next;
    this.emit('changed', this.list());
    return this.list();
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
