import { MAYBE_SENT_CODE, type ErrorText, type ExtensionModemView } from '../src-shared/api/extension-messages';
import { toTraditional } from '../src-shared/i18n/to-traditional';
import { sendNote } from '../src-shared/send-notes';
import { askInstead } from './confirm-button';
import { h } from './dom';
import { afterWorkerStopped, DESKTOP_PORT, SNAPSHOT_KEY, type DesktopCommand, type DesktopSend, type DesktopSendRequest, type DesktopSnapshot, type DesktopUpdate } from './desktop-protocol';
import { t, tf, type Lang } from './i18n';
import { replyBlock } from './view-reply';

export interface DesktopSendTarget {
  request: DesktopSendRequest;
  /** Shown in the list of sends: the code or the address, never a secret. */
  label: string;
}

type Listener = (snapshot: DesktopSnapshot) => void;
const listeners = new Set<Listener>();
let latest: DesktopSnapshot | null = null;
let connected = false;
/** Opening the port wakes a stopped worker; the popup holds that back while it searches by itself (popup.ts). */
let connectWhen: Promise<unknown> = Promise.resolve();
/** Whether the worker is stopped, so that what it kept is what it would say (an awake one says more: sends in flight). */
let workerStopped: Promise<boolean> = Promise.resolve(false);
/** Whether the worker's port is open (its snapshots then replace what storage said). */
let live = false;

/**
 * The page's port to the worker opens once `when` settles (and something on the page listens).
 * Meanwhile, when the worker is `stopped`, the page shows what it last kept (below), which a
 * stopped worker cannot change.
 */
export function connectToWorkerAfter(when: Promise<unknown>, stopped: Promise<boolean>): void {
  connectWhen = when;
  workerStopped = stopped;
}

function show(snapshot: DesktopSnapshot): void {
  latest = snapshot;
  for (const l of listeners) l(latest);
  // Replies the popup has now shown: the worker clears the badge. Only once the port is open: what
  // storage kept is shown while the worker sleeps, and a message now would wake it before the first results.
  if (latest.unseen && live) void command({ kind: 'desktop.seen' });
}

function connect(): void {
  live = true;
  const port = chrome.runtime.connect({ name: DESKTOP_PORT });
  port.onMessage.addListener((m) => {
    if ((m as DesktopUpdate | undefined)?.kind === 'desktop.update') show((m as DesktopUpdate).snapshot);
  });
  // A worker stopped while this port was opening ends it with "Receiving end does not exist": read, so Chrome
  // logs no unchecked error; what was last shown stays on screen.
  port.onDisconnect.addListener(() => void chrome.runtime.lastError);
}

/**
 * What the worker last kept, read from session storage, which wakes nothing: the sends and replies
 * show at once, however long the port waits (a stopped worker holds no link, so nothing in it moves).
 */
function showKept(): void {
  chrome.storage.session.get([SNAPSHOT_KEY]).then(
    (stored) => {
      const kept = stored[SNAPSHOT_KEY] as DesktopSnapshot | undefined;
      if (kept && !live) show(afterWorkerStopped(kept));
    },
    () => undefined,
  );
}

/** One port per page to the worker: it sends the snapshot at once and again on every change. */
function onSnapshot(listener: Listener): () => void {
  listeners.add(listener);
  if (latest) listener(latest);
  if (!connected) {
    connected = true;
    void workerStopped.then((stopped) => stopped && showKept());
    void connectWhen.finally(connect);
  }
  return () => void listeners.delete(listener);
}

const command = (c: DesktopCommand) => chrome.runtime.sendMessage(c).catch(() => undefined);

/** The app's words (Simplified Chinese and English) in the UI's language. */
export const errorText = (lang: Lang, e: Pick<ErrorText, 'zh' | 'en'>) => (lang === 'en' ? e.en : lang === 'zh-Hant' ? toTraditional(e.zh) : e.zh);

/** Listens while `element` is on the page; once it has left (navigation, language), it stops. */
function whileShown(element: HTMLElement, listener: Listener): void {
  let shown = false;
  let stop = (): void => undefined;
  stop = onSnapshot((s) => {
    if (element.isConnected) shown = true;
    else if (shown) return void stop();
    listener(s);
  });
}

/**
 * "Send with the desktop app": a Send button for the view to place beside Copy, and a section
 * that stays collapsed, with one line on getting the app, while the app is not there. Opened, it
 * shows the app's state (pairing code, modem) and what became of this view's sends, replies
 * included, however often the popup was closed meanwhile: the worker keeps them.
 */
export function desktopSendSection(lang: Lang, target: () => DesktopSendTarget | null): { element: HTMLElement; sendButton: HTMLButtonElement; refresh(): void } {
  const status = h('div', { id: 'desktop-status', role: 'status' });
  // Which SIM it goes from (or that the app asks) is said to whoever focuses the button, the section folded or not.
  const sendButton = h('button', { type: 'button', id: 'desktop-send', hidden: '', 'aria-describedby': 'desktop-via' }, t(lang, 'desktopSend'));
  const sends = h('ul', { id: 'desktop-sends', class: 'desktop-sends' });
  const element = h('details', { class: 'desktop', id: 'desktop' }, h('summary', {}, t(lang, 'desktopTitle')), status, sends);
  let snapshot: DesktopSnapshot | null = null;
  let shownApp: DesktopSnapshot['app'] | null = null;
  /** From the click until the worker has it: a second click sends nothing. */
  let clicked = false;
  /**
   * The worker's count of asks once it has this section's own ask: a snapshot is the app's answer to it only with
   * `asked` this far and not `checking`. Until the worker says (its port may speak first), no snapshot is.
   */
  let ask = Infinity;

  const render = () => {
    const s = snapshot;
    const label = target()?.label;
    const mine = s?.sends.filter((x) => x.label === label) ?? [];
    const inFlight = mine.some((x) => x.state === 'requested' || x.state === 'confirming');
    const answered = !!s && (s.asked ?? 0) >= ask && !s.checking;
    // "Not running" from before this page's ask may be over (the app started since): it is not said until the new
    // try ends, or the line would say it, then "connecting", then say it again.
    const stale = !!s && s.app === 'unavailable' && !answered;
    status.replaceChildren(...(s && !stale ? statusLine(lang, s, answered) : [t(lang, 'desktopConnecting')]));
    // Busy while the app's word is awaited: a screen reader waits for the line, a test for the app's answer.
    status.setAttribute('aria-busy', String(!s || stale || s.app === 'connecting' || (s.app === 'connected' && s.paired && !answered)));
    // Opened for the user when the app comes or a send of this view is listed; left as the user set it otherwise.
    if (s && s.app !== shownApp) element.open = s.app === 'connected' || mine.length > 0;
    shownApp = s?.app ?? null;
    sendButton.hidden = !s?.paired || s.app !== 'connected';
    sendButton.disabled = clicked || inFlight || !label || !answered || !s?.modems.some((m) => m.state === 'ready');
    sends.replaceChildren(...mine.map((x) => sendItem(lang, x)));
  };
  const send = (chosen: DesktopSendTarget) => {
    clicked = true;
    render();
    return command({ kind: 'desktop.send', ...chosen }).finally(() => {
      clicked = false;
      render();
    });
  };
  sendButton.addEventListener('click', () => {
    const chosen = target();
    if (!chosen || clicked) return;
    // The last send of this view may have gone out (the app said `maybe-sent`, or refused one for it): sending again
    // may order a paid service twice, so the user says yes first, as to a risky step (mend51).
    const last = snapshot?.sends.filter((x) => x.label === chosen.label).at(-1);
    if (!last || !mayHaveGone(last)) return void send(chosen);
    askInstead(lang, sendButton, 'desktop-resend', t(lang, 'desktopResendQuestion'), () => send({ ...chosen, request: { ...chosen.request, resend: true } }));
  });
  whileShown(element, (s) => {
    snapshot = s;
    render();
  });
  void command({ kind: 'desktop.status' }).then((reply) => {
    // No answer (the worker could not be reached): what it last said stands, as before mend45.
    ask = (reply as DesktopSnapshot | undefined)?.asked ?? 0;
    render();
  });
  render();
  return { element, sendButton, refresh: render };
}

/** The search view's reminder of sends made from the popup, so a reply is seen wherever the popup opens. */
export function recentSends(lang: Lang): HTMLElement {
  const list = h('ul', { id: 'recent-sends', class: 'desktop-sends' });
  const element = h('section', { class: 'recent', hidden: '' }, h('h2', {}, t(lang, 'desktopRecent')), list);
  // After the first results: this is not what the popup was opened for.
  setTimeout(() =>
    whileShown(element, (s) => {
      element.hidden = s.sends.length === 0;
      list.replaceChildren(...s.sends.slice(-3).reverse().map((x) => sendItem(lang, x)));
    }),
  );
  return element;
}

/** `answered`: the snapshot holds the app's answer to this page's ask (else its modems may be from before it). */
function statusLine(lang: Lang, s: DesktopSnapshot, answered: boolean): (Node | string)[] {
  if (s.app === 'absent') return [h('p', { class: 'hint' }, t(lang, 'desktopGetApp'))];
  if (s.app === 'unavailable') return [h('p', { class: 'hint' }, s.error ? errorText(lang, s.error) : t(lang, 'desktopGetApp'))];
  if (s.app === 'connecting') return [h('p', { class: 'hint' }, t(lang, 'desktopConnecting'))];
  if (s.pairingCode) return [h('p', {}, t(lang, 'desktopPairing'), ' ', h('strong', { id: 'pairing-code', class: 'pairing-code' }, s.pairingCode))];
  if (!s.paired) {
    const button = h('button', { type: 'button', id: 'desktop-pair' }, t(lang, 'desktopPair'));
    button.addEventListener('click', () => void command({ kind: 'desktop.pair' }));
    const outcome = pairingOutcome(lang, s);
    return [...(outcome ? [h('p', { id: 'pairing-outcome', class: 'error' }, outcome)] : []), h('p', {}, t(lang, 'desktopUnpaired'), ' ', button)];
  }
  const ready = h('p', {}, t(lang, 'desktopReady'));
  const modems = answered ? modemLines(lang, s.modems) : [h('p', { id: 'desktop-via', class: 'hint' }, t(lang, 'desktopChecking'))];
  return [ready, ...modems, ...(s.name ? [h('p', { class: 'hint' }, t(lang, 'desktopPairedAs'), s.name)] : [])];
}

/**
 * Every modem of the app with its SIM (as the app names it) and state, then where a send goes: the one SIM ready,
 * or, with several, that the app asks about each send naming the SIM (review36: the extension cannot choose).
 */
function modemLines(lang: Lang, modems: readonly ExtensionModemView[]): HTMLElement[] {
  if (modems.length === 0) return [h('p', { id: 'desktop-via' }, t(lang, 'desktopNoModem'))];
  const items = modems.map((m) =>
    h(
      'li',
      { 'data-state': m.state },
      h('strong', {}, m.sim ?? t(lang, 'desktopNoSim')),
      ` ${[m.operator, m.device].filter(Boolean).join(' · ')}`,
      ' ',
      h('span', { class: 'modem-state' }, t(lang, m.state === 'ready' ? 'desktopModemReady' : m.state === 'busy' ? 'desktopModemBusy' : 'desktopModemOffline')),
      m.demo ? t(lang, 'desktopDemo') : null,
    ),
  );
  const ready = modems.filter((m) => m.state === 'ready');
  const via =
    ready.length === 0
      ? t(lang, 'desktopNoneReady')
      : ready.length === 1
        ? tf(lang, 'desktopVia', { sim: ready[0]!.sim ?? ready[0]!.device ?? t(lang, 'desktopNoSim') })
        : tf(lang, 'desktopSeveral', { n: ready.length });
  return [h('ul', { id: 'desktop-modems', class: 'desktop-modems', 'aria-label': t(lang, 'desktopModems') }, ...items), h('p', { id: 'desktop-via' }, via)];
}

function pairingOutcome(lang: Lang, s: DesktopSnapshot): string | null {
  if (s.pairing === 'refused') return t(lang, 'desktopPairRefused');
  if (s.pairing === 'expired') return t(lang, 'desktopPairExpired');
  if (s.pairing === 'revoked') return t(lang, 'desktopRevoked');
  // Rate-limited, too many prompts waiting, or any other word from the app.
  return s.error ? errorText(lang, s.error) : null;
}

/** Said `maybe-sent`, or refused by the app because an earlier one of the same may have gone out. */
function mayHaveGone(s: DesktopSend): boolean {
  return s.state === 'maybe-sent' || (s.state === 'refused' && s.error?.code === MAYBE_SENT_CODE);
}

/**
 * A send, its state, and what the app said with it: a failure's reason in red, or a note (sendNote: waiting for the
 * network, a delivery report that could be another send's) muted, in the words of the app's thread (review42: an
 * untied report read "发送失败（send.report-untied）" in red under "已发送").
 */
function sendItem(lang: Lang, s: DesktopSend): HTMLElement {
  const note = s.error && sendNote(s.error.code);
  return h(
    'li',
    { 'data-state': s.state, 'data-ref': s.ref },
    h('code', {}, s.label),
    ' ',
    h('span', { class: 'send-state' }, t(lang, `state.${s.state}`)),
    note ? h('span', { class: 'hint send-note' }, ` ${note[lang]}`) : s.error ? h('span', { class: 'error' }, ` ${errorText(lang, s.error)}`) : null,
    ...s.replies.map((r) => replyBlock(lang, r)),
  );
}
