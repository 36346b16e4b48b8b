import { useState, type ReactNode } from 'react';
import { useI18n } from '../prefs/PrefsProvider';

/**
 * What became of a setting the user just changed: "已保存" in a polite live region once it is stored
 * (a screen reader says it after the typing, not over it), or, where the browser refused to store it,
 * an alert that says so and that it lasts only until the page is closed. Settings that save as they
 * change (thresholds, language, theme) have no Save button to confirm them otherwise.
 *
 * `report(stored)` after each change; the returned element goes where the setting is.
 */
export function useSaveStatus(): [status: ReactNode, report: (stored: boolean) => void] {
  const { t } = useI18n();
  // `n` counts saves: the same words said again after a second change are a new message.
  const [state, setState] = useState<{ stored: boolean; n: number } | null>(null);
  const report = (stored: boolean) => setState((s) => ({ stored, n: (s?.n ?? 0) + 1 }));
  const status = (
    <>
      <p className="save-status muted" role="status">
        {state?.stored ? <span key={state.n}>{t('settings.stored')}</span> : null}
      </p>
      {state && !state.stored && (
        <p className="field-error" role="alert">
          {t('settings.notStored')}
        </p>
      )}
    </>
  );
  return [status, report];
}
