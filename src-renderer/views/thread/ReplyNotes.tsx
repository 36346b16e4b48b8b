import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useRef, useState } from 'react';
import { describeFigures, type ConfirmRequest } from '../../../src-shared/replies';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { useCore, useModems } from '../../core/CoreProvider';
import { modemForSim } from '../../core/modems';
import { useErrorToast } from '../../core/toasts';
import { useI18n } from '../../prefs/PrefsProvider';
import { hallDb } from '../../store/db';
import { understandMessage } from '../../store/figures';
import { answeredWith } from '../../store/queries';
import type { MessageRow } from '../../store/rows';

/**
 * Under a 10086 reply: its figures in one line (marked when the rules were unsure), or, when
 * 10086 asks for a confirmation, a button that sends the word it asks for, after asking. Nothing
 * for a reply that was not understood: its text is all there is.
 */
export function ReplyNotes({ reply }: { reply: MessageRow }) {
  const { t, lang } = useI18n();
  const understood = useMemo(() => understandMessage(reply), [reply]);
  if (understood?.kind === 'confirm') return <ConfirmReplyButton reply={reply} request={understood} />;
  const line = understood && describeFigures(understood, lang);
  if (!understood || understood.kind !== 'figures' || !line) return null;
  return (
    <p className="bubble-figures">
      {line}
      {understood.confidence === 'unsure' && <span className="badge badge-risk">{t('reply.unsure')}</span>}
    </p>
  );
}

function ConfirmReplyButton({ reply, request }: { reply: MessageRow; request: ConfirmRequest }) {
  const { t } = useI18n();
  const { api } = useCore();
  const { modems } = useModems();
  const reportError = useErrorToast();
  const [asking, setAsking] = useState(false);
  // From the log, not from this button's memory: a row scrolled away and back (or a reload) must
  // not offer to send the word again.
  const answered = useLiveQuery(() => answeredWith(hallDb(), reply, request.reply), [reply.id, request.reply]) ?? true;
  const sending = useRef(false);
  // Sent from here, until the log shows it (answered): the button must not come back in between.
  const [sent, setSent] = useState(false);
  const modem = modemForSim(modems, reply.simId);
  const expired = request.deadline !== null && Date.now() > request.deadline.until;

  const send = () => {
    setAsking(false);
    if (!modem || sending.current) return;
    sending.current = true;
    api
      .call('send', { modemId: modem.modemId, text: request.reply, to: reply.peer })
      .then(() => setSent(true), reportError)
      .finally(() => (sending.current = false));
  };

  return (
    <p className="bubble-actions">
      <button type="button" className="confirm-reply" onClick={() => setAsking(true)} disabled={!modem || expired || answered || sent}>
        {t('reply.confirm', { word: request.reply })}
      </button>
      {asking && (
        <ConfirmDialog
          title={t('reply.confirmTitle', { word: request.reply })}
          confirmLabel={t('confirm.send')}
          cancelLabel={t('confirm.cancel')}
          danger
          onConfirm={send}
          onCancel={() => setAsking(false)}
        >
          <p>{t('confirm.text', { text: request.reply, to: reply.peer })}</p>
        </ConfirmDialog>
      )}
    </p>
  );
}
