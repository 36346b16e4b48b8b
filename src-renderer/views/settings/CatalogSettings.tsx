import { SectionLoading } from '../../components/SectionLoading';
import { useState } from 'react';
import { useCatalogState } from '../../catalog/active-catalog';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { useCore } from '../../core/CoreProvider';
import { useErrorToast, useToast } from '../../core/toasts';
import { usePrefs } from '../../prefs/PrefsProvider';

/** Province, and where signed catalog updates come from (nowhere, by default: fully offline). */
export function CatalogSettings() {
  const { t, lang, bi } = usePrefs();
  const { api } = useCore();
  const toast = useToast();
  const reportError = useErrorToast();
  const state = useCatalogState();
  const [source, setSource] = useState<string | null>(null);
  const [publicKey, setPublicKey] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirmRollback, setConfirmRollback] = useState(false);
  if (!state) return <SectionLoading legend={t('catalog.province')} />;

  const run = async (work: () => Promise<unknown>, done?: string) => {
    setBusy(true);
    try {
      await work();
      if (done) toast('success', done);
    } catch (error) {
      reportError(error);
    } finally {
      setBusy(false);
    }
  };
  const sourceValue = source ?? state.update.source ?? '';
  const keyValue = publicKey ?? state.update.publicKey ?? '';
  const last = state.update.lastCheck;

  return (
    <>
      <fieldset>
        <legend>{t('catalog.province')}</legend>
        <p className="muted">{t('catalog.provinceHint')}</p>
        <select
          id="province"
          aria-label={t('catalog.province')}
          value={state.province ?? ''}
          disabled={busy}
          onChange={(e) => void run(() => api.call('catalog.setProvince', { province: (e.target.value || null) as never }))}
        >
          <option value="">{t('catalog.provinceNone')}</option>
          {state.provinces.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name[lang]}
              {p.verified ? '' : ` ${t('catalog.unverified')}`}
            </option>
          ))}
        </select>
      </fieldset>
      <fieldset>
        <legend>{t('catalog.updates')}</legend>
        <p id="catalog-version">
          {t(state.origin === 'update' ? 'catalog.versionUpdate' : 'catalog.versionBuiltin', { version: state.version, date: state.date })}
        </p>
        <p className="muted">{t('catalog.updatesHint')}</p>
        <form
          className="stack"
          onSubmit={(e) => {
            e.preventDefault();
            void run(() => api.call('catalog.setUpdateSource', { source: sourceValue.trim() || null, publicKey: keyValue.trim() || null }), t('catalog.saved'));
          }}
        >
          <label>
            {t('catalog.source')}
            <input id="update-source" value={sourceValue} placeholder={t('catalog.sourcePlaceholder')} onChange={(e) => setSource(e.target.value)} spellCheck={false} />
          </label>
          <label>
            {t('catalog.publicKey')}
            <input id="update-key" value={keyValue} onChange={(e) => setPublicKey(e.target.value)} spellCheck={false} autoComplete="off" />
          </label>
          <div className="actions">
            <button type="submit" disabled={busy}>
              {t('catalog.save')}
            </button>
            <button type="button" disabled={busy || !state.update.source} onClick={() => void run(() => api.call('catalog.checkUpdate', {}))}>
              {busy ? t('catalog.checking') : t('catalog.checkNow')}
            </button>
            <button type="button" className="danger" disabled={busy || state.origin === 'builtin'} onClick={() => setConfirmRollback(true)}>
              {t('catalog.rollback')}
            </button>
          </div>
        </form>
        {last && (
          <p id="update-result" className={last.ok ? 'muted' : 'error'} role="status">
            {new Date(last.at).toLocaleString(lang)} · {bi(last)}
          </p>
        )}
      </fieldset>
      {confirmRollback && (
        <ConfirmDialog
          title={t('catalog.rollbackTitle')}
          confirmLabel={t('catalog.rollback')}
          cancelLabel={t('confirm.cancel')}
          danger
          onCancel={() => setConfirmRollback(false)}
          onConfirm={() => {
            setConfirmRollback(false);
            void run(() => api.call('catalog.rollback', {}), t('catalog.rolledBack'));
          }}
        >
          <p>{t('catalog.rollbackBody')}</p>
        </ConfirmDialog>
      )}
    </>
  );
}
