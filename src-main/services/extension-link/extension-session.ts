import { randomInt } from 'node:crypto';
import type { ApprovalView, IncomingRecord, OutgoingRecord } from '../../../src-shared/api/contract';
import {
  parseExtensionRequest,
  type AppMessage,
  type ErrorText,
  type ExtensionModemView,
  type ExtensionRequest,
  type ExtensionSendState,
} from '../../../src-shared/api/extension-messages';
import { assembleRecords } from '../../../src-shared/assemble';
import { builtinReplyRules } from '../../../src-shared/replies';
import { explainCms } from '../../../src-shared/at/cms-errors';
import { HallError, toHallError, type Bilingual } from '../../../src-shared/errors';
import type { Approvals } from './approvals';
import type { PairingStore } from './pairings';
import type { RateLimiter } from './rate-limit';

export type ExtensionSendRequest = Omit<Extract<ExtensionRequest, { type: 'send' }>, 'type' | 'ref'>;

/** What the extensions may use of the app core: nothing more. */
export interface ExtensionGateway {
  preview(req: ExtensionSendRequest): { to: string; redacted: string; confirm: Bilingual | null };
  /** Sends on the first ready modem; `confirmed` when the app's user approved this very send. */
  send(req: ExtensionSendRequest, confirmed: boolean): Promise<string>;
  modem(): ExtensionModemView | null;
  onIncoming(listener: (record: IncomingRecord) => void): () => void;
  onOutgoing(listener: (record: OutgoingRecord) => void): () => void;
}

export interface ExtensionPolicy {
  gateway: ExtensionGateway;
  pairings: PairingStore;
  approvals: Approvals;
  rateLimiter: RateLimiter;
}

/** Replies are looked for as long after an instruction as the reply reader pairs them (instructions/replies.json). */
const REPLY_WINDOW_MS = builtinReplyRules().answers.windowMs;

interface Tracked {
  ref: string;
  to: string;
  sentAt: number;
}

/**
 * One connected extension (one native-messaging port). Everything it asks passes the same gates
 * in order: a valid message, a pairing the user approved in the app, the rate limit, and for risky
 * instructions and reports a confirmation in the app.
 */
export class ExtensionSession {
  private readonly commands = new Map<string, Tracked>();
  private parts: IncomingRecord[] = [];
  /** Replies already passed on (by their part keys), with when they came: pruned with the parts. */
  private readonly forwarded = new Map<string, number>();
  private readonly unsubscribe: Array<() => void>;
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
      policy.pairings.on('revoked', (id) => id === extensionId && this.post({ type: 'unpaired', reason: 'revoked' })),
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
      this.post({ type: 'error', error: errorText(e) });
      return;
    }
    if (request.type === 'hello') this.hello();
    else if (request.type === 'pair') await this.pair();
    else await this.send(request);
  }

  private get paired(): boolean {
    return this.policy.pairings.has(this.extensionId);
  }

  private hello(): void {
    this.post({ type: 'hello', paired: this.paired, pairingCode: this.pairingCode, modem: this.policy.gateway.modem() });
  }

  private async pair(): Promise<void> {
    if (this.paired) return this.post({ type: 'paired' });
    if (this.pairingCode) return this.post({ type: 'pairing', code: this.pairingCode });
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    let asked: Promise<'approved' | 'declined' | 'expired'>;
    try {
      asked = this.policy.approvals.ask({ kind: 'pair', extensionId: this.extensionId, code }, this);
    } catch (e) {
      // Too many prompts waiting: no code is shown for a question the app will not ask.
      return this.post({ type: 'error', error: errorText(e) });
    }
    this.pairingCode = code;
    this.post({ type: 'pairing', code });
    const outcome = await asked;
    this.pairingCode = null;
    if (outcome !== 'approved') return this.post({ type: 'unpaired', reason: outcome === 'declined' ? 'refused' : 'expired' });
    try {
      await this.policy.pairings.add(this.extensionId);
      this.post({ type: 'paired' });
    } catch (e) {
      this.post({ type: 'error', error: errorText(e) });
    }
  }

  private async send(request: Extract<ExtensionRequest, { type: 'send' }>): Promise<void> {
    const { ref, type: _type, ...req } = request;
    const refuse = (error: unknown) => this.post({ type: 'send-state', ref, state: 'refused', error: errorText(error) });
    if (!this.paired) return refuse(notPaired());
    const slot = this.policy.rateLimiter.take(this.extensionId);
    if (!slot.ok) return refuse(rateLimited(slot.retryInMs));
    let preview: ReturnType<ExtensionGateway['preview']>;
    try {
      preview = this.policy.gateway.preview(req);
    } catch (e) {
      return refuse(e);
    }
    let confirmed = false;
    if (preview.confirm) {
      this.post({ type: 'send-state', ref, state: 'confirming' });
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
      if (!this.paired) return refuse(notPaired());
      confirmed = true;
    }
    try {
      const commandId = await this.policy.gateway.send(req, confirmed);
      this.commands.set(commandId, { ref, to: preview.to, sentAt: Date.now() });
      // The core reported 'queued' before we knew the command's id: say it now; later states follow.
      this.post({ type: 'send-state', ref, state: 'queued' });
    } catch (e) {
      this.post({ type: 'send-state', ref, state: 'failed', error: errorText(e) });
    }
  }

  private onOutgoing(record: OutgoingRecord): void {
    const tracked = this.commands.get(record.id);
    if (!tracked) return;
    const state: ExtensionSendState = record.state === 'failed-retryable' ? 'failed' : record.state;
    this.post({ type: 'send-state', ref: tracked.ref, state, ...(record.error ? { error: sendFailure(record.error) } : {}) });
  }

  /** Complete messages from a number an instruction went to, after it went: the replies. */
  private onIncoming(record: IncomingRecord): void {
    const now = Date.now();
    for (const [id, t] of this.commands) if (now - t.sentAt > REPLY_WINDOW_MS) this.commands.delete(id);
    const asker = [...this.commands.values()].filter((t) => t.to === record.from && record.receivedAt >= t.sentAt - 1000).pop();
    if (!asker) return;
    // Only parts within the reply window are kept: older ones can no longer answer anything, and
    // a long-lived port would otherwise grow without bound (and reuse 8-bit concatenation references).
    this.parts = this.parts.filter((p) => now - p.receivedAt <= REPLY_WINDOW_MS);
    for (const [id, at] of this.forwarded) if (now - at > REPLY_WINDOW_MS) this.forwarded.delete(id);
    this.parts.push(record);
    for (const message of assembleRecords(this.parts)) {
      const id = message.keys.join(',');
      if (!message.complete || this.forwarded.has(id)) continue;
      this.forwarded.set(id, message.receivedAt);
      this.post({ type: 'reply', ref: asker.ref, from: message.from, text: message.text, receivedAt: message.receivedAt });
    }
  }
}

function errorText(e: unknown): ErrorText {
  const error = toHallError(e);
  return { code: error.code, zh: error.zh, en: error.en };
}

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
