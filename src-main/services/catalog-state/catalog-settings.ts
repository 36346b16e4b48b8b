import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as v from 'valibot';
import { PROVINCE_IDS } from '../../../src-shared/catalog/provinces/schema';
import { writeFileAtomic } from '../atomic-write';

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

/** `catalog-settings.json` in the data folder; a damaged file means the defaults (offline, no province). */
export async function loadCatalogSettings(dataDir: string): Promise<{ settings: CatalogSettings; damaged: boolean }> {
  const text = await readFile(settingsPath(dataDir), 'utf8').catch(() => null);
  if (text === null) return { settings: DEFAULT_SETTINGS, damaged: false };
  try {
    const parsed = v.safeParse(SettingsSchema, JSON.parse(text));
    return parsed.success ? { settings: parsed.output, damaged: false } : { settings: DEFAULT_SETTINGS, damaged: true };
  } catch {
    return { settings: DEFAULT_SETTINGS, damaged: true };
  }
}

export async function saveCatalogSettings(dataDir: string, settings: CatalogSettings): Promise<void> {
  await writeFileAtomic(settingsPath(dataDir), `${JSON.stringify(v.parse(SettingsSchema, settings), null, 2)}\n`);
}

export function isValidPublicKey(key: string): boolean {
  return v.is(SettingsSchema.entries.update.entries.publicKey, key);
}

const settingsPath = (dataDir: string) => join(dataDir, 'catalog-settings.json');
