import { builtinCatalog } from '../../src-shared/catalog/builtin';
import type { InstructionCatalog } from '../../src-shared/catalog/catalog';
import { claimDataDir, defaultDataDir } from '../core/data-dir';
import { CatalogState } from '../services/catalog-state';
import type { ParsedArgs } from './args';
import { say, type CliContext } from './context';

const opened = new Map<string, Promise<CatalogState>>();

/** The data folder a command reads: `--data-dir`, else the app's (HALL10086_DATA_DIR or the platform's). */
export function dataDirOf(args: ParsedArgs): string {
  return args.options.get('data-dir') ?? defaultDataDir();
}

/**
 * The user's catalog state in that data folder, as the app keeps it, trusted on the app's terms: a
 * custom instruction or an update planted in a folder others may write to would change what compose
 * prints and what custom export hands on. A damaged settings file, kept aside, is said on stderr.
 */
export function userCatalogState(dataDir: string, ctx: CliContext): Promise<CatalogState> {
  let state = opened.get(dataDir);
  if (!state) {
    // Not made here: search, show and compose need no folder, and must work where none can be made (a read-only home).
    state = claimDataDir(dataDir, { create: false })
      .then(() => CatalogState.open(dataDir, builtinCatalog().data))
      .then(({ state, problems }) => {
        for (const problem of problems) ctx.err(say(ctx, problem));
        return state;
      });
    opened.set(dataDir, state);
  }
  return state;
}

/** The catalog the app would use with that data folder: signed update, province, and the user's own instructions. */
export async function userCatalog(dataDir: string, ctx: CliContext): Promise<InstructionCatalog> {
  return (await userCatalogState(dataDir, ctx)).catalog;
}
