import { homedir } from 'node:os';
import { join } from 'node:path';

/** Where the journal and settings live: HALL10086_DATA_DIR, else the platform's per-user data folder. */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.HALL10086_DATA_DIR) return env.HALL10086_DATA_DIR;
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Hall10086');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Hall10086');
  return join(env.XDG_DATA_HOME ?? join(homedir(), '.local', 'share'), 'hall10086');
}
