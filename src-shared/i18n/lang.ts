import type { Lang } from '../errors';

/**
 * The first of the user's locales the product speaks: zh-TW / zh-HK / zh-MO / zh-Hant → Traditional,
 * other zh → Simplified, en → English; `fallback` when none of them is Chinese or English.
 */
export function langFromLocales(locales: readonly string[], fallback: Lang): Lang {
  for (const locale of locales) {
    const l = locale.toLowerCase().replace('_', '-');
    if (l.startsWith('zh')) return /hant|-tw|-hk|-mo/.test(l) ? 'zh-Hant' : 'zh-Hans';
    if (l.startsWith('en')) return 'en';
  }
  return fallback;
}
