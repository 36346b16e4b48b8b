import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { BIN } from './cli-helpers';

/*
 * Tests run as root here, and root reads a file whatever its mode: a user's run after a sudo one (a
 * file of root's, or one made unreadable) is played by the real CLI run as nobody.
 */

export const NOBODY = 65534;
export const isRoot = process.getuid?.() === 0;
// A checkout under a folder only root may enter (/root) cannot be run as nobody: those tests skip.
export const nobodyRuns = isRoot && spawnSync(process.execPath, [BIN, '--version'], { uid: NOBODY, gid: NOBODY, cwd: tmpdir() }).status === 0;

/** The real CLI run as nobody on `dataDir`, in that language; needs root to switch. */
export function asNobody(args: string[], dataDir: string, lang = 'en_US.UTF-8'): { code: number | null; stderr: string } {
  const run = spawnSync(process.execPath, [BIN, ...args], {
    uid: NOBODY,
    gid: NOBODY,
    env: { ...process.env, HALL10086_DATA_DIR: dataDir, HOME: dataDir, LANG: lang, LC_ALL: '' },
    encoding: 'utf8',
    cwd: tmpdir(),
    timeout: 60_000,
  });
  return { code: run.status, stderr: run.stderr };
}
