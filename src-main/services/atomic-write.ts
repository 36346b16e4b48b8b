import { randomUUID } from 'node:crypto';
import { mkdir, open, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** `<file>.<uuid>.tmp`: the temp files writeFileAtomic makes, and only those. */
const TEMP_NAME = /\.[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.tmp$/;
/** `.<uuid>.tmp`'s length. */
const TEMP_SUFFIX_LENGTH = 41;

/** A write takes milliseconds; a temp file this old was left by a process that died. */
const STALE_AFTER_MS = 60_000;

/**
 * Replaces a small settings file so that a crash leaves the old content or the new, never half of
 * one: write a temp file readable only by the user, fsync it, rename it over the target (its
 * folder is created when missing).
 */
export async function writeFileAtomic(path: string, text: string): Promise<void> {
  // On a first run the data folder does not exist yet; it holds private data, so only the user may enter.
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  await replaceFile(path, text, 0o600);
}

/**
 * Puts `text` at `path` through a temp file in the same folder renamed over it: what was there (a symbolic link
 * too) is replaced, never written through, and the file gets `mode` (narrowed by the umask, never widened). The
 * folder must exist.
 */
export async function replaceFile(path: string, text: string | Uint8Array, mode: number): Promise<void> {
  // Unique, so two writes of the same file never share (and break) one temp file; `wx`: never one already there.
  const tmp = `${path}.${randomUUID()}.tmp`;
  try {
    const file = await open(tmp, 'wx', mode);
    try {
      await file.writeFile(text);
      await file.sync();
    } finally {
      await file.close();
    }
    await rename(tmp, path);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
}

/**
 * Puts `text` at a path the user named (an export, a published bundle): a pipe or a device there (`/dev/stdout`) is
 * written to, as asked, since a temp beside it renamed over it replaced the pipe (as root, the machine's /dev/stdout
 * link with a file); anything else is replaced whole (replaceFile), after the temps of this file a killed write left.
 */
export async function writeOut(path: string, text: string | Uint8Array, mode: number): Promise<void> {
  const there = await stat(path).catch(() => null);
  if (there && !there.isFile() && !there.isDirectory()) return writeFile(path, text);
  await removeStaleTemps(dirname(path), Date.now(), basename(path));
  await replaceFile(path, text, mode);
}

/**
 * Removes the temp files a crash inside writeFileAtomic (or replaceFile) left in `dir`. Each holds what was being
 * written, in clear: a pairing key, the MQTT password, the metrics token. Left there, an old one
 * outlives its change (a password changed because it leaked stays on disk, and in every backup of
 * the folder). Recent ones are kept: another hall10086 command may be writing right now.
 */
export async function removeStaleTemps(dir: string, now: number = Date.now(), of?: string): Promise<string[]> {
  const names = await readdir(dir).catch(() => [] as string[]);
  const removed: string[] = [];
  // `of`: only the temps of that file, in a folder of the user's (a served one) where other names are not ours.
  for (const name of names.filter((n) => TEMP_NAME.test(n) && (of === undefined || n.slice(0, n.length - TEMP_SUFFIX_LENGTH) === of))) {
    const path = join(dir, name);
    const info = await stat(path).catch(() => null);
    if (!info?.isFile() || now - info.mtimeMs < STALE_AFTER_MS) continue;
    // Never a reason not to start: one that cannot go now goes at a later start.
    if (await rm(path, { force: true }).then(() => true, () => false)) removed.push(name);
  }
  return removed;
}

/**
 * A settings file's text, or null when there is none. Any other failure (root's file after a sudo run)
 * is thrown: read as "none", the next save would replace what the user typed into it.
 */
export async function readIfPresent(path: string): Promise<string | null> {
  return readFile(path, 'utf8').catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'ENOENT') return null;
    throw e;
  });
}
