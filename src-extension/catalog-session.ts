import { compareVersions } from '../src-shared/bundle';
import { InstructionCatalog } from '../src-shared/catalog/catalog';
import { exportCustomFile, importCustomFile, type ImportOutcome } from '../src-shared/catalog/custom/file';
import { deleteCustom, saveCustom } from '../src-shared/catalog/custom/list';
import { requireValidCustom } from '../src-shared/catalog/custom/validate';
import { effectiveCatalog } from '../src-shared/catalog/effective';
import { builtinProvinceProfile } from '../src-shared/catalog/provinces/builtin';
import type { ProvinceId } from '../src-shared/catalog/provinces/schema';
import type { Catalog } from '../src-shared/catalog/schema';
import { toHallError, type Bilingual } from '../src-shared/errors';
import * as store from './catalog-store';
import { checkIsDue, runUpdateCheck } from './catalog-update';
import { sourceFetcher, type FetchFile } from './source-fetch';

export interface CatalogInUse {
  /** What search, the instruction view and the omnibox use: base, then province, then the user's own. */
  catalog: InstructionCatalog;
  /** The signed catalog under it: the built-in one or the accepted update. */
  base: Catalog;
  origin: 'builtin' | 'update';
  settings: store.CatalogSettings;
  problems: Bilingual[];
}

export type { ImportOutcome } from '../src-shared/catalog/custom/file';

/** The accepted update, unless the built-in catalog is as new (the extension itself was updated). */
function baseOf(settings: store.CatalogSettings, builtin: Catalog): Pick<CatalogInUse, 'base' | 'origin'> {
  const accepted = settings.accepted?.catalog;
  return accepted && compareVersions(accepted.version, builtin.version) > 0 ? { base: accepted, origin: 'update' } : { base: builtin, origin: 'builtin' };
}

/** `builtin` itself is used (and the worker's search index over it) when nothing stored changes it. */
export async function loadCatalogInUse(storage: store.StorageArea, builtin: InstructionCatalog): Promise<CatalogInUse> {
  const settings = await store.readCatalogSettings(storage);
  const { base, origin } = baseOf(settings, builtin.data);
  const problems = [...settings.problems];
  let data: Catalog;
  try {
    data = effectiveCatalog({ base, province: builtinProvinceProfile(settings.province), customs: settings.customs });
  } catch (e) {
    // A profile or list that does not fit is reported; the signed catalog alone still works.
    const error = toHallError(e);
    problems.push({ zh: error.zh, en: error.en });
    data = base;
  }
  return { catalog: data === builtin.data ? builtin : new InstructionCatalog(data), base, origin, settings, problems };
}

/**
 * The catalog for one popup (or the worker) and every change the settings page makes to it. Each
 * change is written to storage first and then read back, so what is shown is what is stored.
 */
export class CatalogSession {
  private checking: Promise<store.LastCheck> | undefined;
  private readonly listeners = new Set<() => void>();

  private constructor(
    private readonly storage: store.StorageArea,
    private readonly builtin: InstructionCatalog,
    private readonly fetcherFor: (source: string) => FetchFile,
    private state: CatalogInUse,
  ) {}

  static async open(storage: store.StorageArea, builtin: InstructionCatalog, fetcherFor: (source: string) => FetchFile = sourceFetcher): Promise<CatalogSession> {
    return new CatalogSession(storage, builtin, fetcherFor, await loadCatalogInUse(storage, builtin));
  }

  get inUse(): CatalogInUse {
    return this.state;
  }

  get catalog(): InstructionCatalog {
    return this.state.catalog;
  }

  /** Called after every change; returns the function that stops listening. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async reload(): Promise<void> {
    this.state = await loadCatalogInUse(this.storage, this.builtin);
    for (const listener of this.listeners) listener();
  }

  async setProvince(province: ProvinceId | null): Promise<void> {
    await store.saveProvince(this.storage, province);
    await this.reload();
  }

  /** Adds an instruction, or replaces the one with code `replacing`; a wrong field is thrown as a bilingual error. */
  async saveCustom(input: unknown, replacing?: string): Promise<void> {
    await store.saveCustoms(this.storage, saveCustom(this.state.settings.customs, requireValidCustom(input), replacing));
    await this.reload();
  }

  async deleteCustom(code: string): Promise<void> {
    await store.saveCustoms(this.storage, deleteCustom(this.state.settings.customs, code));
    await this.reload();
  }

  /** A colleague's file: new entries are added, entries with a code the user has are replaced only when asked. */
  async importCustoms(text: string, replace: boolean): Promise<ImportOutcome> {
    const { customs, outcome } = importCustomFile(this.state.settings.customs, text, replace);
    await store.saveCustoms(this.storage, customs);
    await this.reload();
    return outcome;
  }


  exportCustoms(now = new Date()): string {
    return exportCustomFile(this.state.settings.customs, now);
  }

  async setUpdateSource(update: store.UpdateSource | null): Promise<void> {
    await store.saveUpdateSource(this.storage, update);
    await this.reload();
  }

  /** One check at a time: a second request while one runs gets the same result. Null without a source. */
  checkNow(now = Date.now()): Promise<store.LastCheck | null> {
    const { settings, base } = this.state;
    if (!settings.update) return Promise.resolve(null);
    this.checking ??= runUpdateCheck({
      storage: this.storage,
      update: settings.update,
      current: base,
      floor: settings.floor,
      fetchFile: this.fetcherFor(settings.update.source),
      now,
    }).finally(() => (this.checking = undefined));
    return this.checking.then(async (result) => {
      await this.reload();
      return result;
    });
  }

  checkIfDue(now = Date.now()): Promise<store.LastCheck | null> {
    return checkIsDue(this.state.settings, now) ? this.checkNow(now) : Promise.resolve(null);
  }

  async rollback(): Promise<void> {
    await store.clearAccepted(this.storage);
    await this.reload();
  }
}
