import { readFile, rm, writeFile } from 'node:fs/promises';
import { lockedError } from './errors';

/**
 * One writer per journal: `journal.lock` holds the owner's pid and is created with 'wx' (fails if it
 * exists). A lock left by a process that no longer exists (crash, kill -9) is taken over.
 * Known limits: a stale pid reused by an unrelated process reads as alive (the error's action tells
 * the user which file to delete); a lock without a readable pid counts as stale; and two processes
 * taking over the same stale lock at the very same moment are kept apart only by re-reading the
 * lock before removing it.
 */
export interface HeldLock {
  release(): Promise<void>;
  /**
   * The previous writer left its lock behind: it stopped without closing (a crash, a kill, a power
   * cut), so a record cut short at the end of the log is its last write.
   */
  tookOver: boolean;
}

export async function acquireLock(lockPath: string): Promise<HeldLock> {
  const remove = () => rm(lockPath, { force: true });
  let tookOver = false;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await writeFile(lockPath, `${process.pid}\n`, { flag: 'wx', mode: 0o600 });
      const release = async () => {
        if ((await readHolder(lockPath)).pid === process.pid) await remove();
      };
      return { release, tookOver };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    const holder = await readHolder(lockPath);
    if (holder.pid !== null && isAlive(holder.pid)) throw lockedError(lockPath, holder.pid);
    if ((await readHolder(lockPath)).text === holder.text) await remove();
    tookOver = true;
  }
  throw lockedError(lockPath, null);
}

async function readHolder(lockPath: string): Promise<{ text: string | null; pid: number | null }> {
  let text: string;
  try {
    text = await readFile(lockPath, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { text: null, pid: null };
    throw e;
  }
  const pid = /^\d+$/.test(text.trim()) ? Number(text.trim()) : null;
  return { text, pid: pid !== null && pid > 0 ? pid : null };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: the process exists but belongs to someone else.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
