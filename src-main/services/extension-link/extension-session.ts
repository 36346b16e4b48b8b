import { randomInt } from 'node:crypto';
import { mac, macMatches, randomToken } from '../../../src-shared/api/extension-auth';
import type { ApprovalView, IncomingRecord, OutgoingRecord } from '../../../src-shared/api/contract';
import {
  parseExtensionRequest,
  type AppMessage,
  type ErrorText,
  type ExtensionModemView,
  type ExtensionRequest,
  type ExtensionSendState,
  type RequestAuth,
} from '../../../src-shared/api/extension-messages';
import { assembleRecords, type AssembledRecordMessage } from '../../../src-shared/assemble';
import { acceptedKinds, answerKinds, builtinReplyRules, ReplyReader } from '../../../src-shared/replies';
import { explainCms } from '../../../src-shared/at/cms-errors';
import { HallError, toHallError, type Bilingual } from '../../../src-shared/errors';
import type { Approvals } from './approvals';
import type { Association, PairingStore } from './pairings';
import type { RateLimiter } from './rate-limit';

export type ExtensionSendRequest = Omit<Extract<ExtensionRequest, { type: 'send' }>, 'type' | 'ref' | 'auth'>;

/** What the extensions may use of the app core: nothing more. */
export interface ExtensionGateway {
  preview(req: ExtensionSendRequest): { to: string; redacted: string; confirm: Bilingual | null };
  /** Sends on the first ready modem; `confirmed` when the app's user approved this very send. */
  send(req: ExtensionSendRequest, confirmed: boolean): Promise<string>;
  modem(): ExtensionModemView | null;
  onIncoming(listener: (record: IncomingRecord) => void): () => void;
  onOutgoing(listener: (record: OutgoingRecord) => void): () => void;
  /** The text with its passwords and ID numbers masked, as the catalog in use finds them. */
  mask(text: string): string;
}

export interface ExtensionPolicy {
  gateway: ExtensionGateway;
  pairings: PairingStore;
  approvals: Approvals;
  /** Sends, per association. */
  rateLimiter: RateLimiter;
  /** Pairing prompts, for all connections together: anyone who can open the socket can ask. */
  pairingLimiter: RateLimiter;
}

const REPLY_RULES = builtinReplyRules();
const REPLY_READER = new ReplyReader(REPLY_RULES);
/** Replies are looked for as long after an instruction as the reply reader pairs them (instructions/replies.json). */
const REPLY_WINDOW_MS = REPLY_RULES.answers.windowMs;
/** The one key the pairing limiter counts under. */
const PAIRING_KEY = 'pair';

interface Tracked {
  ref: string;
  /** The instruction as sent, secrets masked: what kinds of reply answer it. */
  text: string;
  to: string;
  sentAt: number;
  association: Association;
}

type SendRequest = Extract<ExtensionRequest, { type: 'send' }>;
/** An app message before the app's MAC is added. */
type Unsigned = DistributiveOmit<AppMessage, 'auth'>;
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/**
 * One connected extension (one native-messaging port). Everything it asks passes the same gates
 * in order: a valid message, proof that it holds the secret of an association the user approved
 * in the app (an HMAC bound to this connection's nonce and a rising counter), the rate limit, and
 * for risky instructions, custom instructions and reports a confirmation in the app.
 */
export class ExtensionSession {
  /** Every MAC on this connection includes it: nothing said on another connection can be replayed here. */
  private readonly nonce = randomToken(16);
  private lastCounter = 0;
  private appCounter = 0;
  /** Requests are verified one after another, so the counter check sees them in the order they came. */
  private verifying: Promise<unknown> = Promise.resolve();
  /** Messages leave in the order they were made, although signing them takes a moment. */
  private outbox: Promise<unknown> = Promise.resolve();
  private readonly commands = new Map<string, Tracked>();
  /** Sends made elsewhere (in the app, by another profile) within the reply window: the replies they take are theirs. */
  private readonly elsewhere = new Map<string, Pick<Tracked, 'text' | 'to' | 'sentAt'>>();
  private parts: IncomingRecord[] = [];
  /** Replies already passed on (by their part keys), with when they came: pruned with the parts. */
  private readonly forwarded = new Map<string, number>();
  private readonly unsubscribe: Array<() => void>;
  /** The associations this connection proved it holds. */
  private readonly proven = new Set<string>();
  private pairingCode: string | null = null;

  constructor(
    readonly extensionId: string,
    private readonly policy: ExtensionPolicy,
    private readonly post: (message: AppMessage) => void,
  ) {
    const { gateway } = policy;
    this.unsubscribe = [
      gateway.onOutgoing((r) => this.onOutgoing(r)),
      gateway.onIncoming((r) => this.onIncoming(r)),
      policy.pairings.on('revoked', (id) => {
        // Its sends still in flight get no more states and, above all, no reply: a reply can hold a
        // new service password (MMHF), and the user has just said this extension may know nothing more.
        for (const [commandId, t] of this.commands) if (t.association.id === id) this.commands.delete(commandId);
        if (this.proven.delete(id)) this.say({ type: 'unpaired', reason: 'revoked' });
      }),
    ];
  }

  close(): void {
    for (const u of this.unsubscribe) u();
    this.policy.approvals.withdraw(this);
  }

  /** Handles one raw message; never throws (every failure becomes a message to the extension). */
  async handle(raw: unknown): Promise<void> {
    let request: ExtensionRequest;
    try {
      request = parseExtensionRequest(raw);
    } catch (e) {
      this.say({ type: 'error', error: errorText(e) });
      return;
    }
    if (request.type === 'hello') this.say({ type: 'hello', version: 2, nonce: this.nonce });
    else if (request.type === 'status') await this.status(request);
    else if (request.type === 'pair') await this.pair(request);
    else await this.send(request);
  }

  /**
   * The association whose secret made this request's MAC, or null: no proof, an unknown or
   * expired association, another extension's, a wrong MAC, or a counter already used.
   */
  private authenticate(request: { auth?: RequestAuth | undefined }): Promise<Association | null> {
    const check = async (): Promise<Association | null> => {
      const { auth, ...unsigned } = request;
      if (!auth) return null;
      const association = this.policy.pairings.find(auth.id, this.extensionId);
      if (!association) return null;
      if (!(await macMatches(association.key, 'request', this.nonce, auth.counter, unsigned, auth.mac))) return null;
      if (auth.counter <= this.lastCounter) return null;
      this.lastCounter = auth.counter;
      this.proven.add(association.id);
      void this.policy.pairings.touch(association.id).catch(() => undefined);
      return association;
    };
    const result = this.verifying.then(check);
    this.verifying = result.catch(() => null);
    return result;
  }

  private say(message: Unsigned, signer?: Association): void {
    this.outbox = this.outbox.then(async () => {
      if (!signer) return this.post(message as AppMessage);
      const counter = ++this.appCounter;
      this.post({ ...message, auth: { counter, mac: await mac(signer.key, 'reply', this.nonce, counter, message) } } as AppMessage);
    });
  }

  private async status(request: Extract<ExtensionRequest, { type: 'status' }>): Promise<void> {
    const association = await this.authenticate(request);
    if (!association) return this.say({ type: 'status', paired: false, pairingCode: this.pairingCode });
    this.say({ type: 'status', paired: true, re: request.auth!.counter, name: association.name, modem: this.policy.gateway.modem() }, association);
  }

  private async pair(request: Extract<ExtensionRequest, { type: 'pair' }>): Promise<void> {
    if (this.pairingCode) return this.say({ type: 'pairing', code: this.pairingCode });
    const slot = this.policy.pairingLimiter.take(PAIRING_KEY);
    if (!slot.ok) return this.say({ type: 'unpaired', reason: 'rate-limited', error: errorText(pairingRateLimited(slot.retryInMs)) });
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    const { browser, profile } = request;
    let asked: Promise<'approved' | 'declined' | 'expired'>;
    try {
      asked = this.policy.approvals.ask({ kind: 'pair', extensionId: this.extensionId, code, browser, profile }, this);
    } catch (e) {
      // Too many prompts waiting: no code is shown for a question the app will not ask.
      return this.say({ type: 'error', error: errorText(e) });
    }
    this.pairingCode = code;
    this.say({ type: 'pairing', code });
    const outcome = await asked;
    this.pairingCode = null;
    if (outcome !== 'approved') return this.say({ type: 'unpaired', reason: outcome === 'declined' ? 'refused' : 'expired' });
    try {
      await this.policy.pairings.add({ id: request.id, extensionId: this.extensionId, key: request.key, browser, profile });
      const association = this.policy.pairings.find(request.id, this.extensionId)!;
      this.proven.add(association.id);
      this.say({ type: 'paired', id: association.id }, association);
    } catch (e) {
      this.say({ type: 'error', error: errorText(e) });
    }
  }

  private async send(request: SendRequest): Promise<void> {
    const { ref, type: _type, auth: _auth, ...req } = request;
    const refuse = (error: unknown) => this.say({ type: 'send-state', ref, state: 'refused', error: errorText(error) });
    const association = await this.authenticate(request);
    if (!association) return refuse(notPaired());
    const slot = this.policy.rateLimiter.take(association.id);
    if (!slot.ok) return refuse(rateLimited(slot.retryInMs));
    let preview: ReturnType<ExtensionGateway['preview']>;
    try {
      preview = this.policy.gateway.preview(req);
    } catch (e) {
      return refuse(e);
    }
    let confirmed = false;
    if (preview.confirm) {
      this.say({ type: 'send-state', ref, state: 'confirming' }, association);
      const question: Omit<ApprovalView, 'id' | 'createdAt' | 'expiresAt'> = {
        kind: 'send',
        extensionId: this.extensionId,
        to: preview.to,
        text: preview.redacted,
        reason: preview.confirm,
      };
      let outcome: 'approved' | 'declined' | 'expired';
      try {
        outcome = await this.policy.approvals.ask(question, this);
      } catch (e) {
        return refuse(e);
      }
      if (outcome !== 'approved') return refuse(declined(outcome));
      if (!this.policy.pairings.find(association.id, this.extensionId)) return refuse(notPaired());
      confirmed = true;
    }
    try {
      const commandId = await this.policy.gateway.send(req, confirmed);
      this.commands.set(commandId, { ref, text: preview.redacted, to: preview.to, sentAt: Date.now(), association });
      this.elsewhere.delete(commandId);
      // The core reported 'queued' before we knew the command's id: say it now; later states follow.
      this.say({ type: 'send-state', ref, state: 'queued' }, association);
    } catch (e) {
      this.say({ type: 'send-state', ref, state: 'failed', error: errorText(e) });
    }
  }

  private onOutgoing(record: OutgoingRecord): void {
    const tracked = this.commands.get(record.id);
    if (!tracked) {
      // Its first state may be one of this connection's own sends, before its id is known: send() takes it back.
      for (const [id, s] of this.elsewhere) if (record.at - s.sentAt > REPLY_WINDOW_MS) this.elsewhere.delete(id);
      if (!this.elsewhere.has(record.id)) this.elsewhere.set(record.id, { text: record.text, to: record.to, sentAt: record.at });
      return;
    }
    const state: ExtensionSendState = record.state === 'failed-retryable' ? 'failed' : record.state;
    this.say({ type: 'send-state', ref: tracked.ref, state, ...(record.error ? { error: sendFailure(record.error) } : {}) }, tracked.association);
  }

  /** Complete messages from a number an instruction went to, after it went: the replies. */
  private onIncoming(record: IncomingRecord): void {
    const now = Date.now();
    for (const [id, t] of this.commands) if (now - t.sentAt > REPLY_WINDOW_MS) this.commands.delete(id);
    const askers = [...this.commands.values()].filter((t) => t.to === record.from && record.receivedAt >= t.sentAt - 1000);
    if (askers.length === 0) return;
    // Only parts within the reply window are kept: older ones can no longer answer anything, and
    // a long-lived port would otherwise grow without bound (and reuse 8-bit concatenation references).
    this.parts = this.parts.filter((p) => now - p.receivedAt <= REPLY_WINDOW_MS);
    for (const [id, at] of this.forwarded) if (now - at > REPLY_WINDOW_MS) this.forwarded.delete(id);
    this.parts.push(record);
    for (const message of assembleRecords(this.parts)) {
      const id = message.keys.join(',');
      if (!message.complete || this.forwarded.has(id)) continue;
      this.forwarded.set(id, message.receivedAt);
      const answer = this.answerTo(message, askers);
      if (answer) this.say({ type: 'reply', ref: answer.asker.ref, from: message.from, text: answer.text, receivedAt: message.receivedAt }, answer.asker.association);
    }
  }

  /**
   * Which of this extension's sends a message answers, and the text it gets. 10086 writes to the
   * SIM about everything sent from it (the app, another profile) and on its own: a message read as
   * an answer (a balance, an outcome, a bill) goes whole to the latest send whose instruction takes
   * that kind of answer, and to none when a send made elsewhere does (the new password after a
   * reset asked for in the app is no answer to this extension's YE). Any other message goes to the
   * latest send with its passwords and codes masked: one read as no answer, and one read as an
   * answer to nothing sent, which is what the real reply to an instruction the reply rules do not
   * name is (a flow query to a custom CXLL reads as data, which no rule gives CXLL).
   */
  private answerTo(message: AssembledRecordMessage, askers: readonly Tracked[]): { asker: Tracked; text: string } | null {
    const kinds = answerKinds(REPLY_READER.read({ text: message.text, receivedAt: message.receivedAt, from: message.from }));
    const answered = (sent: Pick<Tracked, 'text'>) => {
      const accepted = acceptedKinds(sent.text, REPLY_RULES);
      return kinds.some((k) => accepted.has(k));
    };
    const asker = askers.filter(answered).at(-1);
    if (asker) return { asker, text: message.text };
    const theirs = [...this.elsewhere.values()].some((s) => s.to === message.from && message.receivedAt >= s.sentAt - 1000 && answered(s));
    return theirs ? null : { asker: askers.at(-1)!, text: this.policy.gateway.mask(message.text) };
  }
}

function errorText(e: unknown): ErrorText {
  const error = toHallError(e);
  return { code: error.code, zh: error.zh, en: error.en };
}

const pairingRateLimited = (ms: number) =>
  new HallError('extension.pairing-rate-limited', {
    zh: `配对请求太频繁，请 ${Math.ceil(ms / 60_000)} 分钟后再试。`,
    en: `Too many pairing requests; try again in ${Math.ceil(ms / 60_000)} min.`,
  });

const notPaired = () =>
  new HallError('extension.not-paired', {
    zh: '这个扩展还没有与桌面应用配对。请先配对，并在应用中确认。',
    en: 'This extension is not paired with the desktop app. Pair it first and approve it in the app.',
  });

const rateLimited = (ms: number) =>
  new HallError('extension.rate-limited', {
    zh: `从扩展发送得太频繁，请 ${Math.ceil(ms / 1000)} 秒后再试。`,
    en: `Too many sends from the extension; try again in ${Math.ceil(ms / 1000)} s.`,
  });

const declined = (outcome: 'declined' | 'expired') =>
  outcome === 'declined'
    ? new HallError('extension.send-declined', { zh: '桌面应用的用户拒绝了这次发送。', en: 'The desktop app’s user declined this send.' })
    : new HallError('extension.send-expired', { zh: '桌面应用中无人确认，这次发送已取消。', en: 'Nobody confirmed it in the desktop app, so the send was cancelled.' });

function sendFailure(code: string): ErrorText {
  const cms = /^cms\.(\d+)$/.exec(code);
  if (cms) {
    const explained = explainCms(Number(cms[1]));
    return { code, zh: `短信中心拒收：${explained.zh}`, en: `The SMS centre refused it: ${explained.en}` };
  }
  return { code, zh: `发送失败（${code}）。详情见桌面应用。`, en: `Sending failed (${code}). See the desktop app for details.` };
}
