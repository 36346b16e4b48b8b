import { compareVersions, INDEX_FILE, openPlanned, parseUpdateIndex, planUpdate, type Trusted, type UpdatePlan } from '../../../src-shared/bundle';
import type { Catalog } from '../../../src-shared/catalog/schema';
import { HallError, toHallError } from '../../../src-shared/errors';
import { AcceptedStore } from './accepted-store';
import { DEFAULT_LIMITS, openSource, type FetchLimits, type UpdateSource } from './source';

export interface CatalogUpdaterOptions {
  dataDir: string;
  /** http(s) URL or folder the maintainer publishes to; undefined keeps the app fully offline. */
  source?: string;
  /** Public keys (base64) whose signatures are accepted. */
  trustedKeys: readonly string[];
  /** The catalog shipped with the app: the floor, and what a rollback returns to. */
  builtin: Catalog;
  limits?: Partial<FetchLimits>;
}

export interface CurrentCatalog {
  catalog: Catalog;
  origin: 'builtin' | 'update';
  version: string;
  /** The signed trusted comment of the update in use. */
  trusted?: Trusted;
  /** Why a saved update is not in use (a damaged file), when that is the case. */
  problem?: HallError;
}

export interface UpdateCheck {
  current: string;
  /** Undefined when the source offers nothing newer. */
  latest?: string;
  via?: UpdatePlan['kind'];
}

export interface UpdateOutcome {
  updated: boolean;
  version: string;
  via?: UpdatePlan['kind'];
  /** Bytes fetched for the bundle (the index not counted). */
  bytes?: number;
}

/**
 * Keeps the instruction catalog current from a maintainer's signed static files. Any failure
 * leaves the catalog in use untouched: a new one replaces it only after every check has passed
 * and it is safely on disk.
 */
export class CatalogUpdater {
  private readonly store: AcceptedStore;
  private readonly source: UpdateSource | undefined;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: CatalogUpdaterOptions) {
    this.store = new AcceptedStore(options.dataDir);
    const limits = { ...DEFAULT_LIMITS, ...options.limits };
    this.source = options.source ? openSource(options.source, limits) : undefined;
  }

  /** False when no source is set: the app is offline by choice, and check/apply would only refuse. */
  get hasSource(): boolean {
    return this.source !== undefined;
  }

  /** The accepted update, unless the built-in catalog is as new (the app itself was updated). */
  async current(): Promise<CurrentCatalog> {
    const builtin: CurrentCatalog = { catalog: this.options.builtin, origin: 'builtin', version: this.options.builtin.version };
    let accepted;
    try {
      accepted = await this.store.load();
    } catch (e) {
      return { ...builtin, problem: toHallError(e) };
    }
    if (!accepted || compareVersions(accepted.catalog.version, builtin.version) <= 0) return builtin;
    return { catalog: accepted.catalog, origin: 'update', version: accepted.catalog.version, trusted: accepted.trusted };
  }

  async check(): Promise<UpdateCheck> {
    const { version } = await this.current();
    const plan = await this.plan(version);
    return plan ? { current: version, latest: plan.latest, via: plan.kind } : { current: version };
  }

  /** Fetches, verifies and installs the newest catalog; throws a HallError (and changes nothing) when refused. */
  apply(): Promise<UpdateOutcome> {
    return this.serialized(async () => {
      const current = await this.current();
      const plan = await this.plan(current.version);
      if (!plan) return { updated: false, version: current.version };
      const source = this.requireSource();
      const { opened, bytes } = await openPlanned(plan, (file) => source.read(file), {
        trustedKeys: this.options.trustedKeys,
        current: current.catalog,
        floor: await this.store.floor(),
      });
      await this.store.save({ trusted: opened.trusted, catalog: opened.catalog });
      return { updated: true, version: opened.catalog.version, via: opened.kind, bytes };
    });
  }

  /**
   * Forgets the accepted update: the built-in catalog is in use again until the next apply, which
   * still never accepts anything older than the newest version once accepted.
   */
  rollback(): Promise<CurrentCatalog> {
    return this.serialized(async () => {
      await this.store.clear();
      return this.current();
    });
  }

  private async plan(currentVersion: string): Promise<UpdatePlan | undefined> {
    const index = parseUpdateIndex(new TextDecoder().decode(await this.requireSource().read(INDEX_FILE)));
    return planUpdate(index, currentVersion);
  }

  private requireSource(): UpdateSource {
    if (this.source) return this.source;
    throw new HallError(
      'update.no-source',
      { zh: '没有设置目录更新源，应用保持完全离线', en: 'No catalog update source is set; the app stays fully offline' },
      { action: { zh: '在设置里填写维护者提供的网址或文件夹。', en: 'Enter the address or folder your catalog maintainer gave you in the settings.' } },
    );
  }

  private serialized<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work, work);
    this.queue = run.catch(() => undefined);
    return run;
  }
}
