import { mac, macMatches, randomToken, textDigest } from '../src-shared/api/extension-auth';
import { appAuthOf, MAX_RECHECKED_REPLIES, NATIVE_HOST_NAME, needsAppAuth, parseAppMessage, type AppMessageRefusal, type ErrorText } from '../src-shared/api/extension-messages';
import { afterWorkerStopped, APP_MESSAGE_UNREADABLE, LINK_LOST, SNAPSHOT_KEY, type DesktopSend, type DesktopSendRequest, type DesktopSnapshot } from './desktop-protocol';

/** This browser profile's association with the app, made when it pairs: in chrome.storage.local of this profile only. */
export const ASSOCIATION_KEY = 'desktopAssociation';
/** Sends older than this are dropped from the list the popup shows. */
const KEEP_SENDS = 10;
/** A second Send of the same thing this soon after the first is a double click, not a second SMS. */
const DOUBLE_SEND_MS = 5_000;

export interface Association {
  id: string;
  key: string;
}

/** What names this profile in the app's prompt and Settings. */
export interface ProfileLabel {
  browser: string;
  profile: string;
}

const EMPTY: DesktopSnapshot = {
  app: 'connecting',
  error: null,
  paired: false,
  name: null,
  pairingCode: null,
  pairing: null,
  modems: [],
  checking: false,
  asked: 0,
  sends: [],
  unseen: 0,
};

type Unsigned = { type: string } & Record<string, unknown>;

/**
 * The service worker's one connection to the desktop app (a native-messaging port; Chrome starts
 * the app's host for it). It keeps what the popup shows (states, codes, replies; never the
 * parameters of a send, which go straight to the port) in chrome.storage.session, so a popup
 * closed mid-send shows the same when it opens again.
 *
 * After pairing, every request carries an HMAC made with this profile's secret, bound to the
 * connection's nonce and a rising counter; every app message that claims success carries the app's
 * HMAC, and one without it is dropped (docs/extension-protocol.md).
 */
export class DesktopLink {
  private port: chrome.runtime.Port | null = null;
  private nonce: string | null = null;
  private counter = 0;
  /** The signed requests being posted, one after another in counter order (request). */
  private outbox: Promise<void> = Promise.resolve();
  private appCounter = 0;
  /** This connection asked the app about the replies shown certain (once per connection: fleet26). */
  private rechecked = false;
  private association: Association | null = null;
  /** Resolves once the app said hello on the current port (or the port closed). */
  private ready: Promise<void> = Promise.resolve();
  private resolveReady: () => void = () => undefined;
  /** What the host said before it exited (the app is not running). */
  private hostError: ErrorText | null = null;
  /** App messages are checked one after another, in the order they came. */
  private inbox: Promise<void> = Promise.resolve();
  private state: DesktopSnapshot = EMPTY;
  private readonly restored: Promise<void>;
  /**
   * A page's ask went on a port that was already there: if that port ends before the answer (the app closed under
   * it, its host not yet gone), the ask is made once more on a fresh port instead of leaving "link lost" on screen.
   */
  private askOnFreshPort = false;
  /** The last send asked for, to tell a double click from a new send. In memory only: it holds the parameters. */
  private lastSend: { ref: string; what: string } | null = null;

  constructor(
    private readonly onChange: (snapshot: DesktopSnapshot) => void,
    private readonly onReply: (text: string, uncertain: boolean) => void,
    private readonly label: () => Promise<ProfileLabel>,
  ) {
    this.restored = Promise.all([chrome.storage.session.get([SNAPSHOT_KEY]), chrome.storage.local.get([ASSOCIATION_KEY])]).then(
      ([session, local]) => {
        this.association = isAssociation(local[ASSOCIATION_KEY]) ? local[ASSOCIATION_KEY] : null;
        const saved = session[SNAPSHOT_KEY] as DesktopSnapshot | undefined;
        if (saved) this.state = afterWorkerStopped(saved);
      },
    );
  }

  async snapshot(): Promise<DesktopSnapshot> {
    await this.restored;
    return this.state;
  }

  /**
   * Connects (or reconnects) and asks the app whether it still knows this profile's association, and its modems:
   * the snapshot says `checking` (and counts the ask in `asked`) until the answer comes, so a page shows no list
   * from before its ask as current. Counted right after `restored`, so a `snapshot()` called after this call carries it.
   */
  async refresh(): Promise<void> {
    await this.restored;
    this.update({ checking: true, asked: (this.state.asked ?? 0) + 1 });
    if (!this.port) return this.connect();
    // Only a port the app already greeted can be one it has since left; one still opening ends with the app's word.
    if (this.nonce) this.askOnFreshPort = true;
    await this.askStatus();
  }

  /** The status request, with the snapshot saying the answer is awaited (until it comes, or the port ends). */
  private askStatus(): Promise<void> {
    if (!this.state.checking) this.update({ checking: true });
    return this.request({ type: 'status' });
  }

  /** A fresh association for this profile: the app's user approves it by comparing a code. */
  async pair(): Promise<void> {
    await this.restored;
    // A prompt is already up in the app for the secret made last time.
    if (this.state.pairingCode && this.port) return;
    const association = { id: randomToken(16), key: randomToken(32) };
    await chrome.storage.local.set({ [ASSOCIATION_KEY]: association });
    this.association = association;
    this.update({ pairing: null, error: null });
    this.connect();
    await this.request({ type: 'pair', id: association.id, key: association.key, ...(await this.label()) }, false);
  }

  async seen(): Promise<void> {
    await this.restored;
    if (this.state.unseen) this.update({ unseen: 0 });
  }

  async send(request: DesktopSendRequest, label: string): Promise<void> {
    await this.restored;
    const now = Date.now();
    const { resend, ...asked } = request;
    const what = JSON.stringify([label, asked]);
    const last = this.lastSend && this.state.sends.find((s) => s.ref === this.lastSend!.ref);
    const same = !!last && this.lastSend!.what === what;
    // The same request again while the first waits, or moments after it: a double click, not a second SMS. A yes to
    // sending again what may have gone out is no double click.
    if (same && (last.state === 'requested' || last.state === 'confirming' || (!resend && now - last.at < DOUBLE_SEND_MS && last.state !== 'refused' && last.state !== 'failed'))) return;
    // One that may have gone out goes again only on the user's yes (the popup asks): KTCL ordered twice costs money (mend51).
    if (same && last.state === 'maybe-sent' && !resend) return;
    const ref = `e${now.toString(36)}${randomToken(16).slice(0, 6).replace(/[^A-Za-z0-9]/g, 'x')}`;
    this.lastSend = { ref, what };
    const send: DesktopSend = { ref, label, state: 'requested', error: null, replies: [], at: now };
    this.update({ sends: [...this.state.sends, send].slice(-KEEP_SENDS) });
    this.connect();
    await this.request({ type: 'send', ref, ...request });
  }

  private connect(): void {
    if (this.port) return;
    let port: chrome.runtime.Port;
    try {
      port = chrome.runtime.connectNative(NATIVE_HOST_NAME);
    } catch {
      return this.update({ app: 'absent', error: null, checking: false });
    }
    this.port = port;
    this.nonce = null;
    this.counter = 0;
    this.appCounter = 0;
    this.rechecked = false;
    this.hostError = null;
    this.ready = new Promise((resolve) => (this.resolveReady = resolve));
    this.update({ app: 'connecting' });
    port.onMessage.addListener((m) => {
      this.inbox = this.inbox.then(() => this.receive(port, m)).catch(() => undefined);
    });
    port.onDisconnect.addListener(() => {
      // Read now (it is gone after this callback), so Chrome counts it as handled and logs nothing:
      // the app being off is not an error here.
      const lastError = chrome.runtime.lastError;
      // After the messages that came before it: the host's last word says why it exited.
      this.inbox = this.inbox.then(() => this.disconnected(port, lastError?.message ?? ''));
    });
    port.postMessage({ type: 'hello' });
  }

  private disconnected(port: chrome.runtime.Port, reason: string): void {
    if (this.port !== port) return;
    this.port = null;
    this.nonce = null;
    this.resolveReady();
    // The host says why before it exits (app not running); without a word, Chrome found no host.
    const notInstalled = !this.hostError && /not found/i.test(reason);
    const error = this.hostError ?? (notInstalled ? null : LINK_LOST);
    const sends = this.state.sends.map((s) => (s.state === 'requested' || s.state === 'confirming' ? { ...s, state: 'failed' as const, error: error ?? LINK_LOST } : s));
    const askAgain = this.askOnFreshPort && !!this.state.checking;
    this.askOnFreshPort = false;
    this.update({ app: notInstalled ? 'absent' : 'unavailable', error, pairingCode: null, modems: [], checking: false, sends });
    // Once: a fresh port that ends too says why (the app not running) and is left so.
    if (askAgain) this.connect();
  }

  /** Posts once the app said hello; with the association's MAC unless `signed` is false. */
  private async request(message: Unsigned, signed = true): Promise<void> {
    const port = this.port;
    if (!port) return;
    await this.ready;
    const nonce = this.nonce;
    if (this.port !== port || !nonce) return;
    const association = this.association;
    if (!signed || !association) return port.postMessage(message);
    const counter = ++this.counter;
    const sealed = mac(association.key, 'request', nonce, counter, message);
    // Posted in counter order, as the app's outbox does: MACs resolve in any order (a long text's takes longer), and
    // the app refuses a counter not above the last it took, so a status posted before an earlier send refused it.
    const posted = this.outbox.then(async () => {
      const signed = { ...message, auth: { id: association.id, counter, mac: await sealed } };
      if (this.port === port) port.postMessage(signed);
    });
    this.outbox = posted.catch(() => undefined);
    await posted;
  }

  /** Whether an app message (as it came) that claims success really comes from the holder of this profile's secret. */
  private async authentic(m: { auth?: unknown; type?: unknown }): Promise<boolean> {
    if (!needsAppAuth(m)) return true;
    const { auth: _auth, ...unsigned } = m;
    const auth = appAuthOf(m);
    const association = this.association;
    if (!auth || !association || !this.nonce || !(auth.counter > this.appCounter)) return false;
    if (!(await macMatches(association.key, 'reply', this.nonce, auth.counter, unsigned, auth.mac))) return false;
    this.appCounter = auth.counter;
    return true;
  }

  /** Checks the MAC of what the app sent (over the message as sent), then the message itself: a malformed one is dropped. */
  private async receive(port: chrome.runtime.Port, raw: unknown): Promise<void> {
    if (this.port !== port || typeof raw !== 'object' || raw === null || !(await this.authentic(raw))) return;
    const parsed = parseAppMessage(raw);
    if ('refused' in parsed) return this.unreadable(parsed.refused);
    const m = parsed.message;
    switch (m.type) {
      case 'hello':
        this.nonce = m.nonce;
        this.resolveReady();
        return this.askStatus();
      case 'status':
        if (m.paired && m.recheck) await this.recheck();
        this.askOnFreshPort = false;
        return m.paired
          ? this.update({ app: 'connected', error: null, paired: true, name: m.name, modems: m.modems ?? (m.modem ? [m.modem] : []), checking: false, pairingCode: null, pairing: null })
          : this.update({ app: 'connected', error: null, paired: false, name: null, modems: [], checking: false, pairingCode: m.pairingCode });
      case 'modems':
        // Told unasked (a modem came, went or changed): as fresh as an answer, but not the answer a page waits for.
        return this.state.paired && this.state.app === 'connected' ? this.update({ modems: m.modems }) : undefined;
      case 'pairing':
        return this.update({ app: 'connected', pairingCode: m.code, pairing: null });
      case 'paired':
        this.update({ paired: true, pairingCode: null, pairing: null });
        return this.askStatus();
      case 'unpaired':
        if (m.reason === 'revoked') {
          this.association = null;
          await chrome.storage.local.remove([ASSOCIATION_KEY]);
        }
        return this.update({ paired: this.state.paired && m.reason !== 'revoked', pairingCode: null, pairing: m.reason, error: m.error ?? null });
      case 'send-state':
        return this.updateSend(m.ref, (s) => ({ ...s, state: m.state, error: m.error ?? null }));
      case 'reply': {
        if (!this.state.sends.some((s) => s.ref === m.ref)) return;
        this.updateSend(m.ref, (s) => ({ ...s, replies: [...s.replies, { text: m.text, receivedAt: m.receivedAt, uncertain: m.uncertain }] }), 1);
        return this.onReply(m.text, m.uncertain);
      }
      case 'reply-uncertain':
        // Shown with the note from now on; no new reply, so nothing more to see (unseen unchanged).
        return this.updateSend(m.ref, (s) => ({ ...s, replies: s.replies.map((r) => (r.receivedAt === m.receivedAt ? { ...r, uncertain: true } : r)) }));
      case 'error':
        if (!this.nonce) this.hostError = m.error;
        return this.update({ error: m.error });
    }
  }

  /**
   * Asks the app, once per connection, which replies shown certain it now holds possibly joined wrong: a
   * `reply-uncertain` said on a connection that ended (the app restarted) would otherwise never reach this one.
   * Each reply goes by its send, time and text's digest, not its text.
   */
  private async recheck(): Promise<void> {
    if (this.rechecked) return;
    this.rechecked = true;
    const certain = this.state.sends.flatMap((s) => s.replies.filter((r) => !r.uncertain).map((r) => ({ ref: s.ref, receivedAt: r.receivedAt, text: r.text })));
    if (certain.length === 0) return;
    const replies = await Promise.all(certain.slice(-MAX_RECHECKED_REPLIES).map(async ({ text, ...r }) => ({ ...r, digest: await textDigest(text) })));
    void this.request({ type: 'recheck', replies });
  }

  /**
   * A dropped app message: logged by type and failing fields only (a value may be a reply's text or a
   * code), and said where the user would otherwise wait for it: on the send it named, else on the link; a type it does not know, nowhere
   * (which, before the app's hello or first status, would stay "connecting").
   */
  private unreadable(refused: AppMessageRefusal): void {
    console.warn(`Hall10086: dropped a malformed "${refused.type}" message from the desktop app (fields: ${refused.fields.join(', ')})`);
    // A type this extension does not know (a newer app's): nobody waits for it.
    if (refused.type === 'unknown') return;
    if (refused.ref && this.state.sends.some((s) => s.ref === refused.ref)) return this.updateSend(refused.ref, (s) => ({ ...s, error: APP_MESSAGE_UNREADABLE }));
    if (this.state.app === 'connecting') {
      // Without a hello there is no nonce: nothing more can be asked on this port.
      if (!this.nonce) this.resolveReady();
      return this.update({ app: 'unavailable', error: APP_MESSAGE_UNREADABLE, pairingCode: null, checking: false });
    }
    // A status answer that could not be read is no answer to wait for any longer.
    return this.update({ error: APP_MESSAGE_UNREADABLE, ...(refused.type === 'status' ? { checking: false } : {}) });
  }

  private updateSend(ref: string, change: (s: DesktopSend) => DesktopSend, unseen = 0): void {
    this.update({ sends: this.state.sends.map((s) => (s.ref === ref ? change(s) : s)), unseen: this.state.unseen + unseen });
  }

  private update(change: Partial<DesktopSnapshot>): void {
    this.state = { ...this.state, ...change };
    void chrome.storage.session.set({ [SNAPSHOT_KEY]: this.state }).catch(() => undefined);
    this.onChange(this.state);
  }
}

function isAssociation(value: unknown): value is Association {
  const a = value as Partial<Association> | undefined;
  return typeof a?.id === 'string' && typeof a.key === 'string';
}
