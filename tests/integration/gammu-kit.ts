import { spawn } from 'node:child_process';

/** How long one gammu call may take before it is killed: gammu's own AT timeouts are long. */
export const GAMMU_MS = 60_000;

export interface GammuRun {
  code: number | null;
  output: string;
}

/** Runs the real gammu (Debian's) with config `rc`; stdout and stderr together, as a user reads them. */
export function gammu(rc: string, args: string[]): Promise<GammuRun> {
  return new Promise((resolve, reject) => {
    const child = spawn('gammu', ['-c', rc, ...args], {
      // UTF-8 so gammu prints the Chinese text instead of question marks.
      env: { ...process.env, LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (output += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (output += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), GAMMU_MS);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}
