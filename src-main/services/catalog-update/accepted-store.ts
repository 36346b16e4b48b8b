import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { catalogHash, compareVersions, type Trusted } from '../../../src-shared/bundle';
import { parseCatalog } from '../../../src-shared/catalog/load';
import type { Catalog } from '../../../src-shared/catalog/schema';
import { HallError } from '../../../src-shared/errors';
import { readIfPresent, writeFileAtomic } from '../atomic-write';

const STORE_FORMAT = 'hall10086-accepted-catalog/1';

export interface AcceptedCatalog {
  trusted: Trusted;
  catalog: Catalog;
}

/**
 * The last update that passed every check, kept in the data folder so it survives restarts, and
 * the highest version ever accepted, which outlives a rollback so old bundles stay refused.
 */
export class AcceptedStore {
  readonly path: string;
  private readonly floorPath: string;

  constructor(dataDir: string) {
    this.path = join(dataDir, 'catalog-update', 'accepted.json');
    this.floorPath = join(dataDir, 'catalog-update', 'highest-version.json');
  }

  async floor(): Promise<string | undefined> {
    const text = await readIfPresent(this.floorPath);
    try {
      const version = text === null ? undefined : (JSON.parse(text) as { version?: unknown }).version;
      return typeof version === 'string' ? version : undefined;
    } catch {
      // Damaged: the current catalog's version still guards, and the next accepted update rewrites it.
      return undefined;
    }
  }

  /** Undefined when nothing was accepted; a damaged file is reported, never used. */
  async load(): Promise<AcceptedCatalog | undefined> {
    const text = await readIfPresent(this.path);
    if (text === null) return undefined;
    try {
      const stored = JSON.parse(text) as { format?: unknown; trusted: Trusted; catalog: unknown };
      if (stored.format !== STORE_FORMAT) throw new Error(`format ${String(stored.format)}`);
      const catalog = parseCatalog(stored.catalog);
      if ((await catalogHash(catalog)) !== stored.trusted.target) throw new Error('hash differs from the signed one');
      return { trusted: stored.trusted, catalog };
    } catch (cause) {
      throw new HallError(
        'update.store-damaged',
        { zh: `保存的目录更新已损坏（${this.path}），改用内置目录`, en: `The saved catalog update is damaged (${this.path}); using the built-in catalog` },
        { cause, action: { zh: '可以回退到内置目录，再重新检查更新。', en: 'Roll back to the built-in catalog and check for updates again.' } },
      );
    }
  }

  /** The floor first: a crash in between leaves it ahead of the catalog, never behind. */
  async save(accepted: AcceptedCatalog): Promise<void> {
    await mkdir(join(this.path, '..'), { recursive: true });
    const floor = await this.floor();
    if (floor === undefined || compareVersions(accepted.catalog.version, floor) > 0) {
      await writeFileAtomic(this.floorPath, JSON.stringify({ version: accepted.catalog.version }));
    }
    await writeFileAtomic(this.path, JSON.stringify({ format: STORE_FORMAT, ...accepted }));
  }

  /** Forgets the accepted catalog; the floor stays. */
  async clear(): Promise<void> {
    await rm(this.path, { force: true });
  }
}
