import { EXTENSION_PUBLIC_KEY } from '../src-shared/extension-identity';
import { CHROME_LOCALES } from './i18n';

export const ICON_SIZES = [16, 32, 48, 128] as const;

/**
 * `manifest.json`. Permissions are the least that works (see docs/extension.md): no host
 * permissions up front, no remote code; the default MV3 content security policy applies. Host access
 * is optional and asked for one site at a time: the catalog update source the user enters.
 */
export function manifest(version: string, { withKey }: { withKey: boolean }) {
  const icons = Object.fromEntries(ICON_SIZES.map((s) => [String(s), `icons/icon-${s}.png`]));
  return {
    manifest_version: 3,
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    version,
    default_locale: CHROME_LOCALES['zh-Hans'],
    icons,
    action: { default_popup: 'popup.html', default_title: '__MSG_extName__', default_icon: icons },
    options_ui: { page: 'options.html', open_in_tab: false },
    background: { service_worker: 'background.js', type: 'module' },
    commands: {
      _execute_action: { suggested_key: { default: 'Alt+Shift+0', mac: 'Alt+Shift+0' }, description: '__MSG_commandPopup__' },
    },
    omnibox: { keyword: '10086' },
    permissions: ['contextMenus', 'storage', 'nativeMessaging', 'notifications'],
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    // Fixes an unpacked copy's ID, which the desktop app's native-messaging manifest allows by name.
    // The Chrome Web Store refuses a `key` and gives the listing its own ID (docs/extension-protocol.md).
    ...(withKey ? { key: EXTENSION_PUBLIC_KEY } : {}),
    minimum_chrome_version: '120',
  };
}
