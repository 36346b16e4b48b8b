import { execFile } from 'node:child_process';
import { chmod, mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { NATIVE_HOST_NAME } from '../../src-shared/api/extension-messages';
import { ALLOWED_EXTENSION_IDS, allowedExtensionIds } from '../../src-shared/extension-identity';
import { extensionSocketPath } from '../services/extension-link/socket-path';
import type { ManifestLocation } from './manifest-locations';

export interface HostInstallOptions {
  dataDir: string;
  /** The program and script that run the host: node + bin script, or the packaged app + its built host. */
  launcher: readonly [string, string];
  locations: readonly ManifestLocation[];
  platform?: NodeJS.Platform;
  /** The extension IDs the browser may start the host for (default: ours, the store's, and `HALL10086_EXTENSION_IDS`). */
  extensionIds?: readonly string[];
}

/**
 * Registers the native-messaging host for the current user: a launcher script in the data folder
 * (it carries the socket path, since Chrome passes the host nothing but the caller's origin) and
 * a manifest per browser whose `allowed_origins` names only our extension. Idempotent: the app
 * runs it at every start, so a moved or updated app stays reachable.
 */
export async function installNativeHost(o: HostInstallOptions): Promise<string[]> {
  const platform = o.platform ?? process.platform;
  const hostDir = join(o.dataDir, 'native-host');
  await mkdir(hostDir, { recursive: true, mode: 0o700 });
  const launcherPath = join(hostDir, platform === 'win32' ? 'hall10086-native-host.cmd' : 'hall10086-native-host');
  await writeFile(launcherPath, launcherScript(o.launcher, extensionSocketPath(o.dataDir, platform), platform), { mode: 0o700 });
  if (platform !== 'win32') await chmod(launcherPath, 0o700);
  const ids = o.extensionIds ?? allowedExtensionIds(process.env.HALL10086_EXTENSION_IDS);
  const manifest = `${JSON.stringify(hostManifest(launcherPath, ids), null, 2)}\n`;
  const written: string[] = [];
  for (const location of o.locations) {
    if ('dir' in location) {
      await mkdir(location.dir, { recursive: true });
      const path = join(location.dir, `${NATIVE_HOST_NAME}.json`);
      await writeFile(path, manifest);
      written.push(path);
    } else {
      const path = join(hostDir, `${NATIVE_HOST_NAME}.${location.browser}.json`);
      await writeFile(path, manifest);
      await registry(['add', `${location.registryKey}\\${NATIVE_HOST_NAME}`, '/ve', '/t', 'REG_SZ', '/d', path, '/f']);
      written.push(path);
    }
  }
  return written;
}

/**
 * Removes the registrations at `locations`, and the launcher in the data folder unless `keepLauncher`:
 * every registration of one data folder runs that one launcher, so removing one browser profile's
 * registration must leave it for the others (the user's own Chrome among them).
 */
export async function uninstallNativeHost(o: Pick<HostInstallOptions, 'dataDir' | 'locations'> & { keepLauncher?: boolean }): Promise<void> {
  for (const location of o.locations) {
    if ('dir' in location) await rm(join(location.dir, `${NATIVE_HOST_NAME}.json`), { force: true });
    else await registry(['delete', `${location.registryKey}\\${NATIVE_HOST_NAME}`, '/f']).catch(() => undefined);
  }
  if (!o.keepLauncher) await rm(join(o.dataDir, 'native-host'), { recursive: true, force: true });
}

export function hostManifest(launcherPath: string, extensionIds: readonly string[] = ALLOWED_EXTENSION_IDS) {
  return {
    name: NATIVE_HOST_NAME,
    description: 'Hall10086 desktop app (10086 短信营业厅)',
    path: launcherPath,
    type: 'stdio',
    allowed_origins: extensionIds.map((id) => `chrome-extension://${id}/`),
  };
}

/** ELECTRON_RUN_AS_NODE makes a packaged app's executable run the host script as plain Node. */
export function launcherScript([program, script]: readonly [string, string], socketPath: string, platform: NodeJS.Platform): string {
  if (platform === 'win32') {
    // In a batch file cmd expands %NAME% even inside quotes: a user folder `C:\Users\50%off\…` (a name Windows allows)
    // lost what stood between two % and the host never started. %% is one %. `"` cannot be in a Windows path.
    const c = (s: string) => `"${s.replaceAll('%', '%%')}"`;
    return `@echo off\r\nrem Written by Hall10086: starts its native-messaging host.\r\nset ELECTRON_RUN_AS_NODE=1\r\n${c(program)} ${c(script)} --socket ${c(socketPath)} %*\r\n`;
  }
  const q = (s: string) => `'${s.replaceAll("'", `'\\''`)}'`;
  return `#!/bin/sh\n# Written by Hall10086: starts its native-messaging host.\nELECTRON_RUN_AS_NODE=1 exec ${q(program)} ${q(script)} --socket ${q(socketPath)} "$@"\n`;
}

async function registry(args: string[]): Promise<void> {
  await promisify(execFile)('reg', args, { windowsHide: true });
}
