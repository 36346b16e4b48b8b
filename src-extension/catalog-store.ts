import { catalogHash, compareVersions, type Trusted } from '../src-shared/bundle';
import type { CustomInstruction } from '../src-shared/catalog/custom/schema';
import { validateCustom } from '../src-shared/catalog/custom/validate';
import { parseCatalog } from '../src-shared/catalog/load';
import { PROVINCE_IDS, type ProvinceId } from '../src-shared/catalog/provinces/schema';
import type { Catalog } from '../src-shared/catalog/schema';
import { HallError, type Bilingual } from '../src-shared/errors';
import { CATALOG_KEYS } from './catalog-keys';

/** The part of `chrome.storage.local` the catalog settings use, so tests can hand in a plain map. */
export interface StorageArea {
  get(keys: string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string[]): Promise<void>;
}

/** Where the maintainer publishes signed updates, and the key every bundle must be signed with. */
export interface UpdateSource {
  source: string;
  publicKey: string;
}

/** The outcome of the last update check, as the settings page shows it. */
export interface LastCheck extends Bilingual {
  at: number;
  ok: boolean;
}

export interface AcceptedCatalog {
  trusted: Trusted;
  catalog: Catalog;
}

export interface CatalogSettings {
  province: ProvinceId | null;
  customs: CustomInstruction[];
  update: UpdateSource | null;
  accepted: AcceptedCatalog | null;
  /** The highest version ever accepted: it outlives "back to built-in", so old bundles stay refused. */
  floor: string | null;
  lastCheck: LastCheck | null;
  /** Stored parts that could not be used, each left out (never guessed at) and said once. */
  problems: Bilingual[];
}

/** Every key this module owns; the worker listens for changes to these only. */
export { CATALOG_KEYS };
const [PROVINCE, CUSTOMS, UPDATE_SOURCE, ACCEPTED, FLOOR, LAST_CHECK] = CATALOG_KEYS;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

export async function readCatalogSettings(storage: StorageArea): Promise<CatalogSettings> {
  const stored = await storage.get([...CATALOG_KEYS]);
  const problems: Bilingual[] = [];
  return {
    province: PROVINCE_IDS.find((id) => id === stored[PROVINCE]) ?? null,
    customs: readCustoms(stored[CUSTOMS], problems),
    update: readUpdateSource(stored[UPDATE_SOURCE], problems),
    accepted: await readAccepted(stored[ACCEPTED], problems),
    floor: typeof stored[FLOOR] === 'string' ? stored[FLOOR] : null,
    lastCheck: readLastCheck(stored[LAST_CHECK]),
    problems,
  };
}

/**
 * A write the browser refuses (its 10 MB for the extension is full: Chrome says only
 * "Resource::kQuotaBytes quota exceeded") is said in words, with what to do; nothing stored changes.
 */
export function storageWriteError(cause: unknown): HallError {
  const full = /quota/i.test(cause instanceof Error ? cause.message : String(cause));
  return new HallError(
    full ? 'storage-full' : 'storage-write',
    full
      ? { zh: '浏览器没能保存：扩展的存储空间已满', en: "The browser could not save this: the extension's storage is full" }
      : { zh: '浏览器没能保存这项设置', en: 'The browser could not save this setting' },
    {
      action: full
        ? { zh: '请删除一些自定义指令，或回到内置指令库，然后再试。', en: 'Delete some of your own instructions, or go back to the built-in catalog, then try again.' }
        : { zh: '请关闭后重新打开扩展再试。', en: 'Close and reopen the extension, then try again.' },
      cause,
    },
  );
}

const written = (write: Promise<void>): Promise<void> =>
  write.catch((e: unknown) => {
    throw storageWriteError(e);
  });

export const saveProvince = (storage: StorageArea, province: ProvinceId | null) =>
  written(province === null ? storage.remove([PROVINCE]) : storage.set({ [PROVINCE]: province }));

export const saveCustoms = (storage: StorageArea, customs: readonly CustomInstruction[]) => written(storage.set({ [CUSTOMS]: customs }));

/** A new source (or none) makes the last check's outcome meaningless: it is forgotten with it. */
export async function saveUpdateSource(storage: StorageArea, update: UpdateSource | null): Promise<void> {
  await written(storage.remove([LAST_CHECK]));
  await written(update === null ? storage.remove([UPDATE_SOURCE]) : storage.set({ [UPDATE_SOURCE]: update }));
}

export const saveLastCheck = (storage: StorageArea, check: LastCheck) => written(storage.set({ [LAST_CHECK]: check }));

/** The catalog and the raised floor in one write: storage never holds one without the other. */
export function saveAccepted(storage: StorageArea, accepted: AcceptedCatalog, floor: string | null): Promise<void> {
  const version = accepted.catalog.version;
  const highest = floor !== null && compareVersions(floor, version) > 0 ? floor : version;
  return written(storage.set({ [ACCEPTED]: accepted, [FLOOR]: highest }));
}

/** Back to the built-in catalog; the floor stays. */
export const clearAccepted = (storage: StorageArea) => written(storage.remove([ACCEPTED]));

function readCustoms(value: unknown, problems: Bilingual[]): CustomInstruction[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    problems.push({ zh: '保存的自定义指令已损坏，未使用；可以重新添加或导入。', en: 'The saved custom instructions are damaged and are not used; add or import them again.' });
    return [];
  }
  const customs = value.flatMap((entry) => {
    const checked = validateCustom(entry);
    return checked.ok ? [checked.value] : [];
  });
  if (customs.length < value.length) {
    const dropped = value.length - customs.length;
    problems.push({ zh: `有 ${dropped} 条保存的自定义指令已损坏，未使用。`, en: `${dropped} saved custom instruction(s) were damaged and are not used.` });
  }
  return customs;
}

function readUpdateSource(value: unknown, problems: Bilingual[]): UpdateSource | null {
  if (value === undefined) return null;
  if (!isRecord(value) || typeof value.source !== 'string' || typeof value.publicKey !== 'string') {
    problems.push({ zh: '保存的更新源已损坏，现在不检查更新；请重新填写更新源并保存。', en: 'The saved update source is damaged, so no updates are checked; enter the update source again and save.' });
    return null;
  }
  return { source: value.source, publicKey: value.publicKey };
}

function readLastCheck(value: unknown): LastCheck | null {
  if (!isRecord(value) || typeof value.at !== 'number' || typeof value.ok !== 'boolean') return null;
  if (typeof value.zh !== 'string' || typeof value.en !== 'string') return null;
  return { at: value.at, ok: value.ok, zh: value.zh, en: value.en };
}

/** The accepted update is used only while it is still exactly what its signature promised. */
async function readAccepted(value: unknown, problems: Bilingual[]): Promise<AcceptedCatalog | null> {
  if (value === undefined) return null;
  try {
    if (!isRecord(value) || !isRecord(value.trusted)) throw new Error('not an accepted catalog');
    const trusted = value.trusted as Trusted;
    const catalog = parseCatalog(value.catalog);
    if ((await catalogHash(catalog)) !== trusted.target) throw new Error('hash differs from the signed one');
    return { trusted, catalog };
  } catch {
    problems.push({
      zh: '保存的指令库更新已损坏，改用内置指令库；可以重新检查更新。',
      en: 'The saved catalog update is damaged; the built-in catalog is in use. Check for updates again.',
    });
    return null;
  }
}
