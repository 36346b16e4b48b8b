import { homedir } from 'node:os';
import { join } from 'node:path';

export type BrowserName = 'chrome' | 'chromium' | 'edge';
export const BROWSERS: readonly BrowserName[] = ['chrome', 'chromium', 'edge'];

/** Where a browser looks for a per-user native-messaging manifest: a folder, or on Windows a registry key naming the file. */
export type ManifestLocation = { browser: BrowserName; dir: string } | { browser: BrowserName; registryKey: string };

const LINUX: Record<BrowserName, string> = { chrome: 'google-chrome', chromium: 'chromium', edge: 'microsoft-edge' };
const MAC: Record<BrowserName, string> = { chrome: 'Google/Chrome', chromium: 'Chromium', edge: 'Microsoft Edge' };
const WINDOWS: Record<BrowserName, string> = { chrome: 'Google\\Chrome', chromium: 'Chromium', edge: 'Microsoft\\Edge' };

/** The documented per-user locations of Chrome, Chromium and Edge on each platform. */
export function userManifestLocations(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  home: string = homedir(),
): ManifestLocation[] {
  return BROWSERS.map((browser) => {
    if (platform === 'win32') return { browser, registryKey: `HKCU\\Software\\${WINDOWS[browser]}\\NativeMessagingHosts` };
    if (platform === 'darwin') return { browser, dir: join(home, 'Library', 'Application Support', MAC[browser], 'NativeMessagingHosts') };
    return { browser, dir: join(env.XDG_CONFIG_HOME ?? join(home, '.config'), LINUX[browser], 'NativeMessagingHosts') };
  });
}

/** A browser started with `--user-data-dir` also looks inside that folder (how the tests install it). */
export function profileManifestLocation(userDataDir: string): ManifestLocation {
  return { browser: 'chromium', dir: join(userDataDir, 'NativeMessagingHosts') };
}
