import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as v from 'valibot';
import { SimLabelSchema, type SimLabel } from '../../../src-shared/api/contract';
import { writeFileAtomic } from '../atomic-write';
import { Emitter } from '../modem/emitter';

const LabelFileSchema = v.strictObject({ version: v.literal(1), labels: v.array(SimLabelSchema) });

const isEmpty = (l: SimLabel) => !l.name && !l.owner && !l.phone;

/** Each SIM's name, owner and phone number: `sim-labels.json` in the data folder, replaced atomically. */
export class SimLabels extends Emitter<{ changed: SimLabel[] }> {
  private constructor(
    private readonly path: string,
    private labels: SimLabel[],
  ) {
    super();
  }

  /** A missing or damaged file is no labels: SIMs show by their ids until named again. */
  static async open(dataDir: string): Promise<SimLabels> {
    const path = join(dataDir, 'sim-labels.json');
    const text = await readFile(path, 'utf8').catch(() => null);
    let labels: SimLabel[] = [];
    try {
      const parsed = text === null ? null : v.safeParse(LabelFileSchema, JSON.parse(text));
      if (parsed?.success) labels = parsed.output.labels;
    } catch {
      labels = [];
    }
    return new SimLabels(path, labels);
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
