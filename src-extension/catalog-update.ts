import { INDEX_FILE, openPlanned, parseUpdateIndex, planUpdate } from '../src-shared/bundle';
import type { Catalog } from '../src-shared/catalog/schema';
import { toHallError } from '../src-shared/errors';
import { saveAccepted, saveLastCheck, type CatalogSettings, type LastCheck, type StorageArea, type UpdateSource } from './catalog-store';
import type { FetchFile } from './source-fetch';

export const CHECK_INTERVAL_MS = 24 * 3600_000;

/** The popup checks on opening when the last check is a day old: the extension asks for no timer permission. */
export function checkIsDue(settings: Pick<CatalogSettings, 'update' | 'lastCheck'>, now: number): boolean {
  return settings.update !== null && (settings.lastCheck === null || now - settings.lastCheck.at >= CHECK_INTERVAL_MS);
}

export interface UpdateCheckInput {
  storage: StorageArea;
  update: UpdateSource;
  /** The catalog in use (built-in or accepted): deltas apply to it and nothing older is accepted. */
  current: Catalog;
  floor: string | null;
  fetchFile: FetchFile;
  now: number;
}

/**
 * Fetches the source's index and the bundle it plans, verifies it against the stored key, the
 * catalog in use and the highest version ever accepted, and stores it only once every check
 * passed. Never throws: a refusal is the result, and the catalog in use stays as it was.
 */
export async function runUpdateCheck({ storage, update, current, floor, fetchFile, now }: UpdateCheckInput): Promise<LastCheck> {
  let result: LastCheck;
  try {
    const index = parseUpdateIndex(new TextDecoder().decode(await fetchFile(INDEX_FILE)));
    const plan = planUpdate(index, current.version);
    if (!plan) {
      result = { at: now, ok: true, zh: `已是最新（${current.version}）。`, en: `Up to date (${current.version}).` };
    } else {
      const { opened } = await openPlanned(plan, fetchFile, { trustedKeys: [update.publicKey], current, ...(floor ? { floor } : {}) });
      await saveAccepted(storage, { trusted: opened.trusted, catalog: opened.catalog }, floor);
      result = { at: now, ok: true, zh: `已更新到 ${opened.catalog.version}。`, en: `Updated to ${opened.catalog.version}.` };
    }
  } catch (e) {
    const error = toHallError(e);
    const action = error.action ? { zh: error.action.zh, en: ` ${error.action.en}` } : { zh: '', en: '' };
    result = {
      at: now,
      ok: false,
      zh: `指令库更新被拒绝，继续使用当前版本：${error.zh}。${action.zh}`,
      en: `The catalog update was refused; the current one stays in use: ${error.en}.${action.en}`,
    };
  }
  // A full storage cannot keep the outcome: it is still returned (and shown), and the next popup checks again.
  await saveLastCheck(storage, result).catch(() => undefined);
  return result;
}
