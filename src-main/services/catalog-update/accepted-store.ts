import { mkdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { catalogHash, type Trusted } from '../../../src-shared/bundle';
import { parseCatalog } from '../../../src-shared/catalog/load';
import type { Catalog } from '../../../src-shared/catalog/schema';
import { HallError } from '../../../src-shared/errors';
import { writeFileAtomic } from '../atomic-write';

const STORE_FORMAT = 'hall10086-accepted-catalog/1';

export interface AcceptedCatalog {
  trusted: Trusted;
  catalog: Catalog;
}

/** The last update that passed every check, kept in the data folder so it survives restarts. */
export class AcceptedStore {
  readonly path: string;

  constructor(dataDir: string) {
    this.path = join(dataDir, 'catalog-update', 'accepted.json');
  }

  /** Undefined when nothing was accepted; a damaged file is reported, never used. */
  async load(): Promise<AcceptedCatalog | undefined> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw e;
    }
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

  async save(accepted: AcceptedCatalog): Promise<void> {
    await mkdir(join(this.path, '..'), { recursive: true });
    await writeFileAtomic(this.path, JSON.stringify({ format: STORE_FORMAT, ...accepted }));
  }

  async clear(): Promise<void> {
    await rm(this.path, { force: true });
  }
}
