import { useState, useSyncExternalStore } from 'react';
import { alertThresholds, type AlertThresholds } from '../../alerts/thresholds';
import { useI18n } from '../../prefs/PrefsProvider';

const asLimit = (text: string): number | null => {
  const n = Number(text.trim());
  return text.trim() !== '' && Number.isFinite(n) && n >= 0 ? n : null;
};

/** Thresholds for the low-balance and low-data alerts (empty = off), and the desktop-notification permission. */
export function AlertSettings() {
  const { t } = useI18n();
  const saved = useSyncExternalStore(alertThresholds.subscribe, alertThresholds.get);
  const [permission, setPermission] = useState(() => ('Notification' in window ? Notification.permission : 'denied'));
  const field = (key: keyof AlertThresholds, label: string) => (
    <div className="field">
      <label htmlFor={`alert-${key}`}>{label}</label>
      <input
        id={`alert-${key}`}
        type="number"
        min="0"
        step="any"
        inputMode="decimal"
        defaultValue={saved[key] ?? ''}
        onChange={(e) => alertThresholds.set({ ...alertThresholds.get(), [key]: asLimit(e.target.value) })}
      />
    </div>
  );
  return (
    <fieldset>
      <legend>{t('settings.alerts')}</legend>
      <p className="muted">{t('settings.alertsHint')}</p>
      {field('balanceYuan', t('settings.alertBalance'))}
      {field('dataMb', t('settings.alertData'))}
      {permission === 'default' && (
        <button type="button" onClick={() => void Notification.requestPermission().then(setPermission)}>
          {t('settings.notify')}
        </button>
      )}
    </fieldset>
  );
}
