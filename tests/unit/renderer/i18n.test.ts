import { describe, expect, it } from 'vitest';
import { bilingual, LANGS, loadTraditional, langFromLocales, placeholders, STRINGS, translate } from '../../../src-renderer/i18n';

const keys = Object.keys(STRINGS['zh-Hans']).sort();

describe('strings', () => {
  it.each(LANGS)('%s has exactly the keys of zh-Hans', (lang) => {
    expect(Object.keys(STRINGS[lang]).sort()).toEqual(keys);
  });

  it.each(LANGS)('%s writes every string, with the placeholders of zh-Hans', (lang) => {
    const source = STRINGS['zh-Hans'];
    const wrong = (Object.keys(source) as (keyof typeof source)[]).filter(
      (key) => STRINGS[lang][key].trim() === '' || placeholders(STRINGS[lang][key]).join() !== placeholders(source[key]).join(),
    );
    expect(wrong).toEqual([]);
  });
});

describe('translate', () => {
  it('fills placeholders, and leaves one without a value visible', () => {
    expect(translate('en', 'thread.incomplete', { n: 2, m: 3 })).toBe('Incomplete (2 of 3 parts)');
    expect(translate('zh-Hans', 'thread.incomplete', { n: 2, m: 3 })).toBe('不完整（已收到 2/3 段）');
    expect(translate('en', 'thread.incomplete', { n: 2 })).toBe('Incomplete (2 of {m} parts)');
  });

  it('reads zh for both Chinese scripts and en for English; zh-Hant converted once its table is loaded', async () => {
    const text = { zh: '调制解调器已断开', en: 'en' };
    expect(LANGS.map((lang) => bilingual(lang, text))).toEqual(['调制解调器已断开', '调制解调器已断开', 'en']);
    await loadTraditional();
    expect(LANGS.map((lang) => bilingual(lang, text))).toEqual(['调制解调器已断开', '數據機已斷開', 'en']);
  });
});

describe('langFromLocales', () => {
  it.each([
    [['zh-CN'], 'zh-Hans'],
    [['zh-SG'], 'zh-Hans'],
    [['zh'], 'zh-Hans'],
    [['zh-TW'], 'zh-Hant'],
    [['zh-HK', 'en'], 'zh-Hant'],
    [['zh_MO'], 'zh-Hant'],
    [['zh-Hant-CN'], 'zh-Hant'],
    [['en-US', 'zh-CN'], 'en'],
    [['fr-FR', 'zh-TW'], 'zh-Hant'],
    [['fr-FR', 'de'], 'zh-Hans'],
    [[], 'zh-Hans'],
  ])('%j → %s', (locales, lang) => {
    expect(langFromLocales(locales, 'zh-Hans')).toBe(lang);
  });

  it('writes counts with digit grouping, and other numbers as they are', () => {
    expect(translate('en', 'settings.exported', { n: 100000 })).toBe('Messages exported: 100,000.');
    expect(translate('zh-Hans', 'thread.searchResults', { n: 1200, max: 200 })).toBe('找到 1,200 条（最多显示 200 条）');
    expect(translate('en', 'sendError.statusPermanent', { n: 64 })).toBe('The SMS centre reports it cannot be delivered (status 64).');
  });

  it.each(LANGS)('%s writes every count as the language\'s number format does (those under 1,000 without making one)', (lang) => {
    const format = new Intl.NumberFormat(lang);
    const wrong = [...Array.from({ length: 1001 }, (_, n) => n), 1234, 99999, 100000, 2.5, -3].filter(
      (n) => translate(lang, 'settings.exported', { n }) !== STRINGS[lang]['settings.exported'].replace('{n}', format.format(n)),
    );
    expect(wrong).toEqual([]);
  });
});
