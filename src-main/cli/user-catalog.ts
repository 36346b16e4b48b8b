import { builtinCatalog } from '../../src-shared/catalog/builtin';
import type { InstructionCatalog } from '../../src-shared/catalog/catalog';
import { claimDataDir, defaultDataDir } from '../core/data-dir';
import { CatalogState } from '../services/catalog-state';

let opened: Promise<CatalogState> | undefined;

/**
 * The user's catalog state, from the same data folder the app uses (HALL10086_DATA_DIR or the
 * platform's), trusted on the app's terms: a custom instruction or an update planted in a folder
 * others may write to would change what compose prints and what custom export hands on.
 */
export function userCatalogState(): Promise<CatalogState> {
  const dir = defaultDataDir();
  // Not made here: search, show and compose need no folder, and must work where none can be made (a read-only home).
  return (opened ??= claimDataDir(dir, { create: false })
    .then(() => CatalogState.open(dir, builtinCatalog().data))
    .then(({ state }) => state));
}

/** The catalog the app would use: signed update, province, and the user's own instructions. */
export async function userCatalog(): Promise<InstructionCatalog> {
  return (await userCatalogState()).catalog;
}
