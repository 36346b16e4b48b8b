import { useI18n } from '../prefs/PrefsProvider';

/**
 * DEMO, with what it means in words a screen reader reads with it (a tab's or a row's name then says it too):
 * the title alone reached only a mouse's hover.
 */
export function DemoBadge() {
  const { t } = useI18n();
  return (
    <span className="badge badge-demo" title={t('demo.title')}>
      {t('demo.badge')}
      <span className="visually-hidden">{t('demo.said', { title: t('demo.title') })}</span>
    </span>
  );
}
