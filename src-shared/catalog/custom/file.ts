import { HallError } from '../../errors';
import { fieldError, validateCustom, type FieldErrors } from './validate';
import { findCustom, saveCustom, sameCode } from './list';
import type { CustomInstruction } from './schema';
import { MAX_CUSTOM_FILE_BYTES } from './limits';

export { MAX_CUSTOM_FILE_BYTES };

/** The tag and version an export file starts with, so a wrong file is named as such, not half-read. */
export const CUSTOM_FILE_FORMAT = 'hall10086.custom-instructions';
export const CUSTOM_FILE_VERSION = 1;
export const MAX_CUSTOM_FILE_ENTRIES = 500;

export function exportCustomFile(customs: readonly CustomInstruction[], exportedAt: Date = new Date()): string {
  return JSON.stringify(
    { format: CUSTOM_FILE_FORMAT, version: CUSTOM_FILE_VERSION, exportedAt: exportedAt.toISOString(), instructions: customs },
    null,
    2,
  );
}

/**
 * The user's list as `custom-instructions.json` holds it (an export file): refused when it could not be
 * read back, more entries or bytes than a file may hold. Before, an import or an add past 500 was saved,
 * and at the next start the file read as damaged: set aside, and every instruction gone from the app
 * (the copy, too long to import, could not bring them back) (review17).
 */
export function storableCustomFile(customs: readonly CustomInstruction[]): string {
  if (customs.length > MAX_CUSTOM_FILE_ENTRIES) {
    throw new HallError(
      'custom.too-many',
      {
        zh: `自定义指令最多 500 条，这样会有 ${customs.length} 条：什么也没有改。`,
        en: `At most 500 custom instructions can be kept; this would make ${customs.length}: nothing was changed.`,
      },
      { action: { zh: '先删掉一些不用的，或只导入需要的那些。', en: 'Delete some you do not use first, or import only those you need.' } },
    );
  }
  const text = exportCustomFile(customs);
  const bytes = new TextEncoder().encode(text).length;
  if (bytes > MAX_CUSTOM_FILE_BYTES) {
    throw new HallError('custom.too-big', {
      zh: `自定义指令合起来太长（${bytes} 字节，最多 ${MAX_CUSTOM_FILE_BYTES}）：什么也没有改。`,
      en: `The custom instructions together would be too long (${bytes} bytes, at most ${MAX_CUSTOM_FILE_BYTES}): nothing was changed.`,
    });
  }
  return text;
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

/**
 * Refuses a file over the byte limit with its own words. The page asks it of a chosen file's size
 * before reading it or asking anything: a file the core would refuse must not first cost the user an
 * answer to the overwrite question, nor reach the API as a request too big to carry.
 */
export function checkCustomFileSize(bytes: number): void {
  if (bytes > MAX_CUSTOM_FILE_BYTES) throw customFileTooBig(bytes);
}

/** The refusal of a file over the limit; `bytes` null when only "more than the limit" is known (a pipe, a device read up to it). */
export function customFileTooBig(bytes: number | null): HallError {
  return fileError('too-big', {
    zh: `文件太大（${bytes === null ? `超过 ${MAX_CUSTOM_FILE_BYTES}` : `${bytes}`} 字节，最多 ${MAX_CUSTOM_FILE_BYTES}）`,
    en: `the file is too big (${bytes === null ? `over ${MAX_CUSTOM_FILE_BYTES}` : `${bytes}`} bytes, at most ${MAX_CUSTOM_FILE_BYTES})`,
  });
}

function fileEntries(text: string): unknown[] {
  checkCustomFileSize(new TextEncoder().encode(text).length);
  const data = parseFile(text);
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

/**
 * The file's JSON. A byte order mark is no part of it (Windows Notepad and PowerShell 5 start a UTF-8
 * file with one, as settings files: see settings-file.ts). A file that is not JSON says why in words a
 * user can act on: empty, not UTF-8 (a GBK or UTF-16 "Unicode" save), cut short, or where it goes wrong.
 */
function parseFile(withMark: string): unknown {
  const text = withMark.replace(/^\uFEFF/, '');
  const notJson = (zh: string, en: string) => fileError('not-json', { zh: `文件不是 JSON：${zh}`, en: `the file is not JSON: ${en}` });
  if (text.trim() === '') throw notJson('文件是空的', 'the file is empty');
  // Read as UTF-8, a GBK or UTF-16 file holds bytes that decode to U+FFFD, and UTF-16's ASCII to NULs.
  if (/[\uFFFD\u0000]/.test(text)) {
    throw fileError('not-utf8', {
      zh: '文件不是 UTF-8 编码（可能是 GBK 或 UTF-16“Unicode”），请用 UTF-8 重新保存',
      en: 'the file is not UTF-8 (perhaps GBK or UTF-16 "Unicode"); save it again as UTF-8',
    });
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    const message = e instanceof Error ? e.message : '';
    const at = /at position (\d+)/.exec(message);
    const cut = /end of JSON input/.test(message) || (at && Number(at[1]) >= text.trimEnd().length);
    if (cut) throw notJson('文件在中途结束（没有保存完整？）', 'it ends part way (saved only in part?)');
    if (at) {
      const before = text.slice(0, Number(at[1])).split('\n');
      const [line, column] = [before.length, before.at(-1)!.length + 1];
      throw notJson(`第 ${line} 行第 ${column} 个字符有误`, `a mistake at line ${line}, character ${column}`);
    }
    if (!text.trimStart().startsWith('{')) throw notJson('它不以 { 开头（像是别的文件）', 'it does not start with { (another kind of file?)');
    throw notJson('其中有格式错误', 'it holds a syntax error');
  }
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
