import { HallError, type Bilingual } from '../../src-shared/errors';

/**
 * What a file-system error says to the user of a command line: the path and what is wrong with
 * it, instead of Node's `ENOENT: no such file or directory, open …`. Codes under `path.` are about
 * a path the user chose (exit 2); `disk.` ones about the disk under it (exit 1).
 */
const PROBLEMS: Record<string, { code: string; say: (path: string) => Bilingual }> = {
  ENOENT: { code: 'path.missing', say: (p) => ({ zh: `找不到文件或文件夹：${p}`, en: `No such file or folder: ${p}` }) },
  EISDIR: { code: 'path.is-folder', say: (p) => ({ zh: `${p} 是一个文件夹，这里需要的是文件。`, en: `${p} is a folder; a file is needed here.` }) },
  ENOTDIR: { code: 'path.not-folder', say: (p) => ({ zh: `路径 ${p} 中有一段不是文件夹。`, en: `Part of the path ${p} is not a folder.` }) },
  EACCES: { code: 'path.denied', say: (p) => ({ zh: `没有权限访问 ${p}。`, en: `Permission denied: ${p}.` }) },
  EPERM: { code: 'path.denied', say: (p) => ({ zh: `没有权限访问 ${p}。`, en: `Permission denied: ${p}.` }) },
  EEXIST: { code: 'path.exists', say: (p) => ({ zh: `${p} 已经存在。`, en: `${p} already exists.` }) },
  ENAMETOOLONG: { code: 'path.too-long', say: (p) => ({ zh: `路径太长：${p}`, en: `The path is too long: ${p}` }) },
  ELOOP: { code: 'path.loop', say: (p) => ({ zh: `路径 ${p} 中的符号链接绕成了圈。`, en: `The path ${p} has a loop of symbolic links.` }) },
  ENOSPC: { code: 'disk.full', say: (p) => ({ zh: `磁盘已满，写不进 ${p}。`, en: `The disk is full; cannot write ${p}.` }) },
  EDQUOT: { code: 'disk.full', say: (p) => ({ zh: `磁盘配额已用完，写不进 ${p}。`, en: `The disk quota is used up; cannot write ${p}.` }) },
  EFBIG: { code: 'disk.file-too-large', say: (p) => ({ zh: `写不进 ${p}：文件超过了系统允许的大小（ulimit -f）。`, en: `Cannot write ${p}: the file is larger than the system allows (ulimit -f).` }) },
  EROFS: { code: 'disk.read-only', say: (p) => ({ zh: `${p} 在只读的文件系统上。`, en: `${p} is on a read-only file system.` }) },
};

/** What is wrong with `path`, as a Node error `code` would say it (one of those above). */
export function pathProblem(code: 'EISDIR', path: string, cause?: unknown): HallError {
  const problem = PROBLEMS[code]!;
  return new HallError(problem.code, problem.say(path), { cause });
}

/** The user-facing form of a Node file-system error, or null when `e` is not one. */
export function fileSystemError(e: unknown): HallError | null {
  if (!(e instanceof Error)) return null;
  const { code, path } = e as NodeJS.ErrnoException;
  const problem = code ? PROBLEMS[code] : undefined;
  if (!problem || path === undefined) return null;
  return new HallError(problem.code, problem.say(path), { cause: e });
}
