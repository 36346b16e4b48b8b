import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { installNativeHost, launcherScript, profileManifestLocation, uninstallNativeHost, userManifestLocations } from '../../../src-main/native-host';
import { allowedExtensionIds, EXTENSION_ID } from '../../../src-shared/extension-identity';

let dir = '';
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('native-messaging host registration', () => {
  it('writes a manifest that allows only our extension and a launcher that carries the socket', async () => {
    dir = await mkdtemp(join(tmpdir(), 'hall-nm-'));
    const profile = join(dir, 'profile');
    const [path] = await installNativeHost({ dataDir: join(dir, 'data'), launcher: ['/usr/bin/node', '/opt/h/host.mjs'], locations: [profileManifestLocation(profile)] });
    expect(path).toBe(join(profile, 'NativeMessagingHosts', 'com.hall10086.bridge.json'));
    const manifest = JSON.parse(await readFile(path!, 'utf8'));
    expect(manifest).toMatchObject({ name: 'com.hall10086.bridge', type: 'stdio', allowed_origins: [`chrome-extension://${EXTENSION_ID}/`] });
    expect(await readFile(manifest.path, 'utf8')).toContain(`'/usr/bin/node' '/opt/h/host.mjs' --socket '${join(dir, 'data', 'extension.sock')}' "$@"`);
    expect((await stat(manifest.path)).mode & 0o777).toBe(0o700);
    await uninstallNativeHost({ dataDir: join(dir, 'data'), locations: [profileManifestLocation(profile)] });
    await expect(stat(path!)).rejects.toThrow();
  });

  it('lets in a store listing’s ID given at install time, and refuses a malformed one', async () => {
    const STORE = 'abcdefghijklmnopabcdefghijklmnop';
    dir = await mkdtemp(join(tmpdir(), 'hall-nm-'));
    const [path] = await installNativeHost({
      dataDir: join(dir, 'data'),
      launcher: ['/usr/bin/node', '/opt/h/host.mjs'],
      locations: [profileManifestLocation(join(dir, 'profile'))],
      extensionIds: allowedExtensionIds(` ${STORE},${EXTENSION_ID} `),
    });
    expect(JSON.parse(await readFile(path!, 'utf8')).allowed_origins).toEqual([`chrome-extension://${EXTENSION_ID}/`, `chrome-extension://${STORE}/`]);
    expect(allowedExtensionIds(undefined)).toEqual([EXTENSION_ID]);
    expect(() => allowedExtensionIds('chrome-extension://abcdefghijklmnopabcdefghijklmnop/')).toThrow(/not a Chrome extension ID/);
    expect(() => allowedExtensionIds('ABCDEFGHIJKLMNOPABCDEFGHIJKLMNOP')).toThrow();
  });

  it('quotes paths with spaces and quotes for the shell, and writes a .cmd on Windows', () => {
    expect(launcherScript(["/Apps/It's here/node", '/a b/h.js'], '/s', 'linux')).toContain(`exec '/Apps/It'\\''s here/node' '/a b/h.js' --socket '/s' "$@"`);
    expect(launcherScript(['C:\\H\\hall.exe', 'C:\\H\\host.js'], '\\\\.\\pipe\\x', 'win32')).toContain('"C:\\H\\hall.exe" "C:\\H\\host.js" --socket "\\\\.\\pipe\\x" %*');
    // cmd expands %…% inside quotes in a batch file, %% is one % (review40; cmd.exe cannot run here).
    expect(launcherScript(['C:\\Users\\50%off\\Hall.exe', 'C:\\Users\\50%off\\host.js'], '\\\\.\\pipe\\x', 'win32')).toContain(
      '"C:\\Users\\50%%off\\Hall.exe" "C:\\Users\\50%%off\\host.js" --socket "\\\\.\\pipe\\x" %*\r\n',
    );
  });

  it('knows where Chrome, Chromium and Edge look on each platform', () => {
    expect(userManifestLocations('linux', {}, '/home/u')).toEqual([
      { browser: 'chrome', dir: '/home/u/.config/google-chrome/NativeMessagingHosts' },
      { browser: 'chromium', dir: '/home/u/.config/chromium/NativeMessagingHosts' },
      { browser: 'edge', dir: '/home/u/.config/microsoft-edge/NativeMessagingHosts' },
    ]);
    expect(userManifestLocations('darwin', {}, '/Users/u')[2]).toEqual({ browser: 'edge', dir: '/Users/u/Library/Application Support/Microsoft Edge/NativeMessagingHosts' });
    expect(userManifestLocations('win32', {}, 'C:\\U')[0]).toEqual({ browser: 'chrome', registryKey: 'HKCU\\Software\\Google\\Chrome\\NativeMessagingHosts' });
  });
});
