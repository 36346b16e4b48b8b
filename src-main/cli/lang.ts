import type { Lang } from '../../src-shared/errors';

/** The system locale as one of the product's languages: zh_TW / zh_HK / zh-Hant → Traditional, other zh → Simplified. */
export function systemLang(env: NodeJS.ProcessEnv = process.env): Lang {
  const raw = env.LC_ALL || env.LC_MESSAGES || env.LANG || Intl.DateTimeFormat().resolvedOptions().locale || 'en';
  return langFromLocale(raw);
}

export function langFromLocale(locale: string): Lang {
  const l = locale.toLowerCase().replace('_', '-');
  if (!l.startsWith('zh')) return 'en';
  return /hant|-tw|-hk|-mo/.test(l) ? 'zh-Hant' : 'zh-Hans';
}
