import { useI18n } from '../prefs/PrefsProvider';

export function DemoBadge() {
  const { t } = useI18n();
  return (
    <span className="badge badge-demo" title={t('demo.title')}>
      {t('demo.badge')}
    </span>
  );
}
