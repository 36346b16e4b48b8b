import { join } from 'node:path';
import { exportCustomFile, readCustomFile } from '../../../src-shared/catalog/custom/file';
import type { CustomInstruction } from '../../../src-shared/catalog/custom/schema';
import { toHallError, type HallError } from '../../../src-shared/errors';
import { readIfPresent, writeFileAtomic } from '../atomic-write';

/**
 * The user's own instructions, kept apart from the catalog (a signed update never touches them)
 * in `custom-instructions.json`, written in the very format of an export: the file itself can be
 * handed to a colleague.
 */
export async function loadCustoms(dataDir: string): Promise<{ customs: CustomInstruction[]; problem: HallError | null }> {
  const text = await readIfPresent(customsPath(dataDir));
  if (text === null) return { customs: [], problem: null };
  try {
    const report = readCustomFile(text, []);
    return { customs: report.fresh, problem: null };
  } catch (e) {
    return { customs: [], problem: toHallError(e) };
  }
}

export async function saveCustoms(dataDir: string, customs: readonly CustomInstruction[]): Promise<void> {
  await writeFileAtomic(customsPath(dataDir), exportCustomFile(customs));
}

export const customsPath = (dataDir: string) => join(dataDir, 'custom-instructions.json');
