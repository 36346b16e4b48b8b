import { join } from 'node:path';
import * as v from 'valibot';
import { SimLabelSchema, type SimLabel } from '../../../src-shared/api/contract';
import { writeFileAtomic } from '../atomic-write';
import { jsonOf, loadSettingsFile } from '../settings-file';
import { Emitter } from '../modem/emitter';

const LabelFileSchema = v.strictObject({ version: v.literal(1), labels: v.array(SimLabelSchema) });

const isEmpty = (l: SimLabel) => !l.name && !l.owner && !l.phone;

/** Each SIM's name, owner and phone number: `sim-labels.json` in the data folder, replaced atomically. */
export class SimLabels extends Emitter<{ changed: SimLabel[] }> {
  private constructor(
    private readonly path: string,
    private labels: SimLabel[],
    /** Said once at start when the file was damaged: where its copy was kept. */
    readonly problem: { zh: string; en: string } | null = null,
  ) {
    super();
  }

  /** A damaged file is kept aside and said (`problem`): SIMs show by their ids until named again. */
  static async open(dataDir: string): Promise<SimLabels> {
    const path = join(dataDir, 'sim-labels.json');
    const { value, problem } = await loadSettingsFile({
      path,
      holds: { zh: 'SIM 卡标签', en: 'SIM labels' },
      meanwhile: { zh: 'SIM 卡暂时按卡号显示。', en: 'SIMs show by their ids for now.' },
      parse: jsonOf(LabelFileSchema),
    });
    return new SimLabels(path, value?.labels ?? [], problem);
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
