import { LANGS, langFromLocales, type Lang } from '../i18n';
import type { SavedSender } from '../core/modems';

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

/**
 * The modem that sends (see SavedSender): chosen by the user, or the one that sent before a reload.
 * Kept here, with the page's other preferences, not in the core's settings: each window (a clerk's
 * desk, a browser profile) picks its own sender and tells the core's `send` which; Electron keeps this
 * storage across restarts, and browser mode comes back on the same address. A SIM id is no secret here
 * (the log keys every thread by it; docs/security.md). Written before ux22 as a bare port path: read as chosen.
 */
export function loadSendingModem(): SavedSender | null {
  const text = read(KEYS.modem);
  if (text === null || text === '') return null;
  if (!text.startsWith('{')) return { simId: null, path: text, chosen: true, demo: false };
  try {
    const v = JSON.parse(text) as Partial<SavedSender>;
    if (typeof v.path !== 'string' || (v.simId != null && typeof v.simId !== 'string')) return null;
    return { simId: v.simId ?? null, path: v.path, chosen: v.chosen === true, demo: v.demo === true };
  } catch {
    return null;
  }
}

export function saveSendingModem(saved: SavedSender): void {
  write(KEYS.modem, JSON.stringify(saved));
}
