import { useEffect, useState, type FormEvent } from 'react';
import type { MqttSettings as Settings, MqttSettingsView } from '../../../src-shared/api/contract';
import { transportVerdict } from '../../../src-shared/fleet/mqtt-transport';
import { SectionLoading } from '../../components/SectionLoading';
import { useCore } from '../../core/CoreProvider';
import { useErrorToast, useToast } from '../../core/toasts';
import { usePrefs } from '../../prefs/PrefsProvider';

type Secret = 'password' | 'clientKeyPem';
type Draft = Omit<Settings, Secret> & Record<Secret, string>;

const toDraft = (view: MqttSettingsView): Draft => {
  const { passwordSet: _set, clientKeySet: _keySet, status: _status, ...settings } = view;
  return { ...settings, password: '', clientKeyPem: '' };
};

/**
 * The MQTT link (off by default): broker, login, TLS trust, topic prefix per host, Home Assistant
 * discovery, the read-only command topic and watching other hosts. The password is write-only:
 * left empty, the kept one stays.
 */
export function MqttSettings() {
  const { t, bi } = usePrefs();
  const { api } = useCore();
  const toast = useToast();
  const reportError = useErrorToast();
  const [view, setView] = useState<MqttSettingsView | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [cleared, setCleared] = useState<Record<Secret, boolean>>({ password: false, clientKeyPem: false });

  useEffect(() => {
    let alive = true;
    void api.call('mqtt.get', {}).then((v) => {
      if (!alive) return;
      setView(v);
      setDraft(toDraft(v));
    }, reportError);
    const off = api.on('mqtt', (v) => alive && setView(v));
    return () => {
      alive = false;
      off();
    };
  }, [api, reportError]);

  if (!view || !draft) return <SectionLoading legend={t('mqtt.title')} />;
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft({ ...draft, [key]: value });
  // Said while typing, from the same verdict the link obeys: a plain link off this machine, and with a password.
  const passwordSet = !cleared.password && (draft.password !== '' || view.passwordSet);
  // What the status line above already says is not said twice.
  const warnings = transportVerdict(draft.url, passwordSet, draft.allowPlaintextPassword).warnings.filter((w) => w.code !== view.status.code);
  const save = (e: FormEvent) => {
    e.preventDefault();
    // A secret left empty keeps the kept one; ticked "remove", it goes.
    const secret = (key: Secret) => (cleared[key] ? '' : draft[key] || null);
    const settings: Settings = { ...draft, password: secret('password'), clientKeyPem: secret('clientKeyPem') };
    api.call('mqtt.set', { settings }).then((v) => {
      setView(v);
      setDraft(toDraft(v));
      setCleared({ password: false, clientKeyPem: false });
      toast('success', t('mqtt.saved'));
    }, reportError);
  };
  const text = (key: 'url' | 'username' | 'baseTopic' | 'hostId' | 'discoveryPrefix', label: string) => (
    <div className="field">
      <label htmlFor={`mqtt-${key}`}>{label}</label>
      <input id={`mqtt-${key}`} value={draft[key]} onChange={(e) => set(key, e.target.value)} spellCheck={false} autoComplete="off" />
    </div>
  );
  /** Write-only: what is kept is never shown; left empty it stays, ticked it goes. */
  const secretField = (key: Secret, kept: boolean, label: string, clearLabel: string) => {
    const input = {
      id: `mqtt-${key}`,
      value: draft[key],
      placeholder: kept ? t('mqtt.passwordKept') : '',
      disabled: cleared[key],
      spellCheck: false,
      autoComplete: 'new-password',
    };
    return (
      <div className="field">
        <label htmlFor={input.id}>{label}</label>
        {key === 'password' ? (
          <input type="password" {...input} onChange={(e) => set(key, e.target.value)} />
        ) : (
          <textarea rows={3} {...input} onChange={(e) => set(key, e.target.value)} />
        )}
        {kept && (
          <label className="choice">
            <input type="checkbox" checked={cleared[key]} onChange={(e) => setCleared({ ...cleared, [key]: e.target.checked })} /> {clearLabel}
          </label>
        )}
      </div>
    );
  };
  return (
    <fieldset>
      <legend>{t('mqtt.title')}</legend>
      <p className="muted">{t('mqtt.hint')}</p>
      <p role="status" className={`mqtt-status${view.status.code ? ' banner banner-error' : ''}`} data-state={view.status.state}>
        {bi(view.status)}
      </p>
      <form onSubmit={save}>
        <label className="choice">
          <input type="checkbox" checked={draft.enabled} onChange={(e) => set('enabled', e.target.checked)} /> {t('mqtt.enabled')}
        </label>
        {text('url', t('mqtt.url'))}
        {warnings.map((w) => (
          <p key={w.code} role="alert" className={`mqtt-warning banner${w.code === 'mqtt.plaintext-password' ? ' banner-error' : ''}`} data-code={w.code}>
            {bi(w)}
          </p>
        ))}
        {text('username', t('mqtt.username'))}
        {secretField('password', view.passwordSet, t('mqtt.password'), t('mqtt.passwordClear'))}
        <div className="field">
          <label htmlFor="mqtt-ca">{t('mqtt.ca')}</label>
          <textarea id="mqtt-ca" rows={3} value={draft.caPem} onChange={(e) => set('caPem', e.target.value)} spellCheck={false} placeholder="-----BEGIN CERTIFICATE-----" />
        </div>
        <div className="field">
          <label htmlFor="mqtt-client-cert">{t('mqtt.clientCert')}</label>
          <textarea id="mqtt-client-cert" rows={3} value={draft.clientCertPem} onChange={(e) => set('clientCertPem', e.target.value)} spellCheck={false} placeholder="-----BEGIN CERTIFICATE-----" />
        </div>
        {secretField('clientKeyPem', view.clientKeySet, t('mqtt.clientKey'), t('mqtt.clientKeyClear'))}
        <label className="choice">
          <input type="checkbox" checked={draft.allowPlaintextPassword} onChange={(e) => set('allowPlaintextPassword', e.target.checked)} /> {t('mqtt.allowPlaintext')}
        </label>
        {text('baseTopic', t('mqtt.baseTopic'))}
        {text('hostId', t('mqtt.hostId'))}
        {text('discoveryPrefix', t('mqtt.discovery'))}
        <label className="choice">
          <input type="checkbox" checked={draft.watchOtherHosts} onChange={(e) => set('watchOtherHosts', e.target.checked)} /> {t('mqtt.watch')}
        </label>
        <label className="choice">
          <input type="checkbox" checked={draft.commands} onChange={(e) => set('commands', e.target.checked)} /> {t('mqtt.commands')}
        </label>
        <div className="field">
          <label htmlFor="mqtt-per-hour">{t('mqtt.perHour')}</label>
          <input id="mqtt-per-hour" type="number" min={1} max={120} value={draft.commandsPerHour} onChange={(e) => set('commandsPerHour', Math.max(1, Math.min(120, Math.round(Number(e.target.value) || 1))))} />
        </div>
        <button type="submit">{t('mqtt.save')}</button>
      </form>
    </fieldset>
  );
}
