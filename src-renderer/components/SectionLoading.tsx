import { useI18n } from '../prefs/PrefsProvider';

/** A settings section whose data has not come from the core yet: there, and saying so, not missing. */
export function SectionLoading({ legend }: { legend: string }) {
  const { t } = useI18n();
  return (
    <fieldset aria-busy="true">
      <legend>{legend}</legend>
      <p className="muted">{t('app.loading')}</p>
    </fieldset>
  );
}
