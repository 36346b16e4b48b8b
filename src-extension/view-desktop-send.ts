import type { ErrorText } from '../src-shared/api/extension-messages';
import { h } from './dom';
import type { DesktopCommand, DesktopSend, DesktopSendRequest, DesktopSnapshot, DesktopUpdate } from './desktop-protocol';
import { t, type Lang } from './i18n';

export interface DesktopSendTarget {
  request: DesktopSendRequest;
  /** Shown in the list of sends: the code or the address, never a secret. */
  label: string;
}

/**
 * "Send with the desktop app": the app's state as the extension sees it (not running, not
 * paired, pairing code, modem), the Send button, and what became of the sends made from here.
 */
export function desktopSendSection(lang: Lang, target: () => DesktopSendTarget | null): { element: HTMLElement; refresh(): void } {
  const status = h('div', { id: 'desktop-status', role: 'status' });
  const sendButton = h('button', { type: 'button', id: 'desktop-send' }, t(lang, 'desktopSend'));
  const sends = h('ul', { id: 'desktop-sends', class: 'desktop-sends' });
  const element = h('section', { class: 'desktop' }, h('h2', {}, t(lang, 'desktopTitle')), status, sendButton, sends);
  const mine = new Set<string>();
  let snapshot: DesktopSnapshot | null = null;

  const render = () => {
    const s = snapshot;
    status.replaceChildren(...(s ? statusLine(lang, s, () => void command({ kind: 'desktop.pair' })) : [t(lang, 'desktopConnecting')]));
    sendButton.hidden = !s?.paired;
    sendButton.disabled = !target() || s?.modem?.state !== 'ready';
    sends.replaceChildren(...(s?.sends.filter((x) => mine.has(x.ref)).map((x) => sendItem(lang, x)) ?? []));
  };
  const command = async (c: DesktopCommand) => {
    snapshot = (await chrome.runtime.sendMessage(c)) as DesktopSnapshot;
    render();
    return snapshot;
  };
  const onUpdate = (message: unknown) => {
    // Popup views are rebuilt on navigation: a detached one stops listening.
    if (!element.isConnected && snapshot) return chrome.runtime.onMessage.removeListener(onUpdate);
    if ((message as DesktopUpdate | undefined)?.kind !== 'desktop.update') return;
    snapshot = (message as DesktopUpdate).snapshot;
    render();
  };
  chrome.runtime.onMessage.addListener(onUpdate);
  sendButton.addEventListener('click', () => {
    const chosen = target();
    if (!chosen) return;
    void command({ kind: 'desktop.send', ...chosen }).then((s) => {
      const latest = s.sends.at(-1);
      if (latest) mine.add(latest.ref);
      render();
    });
  });
  void command({ kind: 'desktop.status' });
  render();
  return { element, refresh: render };
}

const errorText = (lang: Lang, e: ErrorText) => (lang === 'en' ? e.en : e.zh);

function statusLine(lang: Lang, s: DesktopSnapshot, pair: () => void): (Node | string)[] {
  if (s.app === 'unavailable') return [h('p', { class: 'error' }, s.error ? errorText(lang, s.error) : t(lang, 'desktopConnecting')), h('p', {}, t(lang, 'desktopFallback'))];
  if (s.app === 'connecting') return [t(lang, 'desktopConnecting')];
  if (s.pairingCode) return [h('p', {}, t(lang, 'desktopPairing'), ' ', h('strong', { id: 'pairing-code', class: 'pairing-code' }, s.pairingCode))];
  if (!s.paired) {
    const button = h('button', { type: 'button', id: 'desktop-pair' }, t(lang, 'desktopPair'));
    button.addEventListener('click', pair);
    return [h('p', {}, t(lang, 'desktopUnpaired'), ' ', button), h('p', { class: 'hint' }, t(lang, 'desktopFallback'))];
  }
  const m = s.modem;
  const modem = m ? `${m.operator ?? ''} ${m.state === 'ready' ? t(lang, 'desktopModemReady') : t(lang, 'desktopModemDown')}${m.demo ? t(lang, 'desktopDemo') : ''}` : t(lang, 'desktopModemDown');
  return [h('p', {}, t(lang, 'desktopReady'), modem.trim())];
}

function sendItem(lang: Lang, s: DesktopSend): HTMLElement {
  return h(
    'li',
    { 'data-state': s.state },
    h('code', {}, s.label),
    ' ',
    h('span', { class: 'send-state' }, t(lang, `state.${s.state}`)),
    s.error ? h('span', { class: 'error' }, ` ${errorText(lang, s.error)}`) : null,
    ...s.replies.map((r) => h('blockquote', { class: 'reply' }, r.text)),
  );
}
