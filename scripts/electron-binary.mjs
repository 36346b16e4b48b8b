// Where `npm run dist` gets the Electron binary for a target: already on this machine (the unpacked
// node_modules/electron/dist, or a zip in a download cache), else from the download site, probed
// first so an offline machine hears about it in seconds instead of after electron-builder's retries.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';

const PROBE_TIMEOUT_MS = 10_000;
const DEFAULT_MIRROR = 'https://github.com/electron/electron/releases/download/';

/** The caches @electron/get and electron-builder keep downloaded zips in (each honours its env override). */
function cacheRoots(env, platform = process.platform) {
  const home = homedir();
  const perUser = (name) => {
    if (platform === 'darwin') return join(home, 'Library', 'Caches', name);
    if (platform === 'win32') return join(env.LOCALAPPDATA ?? join(home, 'AppData', 'Local'), name, 'Cache');
    return join(env.XDG_CACHE_HOME ?? join(home, '.cache'), name);
  };
  return [env.ELECTRON_CACHE ?? perUser('electron'), env.ELECTRON_BUILDER_CACHE ?? perUser('electron-builder')];
}

/** The first file called `name` up to `depth` folders below `dir` (caches nest zips one or two levels down). */
function findFile(dir, name, depth) {
  if (!existsSync(dir)) return null;
  const entries = readdirSync(dir, { withFileTypes: true });
  if (entries.some((entry) => entry.isFile() && entry.name === name)) return join(dir, name);
  for (const entry of entries) {
    if (!entry.isDirectory() || depth === 0) continue;
    const found = findFile(join(dir, entry.name), name, depth - 1);
    if (found) return found;
  }
  return null;
}

/** node_modules/electron/dist when it holds the binary for this very machine (npm may have skipped its download). */
function installedDist(electronDir) {
  const pathFile = join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const dist = join(electronDir, 'dist');
  return existsSync(join(dist, readFileSync(pathFile, 'utf8'))) ? dist : null;
}

/**
 * @typedef {{ platform: NodeJS.Platform, arch: string }} Target
 * @typedef {{ zh: string, en: string }} Reason
 * @returns {Promise<{ available: true, electronDist: string | null } | { available: false, reason: Reason }>}
 *   electronDist: a folder electron-builder can take the binary from (the unpacked dist, or a folder holding the zip).
 */
export async function locateElectron({ target, version, electronDir, env = process.env }) {
  if (target.platform === process.platform && target.arch === process.arch) {
    const dist = installedDist(electronDir);
    if (dist) return { available: true, electronDist: dist };
  }
  const zip = `electron-v${version}-${target.platform}-${target.arch}.zip`;
  for (const root of cacheRoots(env)) {
    const cached = findFile(root, zip, 3);
    if (cached) return { available: true, electronDist: dirname(cached) };
  }
  if (env.ELECTRON_SKIP_BINARY_DOWNLOAD) {
    return { available: false, reason: { zh: '已设置 ELECTRON_SKIP_BINARY_DOWNLOAD', en: 'ELECTRON_SKIP_BINARY_DOWNLOAD is set' } };
  }
  // As @electron/get builds it: a mirror's folder may be a template such as ELECTRON_CUSTOM_DIR="{{ version }}".
  const folder = (env.ELECTRON_CUSTOM_DIR ?? 'v{{ version }}').replace(/\{\{\s*version\s*\}\}/g, version);
  const url = `${env.ELECTRON_MIRROR ?? DEFAULT_MIRROR}${folder}/${zip}`;
  const failure = await probe(url);
  return failure === null ? { available: true, electronDist: null } : { available: false, reason: failure };
}

/** null when `url` answers 2xx to a HEAD request, else why not. */
async function probe(url) {
  try {
    const response = await fetch(url, { method: 'HEAD', redirect: 'follow', signal: AbortSignal.timeout(PROBE_TIMEOUT_MS) });
    if (response.ok) return null;
    return { zh: `${url} 返回 HTTP ${response.status}`, en: `${url} answered HTTP ${response.status}` };
  } catch (error) {
    const why = error?.cause?.code ?? error?.name ?? 'network error';
    return { zh: `无法连接 ${url}（${why}）`, en: `cannot reach ${url} (${why})` };
  }
}
