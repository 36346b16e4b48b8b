import { memo } from 'react';
import { mayHaveGoneOut } from '../../../src-shared/journal-records';
import { activeCatalog } from '../../catalog/active-catalog';
import { codeLinks } from '../../catalog/code-links';
import { describeSendError } from '../../core/describe-send-error';
import { routeHash } from '../../shell/route';
import { useCore, useModems } from '../../core/CoreProvider';
import { useToast } from '../../core/toasts';
import { retryOf, useSender } from '../../core/use-sender';
import { useI18n } from '../../prefs/PrefsProvider';
import type { MessageRow } from '../../store/rows';
import { offsetOf, stampOf } from './network-zone';
import { ReceivedAgain } from './ReceivedAgain';
import { ReplyNotes } from './ReplyNotes';

const RETRYABLE = new Set(['failed', 'failed-retryable']);

interface Props {
  message: MessageRow;
  focused: boolean;
  /** The other half of its pair: the reply to an instruction, or the instruction a reply answers. */
  pair: MessageRow | null;
  /** The thread's clock (minutes east of UTC): a message without a service-centre stamp of its own is shown on it. */
  zone: number;
  /** Scrolls to and highlights the retry of an instruction already retried (its command id). */
  showRetry: (commandId: string) => void;
}

/**
 * One message: received on the left with what it says in figures and which instruction it answers,
 * sent on the right with its state (a failure with its reason and Retry). Figures show once, under
 * the reply that carries them.
 */
export const MessageBubble = memo(function MessageBubble({ message, focused, pair, zone, showRetry }: Props) {
  const i18n = useI18n();
  const { t } = i18n;
  const outgoing = message.direction === 'out';
  const failure = outgoing && message.error ? describeSendError(message.error, i18n, message.state) : null;
  // One recovered from the queue never left: marked failed, as its note says 没有发出, not 不确定是否已发出 (review44 F5).
  const shownState = message.state === 'failed-retryable' && !mayHaveGoneOut(message) ? 'failed' : message.state;
  const id = `message-${message.id}`;
  const stamp = stampOf(message.at, offsetOf(message.timestamp) ?? zone, i18n);
  // Each message is an article a screen reader names by who wrote it and when ("10086, 09:21"), as
  // it is laid out on screen (left or right, the time under it); the log reads as a list of them.
  return (
    <article className={`bubble-line ${outgoing ? 'out' : 'in'}`} aria-labelledby={`${id}-from ${id}-at`}>
      <span id={`${id}-from`} className="visually-hidden">
        {outgoing ? t('thread.fromYou') : message.peer}
      </span>
      <div className={`bubble${focused ? ' focused' : ''}${RETRYABLE.has(message.state) ? ' bubble-failed' : ''}`}>
        <p className="bubble-text">{outgoing ? message.text : <LinkedCodes text={message.text} />}</p>
        {!message.complete && (
          <p className="bubble-incomplete">{t('thread.incomplete', { n: message.received, m: message.total })}</p>
        )}
        {message.uncertain && <p className="bubble-incomplete">{t('thread.uncertain')}</p>}
        {message.receivedAgain && message.receivedAgain.length > 0 && (
          <ReceivedAgain id={`${id}-again`} times={[message.at, ...message.receivedAgain]} zone={offsetOf(message.timestamp) ?? zone} />
        )}
        {!outgoing && pair && <p className="bubble-pair muted">{t('reply.answers', { code: pair.text })}</p>}
        {!outgoing && <ReplyNotes reply={message} />}
        {failure && (
          <p className={message.state === 'queued' || message.state === 'sent' ? 'bubble-note muted' : 'bubble-error'}>
            {failure.text}
            {failure.action && <span className="muted"> {failure.action}</span>}
          </p>
        )}
        <p className="bubble-meta">
          <time id={`${id}-at`} dateTime={new Date(message.at).toISOString()} title={stamp.local === null ? undefined : t('thread.localTime', { time: stamp.local })}>
            {stamp.time}
            {stamp.zone && <span className="bubble-zone"> {stamp.zone}</span>}
          </time>
          {outgoing && <span className={`state state-${shownState}`}>{t(`state.${shownState}`)}</span>}
          {outgoing && message.commandId && RETRYABLE.has(message.state) && <RetryButton message={message} commandId={message.commandId} showRetry={showRetry} />}
        </p>
      </div>
    </article>
  );
});

/**
 * Retry goes through the same confirmation as sending it did (useSender: the catalog's risk rule,
 * the SIM named, secrets masked), saying so when the first try may already have gone out. It goes
 * only from the SIM it went out from, as the core's retry does: another SIM would act on another line.
 */
function RetryButton({ message, commandId, showRetry }: { message: MessageRow; commandId: string; showRetry: (commandId: string) => void }) {
  const { connection } = useCore();
  const { modems } = useModems();
  const { t } = useI18n();
  const toast = useToast();
  // Nothing goes out while the core is out of reach, as in the composer.
  const through = connection === 'open' ? (modems.find((m) => m.simId === message.simId) ?? null) : null;
  const { send, busy, dialog } = useSender(through);
  const retry = () => {
    if (message.retriedBy) return showRetry(message.retriedBy);
    if (busy) return;
    if (connection === 'open' && !through) return toast('warning', t('thread.retrySimAbsent'));
    void send(retryOf(commandId, message.text, mayHaveGoneOut(message), message.peer)).then((id) => {
      if (id) toast('info', t('thread.retried'));
    });
  };
  return (
    <>
      {/* Not `disabled` while the retry is on its way: a focused button that is disabled drops the focus to the
          page's start, and a keyboard user pressing Enter on Retry had to find the thread again. */}
      {/* Retried once already (in any tab, before a reload), a second retry is refused by the core: the same button then
          leads to the retry, so a keyboard user who pressed Retry keeps the focus where it was. */}
      <button type="button" className={message.retriedBy ? 'link retried-by' : 'link retry'} onClick={retry} aria-disabled={(busy && !message.retriedBy) || undefined}>
        {t(message.retriedBy ? 'thread.retriedBy' : 'thread.retry')}
      </button>
      {dialog}
    </>
  );
}

/** 10086's text with each instruction code it names ("退订请发QXCL") a link to that instruction's page. */
function LinkedCodes({ text }: { text: string }) {
  const { lang } = useI18n();
  const catalog = activeCatalog();
  return codeLinks(text, (code) => catalog.get(code) !== undefined).map((piece, i) =>
    'code' in piece ? (
      <a key={i} href={routeHash({ view: 'instruction', id: piece.code })} title={catalog.get(piece.code)!.name[lang]}>
        {piece.code}
      </a>
    ) : (
      piece.text
    ),
  );
}
