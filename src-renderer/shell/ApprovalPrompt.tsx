import { useEffect, useState } from 'react';
import type { ApprovalView } from '../../src-shared/api/contract';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { useCore } from '../core/CoreProvider';
import { senderLabel } from '../core/modems';
import { useErrorToast } from '../core/toasts';
import { useI18n } from '../prefs/PrefsProvider';

/**
 * Questions the browser extension asked the user (pair? send this?), one at a time, oldest
 * first. Decline has the focus, so a reflexive Enter never lets a web-side request through.
 */
export function ApprovalPrompt() {
  const { api, connection } = useCore();
  const { t, bi } = useI18n();
  const reportError = useErrorToast();
  const [pending, setPending] = useState<ApprovalView[]>([]);

  useEffect(() => api.on('approvals', setPending), [api]);
  useEffect(() => {
    if (connection === 'open') api.call('approvals.list', {}).then(setPending, reportError);
  }, [api, connection, reportError]);

  const question = pending[0];
  // The time left counts down while the question is up (the core declines it when it runs out).
  const [, setNow] = useState(0);
  useEffect(() => {
    if (!question) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [question]);
  if (!question) return null;
  const decide = (approve: boolean) => {
    setPending((list) => list.filter((a) => a.id !== question.id));
    api.call('approvals.decide', { id: question.id, approve }).catch(reportError);
  };
  const seconds = Math.max(0, Math.round((question.expiresAt - Date.now()) / 1000));
  const pair = question.kind === 'pair';
  return (
    <ConfirmDialog
      key={question.id}
      title={t(pair ? 'approval.pairTitle' : 'approval.sendTitle')}
      confirmLabel={t(pair ? 'approval.pairAccept' : 'approval.sendAccept')}
      cancelLabel={t('approval.decline')}
      danger={!pair}
      onConfirm={() => decide(true)}
      onCancel={() => decide(false)}
    >
      {pair ? (
        <>
          <p>{t('approval.pairBody', { id: question.extensionId })}</p>
          {question.browser !== undefined && <p>{t('approval.pairFrom', { browser: question.browser, profile: question.profile ?? '' })}</p>}
          <p>
            {t('approval.pairCode')} <strong className="pairing-code">{question.code}</strong>
          </p>
        </>
      ) : (
        <>
          <p>{t('approval.sendBody', { text: question.text ?? '', to: question.to ?? '' })}</p>
          {question.from && <p className="confirm-via">{t('confirm.via', { sender: senderLabel(question.from) })}</p>}
          {question.reason && <p className="risk">{bi(question.reason)}</p>}
        </>
      )}
      <p className="muted">{t('approval.expires', { s: seconds })}</p>
    </ConfirmDialog>
  );
}
