import { LANGS, langFromLocales, type Lang } from '../i18n';

export const THEMES = ['system', 'light', 'dark'] as const;
export type ThemeChoice = (typeof THEMES)[number];

const KEYS = { lang: 'hall10086.lang', theme: 'hall10086.theme', modem: 'hall10086.sendingModem' } as const;

/** localStorage can be switched off or full; preferences then simply do not stick. */
function read(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

/** True once stored; false if the browser refused (the choice still applies to this session). */
function write(key: string, value: string): boolean {
  try {
    localStorage.setItem(key, value);
    return true;
  } catch {
    return false;
  }
}

function oneOf<T extends string>(value: string | null, allowed: readonly T[]): T | null {
  return allowed.find((a) => a === value) ?? null;
}

export function loadLang(): Lang {
  return oneOf(read(KEYS.lang), LANGS) ?? langFromLocales(navigator.languages, 'zh-Hans');
}

export function saveLang(lang: Lang): boolean {
  return write(KEYS.lang, lang);
}

export function loadTheme(): ThemeChoice {
  return oneOf(read(KEYS.theme), THEMES) ?? 'system';
}

export function saveTheme(theme: ThemeChoice): boolean {
  return write(KEYS.theme, theme);
}

/** The port path of the modem chosen for sending (ids change between connections, paths do not). */
export function loadSendingPort(): string | null {
  return read(KEYS.modem);
}

export function saveSendingPort(path: string): void {
  write(KEYS.modem, path);
}
