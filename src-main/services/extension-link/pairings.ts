import { join } from 'node:path';
import * as v from 'valibot';
import type { AssociationView } from '../../../src-shared/api/contract';
import { TOKEN_16, TOKEN_32 } from '../../../src-shared/api/extension-auth';
import { EXTENSION_ID_PATTERN } from '../../../src-shared/api/extension-messages';
import { HallError, type Bilingual } from '../../../src-shared/errors';
import { writeFileAtomic } from '../atomic-write';
import { jsonOf, loadSettingsFile } from '../settings-file';
import { Emitter } from '../modem/emitter';
import { SerialQueue } from '../serial-queue';

/** An association unused this long is forgotten: the browser profile must pair again. */
export const ASSOCIATION_TTL_MS = 90 * 24 * 3600_000;
/** Last use is written to disk at most this often per association (it is shown by the day). */
const LAST_USE_STEP_MS = 10 * 60_000;

/**
 * One browser profile the user allowed to send through this app: the secret it made when it
 * paired, and the names the user sees. The secret is in this file (mode 0600) and nowhere else in
 * the app: never in an event, a log line or the API.
 */
export interface Association {
  id: string;
  extensionId: string;
  key: string;
  browser: string;
  profile: string;
  name: string;
  pairedAt: number;
  lastUsedAt: number;
}

const Text = v.pipe(v.string(), v.maxLength(80));
const AssociationSchema = v.strictObject({
  id: v.pipe(v.string(), v.regex(TOKEN_16)),
  extensionId: v.pipe(v.string(), v.regex(EXTENSION_ID_PATTERN)),
  key: v.pipe(v.string(), v.regex(TOKEN_32)),
  browser: Text,
  profile: Text,
  name: Text,
  pairedAt: v.number(),
  lastUsedAt: v.number(),
});
const PairingFileSchema = v.strictObject({ version: v.literal(2), associations: v.array(AssociationSchema) });

/**
 * The browser profiles paired with this app, in `extensions.json` in the data folder. A damaged
 * file, or one from before associations had secrets (version 1), pairs nobody (the safe reading):
 * it is kept aside and said (`problem`), and every extension pairs again.
 */
export class PairingStore extends Emitter<{ changed: AssociationView[]; revoked: string }> {
  /** One change at a time: each reads the list the previous one wrote. */
  private readonly changes = new SerialQueue();

  private constructor(
    private readonly path: string,
    private associations: Association[],
    private readonly now: () => number,
    /** Said once at start when the file was damaged: where its copy was kept. */
    readonly problem: Bilingual | null = null,
  ) {
    super();
  }

  static async open(dataDir: string, now: () => number = Date.now): Promise<PairingStore> {
    const path = join(dataDir, 'extensions.json');
    const { value, problem } = await loadSettingsFile({
      path,
      holds: { zh: '浏览器扩展配对', en: 'browser extension pairings' },
      meanwhile: {
        zh: '每个浏览器扩展都要重新配对：在扩展里对一条指令点“用桌面应用发送”即可。',
        en: 'every browser extension must pair again: press “Send with the desktop app” on an instruction in the extension.',
      },
      parse: jsonOf(PairingFileSchema),
    });
    return new PairingStore(path, value?.associations ?? [], now, problem);
  }

  /** What the app's user sees: never the secret. */
  list(): AssociationView[] {
    return this.live().map(({ key: _key, ...view }) => ({ ...view, expiresAt: view.lastUsedAt + ASSOCIATION_TTL_MS }));
  }

  /** The association with this ID, if it belongs to this extension and has not expired. */
  find(id: string, extensionId: string): Association | null {
    const found = this.associations.find((a) => a.id === id && a.extensionId === extensionId);
    if (!found) return null;
    if (this.expired(found)) {
      void this.remove(found.id).catch(() => undefined);
      return null;
    }
    return found;
  }

  add(association: Omit<Association, 'pairedAt' | 'lastUsedAt' | 'name'>): Promise<void> {
    return this.changes.run(async () => {
      const now = this.now();
      const name = [association.browser, association.profile].filter(Boolean).join(' · ') || association.extensionId;
      await this.save([...this.live().filter((a) => a.id !== association.id), { ...association, name, pairedAt: now, lastUsedAt: now }]);
    });
  }

  /** Notes a use; written when the stored time is more than a few minutes old. */
  touch(id: string): Promise<void> {
    return this.changes.run(async () => {
      const now = this.now();
      const found = this.associations.find((a) => a.id === id);
      if (!found || now - found.lastUsedAt < LAST_USE_STEP_MS) return;
      await this.save(this.live().map((a) => (a.id === id ? { ...a, lastUsedAt: now } : a)));
    });
  }

  rename(id: string, name: string): Promise<void> {
    const trimmed = name.trim();
    return this.changes.run(async () => {
      if (!this.associations.some((a) => a.id === id)) throw unknownAssociation();
      if (!trimmed || trimmed.length > 80) {
        throw new HallError('extension.bad-name', { zh: '名称应有 1 到 80 个字符。', en: 'A name takes 1 to 80 characters.' });
      }
      await this.save(this.live().map((a) => (a.id === id ? { ...a, name: trimmed } : a)));
    });
  }

  /** Returns whether the association existed. */
  revoke(id: string): Promise<boolean> {
    return this.remove(id);
  }

  private remove(id: string): Promise<boolean> {
    return this.changes.run(async () => {
      if (!this.associations.some((a) => a.id === id)) return false;
      await this.save(this.live().filter((a) => a.id !== id));
      this.emit('revoked', id);
      return true;
    });
  }

  private expired(a: Association): boolean {
    return this.now() - a.lastUsedAt > ASSOCIATION_TTL_MS;
  }

  private live(): Association[] {
    return this.associations.filter((a) => !this.expired(a));
  }

  private async save(associations: Association[]): Promise<void> {
    await writeFileAtomic(this.path, `${JSON.stringify({ version: 2, associations }, null, 2)}\n`);
    this.associations = associations;
    this.emit('changed', this.list());
  }
}

const unknownAssociation = () =>
  new HallError('extension.unknown-association', { zh: '没有这个配对（可能已被取消或已过期）。', en: 'No such pairing (it may have been removed or have expired).' });
