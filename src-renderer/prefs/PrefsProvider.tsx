import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { loadTraditional, makeI18n, translate, type I18n, type Lang } from '../i18n';
import { loadLang, loadTheme, saveLang, saveTheme, type ThemeChoice } from './storage';

interface Prefs extends I18n {
  setLang(lang: Lang): void;
  theme: ThemeChoice;
  setTheme(theme: ThemeChoice): void;
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
    saveLang(next);
    setLangState(next);
  }, []);
  const setTheme = useCallback((next: ThemeChoice) => {
    saveTheme(next);
    setThemeState(next);
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
