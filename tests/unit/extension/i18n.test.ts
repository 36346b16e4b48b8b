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
  const m = manifest('1.2.3');

  it('asks for no more than it needs: no host permissions up front, default CSP, no remote code, no web page may connect', () => {
    expect(m.permissions).toEqual(['contextMenus', 'storage', 'nativeMessaging']);
    // Asked for one site at a time, from the Save click, for the update source the user enters.
    expect(m.optional_host_permissions).toEqual(['https://*/*', 'http://*/*']);
    // Absent on purpose: host_permissions, content_scripts, externally_connectable, web_accessible_resources.
    expect(Object.keys(m).sort()).toEqual(
      ['action', 'background', 'default_locale', 'description', 'icons', 'key', 'manifest_version', 'minimum_chrome_version', 'name', 'omnibox', 'optional_host_permissions', 'permissions', 'version'],
    );
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
