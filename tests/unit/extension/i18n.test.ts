import { describe, expect, it } from 'vitest';
import { browserLang, LANGS, STRINGS } from '../../../src-extension/i18n';
import { manifest } from '../../../src-extension/manifest';

describe('extension strings', () => {
  it('has every string in every language', () => {
    for (const [key, text] of Object.entries(STRINGS)) {
      for (const lang of LANGS) expect(text[lang].trim(), `${key} ${lang}`).not.toBe('');
    }
  });

  it.each([
    [['zh-CN'], 'zh-Hans'],
    [['zh-TW', 'en'], 'zh-Hant'],
    [['en-US', 'zh-CN'], 'en'],
    [['fr-FR', 'de'], 'zh-Hans'],
  ])('browser languages %j → %s', (locales, lang) => {
    expect(browserLang(locales)).toBe(lang);
  });
});

describe('manifest', () => {
  const m = manifest('1.2.3', { withKey: true });

  it('asks for no more than it needs: no host permissions up front, default CSP, no remote code, no web page may connect', () => {
    // notifications: a reply from 10086 while the popup is closed.
    expect(m.permissions).toEqual(['contextMenus', 'storage', 'nativeMessaging', 'notifications']);
    // Asked for one site at a time, from the Save click, for the update source the user enters.
    expect(m.optional_host_permissions).toEqual(['https://*/*', 'http://*/*']);
    // Absent on purpose: host_permissions, content_scripts, externally_connectable, web_accessible_resources.
    expect(Object.keys(m).sort()).toEqual(
      ['action', 'background', 'commands', 'default_locale', 'description', 'icons', 'key', 'manifest_version', 'minimum_chrome_version', 'name', 'omnibox', 'optional_host_permissions', 'options_ui', 'permissions', 'version'],
    );
  });

  it('the store build has no `key` (the Chrome Web Store refuses one); the development build has it', () => {
    expect(manifest('1.2.3', { withKey: false })).not.toHaveProperty('key');
    expect(m.key).toMatch(/^MIIB/);
  });

  it('has an options page and a keyboard shortcut for the popup, described in every language', () => {
    expect(m.options_ui).toEqual({ page: 'options.html', open_in_tab: false });
    expect(m.commands._execute_action).toEqual({ suggested_key: { default: 'Alt+Shift+0', mac: 'Alt+Shift+0' }, description: '__MSG_commandPopup__' });
  });

  it('has the omnibox keyword, the module worker, localized name', () => {
    expect(m).toMatchObject({
      manifest_version: 3,
      version: '1.2.3',
      name: '__MSG_extName__',
      default_locale: 'zh_CN',
      omnibox: { keyword: '10086' },
      background: { service_worker: 'background.js', type: 'module' },
      action: { default_popup: 'popup.html' },
    });
    expect(m.icons).toEqual({ '16': 'icons/icon-16.png', '32': 'icons/icon-32.png', '48': 'icons/icon-48.png', '128': 'icons/icon-128.png' });
  });
});
