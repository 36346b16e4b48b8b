import { useI18n } from '../../prefs/PrefsProvider';
import { timeWithSeconds } from './day';

/**
 * "收到 2 次" under a single SMS that came more than once (MessageRow.receivedAgain): the network's repeat of a
 * delivery whose acknowledgement it missed, or an identical second reply of that second, which nothing tells apart.
 * Quiet, as it changes nothing the message says; the times it came show on hover and on focus (it takes the
 * keyboard's focus for that), and a screen reader reads them with it.
 */
export function ReceivedAgain({ id, times, zone }: { id: string; times: readonly number[]; zone: number }) {
  const { t, lang } = useI18n();
  const at = times.map((time) => timeWithSeconds(time, lang, zone)).join(lang === 'en' ? ', ' : '、');
  return (
    <p className="bubble-again muted">
      <span className="received-again" tabIndex={0} aria-describedby={id}>
        {t(times.length === 2 ? 'thread.receivedTwice' : 'thread.receivedTimes', { n: times.length })}
        <span id={id} role="tooltip" className="visually-hidden received-again-times">
          {t('thread.receivedAt', { times: at })}
        </span>
      </span>
    </p>
  );
}
