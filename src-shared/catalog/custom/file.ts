import { HallError } from '../../errors';
import { fieldError, validateCustom, type FieldErrors } from './validate';
import { findCustom, saveCustom, sameCode } from './list';
import type { CustomInstruction } from './schema';

/** The tag and version an export file starts with, so a wrong file is named as such, not half-read. */
export const CUSTOM_FILE_FORMAT = 'hall10086.custom-instructions';
export const CUSTOM_FILE_VERSION = 1;
/**
 * Room for the most entries a file may hold, each at its longest (about 5 KB with 500-character
 * notes in three languages), so whatever this app exports it can import; small enough that a
 * wrong file is refused before it is parsed.
 */
export const MAX_CUSTOM_FILE_BYTES = 4 * 1024 * 1024;
export const MAX_CUSTOM_FILE_ENTRIES = 500;

export function exportCustomFile(customs: readonly CustomInstruction[], exportedAt: Date = new Date()): string {
  return JSON.stringify(
    { format: CUSTOM_FILE_FORMAT, version: CUSTOM_FILE_VERSION, exportedAt: exportedAt.toISOString(), instructions: customs },
    null,
    2,
  );
}

export interface ImportProblem {
  /** Position in the file's list, from 0. */
  index: number;
  /** The entry's code when it could be read, for the message a user sees. */
  code: string | null;
  errors: FieldErrors;
}

export interface ImportDuplicate {
  incoming: CustomInstruction;
  existing: CustomInstruction;
  /** The two are the same instruction: nothing to decide. */
  identical: boolean;
}

export interface ImportReport {
  /** Good entries whose code is new: ready to add. */
  fresh: CustomInstruction[];
  /** Good entries whose code the user already has: keep or replace is the caller's choice. */
  duplicates: ImportDuplicate[];
  /** Entries left out, each with its problems in Chinese and English. */
  problems: ImportProblem[];
}

/**
 * Reads a colleague's export. A file that is not one (not JSON, another format, a newer version,
 * too big) is refused whole; within a good file every entry stands alone: a bad one is reported
 * and skipped, the good ones are kept.
 */
export function readCustomFile(text: string, existing: readonly CustomInstruction[]): ImportReport {
  const entries = fileEntries(text);
  const report: ImportReport = { fresh: [], duplicates: [], problems: [] };
  const seenInFile: CustomInstruction[] = [];
  entries.forEach((raw, index) => {
    const checked = validateCustom(raw);
    if (!checked.ok) {
      report.problems.push({ index, code: readableCode(raw), errors: checked.errors });
      return;
    }
    const entry = checked.value;
    if (seenInFile.some((e) => sameCode(e.code, entry.code))) {
      report.problems.push({ index, code: entry.code, errors: { code: fieldError('code', 'custom.duplicate-code', { code: entry.code }) } });
      return;
    }
    seenInFile.push(entry);
    const mine = findCustom(existing, entry.code);
    if (mine) report.duplicates.push({ incoming: entry, existing: mine, identical: sameContent(mine, entry) });
    else report.fresh.push(entry);
  });
  return report;
}

/** The user's list after an import: the fresh entries added, and each duplicate replaced where `replace` says so. */
export function applyImport(
  existing: readonly CustomInstruction[],
  report: ImportReport,
  replace: (duplicate: ImportDuplicate) => boolean,
): CustomInstruction[] {
  let list = [...existing];
  for (const d of report.duplicates) if (replace(d)) list = saveCustom(list, d.incoming, d.existing.code);
  for (const entry of report.fresh) list = saveCustom(list, entry);
  return list;
}

export interface ImportOutcome {
  added: number;
  replaced: number;
  /** Entries the user already had and kept (identical ones included). */
  kept: number;
  problems: { index: number; code: string | null; errors: { zh: string; en: string }[] }[];
}

/** A colleague's file applied to the user's list: new entries added, same codes replaced only when asked. */
export function importCustomFile(existing: readonly CustomInstruction[], text: string, replace: boolean): { customs: CustomInstruction[]; outcome: ImportOutcome } {
  const report = readCustomFile(text, existing);
  const replacing = (d: ImportDuplicate) => replace && !d.identical;
  const replaced = report.duplicates.filter(replacing).length;
  return {
    customs: applyImport(existing, report, replacing),
    outcome: {
      added: report.fresh.length,
      replaced,
      kept: report.duplicates.length - replaced,
      problems: report.problems.map((p) => ({ index: p.index, code: p.code, errors: Object.values(p.errors).map((e) => ({ zh: e.zh, en: e.en })) })),
    },
  };
}

function fileEntries(text: string): unknown[] {
  const bytes = new TextEncoder().encode(text).length;
  if (bytes > MAX_CUSTOM_FILE_BYTES) {
    throw fileError('too-big', {
      zh: `文件太大（${bytes} 字节，最多 ${MAX_CUSTOM_FILE_BYTES}）`,
      en: `the file is too big (${bytes} bytes, at most ${MAX_CUSTOM_FILE_BYTES})`,
    });
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw fileError('not-json', { zh: '文件不是 JSON', en: 'the file is not JSON' });
  }
  const file = typeof data === 'object' && data !== null ? (data as Record<string, unknown>) : {};
  if (file.format !== CUSTOM_FILE_FORMAT) {
    throw fileError('wrong-format', {
      zh: '这不是 Hall10086 导出的自定义指令文件',
      en: 'this is not a custom-instruction file exported by Hall10086',
    });
  }
  if (file.version !== CUSTOM_FILE_VERSION) {
    throw fileError('wrong-version', {
      zh: `文件版本 ${String(file.version)} 无法读取（本程序读取版本 ${CUSTOM_FILE_VERSION}），请更新本程序`,
      en: `file version ${String(file.version)} cannot be read (this app reads version ${CUSTOM_FILE_VERSION}); update the app`,
    });
  }
  if (!Array.isArray(file.instructions)) {
    throw fileError('no-list', { zh: '文件中没有指令列表', en: 'the file has no list of instructions' });
  }
  if (file.instructions.length > MAX_CUSTOM_FILE_ENTRIES) {
    throw fileError('too-many', {
      zh: `文件中指令太多（${file.instructions.length} 条，最多 ${MAX_CUSTOM_FILE_ENTRIES}）`,
      en: `the file has too many instructions (${file.instructions.length}, at most ${MAX_CUSTOM_FILE_ENTRIES})`,
    });
  }
  return file.instructions;
}

function fileError(reason: string, text: { zh: string; en: string }): HallError {
  return new HallError(`custom.file-${reason}`, { zh: `无法导入：${text.zh}。`, en: `Cannot import: ${text.en}.` }, { details: { reason } });
}

function sameContent(a: CustomInstruction, b: CustomInstruction): boolean {
  const canonical = (e: CustomInstruction) => JSON.stringify([e.code, e.template, e.to, e.name, e.notes ?? null, e.confirm]);
  return canonical(a) === canonical(b);
}

function readableCode(raw: unknown): string | null {
  const code = typeof raw === 'object' && raw !== null ? (raw as { code?: unknown }).code : undefined;
  return typeof code === 'string' ? code : null;
}
