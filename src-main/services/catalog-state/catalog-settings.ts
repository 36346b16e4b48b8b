import { join } from 'node:path';
import * as v from 'valibot';
import { PROVINCE_IDS } from '../../../src-shared/catalog/provinces/schema';
import type { Bilingual } from '../../../src-shared/errors';
import { writeFileAtomic } from '../atomic-write';
import { jsonOf, loadSettingsFile } from '../settings-file';

const SettingsSchema = v.strictObject({
  version: v.literal(1),
  province: v.nullable(v.picklist(PROVINCE_IDS)),
  update: v.strictObject({
    /** An http(s) URL or a folder with the maintainer's static files; null: fully offline. */
    source: v.nullable(v.pipe(v.string(), v.minLength(1), v.maxLength(2048))),
    /** The maintainer's Ed25519 public key (base64) that every bundle must be signed with. */
    publicKey: v.nullable(v.pipe(v.string(), v.regex(/^[A-Za-z0-9+/]{43}=$/))),
  }),
});

export type CatalogSettings = v.InferOutput<typeof SettingsSchema>;
export const DEFAULT_SETTINGS: CatalogSettings = { version: 1, province: null, update: { source: null, publicKey: null } };

/** `catalog-settings.json` in the data folder; a damaged file is kept aside, and the defaults (offline, no province) apply. */
export async function loadCatalogSettings(dataDir: string): Promise<{ settings: CatalogSettings; problem: Bilingual | null }> {
  const { value, problem } = await loadSettingsFile({
    path: settingsPath(dataDir),
    holds: { zh: '指令库设置', en: 'catalog settings' },
    meanwhile: { zh: '暂不选省份、不检查更新，直到你在设置里重新选好。', en: 'no province is chosen and no updates are checked until you set them again in Settings.' },
    parse: jsonOf(SettingsSchema),
  });
  return { settings: value ?? DEFAULT_SETTINGS, problem };
}

export async function saveCatalogSettings(dataDir: string, settings: CatalogSettings): Promise<void> {
  await writeFileAtomic(settingsPath(dataDir), `${JSON.stringify(v.parse(SettingsSchema, settings), null, 2)}\n`);
}

export function isValidPublicKey(key: string): boolean {
  return v.is(SettingsSchema.entries.update.entries.publicKey, key);
}

const settingsPath = (dataDir: string) => join(dataDir, 'catalog-settings.json');
