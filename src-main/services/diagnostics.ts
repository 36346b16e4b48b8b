import { randomBytes } from 'node:crypto';
import { appendFile, rename, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { maskPersonalNumbers } from '../../src-shared/catalog/secrets';
import type { Bilingual } from '../../src-shared/errors';

/** Where a shell keeps what a user must not be shown (a bug's stack): in the data folder, the user's alone. */
export const DIAGNOSTICS_FILE = 'diagnostics.log';
/** Past this the log is moved to `diagnostics.log.1` (the one before is replaced): a bug repeating cannot fill the disk. */
const ROTATE_AT_BYTES = 1024 * 1024;

/**
 * The records under way, by path: two bugs at once past the rotation size both moved the log aside, and the second
 * rename failed (ENOENT), so its id was said not written though its record went in (review37).
 */
const writing = new Map<string, Promise<unknown>>();

/**
 * A failure that is not a HallError (a bug): its stack goes to `diagnostics.log` in the data folder under a short id,
 * its text masked as the journal masks texts (`mask`: the catalog's secrets), and every ID and mobile number in it
 * masked too (maskPersonalNumbers); the user is told the id and where the
 * details are, never the stack. Resolves with that line once the record is written (or said not to be).
 */
export async function recordInternalError(dataDir: string, error: unknown, mask: (text: string) => string, now = new Date()): Promise<Bilingual> {
  const id = randomBytes(4).toString('hex');
  const path = join(dataDir, DIAGNOSTICS_FILE);
  const detail = error instanceof Error ? (error.stack ?? `${error.name}: ${error.message}`) : String(error);
  const record = (writing.get(path) ?? Promise.resolve()).then(async () => {
    const size = await stat(path).then((s) => s.size, () => 0);
    // Another process sharing the data folder (the CLI beside the app) may have moved it aside first.
    if (size > ROTATE_AT_BYTES) await rename(path, `${path}.1`).catch((e: NodeJS.ErrnoException) => {
      if (e.code !== 'ENOENT') throw e;
    });
    await appendFile(path, `${now.toISOString()} ${id}\n${maskPersonalNumbers(mask(detail))}\n\n`, { mode: 0o600 });
  });
  const settled = record.catch(() => undefined);
  writing.set(path, settled);
  void settled.then(() => {
    if (writing.get(path) === settled) writing.delete(path);
  });
  try {
    await record;
  } catch {
    return {
      zh: `内部错误（编号 ${id}），详情也没能写入 ${path}。请重试；反复出现时请重新启动 Hall10086。`,
      en: `Internal error (id ${id}); its details could not be written to ${path} either. Try again; if it keeps happening, restart Hall10086.`,
    };
  }
  return {
    zh: `内部错误（编号 ${id}），详情已记在 ${path}。请重试；反复出现时请重新启动 Hall10086，报告问题时附上这个编号。`,
    en: `Internal error (id ${id}); the details are in ${path}. Try again; if it keeps happening, restart Hall10086, and give this id when reporting it.`,
  };
}

/**
 * What a shell does with a bug (serve and the Electron main alike): the stack masked into `diagnostics.log`, and `tell`
 * given only the line with its id. The default speaks on standard error in both languages, for a shell with no
 * language of its own there (the Electron main): a desktop session may keep an app's stderr, so nothing of the error goes there.
 * Resolves once the record is written (or said not to be) and the line told.
 */
export function internalErrorHandler(
  dataDir: string,
  mask: (text: string) => string,
  tell: (line: Bilingual) => void = (line) => process.stderr.write(`${line.zh}\n${line.en}\n`),
): (error: unknown) => Promise<void> {
  // Returned, so a shell about to exit waits for the record (review39: the Electron main exited before it was written);
  // callers that go on fire and forget it. A line that cannot be told has nowhere else to go.
  return (error) => recordInternalError(dataDir, error, mask).then(tell).catch(() => undefined);
}
