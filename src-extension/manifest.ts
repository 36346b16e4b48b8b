import { EXTENSION_PUBLIC_KEY } from '../src-shared/extension-identity';
import { CHROME_LOCALES } from './i18n';

export const ICON_SIZES = [16, 32, 48, 128] as const;

/**
 * `manifest.json`. Permissions are the least that works (see docs/extension.md): no host
 * permissions up front, no remote code; the default MV3 content security policy applies. Host access
 * is optional and asked for one site at a time: the catalog update source the user enters.
 */
export function manifest(version: string) {
  const icons = Object.fromEntries(ICON_SIZES.map((s) => [String(s), `icons/icon-${s}.png`]));
  return {
    manifest_version: 3,
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    version,
    default_locale: CHROME_LOCALES['zh-Hans'],
    icons,
    action: { default_popup: 'popup.html', default_title: '__MSG_extName__', default_icon: icons },
    background: { service_worker: 'background.js', type: 'module' },
    omnibox: { keyword: '10086' },
    permissions: ['contextMenus', 'storage', 'nativeMessaging'],
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    // Fixes the extension's ID, which the desktop app's native-messaging manifest allows by name.
    key: EXTENSION_PUBLIC_KEY,
    minimum_chrome_version: '120',
  };
}
