import { NATIVE_HOST_NAME, type AppMessage, type ErrorText } from '../src-shared/api/extension-messages';
import type { DesktopSend, DesktopSendRequest, DesktopSnapshot } from './desktop-protocol';

/** Shown when Chrome cannot start the host at all: the app (or its channel) is not installed. */
const HOST_MISSING: ErrorText = {
  code: 'extension.host-missing',
  zh: '找不到桌面应用的扩展通道：请安装并打开 Hall10086（或运行 hall10086 native-host install）。',
  en: 'The desktop app’s extension channel is not installed: install and open Hall10086 (or run hall10086 native-host install).',
};

/** Sends older than this are dropped from the list the popup shows. */
const KEEP_SENDS = 10;

/**
 * The service worker's one connection to the desktop app (a native-messaging port; Chrome starts
 * the app's host for it). It keeps only what the popup shows: states, codes, replies — never the
 * parameters of a send, which go straight to the port.
 */
export class DesktopLink {
  private port: chrome.runtime.Port | null = null;
  private next = 1;
  private state: DesktopSnapshot = { app: 'unavailable', error: null, paired: false, pairingCode: null, modem: null, sends: [] };

  constructor(private readonly onChange: (snapshot: DesktopSnapshot) => void) {}

  get snapshot(): DesktopSnapshot {
    return this.state;
  }

  /** Connects (or reconnects) and asks the app who we are to it. */
  refresh(): void {
    this.ensurePort()?.postMessage({ type: 'hello' });
  }

  pair(): void {
    this.ensurePort()?.postMessage({ type: 'pair' });
  }

  send(request: DesktopSendRequest, label: string): string {
    const ref = `e${Date.now().toString(36)}${this.next++}`;
    const send: DesktopSend = { ref, label, state: 'requested', error: null, replies: [] };
    this.update({ sends: [...this.state.sends, send].slice(-KEEP_SENDS) });
    this.ensurePort()?.postMessage({ type: 'send', ref, ...request });
    return ref;
  }

  private ensurePort(): chrome.runtime.Port | null {
    if (this.port) return this.port;
    let port: chrome.runtime.Port;
    try {
      port = chrome.runtime.connectNative(NATIVE_HOST_NAME);
    } catch {
      this.update({ app: 'unavailable', error: HOST_MISSING });
      return null;
    }
    this.port = port;
    this.update({ app: 'connecting', error: null });
    port.onMessage.addListener((m) => this.onMessage(m as AppMessage));
    port.onDisconnect.addListener(() => {
      this.port = null;
      // The host tells why before it exits (app not running); otherwise Chrome could not start it.
      const error = this.state.error ?? (chrome.runtime.lastError ? HOST_MISSING : null);
      const sends = this.state.sends.map((s) =>
        s.state === 'requested' || s.state === 'confirming' ? { ...s, state: 'failed' as const, error: error ?? HOST_MISSING } : s,
      );
      this.update({ app: 'unavailable', error, pairingCode: null, sends });
    });
    return port;
  }

  private onMessage(m: AppMessage): void {
    switch (m.type) {
      case 'hello':
        return this.update({ app: 'connected', error: null, paired: m.paired, pairingCode: m.pairingCode, modem: m.modem });
      case 'pairing':
        return this.update({ app: 'connected', pairingCode: m.code });
      case 'paired':
        return this.update({ paired: true, pairingCode: null });
      case 'unpaired':
        return this.update({ paired: false, pairingCode: null });
      case 'send-state':
        return this.updateSend(m.ref, (s) => ({ ...s, state: m.state, error: m.error ?? null }));
      case 'reply':
        return this.updateSend(m.ref, (s) => ({ ...s, replies: [...s.replies, { text: m.text, receivedAt: m.receivedAt }] }));
      case 'error':
        return this.update({ error: m.error });
    }
  }

  private updateSend(ref: string, change: (s: DesktopSend) => DesktopSend): void {
    this.update({ sends: this.state.sends.map((s) => (s.ref === ref ? change(s) : s)) });
  }

  private update(change: Partial<DesktopSnapshot>): void {
    this.state = { ...this.state, ...change };
    this.onChange(this.state);
  }
}
