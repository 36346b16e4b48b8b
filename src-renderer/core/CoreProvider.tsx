import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { CoreApi, ModemStatus } from '../../src-shared/api/contract';
import type { ConnectionState, CoreConnection } from '../api';
import { loadSendingModem, saveSendingModem } from '../prefs/storage';
import type { IngestStatus } from '../store/ingest-queue';
import type { LogSync } from '../store/sync';
import { setCatalogState } from '../catalog/active-catalog';
import { givesWay, isSavedSender, noSenderKey, savedMayBeComing, savedSenderLabel, senderLabel, senderToSave, sendingModem, upsertModem, type SavedSender } from './modems';
import { useErrorToast, useToast } from './toasts';
import { useI18n } from '../prefs/PrefsProvider';

interface Core {
  api: CoreApi;
  connection: ConnectionState;
  /**
   * 'connecting' while the page first reaches its core and hears its modems (nothing failed yet): it
   * says so rather than "not known" or "no modem". 'lost' once a try failed or an open link dropped
   * (later tries are retries): what it shows may be stale.
   */
  reach: 'connecting' | 'open' | 'lost';
  /** Null until the log store has loaded (it is not part of the start-up bundle). */
  ingest: IngestStatus | null;
}

interface Modems {
  modems: ModemStatus[];
  sending: ModemStatus | null;
  chooseSending(path: string): void;
  refresh(): Promise<void>;
}

const CoreContext = createContext<Core | null>(null);
const ModemsContext = createContext<Modems | null>(null);

export function CoreProvider({ connection, children }: { connection: CoreConnection; children: ReactNode }) {
  const { api, logEvents } = connection;
  const { bi, t } = useI18n();
  const toast = useToast();
  const reportError = useErrorToast();
  // Read at once, so the first paint already knows (Electron's bridge is open from the start).
  const [state, setState] = useState<ConnectionState>(() => stateNow(connection));
  const [firstTry, setFirstTry] = useState(state === 'connecting');
  const [sync, setSync] = useState<LogSync | null>(null);
  const [ingest, setIngest] = useState<IngestStatus | null>(null);
  const [modems, setModems] = useState<ModemStatus[]>([]);
  const [listed, setListed] = useState(false);
  // This connection's modem list has come (the one before may be a core since restarted), and a modem was picked on it.
  const [heard, setHeard] = useState(false);
  const pickedOnThisConnection = useRef(false);
  const [saved, setSaved] = useState<SavedSender | null>(loadSendingModem);
  // The port sending now, and one the user chose that takes over once ready (see sendingModem).
  const [claimPort, setClaimPort] = useState<string | null>(null);
  const currentPort = useRef<string | null>(null);

  useEffect(
    () =>
      connection.onConnectionChange((next) => {
        setState(next);
        if (next !== 'connecting') setFirstTry(false);
        if (next !== 'open') {
          setHeard(false);
          pickedOnThisConnection.current = false;
        }
      }),
    [connection],
  );

  useEffect(() => {
    const offModem = api.on('modem', (status) => setModems((list) => upsertModem(list, status)));
    const offNotice = api.on('notice', (notice) => toast(notice.level, bi(notice)));
    return () => {
      offModem();
      offNotice();
    };
  }, [api, toast, bi]);

  // The store (Dexie) loads once the page is idle after the first paint: the catalog must not
  // wait for it. Meanwhile its events are held (connection.logEvents), and the journal keeps every message until the store has it.
  useEffect(() => {
    let started: LogSync | null = null;
    let cancelled = false;
    const idle = whenIdle(() =>
      import('../store/sync').then(({ startLogSync }) => {
        if (cancelled) return;
        started = startLogSync(api, logEvents);
        started.onStatus(setIngest);
        setIngest({ state: 'idle' });
        setSync(started);
      }, reportError),
    );
    return () => {
      cancelled = true;
      idle.cancel();
      started?.stop();
    };
  }, [api, logEvents, reportError]);

  const refresh = useCallback(
    () =>
      api
        .call('modem.list', {})
        .then(setModems, reportError)
        .finally(() => {
          setListed(true);
          setHeard(true);
        }),
    [api, reportError],
  );

  // Each (re)connection: what happened meanwhile is in the journal and the modem list, not in missed events.
  useEffect(() => {
    if (state === 'open') void refresh();
  }, [state, refresh]);
  useEffect(() => {
    if (state === 'open' && sync) sync.catchUp().catch(reportError);
  }, [state, sync, reportError]);
  // Start-up repairs (a damaged journal or settings file set aside) are told once per page.
  const [startupTold, setStartupTold] = useState(false);
  useEffect(() => {
    if (state !== 'open' || startupTold) return;
    setStartupTold(true);
    api.call('core.startupNotices', {}).then((notices) => notices.forEach((n) => toast('warning', bi(n))), reportError);
  }, [api, state, startupTold, toast, bi, reportError]);
  // The core's catalog (updates, province, the user's own instructions) replaces the built-in one once fetched.
  useEffect(() => api.on('catalog', setCatalogState), [api]);
  useEffect(() => {
    if (state !== 'open') return;
    const idle = whenIdle(() => void api.call('catalog.state', {}).then(setCatalogState, reportError));
    return idle.cancel;
  }, [api, state, reportError]);
  useEffect(() => sync?.noteModems(modems), [sync, modems]);

  // The SIM id is known from the card the user chose on; if the modem is gone meanwhile, its port until it sends.
  const modemsNow = useRef(modems);
  modemsNow.current = modems;
  const chooseSending = useCallback((path: string) => {
    const m = modemsNow.current.find((x) => x.path === path);
    const choice: SavedSender = { simId: m?.simId ?? null, path, chosen: true, demo: m?.demo ?? false };
    saveSendingModem(choice);
    setSaved(choice);
    setClaimPort(path);
  }, []);

  // Until the core's first modem list, "no modem" would be a guess.
  const reach: Core['reach'] = state === 'open' ? (listed ? 'open' : 'connecting') : firstTry ? 'connecting' : 'lost';
  const core = useMemo(() => ({ api, connection: state, reach, ingest }), [api, state, reach, ingest]);
  // Nothing goes out while the core is out of reach: no modem is "the sending one" then, nor before its list came.
  const pick = state === 'open' && heard ? sendingModem(modems, saved, currentPort.current, claimPort) : null;
  // The first pick on a connection (a reload, the core started again) waits, rather than pick a stand-in, while a modem
  // that may hold the saved SIM is still coming up by itself (as the core reports it: opening, or its SIM starting);
  // it picks the stand-in, and says so once, when that modem is up with another SIM, waits for its user, or failed.
  const waitForSaved = pick !== null && !pickedOnThisConnection.current && claimPort === null && !isSavedSender(pick, saved) && savedMayBeComing(modems, saved);
  const sending = waitForSaved ? null : pick;
  // A change of the SIM that sends is said aloud (a toast is a live region), whoever made it; so is
  // sending from another SIM than the saved one, the first pick after a reload or restart included (a
  // clerk must never send from a SIM they did not expect). The first pick of the saved one is no change,
  // nor is a page's very first pick. A gone modem leaves `currentPort` as it was, so the same modem back is no change either.
  const sendingPath = sending?.path ?? null;
  const sendingSaid = sending ? senderLabel(sending) : '';
  const sendingNow = useRef(sending);
  sendingNow.current = sending;
  useEffect(() => {
    const now = sendingNow.current;
    if (now !== null) pickedOnThisConnection.current = true;
    if (now === null || sendingPath === null || sendingPath === currentPort.current) return;
    const away = saved !== null && !givesWay(saved) && !isSavedSender(now, saved);
    if (away) toast('warning', t('modem.savedAway', { saved: savedSenderLabel(saved), sender: sendingSaid }));
    else if (currentPort.current !== null) toast('info', t('modem.sendingChanged', { sender: sendingSaid }));
    const keep = senderToSave(now, saved, claimPort === sendingPath);
    if (keep) {
      saveSendingModem(keep);
      setSaved(keep);
    }
    currentPort.current = sendingPath;
    setClaimPort((claim) => (claim === sendingPath ? null : claim));
  }, [sendingPath, sendingSaid, saved, claimPort, toast, t]);
  const modemState = useMemo(() => ({ modems, sending, chooseSending, refresh }), [modems, sending, chooseSending, refresh]);
  return (
    <CoreContext.Provider value={core}>
      <ModemsContext.Provider value={modemState}>{children}</ModemsContext.Provider>
    </CoreContext.Provider>
  );
}

export function useCore(): Core {
  const core = useContext(CoreContext);
  if (!core) throw new Error('useCore outside CoreProvider');
  return core;
}

export function useModems(): Modems {
  const modems = useContext(ModemsContext);
  if (!modems) throw new Error('useModems outside CoreProvider');
  return modems;
}

/** Why nothing can be sent now, said where a send button is greyed out (see noSenderKey). */
export function useNoSenderReason(): string {
  const { reach, connection } = useCore();
  const { modems } = useModems();
  const { t } = useI18n();
  return t(noSenderKey(modems, reach, connection));
}

/** The connection's state as it is now (it tells a new listener at once). */
function stateNow(connection: CoreConnection): ConnectionState {
  let now: ConnectionState = 'connecting';
  connection.onConnectionChange((state) => (now = state))();
  return now;
}

/** Runs `work` when the page has a quiet moment (or after a second at the latest). */
export function whenIdle(work: () => void): { cancel(): void } {
  if ('requestIdleCallback' in globalThis) {
    const id = requestIdleCallback(work, { timeout: 1000 });
    return { cancel: () => cancelIdleCallback(id) };
  }
  const id = setTimeout(work, 0);
  return { cancel: () => clearTimeout(id) };
}
