import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SHARED_DIR, sharedFile } from '../shared-material';

/**
 * Vitest global setup: the whole run gets a home of its own. Anything that falls back to the user's
 * folders (the CLI's default data folder, ~/.config, caches) lands in a temporary directory that is
 * removed afterwards, never in the real ~/.local/share/hall10086. Workers and the child processes
 * tests spawn inherit these variables.
 */
export default function setup(): () => void {
  const home = mkdtempSync(join(tmpdir(), 'hall10086-test-home-'));
  const vars = {
    HOME: home,
    USERPROFILE: home,
    XDG_DATA_HOME: join(home, '.local', 'share'),
    XDG_CONFIG_HOME: join(home, '.config'),
    XDG_CACHE_HOME: join(home, '.cache'),
    XDG_STATE_HOME: join(home, '.local', 'state'),
    APPDATA: join(home, 'AppData', 'Roaming'),
    LOCALAPPDATA: join(home, 'AppData', 'Local'),
  };
  const before = Object.fromEntries(Object.keys(vars).map((k) => [k, process.env[k]]));
  Object.assign(process.env, vars);
  delete process.env.HALL10086_DATA_DIR;

  if (!sharedFile('.')) console.log(`note: ${SHARED_DIR} is not here; the checks that read ../shared are skipped (CI puts it beside the checkout).`);

  return () => {
    for (const [k, v] of Object.entries(before)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    rmSync(home, { recursive: true, force: true });
  };
}
