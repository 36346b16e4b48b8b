import { join } from 'node:path';
import { storableCustomFile, readCustomFile } from '../../../src-shared/catalog/custom/file';
import type { CustomInstruction } from '../../../src-shared/catalog/custom/schema';
import { toHallError, type Bilingual } from '../../../src-shared/errors';
import { writeFileAtomic } from '../atomic-write';
import { Damaged, loadSettingsFile } from '../settings-file';

/**
 * The user's own instructions, kept apart from the catalog (a signed update never touches them)
 * in `custom-instructions.json`, written in the very format of an export: the file itself can be
 * handed to a colleague, and a damaged one's copy imported again once mended.
 */
export async function loadCustoms(dataDir: string): Promise<{ customs: CustomInstruction[]; problem: Bilingual | null }> {
  const { value, problem } = await loadSettingsFile({
    path: customsPath(dataDir),
    holds: { zh: '自定义指令', en: 'custom instructions' },
    meanwhile: {
      zh: '要找回其中的指令，修好那份副本后在“设置 › 自定义指令 › 从文件导入…”里导入它。',
      en: 'to get its instructions back, mend that copy and import it in Settings › Your own instructions › Import from a file….',
    },
    parse: readCustoms,
  });
  return { customs: value ?? [], problem };
}

/** The entries that pass the checks; with any left out the file counts as damaged, so that a save never drops them. */
function readCustoms(text: string): CustomInstruction[] | Damaged<CustomInstruction[]> {
  try {
    const report = readCustomFile(text, []);
    const bad = report.problems.length;
    if (bad === 0) return report.fresh;
    return new Damaged({ zh: `其中 ${bad} 条无效，其余照常使用`, en: `${bad} of its entries are not valid; the others are in use` }, report.fresh);
  } catch (e) {
    const error = toHallError(e);
    return new Damaged({ zh: error.zh, en: error.en });
  }
}

export async function saveCustoms(dataDir: string, customs: readonly CustomInstruction[]): Promise<void> {
  // Only what can be read back at the next start: otherwise the whole list would be set aside as damaged.
  await writeFileAtomic(customsPath(dataDir), storableCustomFile(customs));
}

export const customsPath = (dataDir: string) => join(dataDir, 'custom-instructions.json');
