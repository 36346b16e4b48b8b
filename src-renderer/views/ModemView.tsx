import { useCallback, useEffect, useRef, useState } from 'react';
import type { ModemStatus, PortInfo } from '../../src-shared/api/contract';
import { isUnidentifiedSim } from '../../src-shared/at/sim-id';
import { DemoBadge } from '../components/DemoBadge';
import { SignalBars } from '../components/SignalBars';
import { useCore, useModems } from '../core/CoreProvider';
import { modemLabel, shownStateKey, simLabel } from '../core/modems';
import { describeError } from '../core/describe-error';
import { useErrorToast, useToast } from '../core/toasts';
import { SHORTCUTS } from '../shell/shortcuts';
import { useI18n } from '../prefs/PrefsProvider';

/** Connected modems with everything they report, and the serial ports that could be one. */
export default function ModemView() {
  const { t } = useI18n();
  const { modems } = useModems();
  const connected = modems.filter(hasCard);
  const failed = new Map(modems.filter((m) => m.state === 'failed').map((m) => [m.path, m]));
  // The modem just disconnected: one click connects it again (a typed port needs no retyping).
  const [gone, setGone] = useState<{ modem: ModemStatus; wasSending: boolean; forgot: boolean } | null>(null);
  return (
    <section className="view modem" aria-labelledby="modems-heading">
      <h1 id="modems-heading">{t('modem.connected')}</h1>
      {gone && !connected.some((m) => m.path === gone.modem.path) && <Disconnected {...gone} onDone={() => setGone(null)} />}
      {connected.length === 0 ? (
        <p className="empty">{t('modem.noModems')}</p>
      ) : (
        connected.map((m) => <ModemCard key={m.modemId} modem={m} onDisconnected={(wasSending, forgot) => setGone({ modem: m, wasSending, forgot })} />)
      )}
      <Ports connectedPaths={new Set(connected.map((m) => m.path))} failed={failed} />
    </section>
  );
}

const GONE: ReadonlySet<ModemStatus['state']> = new Set(['failed', 'closed']);

/**
 * A port that is not there is no device: its error shows on its row among the ports (or under the typed path). A modem
 * that failed its set-up keeps its card, with its error and Disconnect: the core keeps it, and opens it again at every
 * start, until it is forgotten.
 */
const hasCard = (m: ModemStatus) => m.state !== 'closed' && !(m.state === 'failed' && m.error?.code === 'modem.not-found');

/**
 * Said where the card was, with the way back: Disconnect also forgets the modem for the next start,
 * and a port typed under the list is not listed to pick again. The focus comes here from the button
 * that is gone with its card, rather than falling to the page.
 */
function Disconnected({ modem, wasSending, forgot, onDone }: { modem: ModemStatus; wasSending: boolean; forgot: boolean; onDone(): void }) {
  const { t } = useI18n();
  const { api } = useCore();
  const { chooseSending } = useModems();
  const reportError = useErrorToast();
  const [connecting, setConnecting] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => button.current?.focus(), []);
  const reconnect = () => {
    setConnecting(true);
    api.call('modem.connect', { path: modem.path }).then(() => {
      // An undo puts back what Disconnect took: the modem sent before, so it sends again once ready.
      if (wasSending) chooseSending(modem.path);
      onDone();
    }, (error: unknown) => {
      setConnecting(false);
      reportError(error);
    });
  };
  return (
    <p className="modem-gone" role="status">
      {t(forgot ? 'modem.forgotten' : 'modem.disconnected', { modem: modemLabel(modem) })}{' '}
      <button ref={button} type="button" onClick={reconnect} disabled={connecting}>
        {connecting ? t('modem.connecting') : t('modem.reconnect')}
      </button>
    </p>
  );
}

function ModemCard({ modem, onDisconnected }: { modem: ModemStatus; onDisconnected(wasSending: boolean, forgot: boolean): void }) {
  const { t, bi } = useI18n();
  const { api, connection } = useCore();
  const { sending, chooseSending } = useModems();
  const reportError = useErrorToast();
  const [busy, setBusy] = useState(false);
  // While the core is out of reach the card shows the modem as last seen, but not a live state or signal.
  const reached = connection === 'open';
  const { storage } = modem;
  const signal = reached ? modem.signal : null;
  // A modem being waited for is not connected: what its button does is forget it (no longer waited for, nor opened at start).
  const away = reached && modem.state === 'reconnecting';
  const [stillAway, setStillAway] = useState(false);
  const disconnect = () => {
    setBusy(true);
    api
      .call('modem.disconnect', { modemId: modem.modemId })
      .then(() => onDisconnected(sending?.modemId === modem.modemId, away), reportError)
      .finally(() => setBusy(false));
  };
  const facts: [string, string][] = [
    [t('modem.state'), t(shownStateKey(modem, reached))],
    [t('modem.sim'), `${t(`sim.${modem.sim}`)}${modem.simId ? ` · ${simLabel(modem.simId)}` : ''}`],
    ...(modem.simId && isUnidentifiedSim(modem.simId) ? [[t('modem.simUnidentified'), t('modem.simUnidentifiedWhy')] as [string, string]] : []),
    [t('modem.operator'), modem.operator ?? t('modem.unknown')],
    [t('modem.registration'), t(`reg.${modem.registration}`)],
    [t('modem.smsc'), modem.smsc ?? t('modem.unknown')],
    [t('modem.storage'), storage ? t('modem.storageValue', storage) : t('modem.unknown')],
    [t('modem.device'), [modem.identity.manufacturer, modem.identity.model, modem.identity.revision].filter(Boolean).join(' ') || t('modem.unknown')],
  ];
  return (
    <article className="card modem-card" aria-label={modemLabel(modem)}>
      <header className="card-header">
        <h2>
          {modemLabel(modem)} {modem.demo && <DemoBadge focusable />}
        </h2>
        <div className="actions">
          {reached &&
            modem.state === 'ready' &&
            (sending?.modemId === modem.modemId ? (
              <span className="badge">{t('modem.usedForSending')}</span>
            ) : (
              <button type="button" onClick={() => chooseSending(modem.path)} aria-label={`${t('modem.useForSending')} ${modemLabel(modem)}`}>
                {t('modem.useForSending')}
              </button>
            ))}
          {/* Named with the modem: with several plugged in, a list of buttons says which each is for. */}
          {away && <TryNow modem={modem} describedBy={`waiting-${modem.modemId}`} onAnswer={setStillAway} />}
          <button
            type="button"
            onClick={disconnect}
            disabled={busy || !reached}
            aria-label={`${t(away ? 'modem.forget' : 'modem.disconnect')} ${modemLabel(modem)}`}
            aria-describedby={away ? `waiting-${modem.modemId}` : undefined}
          >
            {t(away ? 'modem.forget' : 'modem.disconnect')}
          </button>
        </div>
      </header>
      <dl className="facts">
        <div>
          <dt>{t('modem.signal')}</dt>
          <dd>
            {signal ? (
              <>
                <SignalBars bars={signal.bars} label={t('modem.signalBars', { bars: signal.bars })} />{' '}
                {signal.dbm === null ? t('modem.signalBars', { bars: signal.bars }) : t('modem.signalValue', { bars: signal.bars, dbm: signal.dbm })}
              </>
            ) : (
              t(reached ? 'modem.noSignal' : 'modem.unknown')
            )}
          </dd>
        </div>
        {facts.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {modem.error && (
        <p className="field-error" role="alert">
          {bi(modem.error)}
        </p>
      )}
      {away && (
        <>
          <p id={`waiting-${modem.modemId}`} className="field-note">
            {t('modem.waiting', { path: modem.path })}
          </p>
          {/* There before its text, so that a screen reader hears the answer to Try now. */}
          <p className="field-note try-now-news" role="status">
            {stillAway ? t('modem.stillAway', { path: modem.path }) : ''}
          </p>
        </>
      )}
      {modem.sim === 'pin' && <PinEntry modemId={modem.modemId} />}
      {modem.traps.length > 0 && (
        <section className="traps" aria-label={t('modem.traps')}>
          <h3>{t('modem.traps')}</h3>
          <ul>
            {modem.traps.map((trap) => (
              <li key={trap.code} className="callout callout-risk">
                <p>{bi(trap)}</p>
                <p>
                  <strong>{t('modem.whatToDo')}</strong>
                  {bi(trap.action)}
                </p>
              </li>
            ))}
          </ul>
        </section>
      )}
    </article>
  );
}

/**
 * One attempt at once for a modem being waited for: the core's own tries wait up to half a minute apart, while a clerk
 * has just plugged the stick back in. The answer is said beside the button (the card itself turns 就绪 when it worked).
 */
function TryNow({ modem, describedBy, onAnswer }: { modem: ModemStatus; describedBy: string; onAnswer(stillAway: boolean): void }) {
  const { t } = useI18n();
  const { api } = useCore();
  const reportError = useErrorToast();
  const [trying, setTrying] = useState(false);
  const tryNow = () => {
    setTrying(true);
    onAnswer(false);
    api
      .call('modem.connect', { path: modem.path })
      .then((status) => onAnswer(status.state === 'reconnecting'), reportError)
      .finally(() => setTrying(false));
  };
  return (
    <button type="button" onClick={tryNow} disabled={trying} aria-label={`${t('modem.tryNow')} ${modemLabel(modem)}`} aria-describedby={describedBy}>
      {trying ? t('modem.trying') : t('modem.tryNow')}
    </button>
  );
}

function PinEntry({ modemId }: { modemId: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { api } = useCore();
  const toast = useToast();
  const [pin, setPin] = useState('');
  const [busy, setBusy] = useState(false);
  // A refused PIN is said under the field, where the next try is typed, not in a toast that goes away.
  const [refused, setRefused] = useState<string | null>(null);
  const field = useRef<HTMLInputElement>(null);
  // A SIM allows three wrong PINs: a second Enter (or a held key) must not spend another one.
  const inFlight = useRef(false);
  const valid = /^\d{4,8}$/.test(pin);
  const submit = () => {
    if (!valid || inFlight.current) return;
    inFlight.current = true;
    setBusy(true);
    // Cleared whatever the answer: a wrong PIN is not sent again by pressing Enter once more.
    setPin('');
    api
      .call('modem.enterPin', { modemId, pin })
      .then(
        () => {
          setRefused(null);
          toast('success', t('modem.pinAccepted'));
        },
        (error: unknown) => {
          const d = describeError(error, i18n);
          setRefused([d.text, d.action].filter(Boolean).join(' '));
          field.current?.focus();
        },
      )
      .finally(() => {
        inFlight.current = false;
        setBusy(false);
      });
  };
  return (
    <div className="field pin-entry">
      <label htmlFor={`pin-${modemId}`}>{t('modem.pinLabel')}</label>
      <div className="inline">
        <input
          ref={field}
          id={`pin-${modemId}`}
          type="password"
          inputMode="numeric"
          autoComplete="off"
          maxLength={8}
          autoFocus
          value={pin}
          aria-invalid={(pin !== '' && !valid) || (pin === '' && refused) ? true : undefined}
          aria-describedby={`pin-${modemId}-note`}
          onChange={(e) => setPin(e.target.value.trim())}
          onKeyDown={(e) => SHORTCUTS.pin.submit.is(e) && submit()}
        />
        <button type="button" className="primary" onClick={submit} disabled={!valid || busy}>
          {t('modem.pinSubmit')}
        </button>
      </div>
      {pin !== '' && !valid ? (
        <p id={`pin-${modemId}-note`} className="field-error">
          {t('modem.pinInvalid')}
        </p>
      ) : refused ? (
        <p id={`pin-${modemId}-note`} className="field-error" role="alert">
          {refused}
        </p>
      ) : (
        <p id={`pin-${modemId}-note`} className="field-note">
          {t('modem.pinHint')}
        </p>
      )}
    </div>
  );
}

function Ports({ connectedPaths, failed }: { connectedPaths: ReadonlySet<string>; failed: ReadonlyMap<string, ModemStatus> }) {
  const { t, bi } = useI18n();
  const { api, connection } = useCore();
  const reportError = useErrorToast();
  // 'failed' is not "no ports": the list could not be had (the core is out of reach, say).
  const [ports, setPorts] = useState<PortInfo[] | 'failed' | null>(null);
  // The ports being connected, each until the core answers. Per port: the core answers only once it has also
  // remembered the port (a file write), after the modem's card already says 就绪; a second port typed meanwhile
  // was refused without a word (its button disabled, so Enter did nothing).
  const [connecting, setConnecting] = useState<ReadonlySet<string>>(new Set());
  // Shown on the port's own row, next to its Connect button, rather than as a toast over the list.
  const [connectError, setConnectError] = useState<{ path: string; error: unknown } | null>(null);
  const i18n = useI18n();
  const connected = useConnectedNews(connecting);

  const refresh = useCallback(() => {
    setPorts(null);
    api.call('modem.ports', {}).then(setPorts, (error) => {
      setPorts('failed');
      reportError(error);
    });
  }, [api, reportError]);
  // Asked again each time the core is back: what was listed before may have changed meanwhile.
  useEffect(() => {
    if (connection === 'open') refresh();
  }, [connection, refresh]);

  const connect = (path: string) => {
    connected.asked(path);
    setConnecting((paths) => new Set(paths).add(path));
    setConnectError(null);
    api
      .call('modem.connect', { path })
      .catch((error: unknown) => setConnectError({ path, error }))
      .finally(() => setConnecting((paths) => new Set([...paths].filter((p) => p !== path))));
  };
  const rowError = (path: string): string | null => {
    if (connecting.has(path)) return null;
    if (connectError?.path === path) {
      const d = describeError(connectError.error, i18n);
      // The core's advice names the command line (hall10086 ports); here the list of ports is just above.
      const action = d.code === 'modem.not-found' ? t('modem.notFoundHere', { ports: t('modem.ports'), refresh: t('modem.refresh') }) : d.action;
      return [d.text, action].filter(Boolean).join(' ');
    }
    const error = failed.get(path)?.error;
    return error ? bi(error) : null;
  };

  return (
    <section className="ports" aria-labelledby="ports-heading">
      <header className="card-header">
        <h2 id="ports-heading">{t('modem.ports')}</h2>
        <button type="button" onClick={refresh} disabled={ports === null}>
          {t('modem.refresh')}
        </button>
      </header>
      {ports === null ? (
        <p className="muted">{t('modem.loadingPorts')}</p>
      ) : ports === 'failed' ? (
        <p className="empty">{t('modem.portsFailed')}</p>
      ) : ports.length === 0 ? (
        <p className="empty">{t('modem.noPorts')}</p>
      ) : (
        <ul className="port-list">
          {ports.map((p) => (
            <li key={p.path} className="port">
              <span className="port-path">{p.path}</span>
              <span className="muted">
                {[p.manufacturer, p.vendorId && p.productId ? `${p.vendorId}:${p.productId}` : null].filter(Boolean).join(' · ')}
              </span>
              {p.likelyModem && <span className="badge">{t('modem.likely')}</span>}
              {p.demo && <DemoBadge focusable />}
              <button
                type="button"
                className={p.likelyModem ? 'primary' : undefined}
                onClick={() => connect(p.path)}
                disabled={connectedPaths.has(p.path) || connecting.has(p.path)}
                aria-label={`${connecting.has(p.path) ? t('modem.connecting') : t('modem.connect')} ${p.path}`}
              >
                {connecting.has(p.path) ? t('modem.connecting') : t('modem.connect')}
              </button>
              {rowError(p.path) && (
                <p className="field-error port-error" role="alert">
                  {t('modem.connectFailed')} {rowError(p.path)}
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
      {/* Always there, so that a screen reader hears each change of it (a region added with its text is not read). */}
      <p className="visually-hidden" role="status">
        {connectError?.path === connected.path ? '' : connected.news}
      </p>
      <PortByPath
        listed={Array.isArray(ports) ? new Set(ports.map((p) => p.path)) : new Set()}
        connecting={connecting}
        connect={connect}
        error={rowError}
      />
    </section>
  );
}

/**
 * What became of the port the user last connected, for a screen reader: "Connecting /dev/ttyUSB2…",
 * then the modem's state as its card shows it (opening, waiting for the SIM, ready, needs its PIN).
 * The card appears above the list while the focus stays on the Connect button or the typed port, so
 * without this nothing said that the modem had come up. A port that could not be opened says so in
 * its own alert, under its row or the field.
 */
function useConnectedNews(connecting: ReadonlySet<string>): { path: string | null; news: string; asked(path: string): void } {
  const { t } = useI18n();
  const { modems } = useModems();
  const { connection } = useCore();
  const [path, asked] = useState<string | null>(null);
  if (path === null) return { path, news: '', asked };
  const modem = modems.find((m) => m.path === path && !GONE.has(m.state));
  const news = modem
    ? t('modem.connectedNow', { modem: modemLabel(modem), state: t(shownStateKey(modem, connection === 'open')) })
    : connecting.has(path)
      ? t('modem.connectingPath', { path })
      : '';
  return { path, news, asked };
}

/**
 * A port the system's list does not show (a pseudo-terminal such as `hall10086 emulator --pty`
 * prints, a modem reached over the network through socat or ser2net, /dev/serial/by-id/…, a
 * Bluetooth rfcomm port): typed as the system names it, connected like a listed one.
 */
function PortByPath(props: {
  listed: ReadonlySet<string>;
  connecting: ReadonlySet<string>;
  connect: (path: string) => void;
  error: (path: string) => string | null;
}) {
  const { t } = useI18n();
  const [path, setPath] = useState('');
  const [tried, setTried] = useState<string | null>(null);
  const typed = path.trim();
  // A listed path's error shows on its own row above.
  const error = tried !== null && !props.listed.has(tried) ? props.error(tried) : null;
  return (
    <form
      className="port-by-path"
      onSubmit={(e) => {
        e.preventDefault();
        if (!typed) return;
        setTried(typed);
        props.connect(typed);
      }}
    >
      <label htmlFor="port-by-path">{t('modem.otherPort')}</label>
      <div className="inline">
        <input
          id="port-by-path"
          value={path}
          onChange={(e) => setPath(e.target.value)}
          placeholder="/dev/ttyUSB2 · COM5"
          spellCheck={false}
          autoComplete="off"
          aria-describedby="port-by-path-note"
          aria-invalid={error ? true : undefined}
        />
        <button type="submit" disabled={!typed || props.connecting.has(typed)}>
          {tried !== null && tried === typed && props.connecting.has(tried) ? t('modem.connecting') : t('modem.connect')}
        </button>
      </div>
      {error ? (
        <p id="port-by-path-note" className="field-error" role="alert">
          {t('modem.connectFailed')} {error}
        </p>
      ) : (
        <p id="port-by-path-note" className="field-note">
          {t('modem.otherPortHint')}
        </p>
      )}
    </form>
  );
}
