import type { Stats } from 'node:fs';
import { chmod, lstat, mkdir, readdir, stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join, relative } from 'node:path';
import { HallError } from '../../src-shared/errors';
import { shellWord } from '../services/shell-word';

/** Where the journal and settings live: HALL10086_DATA_DIR, else the platform's per-user data folder. */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.HALL10086_DATA_DIR) return env.HALL10086_DATA_DIR;
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Hall10086');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Hall10086');
  return join(env.XDG_DATA_HOME ?? join(homedir(), '.local', 'share'), 'hall10086');
}

/**
 * Makes the data folder, or checks one that is already there (symlinks followed): it must be the
 * user's own and writable by nobody else. Whoever may write in it could plant a pairing
 * (extensions.json), a schedule or a custom instruction, swap a settings file, or put a symlink
 * where the journal writes its temp file: an SMS nobody asked for, or the log written elsewhere. A
 * folder someone else owns (`HALL10086_DATA_DIR=/tmp/hall` made first by another user) is refused.
 * One others may write to is closed to them (0700) only when everything in it is the user's: what
 * another user put there would be theirs (an older version made the folder without 0700, so under
 * a umask of 002 it is group-writable); anything foreign and it is refused, as it cannot be trusted.
 */
export async function claimDataDir(dir: string, { create = true }: { create?: boolean } = {}): Promise<void> {
  if (create) await mkdir(dir, { recursive: true, mode: 0o700 });
  // A reader with nothing to read there yet: the folder is made (0700) by the first write.
  else if (!(await stat(dir).then(() => true, (e: NodeJS.ErrnoException) => (e.code === 'ENOENT' ? false : Promise.reject(e))))) return;
  // Windows has no owner and mode bits here; its per-user folder's ACL is the user's.
  const uid = process.getuid?.();
  if (uid === undefined || process.platform === 'win32') return;
  // A symlink someone else owns (`/tmp/hall` → the user's own folder) can be pointed elsewhere by them at any moment.
  const link = await lstat(dir);
  const { uid: owner, mode } = await stat(dir);
  const foreignLink = link.isSymbolicLink() && !trusted(link.uid, uid);
  if (owner !== uid || foreignLink) throw notYours(dir, uid, foreignLink ? link.uid : owner);
  const entries = (mode & 0o022) !== 0 ? await entriesOf(dir) : [];
  // What root made there (a run with sudo) is no one else's doing: root could change anything anyway.
  const foreign = entries.find((e) => !trusted(e.info.uid, uid))?.path;
  if (foreign !== undefined) {
    throw new HallError(
      'data-dir.writable-by-others',
      {
        zh: `数据文件夹 ${dir} 别的用户也能写入，其中的 ${foreign} 不是你的：配对、定时和设置可能被人改过，Hall10086 不用它。`,
        en: `Other users can write to the data folder ${dir}, and ${foreign} in it is not yours: its pairings, schedules and settings may have been changed by someone else; Hall10086 will not use it.`,
      },
      { action: { zh: `查明 ${foreign} 从哪里来并删掉它，然后运行 chmod 700 ${dir}。`, en: `Find out where ${foreign} came from and remove it, then run chmod 700 ${dir}.` } },
    );
  }
  for (const e of entries) if (e.info.isDirectory() && e.info.uid === uid && (e.info.mode & 0o022) !== 0) await closeToOthers(e.path);
  if ((mode & 0o077) !== 0) await closeToOthers(dir, (mode & 0o022) !== 0);
}

const trusted = (owner: number, uid: number) => owner === uid || owner === 0;

/**
 * What a refused open in the user's own folder comes from when a `sudo` run left files there: root's
 * journal.log (or lock, or settings file) cannot be opened by the user, and a bare EACCES says
 * nothing of why or what to do. Null when the error is no refusal, or nothing there is root's
 * (then the error stands as it is). Looked for only after a refusal: the folder is not read at every start.
 */
export async function rootFilesRefusal(dir: string, error: unknown): Promise<HallError | null> {
  const uid = process.getuid?.();
  if (uid === undefined || uid === 0 || process.platform === 'win32' || !refused(error)) return null;
  const rootOwned = (await entriesOf(dir).catch(() => [])).filter((e) => e.info.uid === 0).map((e) => relative(dir, e.path));
  if (rootOwned.length === 0) return null;
  const [first] = rootOwned;
  const more = rootOwned.length - 1;
  return new HallError(
    'data-dir.root-files',
    {
      zh: `数据文件夹 ${dir} 里的 ${first} ${more > 0 ? `（还有另外 ${more} 个）` : ''}属于 root（多半是用 sudo 运行时留下的），你打不开它，所以 Hall10086 没有启动。里面的短信和设置都没动过。`,
      en: `${first} in the data folder ${dir}${more > 0 ? ` (and ${more} more)` : ''} belongs to root (most likely left by a run with sudo), so you cannot open it and Hall10086 did not start. Nothing in it was changed or lost.`,
    },
    {
      action: { zh: `把整个文件夹交还给你：sudo chown -R "$USER" ${shellWord(dir)}，然后再启动 Hall10086。`, en: `Give the whole folder back to yourself: sudo chown -R "$USER" ${shellWord(dir)}, then start Hall10086 again.` },
      details: { dir, rootOwned },
      cause: error,
    },
  );
}

/** A permission refusal (EACCES, EPERM), said by the error or by what it wraps (the journal's open error). */
function refused(error: unknown): boolean {
  for (let e = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    for (const errno of [(e as { code?: unknown }).code, (e as { details?: { errno?: unknown } }).details?.errno]) {
      if (errno === 'EACCES' || errno === 'EPERM') return true;
    }
  }
  return false;
}

/** Whose the folder is, said so that each of the three usual cases knows what to do. */
function notYours(dir: string, uid: number, owner: number): HallError {
  if (uid === 0) {
    // `sudo -E hall10086 …` (or macOS's sudo, which keeps HOME): what root wrote would lock the user out of their own folder.
    return new HallError(
      'data-dir.not-yours',
      {
        zh: `你在以 root 身份运行 Hall10086（sudo？），而数据文件夹 ${dir} 属于 uid ${owner} 的用户：root 在里面写的文件，那个用户以后就打不开了，所以 Hall10086 不用它。`,
        en: `Hall10086 is running as root (sudo?), and the data folder ${dir} belongs to the user with uid ${owner}: what root wrote in it, that user could no longer open, so Hall10086 will not use it.`,
      },
      {
        action: {
          zh: '不用 sudo 运行（要用调制解调器的串口，把用户加入 dialout 组后重新登录）；或用 --data-dir 给 root 一个自己的文件夹。',
          en: 'Run it without sudo (to reach the modem’s serial port, add the user to the dialout group and log in again), or give root a folder of its own with --data-dir.',
        },
      },
    );
  }
  if (owner === 0) {
    return new HallError(
      'data-dir.not-yours',
      {
        zh: `数据文件夹 ${dir} 属于 root（多半是用 sudo 运行时建的），Hall10086 不用它。`,
        en: `The data folder ${dir} belongs to root (most likely made by a run with sudo); Hall10086 will not use it.`,
      },
      { action: { zh: `把它交还给你：sudo chown -R ${uid} ${shellWord(dir)}`, en: `Give it back to yourself: sudo chown -R ${uid} ${shellWord(dir)}` } },
    );
  }
  return new HallError(
    'data-dir.not-yours',
    { zh: `数据文件夹 ${dir} 属于另一个用户（uid ${owner}），Hall10086 不用它。`, en: `The data folder ${dir} belongs to another user (uid ${owner}); Hall10086 will not use it.` },
    { action: { zh: '换一个只属于你的文件夹（--data-dir 或 HALL10086_DATA_DIR），不要放在 /tmp 这类公共文件夹下。', en: 'Use a folder of your own (--data-dir or HALL10086_DATA_DIR), not one under a shared folder such as /tmp.' } },
  );
}

/**
 * chmod 0700, and make sure it took where it must: a disk without Unix permissions (a FAT USB stick
 * mounted for everyone) refuses it, or takes it and changes nothing, and then anyone may write
 * there. One that others could only read (the same stick as the desktop mounts it for its user,
 * 0755) is used as it is: nobody else can change what is in it.
 */
async function closeToOthers(path: string, mustClose = true): Promise<void> {
  const error = await chmod(path, 0o700).then(
    async () => ((await stat(path)).mode & 0o022 ? 'mode unchanged' : null),
    (e: NodeJS.ErrnoException) => e.code ?? e.message,
  );
  if (error === null || !mustClose) return;
  throw new HallError(
    'data-dir.not-private',
    {
      zh: `无法让 ${path} 只有你能访问（${error}）：它所在的磁盘可能不支持权限（例如 FAT 格式的 U 盘），别的用户也能改里面的东西。`,
      en: `${path} cannot be made yours alone (${error}): its disk may not keep permissions (a FAT-formatted USB stick, say), so other users could change what is in it.`,
    },
    { action: { zh: '换一个本机磁盘上的文件夹（--data-dir 或 HALL10086_DATA_DIR）。', en: 'Use a folder on this computer’s own disk (--data-dir or HALL10086_DATA_DIR).' } },
  );
}

/** What the folder holds, and what its subfolders hold (the app's go one level deep), symlinks not followed. */
async function entriesOf(dir: string, depth = 0): Promise<Array<{ path: string; info: Stats }>> {
  const entries: Array<{ path: string; info: Stats }> = [];
  for (const name of await readdir(dir)) {
    const path = join(dir, name);
    const info = await lstat(path);
    entries.push({ path, info });
    if (info.isDirectory() && depth < 1) entries.push(...(await entriesOf(path, depth + 1)));
  }
  return entries;
}
