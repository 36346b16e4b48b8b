import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hall } from './cli-helpers';

let home: string;
beforeEach(async () => {
  home = await mkdtemp(join(tmpdir(), 'hall-nh-cli-'));
});
afterEach(() => rm(home, { recursive: true, force: true }));

describe('hall10086 native-host install / uninstall from a checkout', () => {
  it('uninstalling one browser profile leaves the registration of the user’s own Chrome working', async () => {
    // A scratch profile registered beside the user's browsers (as extension.md's --user-data-dir does for a test profile).
    const env = { HOME: home, XDG_CONFIG_HOME: join(home, '.config'), HALL10086_DATA_DIR: join(home, 'data') };
    const profile = join(home, 'scratch-profile');
    expect((await hall(['native-host', 'install'], env)).code).toBe(0);
    expect((await hall(['native-host', 'install', '--user-data-dir', profile], env)).code).toBe(0);
    const chrome = join(home, '.config', 'google-chrome', 'NativeMessagingHosts', 'com.hall10086.bridge.json');
    const launcher = JSON.parse(await readFile(chrome, 'utf8')).path as string;

    const run = await hall(['native-host', 'uninstall', '--user-data-dir', profile], env);
    expect(run.code).toBe(0);
    await expect(stat(join(profile, 'NativeMessagingHosts', 'com.hall10086.bridge.json'))).rejects.toThrow();
    // What Chrome starts for the extension is still there.
    expect((await stat(launcher)).isFile()).toBe(true);

    expect((await hall(['native-host', 'uninstall'], env)).code).toBe(0);
    await expect(stat(chrome)).rejects.toThrow();
    await expect(stat(launcher)).rejects.toThrow();
  });
});
