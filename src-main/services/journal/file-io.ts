import { open, rename, rm, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * The few file operations whose failure the journal must survive. Tests replace them to inject
 * faults that cannot be caused for real (a full disk, an I/O error mid-write).
 */
export interface JournalFs {
  /** Writes all of `bytes` at the file's end (the journal opens it in append mode). */
  write(file: FileHandle, bytes: Uint8Array): Promise<void>;
  /** Flushes the file's data to the disk (fsync). */
  sync(file: FileHandle): Promise<void>;
  truncate(file: FileHandle, length: number): Promise<void>;
}

export const nodeJournalFs: JournalFs = {
  async write(file, bytes) {
    for (let done = 0; done < bytes.length; ) {
      const { bytesWritten } = await file.write(bytes, done, bytes.length - done, null);
      done += bytesWritten;
    }
  },
  sync: (file) => file.sync(),
  truncate: (file, length) => file.truncate(length),
};

/** The journal holds the user's messages: readable by the user alone. */
export const PRIVATE_FILE = 0o600;

export interface JournalPaths {
  dir: string;
  log: string;
  /** Where a rewrite is prepared; a leftover one is the trace of a crash mid-rewrite. */
  tmp: string;
  lock: string;
}

export function journalPaths(dir: string): JournalPaths {
  return {
    dir,
    log: join(dir, 'journal.log'),
    tmp: join(dir, 'journal.log.tmp'),
    lock: join(dir, 'journal.lock'),
  };
}

/**
 * First half of replacing the log so that a crash at any point leaves either the old log or the
 * new one, complete: write a temp file, fsync it, rename it over the log. The caller then runs
 * `syncDirectory`, which makes the rename itself durable; the two are apart because after the
 * rename the new file is the log, whatever happens to the directory sync.
 */
export async function writeTempThenRename(paths: JournalPaths, fs: JournalFs, bytes: Uint8Array): Promise<void> {
  try {
    const tmp = await open(paths.tmp, 'w', PRIVATE_FILE);
    try {
      await fs.write(tmp, bytes);
      await fs.sync(tmp);
    } finally {
      await tmp.close();
    }
    await rename(paths.tmp, paths.log);
  } catch (e) {
    await rm(paths.tmp, { force: true });
    throw e;
  }
}

/** Makes a file creation or rename durable. Windows cannot open a directory for fsync; its rename is durable enough. */
export async function syncDirectory(dir: string): Promise<void> {
  let handle: FileHandle;
  try {
    handle = await open(dir, 'r');
  } catch (e) {
    if (process.platform === 'win32') return;
    throw e;
  }
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Cuts a torn tail off the log and makes the cut durable before anything is appended after it. */
export async function truncateLog(paths: JournalPaths, fs: JournalFs, length: number): Promise<void> {
  const handle = await open(paths.log, 'r+');
  try {
    await fs.truncate(handle, length);
    await fs.sync(handle);
  } finally {
    await handle.close();
  }
}
