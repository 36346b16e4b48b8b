import { useEffect, useState } from 'react';
import type { AssociationView } from '../../../src-shared/api/contract';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { useCore } from '../../core/CoreProvider';
import { useErrorToast, useToast } from '../../core/toasts';
import { usePrefs } from '../../prefs/PrefsProvider';

/**
 * The browser profiles paired with this app: each by the name the user gave it (browser · profile
 * until renamed), when it paired, when it was last used and when it will be forgotten if unused.
 * Each is renamed or unpaired alone.
 */
export function PairedExtensions() {
  const { t, lang } = usePrefs();
  const { api, connection } = useCore();
  const toast = useToast();
  const reportError = useErrorToast();
  const [paired, setPaired] = useState<AssociationView[] | null>(null);
  const [unpairing, setUnpairing] = useState<AssociationView | null>(null);
  const [renaming, setRenaming] = useState<{ id: string; name: string } | null>(null);

  useEffect(() => api.on('extensions', setPaired), [api]);
  useEffect(() => {
    if (connection === 'open') api.call('extensions.list', {}).then(setPaired, reportError);
  }, [api, connection, reportError]);

  const day = (at: number) => new Date(at).toLocaleDateString(lang);
  const revoke = (id: string) => api.call('extensions.revoke', { id }).then(() => toast('success', t('settings.revoked')), reportError);
  const rename = (id: string, name: string) =>
    api.call('extensions.rename', { id, name }).then((list) => {
      setPaired(list);
      setRenaming(null);
      toast('success', t('settings.renamed'));
    }, reportError);

  return (
    <fieldset>
      <legend>{t('settings.extensions')}</legend>
      <p className="muted">{t('settings.extensionsHint')}</p>
      {paired?.length === 0 && <p>{t('settings.extensionsNone')}</p>}
      <ul className="paired-extensions">
        {paired?.map((p) => (
          <li key={p.id} data-association={p.id}>
            {renaming?.id === p.id ? (
              <form
                onSubmit={(e) => {
                  e.preventDefault();
                  void rename(p.id, renaming.name);
                }}
              >
                <label>
                  {t('settings.renameLabel')}{' '}
                  <input value={renaming.name} maxLength={80} required onChange={(e) => setRenaming({ id: p.id, name: e.target.value })} />
                </label>{' '}
                <button type="submit">{t('settings.renameSave')}</button>
              </form>
            ) : (
              <strong>{p.name}</strong>
            )}
            <br />
            <small className="muted">
              {t('settings.extensionDetails', { browser: p.browser, profile: p.profile, paired: day(p.pairedAt), used: day(p.lastUsedAt), expires: day(p.expiresAt) })}
            </small>{' '}
            <button type="button" className="rename" onClick={() => setRenaming({ id: p.id, name: p.name })}>
              {t('settings.rename')}
            </button>{' '}
            <button type="button" className="revoke" onClick={() => setUnpairing(p)}>
              {t('settings.revoke')}
            </button>
          </li>
        ))}
      </ul>
      {unpairing && (
        <ConfirmDialog
          title={t('settings.revokeTitle')}
          confirmLabel={t('settings.revoke')}
          cancelLabel={t('confirm.cancel')}
          danger
          onConfirm={() => {
            setUnpairing(null);
            void revoke(unpairing.id);
          }}
          onCancel={() => setUnpairing(null)}
        >
          <p>{t('settings.revokeBody', { id: unpairing.name })}</p>
        </ConfirmDialog>
      )}
    </fieldset>
  );
}
