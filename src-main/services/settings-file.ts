import { constants } from 'node:fs';
import { chmod, copyFile, readdir, readFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import * as v from 'valibot';
import { HallError, type Bilingual } from '../../src-shared/errors';
import { readIfPresent } from './atomic-write';
import { shellWord } from './shell-word';

/*
 * Every settings file in the data folder is read here, so that what the user set is never lost to
 * a bad read. Read as "none", a file the user cannot open (root's after a sudo run, a folder in its
 * place, a failing disk) or one that is damaged would be replaced by the next save, without a word.
 * - missing: the defaults, as on a first run;
 * - cannot be read: refused, naming the file and the fix; the file is left as it is (and, for a file the app
 *   can do without, the caller goes on without writing it: SettingsPath.leftAlone);
 * - damaged (not JSON, not the shape this app writes): a copy is kept beside it before anything can
 *   replace it, the user is told where and what they go without, and the defaults apply.
 */

/** The file as the user hears of it: what it holds, to fit "…文件" / "The … file". */
export interface SettingsPath {
  path: string;
  holds: Bilingual;
  /**
   * What becomes of the file, and of the app, when it cannot be read or copied aside: the caller's word. Unset, the
   * start stops (what the file holds cannot be done without). A file the app can do without keeps the app going, and
   * must then say so and keep its promise: the file is not written for the rest of the run.
   */
  leftAlone?: Bilingual;
}

const START_STOPPED = { zh: 'Hall10086 停在这里，没有动它。', en: 'Hall10086 stopped here and left it as it is.' };

export interface SettingsFile<T> extends SettingsPath {
  /** What the user goes without, or must do again, while the defaults stand in for a damaged file. */
  meanwhile: Bilingual;
  /** The contents, or Damaged when they are not what this app writes. */
  parse(text: string): T | Damaged<T>;
}

/** Contents that are not what the app writes: why, when it can be said, and the part still usable. */
export class Damaged<T> {
  constructor(
    readonly why: Bilingual | null = null,
    readonly salvaged?: T,
  ) {}
}

export interface LoadedSettings<T> {
  /** Undefined when there is no file, or it is damaged past use: the caller's defaults apply. */
  value: T | undefined;
  /** Said to the user (the UI's notice, the CLI's stderr) when a damaged file was kept aside. */
  problem: Bilingual | null;
}

/**
 * The file's text, or null when there is none; any other failure is refused with the fix. A byte order
 * mark is no part of it: Windows Notepad and PowerShell 5 start a UTF-8 file with one, and the settings
 * after it are whole.
 */
export async function readSettingsText(file: SettingsPath): Promise<string | null> {
  const text = await readIfPresent(file.path).catch((e: unknown) => {
    throw unreadable(file, e);
  });
  return text?.replace(/^\uFEFF/, '') ?? null;
}

export async function loadSettingsFile<T>(file: SettingsFile<T>): Promise<LoadedSettings<T>> {
  const text = await readSettingsText(file);
  if (text === null) return { value: undefined, problem: null };
  const read = file.parse(text);
  if (!(read instanceof Damaged)) return { value: read, problem: null };
  const aside = await keepAside(file);
  const why = read.why ? { zh: `（${read.why.zh}）`, en: ` (${read.why.en})` } : { zh: '', en: '' };
  return {
    value: read.salvaged,
    problem: {
      zh: `${file.holds.zh}文件无法读取${why.zh}，已另存为 ${aside}；${file.meanwhile.zh}`,
      en: `The ${file.holds.en} file could not be read${why.en}; it was kept as ${aside}, and ${file.meanwhile.en}`,
    },
  };
}

/** A JSON file of this shape; anything else is damaged. */
export function jsonOf<S extends v.GenericSchema>(schema: S): (text: string) => v.InferOutput<S> | Damaged<never> {
  return (text) => {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return new Damaged();
    }
    const parsed = v.safeParse(schema, json);
    return parsed.success ? parsed.output : new Damaged();
  };
}

/**
 * `<name>.damaged-<time>`, readable only by the user (a pairings file holds keys), never over an
 * earlier copy; one already kept with the same bytes (the last start's, nothing saved since) is
 * named again instead of a copy at every start. A copy that cannot be made stops here: the next
 * save would replace the only one.
 */
async function keepAside(file: SettingsPath): Promise<string> {
  const kept = await keptBefore(file.path);
  if (kept) return kept;
  const stamp = `${file.path}.damaged-${Date.now()}`;
  for (let n = 0; ; n++) {
    const aside = n === 0 ? stamp : `${stamp}-${n}`;
    try {
      await copyFile(file.path, aside, constants.COPYFILE_EXCL);
      await chmod(aside, 0o600);
      return aside;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EEXIST' && n < 100) continue;
      const p = shellWord(file.path);
      throw new HallError(
        'settings.not-kept',
        {
          zh: `${file.holds.zh}文件 ${file.path} 已损坏，而且无法另存一份副本（${errno(e)}）。为免覆盖它，${(file.leftAlone ?? START_STOPPED).zh}`,
          en: `The ${file.holds.en} file ${file.path} is damaged, and no copy of it could be kept (${errno(e)}). So that nothing replaces it, ${(file.leftAlone ?? START_STOPPED).en}`,
        },
        {
          action: { zh: `自己把它移到别处（mv ${p} ${p}.old），然后再试：那时用默认设置。`, en: `Move it elsewhere yourself (mv ${p} ${p}.old), then try again: the defaults then apply.` },
          details: { path: file.path, errno: errno(e) },
          cause: e,
        },
      );
    }
  }
}

/** A copy kept earlier that holds exactly what the file holds now, if any. */
async function keptBefore(path: string): Promise<string | null> {
  const prefix = `${basename(path)}.damaged-`;
  const names = (await readdir(dirname(path)).catch(() => [] as string[])).filter((n) => n.startsWith(prefix));
  if (names.length === 0) return null;
  const now = await readFile(path);
  for (const name of names) {
    const copy = join(dirname(path), name);
    if ((await readFile(copy).catch(() => null))?.equals(now)) return copy;
  }
  return null;
}

function unreadable(file: SettingsPath, e: unknown): HallError {
  const code = errno(e);
  const p = shellWord(file.path);
  return new HallError(
    'settings.unreadable',
    {
      zh: `${file.holds.zh}文件 ${file.path} 无法读取（${code}）。为免用默认设置覆盖其中的内容，${(file.leftAlone ?? START_STOPPED).zh}`,
      en: `The ${file.holds.en} file ${file.path} cannot be read (${code}). So that defaults never replace what it holds, ${(file.leftAlone ?? START_STOPPED).en}`,
    },
    { action: fixFor(code, p), details: { path: file.path, errno: code }, cause: e },
  );
}

function fixFor(code: string, p: string): Bilingual {
  if (code === 'EACCES' || code === 'EPERM') {
    return { zh: `让它重新归你所有、你能读写：sudo chown "$USER" ${p} && chmod 600 ${p}，然后再试。`, en: `Make it yours and readable again: sudo chown "$USER" ${p} && chmod 600 ${p}, then try again.` };
  }
  if (code === 'EISDIR') {
    return { zh: `那里是一个文件夹，不是文件：把它移到别处（mv ${p} ${p}.folder），然后再试。`, en: `A folder stands where the file should be: move it elsewhere (mv ${p} ${p}.folder), then try again.` };
  }
  return {
    zh: `检查磁盘（读取出错多半是磁盘或 U 盘坏了）。若放弃其中的设置，把它移到别处（mv ${p} ${p}.old），再试时就用默认设置。`,
    en: `Check the disk (a read error most often means a failing disk or stick). To give up what it holds, move it elsewhere (mv ${p} ${p}.old): the next try uses the defaults.`,
  };
}

const errno = (e: unknown) => (e as NodeJS.ErrnoException | undefined)?.code ?? 'error';
