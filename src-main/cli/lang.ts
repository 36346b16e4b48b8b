import type { Lang } from '../../src-shared/errors';
import { langFromLocales } from '../../src-shared/i18n/lang';

/** The system locale as one of the product's languages: zh_TW / zh_HK / zh-Hant → Traditional, other zh → Simplified. */
export function systemLang(env: NodeJS.ProcessEnv = process.env): Lang {
  const raw = env.LC_ALL || env.LC_MESSAGES || env.LANG || Intl.DateTimeFormat().resolvedOptions().locale || 'en';
  return langFromLocale(raw);
}

/** A terminal's locale is usually C or en_US when nothing is set: English unless it says Chinese. */
export function langFromLocale(locale: string): Lang {
  return langFromLocales([locale], 'en');
}
