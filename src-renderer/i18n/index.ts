import type { Bilingual, Lang } from '../../src-shared/errors';
import { en } from './en';
import { zhHans, type StringKey } from './zh-hans';
import { zhHant } from './zh-hant';

export type { Lang } from '../../src-shared/errors';
export type { StringKey } from './zh-hans';

export const LANGS: readonly Lang[] = ['zh-Hans', 'zh-Hant', 'en'];

/** Each language names itself, so the chooser reads the same whatever language is on. */
export const LANG_NAMES: Record<Lang, string> = { 'zh-Hans': '简体中文', 'zh-Hant': '繁體中文', en: 'English' };

export const STRINGS: Record<Lang, Record<StringKey, string>> = { 'zh-Hans': zhHans, 'zh-Hant': zhHant, en };

export type Vars = Record<string, string | number>;

const counts = new Map<Lang, Intl.NumberFormat>();

/**
 * A count with the language's digit grouping: 100,000 messages, not 100000. A whole number under 1,000 has no
 * grouping in any of the three languages (Latin digits in all), so it is written without making a formatter: the
 * first one a page makes loads the language's number data (18–30 ms of the first render in a cold start's profile).
 */
function count(lang: Lang, n: number): string {
  if (Number.isInteger(n) && n >= 0 && n < 1000) return String(n);
  let format = counts.get(lang);
  if (!format) counts.set(lang, (format = new Intl.NumberFormat(lang)));
  return format.format(n);
}

/**
 * The string for `key` with `{name}` placeholders filled; a placeholder without a value stays
 * visible. Counts (`{n}`, `{messages}`…) are written with the language's digit grouping; English
 * strings are worded so that one and many read the same ("Results: 1").
 */
export function translate(lang: Lang, key: StringKey, vars: Vars = {}): string {
  return STRINGS[lang][key].replace(/\{(\w+)\}/g, (whole, name: string) => {
    if (!(name in vars)) return whole;
    const value = vars[name]!;
    return typeof value === 'number' && COUNTS.has(name) ? count(lang, value) : String(value);
  });
}

const COUNTS = new Set(['n', 'm', 'max', 'messages', 'parts', 'commands', 'sims', 'added', 'replaced', 'kept', 'skipped']);

export function placeholders(text: string): string[] {
  return [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();
}

let traditional: ((text: string) => string) | null = null;

/** The Simplified → Traditional table is a chunk of its own, loaded only when zh-Hant is chosen. */
export async function loadTraditional(): Promise<void> {
  traditional ??= (await import('../../src-shared/i18n/to-traditional')).toTraditional;
}

/** Errors and notices come in zh (Simplified) and en; zh-Hant reads the zh text converted, once the table is in. */
export function bilingual(lang: Lang, text: Bilingual): string {
  if (lang === 'en') return text.en;
  return lang === 'zh-Hant' && traditional ? traditional(text.zh) : text.zh;
}

export interface I18n {
  lang: Lang;
  t(key: StringKey, vars?: Vars): string;
  /** Text of an error or notice (zh / en). */
  bi(text: Bilingual): string;
}

export function makeI18n(lang: Lang): I18n {
  return { lang, t: (key, vars) => translate(lang, key, vars), bi: (text) => bilingual(lang, text) };
}

/**
 * The first of the browser's preferred languages that we speak: Traditional for zh-TW/HK/MO,
 * Simplified for other Chinese, English for English. Anything else gets Simplified Chinese,
 * the product's first language.
 */

export { langFromLocales } from '../../src-shared/i18n/lang';
