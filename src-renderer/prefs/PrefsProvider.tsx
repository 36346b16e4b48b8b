import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { loadTraditional, makeI18n, translate, type I18n, type Lang } from '../i18n';
import { loadLang, loadTheme, saveLang, saveTheme, type ThemeChoice } from './storage';

interface Prefs extends I18n {
  /** Applies the language; true once it is stored for the next start. */
  setLang(lang: Lang): boolean;
  theme: ThemeChoice;
  /** Applies the theme; true once it is stored for the next start. */
  setTheme(theme: ThemeChoice): boolean;
}

const PrefsContext = createContext<Prefs | null>(null);

export function PrefsProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState(loadLang);
  const [theme, setThemeState] = useState(loadTheme);
  const [traditionalReady, setTraditionalReady] = useState(false);

  useEffect(() => {
    if (lang === 'zh-Hant' && !traditionalReady) void loadTraditional().then(() => setTraditionalReady(true));
  }, [lang, traditionalReady]);

  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = translate(lang, 'app.title');
  }, [lang]);

  useEffect(() => {
    // 'system' leaves the choice to the stylesheet's color-scheme: light dark.
    document.documentElement.dataset.theme = theme;
  }, [theme]);

  const setLang = useCallback((next: Lang) => {
    setLangState(next);
    return saveLang(next);
  }, []);
  const setTheme = useCallback((next: ThemeChoice) => {
    setThemeState(next);
    return saveTheme(next);
  }, []);

  const value = useMemo<Prefs>(
    () => ({
      ...makeI18n(lang),
      setLang,
      theme,
      setTheme,
    }),
    // traditionalReady: a new i18n object once the table is in, so error texts re-render converted.
    [lang, theme, setLang, setTheme, traditionalReady],
  );
  return <PrefsContext.Provider value={value}>{children}</PrefsContext.Provider>;
}

export function usePrefs(): Prefs {
  const prefs = useContext(PrefsContext);
  if (!prefs) throw new Error('usePrefs outside PrefsProvider');
  return prefs;
}

export function useI18n(): I18n {
  return usePrefs();
}
