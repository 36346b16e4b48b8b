import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as v from 'valibot';
import { EXTENSION_ID_PATTERN } from '../../../src-shared/api/extension-messages';
import { writeFileAtomic } from '../atomic-write';
import { Emitter } from '../modem/emitter';
import { SerialQueue } from '../serial-queue';

export interface Pairing {
  extensionId: string;
  pairedAt: number;
}

const PairingFileSchema = v.strictObject({
  version: v.literal(1),
  paired: v.array(v.strictObject({ extensionId: v.pipe(v.string(), v.regex(EXTENSION_ID_PATTERN)), pairedAt: v.number() })),
});

/**
 * The extensions the user allowed to send through this app, in `extensions.json` in the data
 * folder. A damaged file pairs nobody (the safe reading) and is replaced on the next change.
 */
export class PairingStore extends Emitter<{ changed: Pairing[]; revoked: string }> {
  /** One change at a time: each reads the list the previous one wrote. */
  private readonly changes = new SerialQueue();

  private constructor(
    private readonly path: string,
    private paired: Pairing[],
  ) {
    super();
  }

  static async open(dataDir: string): Promise<PairingStore> {
    const path = join(dataDir, 'extensions.json');
    const text = await readFile(path, 'utf8').catch(() => null);
    let paired: Pairing[] = [];
    if (text !== null) {
      try {
        const parsed = v.safeParse(PairingFileSchema, JSON.parse(text));
        if (parsed.success) paired = parsed.output.paired;
      } catch {
        // Unparsable: nobody is paired until the user pairs again.
      }
    }
    return new PairingStore(path, paired);
  }

  list(): Pairing[] {
    return [...this.paired];
  }

  has(extensionId: string): boolean {
    return this.paired.some((p) => p.extensionId === extensionId);
  }

  add(extensionId: string, now = Date.now()): Promise<void> {
    return this.changes.run(async () => {
      if (!this.has(extensionId)) await this.save([...this.paired, { extensionId, pairedAt: now }]);
    });
  }

  /** Returns whether the extension had been paired. */
  revoke(extensionId: string): Promise<boolean> {
    return this.changes.run(async () => {
      if (!this.has(extensionId)) return false;
      await this.save(this.paired.filter((p) => p.extensionId !== extensionId));
      this.emit('revoked', extensionId);
      return true;
    });
  }


  private async save(paired: Pairing[]): Promise<void> {
    await writeFileAtomic(this.path, `${JSON.stringify({ version: 1, paired }, null, 2)}\n`);
    this.paired = paired;
    this.emit('changed', this.list());
  }
}
