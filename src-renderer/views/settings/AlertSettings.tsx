import { useState, useSyncExternalStore } from 'react';
import { alertThresholds, type AlertThresholds } from '../../alerts/thresholds';
import { useSaveStatus } from '../../components/SaveStatus';
import { useI18n } from '../../prefs/PrefsProvider';

/** A threshold as typed: a number of 0 or more, empty for "off", anything else refused (never saved as off). */
const asLimit = (text: string): number | null | 'invalid' => {
  if (text.trim() === '') return null;
  const n = Number(text.trim());
  return Number.isFinite(n) && n >= 0 ? n : 'invalid';
};

/** Thresholds for the low-balance and low-data alerts (empty = off), and the desktop-notification permission. */
export function AlertSettings() {
  const { t } = useI18n();
  const saved = useSyncExternalStore(alertThresholds.subscribe, alertThresholds.get);
  const [permission, setPermission] = useState(() => ('Notification' in window ? Notification.permission : 'denied'));
  const [refused, setRefused] = useState<ReadonlySet<keyof AlertThresholds>>(new Set());
  const [saveStatus, reportSave] = useSaveStatus();
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
        aria-invalid={refused.has(key) ? true : undefined}
        aria-describedby={`alert-${key}-note`}
        onChange={(e) => {
          const limit = asLimit(e.target.value);
          setRefused((r) => {
            const next = new Set(r);
            if (limit === 'invalid') next.add(key);
            else next.delete(key);
            return next;
          });
          if (limit !== 'invalid') reportSave(alertThresholds.set({ ...alertThresholds.get(), [key]: limit }));
        }}
      />
      <p id={`alert-${key}-note`} className={refused.has(key) ? 'field-error' : 'field-note'} role={refused.has(key) ? 'alert' : undefined}>
        {refused.has(key) ? t('settings.alertInvalid') : '\u00a0'}
      </p>
    </div>
  );
  return (
    <fieldset>
      <legend>{t('settings.alerts')}</legend>
      <p className="muted">{t('settings.alertsHint')}</p>
      {field('balanceYuan', t('settings.alertBalance'))}
      {field('dataMb', t('settings.alertData'))}
      {saveStatus}
      {permission === 'default' && (
        <button type="button" onClick={() => void Notification.requestPermission().then(setPermission)}>
          {t('settings.notify')}
        </button>
      )}
    </fieldset>
  );
}
