import { resolve } from 'node:path';
import { claimDataDir, defaultDataDir } from '../../core/data-dir';
import { installNativeHost, profileManifestLocation, uninstallNativeHost, userManifestLocations } from '../../native-host';
import { allowedExtensionIds } from '../../../src-shared/extension-identity';
import { usageError } from '../args';
import { say, type Command } from '../context';

/** The host as run from a checkout: this Node and the bin script beside the CLI's. */
const DEV_LAUNCHER: readonly [string, string] = [process.execPath, resolve(import.meta.dirname, '../../../bin/hall10086-native-host.mjs')];

const USAGE = {
  zh: '用法：native-host install|uninstall [--user-data-dir 浏览器配置目录] [--data-dir 数据目录] [--extension-ids 商店扩展ID,…]',
  en: 'Usage: native-host install|uninstall [--user-data-dir BROWSER_PROFILE] [--data-dir D] [--extension-ids STORE_ID,…]',
};

export const nativeHostCommand: Command = {
  name: 'native-host',
  usage: 'native-host install|uninstall [--user-data-dir D] [--data-dir D] [--extension-ids ID,…]',
  summary: {
    zh: '为 Chrome / Chromium / Edge 注册（或移除）浏览器扩展的本地通道',
    en: 'Register (or remove) the browser extension’s channel for Chrome / Chromium / Edge',
  },
  spec: { values: ['user-data-dir', 'data-dir', 'extension-ids'] },
  async run(args, ctx) {
    const [action, ...extra] = args.positionals;
    if ((action !== 'install' && action !== 'uninstall') || extra.length) throw usageError(USAGE.zh, USAGE.en);
    const dataDir = args.options.get('data-dir') ?? defaultDataDir();
    const profile = args.options.get('user-data-dir');
    const locations = profile ? [profileManifestLocation(profile)] : userManifestLocations();
    if (action === 'uninstall') {
      // One profile's registration goes alone: the launcher stays for the browsers still registered.
      await uninstallNativeHost({ dataDir, locations, keepLauncher: profile !== undefined });
      ctx.err(say(ctx, { zh: '已移除扩展通道。', en: 'The extension channel is removed.' }));
      return;
    }
    let extensionIds: string[];
    try {
      extensionIds = allowedExtensionIds([args.options.get('extension-ids'), process.env.HALL10086_EXTENSION_IDS].filter(Boolean).join(','));
    } catch (e) {
      throw usageError(`扩展 ID 无效：${(e as Error).message}`, `Invalid extension ID: ${(e as Error).message}`);
    }
    // The launcher written there is what the browser runs: nobody else may be able to swap it.
    await claimDataDir(dataDir);
    for (const path of await installNativeHost({ dataDir, launcher: DEV_LAUNCHER, locations, extensionIds })) ctx.out(path);
    ctx.err(
      say(ctx, {
        zh: '已注册扩展通道。打开应用（npm start 或 hall10086 serve）后，在扩展中点“配对”。',
        en: 'The extension channel is registered. With the app running (npm start or hall10086 serve), press “Pair” in the extension.',
      }),
    );
  },
};
