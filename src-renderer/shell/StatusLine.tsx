import { canOpenAnotherTab, openAnotherTab } from '../api';
import { DemoBadge } from '../components/DemoBadge';
import { SignalBars } from '../components/SignalBars';
import { useCore, useModems } from '../core/CoreProvider';
import { describeError } from '../core/describe-error';
import { modemLabel, modemNeedingAttention, modemOnItsWayKey, simLabel } from '../core/modems';
import { useI18n } from '../prefs/PrefsProvider';
import { routeHash } from './route';

/** Below this many records waiting, writing is too quick to be worth mentioning. */
const BACKLOG_WORTH_SHOWING = 200;

const CONNECTION_TEXT = { connecting: 'conn.connecting', closed: 'conn.closed', unauthorized: 'conn.unauthorized' } as const;

/** The sending modem in brief, and banners for a lost connection or a log that cannot be written. */
export function StatusLine() {
  const i18n = useI18n();
  const { t } = i18n;
  const { connection, reach, ingest } = useCore();
  const { sending, modems } = useModems();
  const reached = connection === 'open';
  const attention = sending || !reached ? null : modemNeedingAttention(modems);
  return (
    <>
      <div className="status-line">
        <a
          href={routeHash({ view: 'modem' })}
          className={sending ? undefined : attention ? 'status-attention' : 'muted'}
          title={sending?.simId ? `${simLabel(sending.simId)} · ${sending.operator ?? modemLabel(sending)}` : undefined}
        >
          {sending ? (
            <>
              {sending.signal && <SignalBars bars={sending.signal.bars} label={t('modem.signalBars', { bars: sending.signal.bars })} />}{' '}
              {/* The line instructions go out on, on every page: with several modems the operator alone says nothing. In a
                  narrow window the SIM stays and the operator after it gives way (styles.css), so the header keeps one row. */}
              {sending.simId && <span className="status-sim">{simLabel(sending.simId)}</span>}
              <span className={sending.simId ? 'status-operator after-sim' : 'status-operator'}>
                {sending.simId ? ' · ' : ''}
                {sending.operator ?? modemLabel(sending)}
              </span>
            </>
          ) : attention ? (
            t('modem.attentionShort')
          ) : reach !== 'open' ? (
            t(reach === 'connecting' ? 'modem.connectingShort' : 'modem.unknownShort')
          ) : (
            t(modemOnItsWayKey(modems))
          )}
        </a>
        {sending?.demo && <DemoBadge focusable />}
        {connection === 'open' && canOpenAnotherTab() && (
          <button type="button" className="link another-tab" title={t('conn.anotherTabHint')} onClick={openAnotherTab}>
            {t('conn.anotherTab')}
          </button>
        )}
      </div>
      {connection !== 'open' && (
        <p className={connection === 'unauthorized' ? 'banner banner-error' : 'banner'} role={connection === 'unauthorized' ? 'alert' : 'status'}>
          {/* In browser mode the core is a process in a terminal: closed, it comes back only when started again. */}
          {t(connection === 'closed' && canOpenAnotherTab() ? 'conn.closedBrowser' : CONNECTION_TEXT[connection])}
        </p>
      )}
      {ingest?.state === 'failed' && (
        <p className="banner banner-error" role="alert">
          {t('store.failed', { reason: describeError(ingest.error, i18n).text })}
        </p>
      )}
      {ingest?.state === 'writing' && ingest.queued >= BACKLOG_WORTH_SHOWING && (
        <p className="banner" role="status">
          {t('store.catchingUp', { n: ingest.queued })}
        </p>
      )}
    </>
  );
}
