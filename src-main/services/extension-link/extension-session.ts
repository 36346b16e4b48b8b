import { randomInt } from 'node:crypto';
import { mac, macMatches, randomToken, textDigest } from '../../../src-shared/api/extension-auth';
import type { ApprovalView, ModemStatus, OutgoingRecord } from '../../../src-shared/api/contract';
import { mayHaveGoneOut, type HandedOutRecord } from '../../../src-shared/journal-records';
import {
  parseExtensionRequest,
  type AppMessage,
  type ErrorText,
  type ExtensionModemView,
  type ExtensionRequest,
  type ExtensionSendState,
  MAX_MODEM_VIEWS,
  MAYBE_SENT_CODE,
  MODEM_PUSH_GAP_MS,
  type RequestAuth,
} from '../../../src-shared/api/extension-messages';
import { assembleRecords, type AssembledRecordMessage } from '../../../src-shared/assemble';
import { firstOccurrenceOf } from '../../../src-shared/journal-key';
import { acceptedKinds, answerKinds, builtinReplyRules, ReplyReader, type AnswerKind } from '../../../src-shared/replies';
import { SECRET_MASK } from '../../../src-shared/catalog/secrets';
import { localNumber } from '../../../src-shared/catalog/service-numbers';
import { sendNote } from '../../../src-shared/send-notes';
import { HallError, toHallError, type Bilingual } from '../../../src-shared/errors';
import { explainSendFailure, MAYBE_SENT_REFUSED } from '../../../src-shared/send-failure';
import type { Approvals } from './approvals';
import type { Association, PairingStore } from './pairings';
import type { RateLimiter } from './rate-limit';
import type { ToldReplies } from './told-replies';

export type ExtensionSendRequest = Omit<Extract<ExtensionRequest, { type: 'send' }>, 'type' | 'ref' | 'auth' | 'resend'>;

/** The modem a send of the extension goes from, and the SIM it held when the send was asked (what an approval names). */
export interface ExtensionSender {
  modemId: string;
  path: string;
  simId: string | null;
  identity: ModemStatus['identity'];
}

/** What the extensions may use of the app core: nothing more. */
export interface ExtensionGateway {
  /** The SMS, whether the app's user must say yes first, and the ready modem it goes from (`modem.none` without one). */
  preview(req: ExtensionSendRequest): { to: string; redacted: string; confirm: Bilingual | null; from: ExtensionSender };
  /**
   * Sends from `from`, only while that modem still holds the SIM it held when asked (else `extension.sim-changed`):
   * `confirmed` when the app's user approved this very send.
   */
  send(req: ExtensionSendRequest, confirmed: boolean, from: ExtensionSender, resend: boolean): Promise<string>;
  /**
   * Throws what `send` would throw for sending again what may have gone out (the core's one rule, HallCore.againOf):
   * `send.maybe-sent` without `resend` (mend51), `send.already-retried` with it when that one was sent again since.
   * Asked before the app's user is, so nobody is asked about a send that would be refused.
   */
  checkAgain(req: ExtensionSendRequest, from: ExtensionSender, resend: boolean): void;
  /** Every modem the app has, the one a send goes from (the first ready) first among the ready ones. */
  modems(): ExtensionModemView[];
  /** Called when a modem's state, SIM or signal may have changed (or it went): `modems()` then says how. */
  onModemChange(listener: () => void): () => void;
  onIncoming(listener: (record: HandedOutRecord) => void): () => void;
  onOutgoing(listener: (record: OutgoingRecord) => void): () => void;
  /** The text with its passwords and ID numbers masked, as the catalog in use finds them. */
  mask(text: string): string;
  /** Whole long messages the journal still holds that read as possibly joined wrong (across a restart too). */
  uncertainMessages(): { simId: string; receivedAt: number; text: string }[];
}

export interface ExtensionPolicy {
  gateway: ExtensionGateway;
  pairings: PairingStore;
  /** The long replies each association was passed on certain: all a recheck answers about (fleet27). */
  told: ToldReplies;
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
/** Kinds of answer every instruction takes (a failure, a menu): they say nothing about which send they answer. */
const ANY_INSTRUCTION = new Set(REPLY_RULES.answers.anyInstruction);
/** The one key the pairing limiter counts under. */
const PAIRING_KEY = 'pair';

/** A send from this SIM within the reply window, made here or elsewhere: replies are paired with these. */
interface Sent {
  /** The kinds of answer its instruction takes. */
  accepts: ReadonlySet<AnswerKind>;
  to: string;
  /** The SIM it went from, once a state of it said so. */
  simId: string | null;
  sentAt: number;
  /** It took its answer already (or was passed a failure): it waits for no other. */
  answered: boolean;
  /** Its latest state is a failure: no reply will come. */
  failed: boolean;
}

/** One of this connection's own sends. */
interface Tracked extends Sent {
  ref: string;
  association: Association;
  /** It carried a password or ID number (MMHF, MMXG, CXYEH): its answer may carry a password too. */
  secret: boolean;
  /** A custom instruction: whatever the reply rules say its code takes, 10086 may answer it with anything. */
  custom: boolean;
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
  /** A recheck was answered on this connection: the extension asks once (review26: each one costs two digests per uncertain message, and each is a guess at a text's time and digest). */
  private rechecked = false;
  /** Requests are verified one after another, so the counter check sees them in the order they came. */
  private verifying: Promise<unknown> = Promise.resolve();
  /** Messages leave in the order they were made, although signing them takes a moment. */
  private outbox: Promise<unknown> = Promise.resolve();
  private readonly commands = new Map<string, Tracked>();
  /** Sends made elsewhere (in the app, by another profile) within the reply window: the replies they take are theirs. */
  private readonly elsewhere = new Map<string, Sent>();
  private parts: HandedOutRecord[] = [];
  /** Every part that came on this connection within the reply window, by key → when: what a repeat names. */
  private readonly came = new Map<string, number>();
  private readonly openedAt = Date.now();
  /** Messages already paired (by their part keys), with when they came: pruned with the parts. */
  private readonly paired = new Map<string, number>();
  /**
   * Replies passed on certain, by the message's part keys: a message of their second read later may show them
   * possibly joined wrong (mixedUpSendings), and the extension is then told (`reply-uncertain`). Pruned with `paired`.
   */
  private readonly toldCertain = new Map<string, { ref: string; receivedAt: number; association: Association }>();
  private readonly unsubscribe: Array<() => void>;
  /** The associations this connection proved it holds. */
  private readonly proven = new Set<string>();
  private pairingCode: string | null = null;
  /** The association whose paired `status` was answered last: modem changes are told to it, signed with its key. */
  private listener: Association | null = null;
  /** The modem list as last told on this connection (answer or push), to tell only a change. */
  private modemsTold = '';
  private modemPush: ReturnType<typeof setTimeout> | null = null;
  /** On the monotonic clock: the wall clock set back (NTP, the user, a VM resumed) would hold the next push back as long. */
  private modemsPushedAt = -Infinity;

  constructor(
    readonly extensionId: string,
    private readonly policy: ExtensionPolicy,
    private readonly post: (message: AppMessage) => void,
  ) {
    const { gateway } = policy;
    this.unsubscribe = [
      gateway.onOutgoing((r) => this.onOutgoing(r)),
      gateway.onIncoming((r) => this.onIncoming(r)),
      gateway.onModemChange(() => this.modemsChanged()),
      policy.pairings.on('revoked', (id) => {
        // Its sends still in flight get no more states and, above all, no reply: a reply can hold a
        // new service password (MMHF), and the user has just said this extension may know nothing more.
        for (const [commandId, t] of this.commands) if (t.association.id === id) this.commands.delete(commandId);
        if (this.listener?.id === id) this.listener = null;
        if (this.proven.delete(id)) this.say({ type: 'unpaired', reason: 'revoked' });
      }),
    ];
  }

  close(): void {
    for (const u of this.unsubscribe) u();
    if (this.modemPush) clearTimeout(this.modemPush);
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
    else if (request.type === 'recheck') await this.recheck(request);
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
    const modems = this.modemViews();
    // `modem` for extensions before mend42, which show one: the one a send goes from, else the first.
    const modem = modems.find((m) => m.state === 'ready') ?? modems[0] ?? null;
    this.listener = association;
    this.modemsTold = JSON.stringify(modems);
    this.say({ type: 'status', paired: true, re: request.auth!.counter, name: association.name, modem, modems, recheck: true }, association);
  }

  private modemViews(): ExtensionModemView[] {
    return this.policy.gateway.modems().slice(0, MAX_MODEM_VIEWS);
  }

  /**
   * A modem changed: told to the extension unasked (`modems`), so an open popup shows a modem come or go without
   * asking again. Coalesced: every change until the push leaves makes one push of the list as it then stands, and
   * pushes are MODEM_PUSH_GAP_MS apart at least, so a flapping modem costs at most one message a second; a list
   * equal to the one last told (a change the view does not show) is not sent.
   */
  private modemsChanged(): void {
    if (!this.listener || this.modemPush) return;
    this.modemPush = setTimeout(() => this.pushModems(), Math.max(0, this.modemsPushedAt + MODEM_PUSH_GAP_MS - performance.now()));
  }

  private pushModems(): void {
    this.modemPush = null;
    const association = this.listener;
    // Revoked, expired or forgotten since its status: it is told nothing more.
    if (!association || !this.proven.has(association.id) || !this.policy.pairings.find(association.id, this.extensionId)) return;
    const modems = this.modemViews();
    const told = JSON.stringify(modems);
    if (told === this.modemsTold) return;
    this.modemsTold = told;
    this.modemsPushedAt = performance.now();
    this.say({ type: 'modems', modems }, association);
  }

  /**
   * The replies the extension shows certain that the journal now holds as possibly joined wrong: told as on the
   * connection that passed them on (`reply-uncertain`), which may have ended before the clash showed (a restart of
   * the app). A reply is the one the journal holds when its time and its text as the extension got it (whole, or
   * masked) match; unsigned, or not proven, the request is answered with nothing. Only about a reply this association
   * was passed on certain (its SIM and time, kept across restarts: ToldReplies): before fleet27 every SIM's long
   * messages answered, so any paired extension could confirm a guess at another SIM's reply (a new password).
   */
  private async recheck(request: Extract<ExtensionRequest, { type: 'recheck' }>): Promise<void> {
    const association = await this.authenticate(request);
    if (!association) return;
    if (this.rechecked) return this.say({ type: 'error', error: errorText(rechecked()) });
    this.rechecked = true;
    const uncertain = this.policy.gateway.uncertainMessages().filter((m) => this.policy.told.has(association.id, m.simId, m.receivedAt));
    if (uncertain.length === 0) return;
    const digests = new Map<string, number>();
    for (const m of uncertain) for (const text of [m.text, this.policy.gateway.mask(m.text)]) digests.set(`${m.receivedAt} ${await textDigest(text)}`, m.receivedAt);
    for (const r of request.replies) if (digests.has(`${r.receivedAt} ${r.digest}`)) this.say({ type: 'reply-uncertain', ref: r.ref, receivedAt: r.receivedAt }, association);
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
    const { ref, type: _type, auth: _auth, resend, ...req } = request;
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
    // The popup asks before it sends again what may have gone out; an extension before mend51 does not, so the app
    // refuses it: KTCL (a paid ring-back tone) asks nothing when first sent, and Send pressed again ordered it twice.
    // The popup's yes sends it as a retry of the unsure one (mend53), as a Retry does. The core's rule, as for every send.
    try {
      this.policy.gateway.checkAgain(req, preview.from, resend === true);
    } catch (e) {
      return refuse(inExtensionWords(e));
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
        from: { path: preview.from.path, simId: preview.from.simId, identity: preview.from.identity },
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
      const commandId = await this.policy.gateway.send(req, confirmed, preview.from, resend === true);
      const early = this.elsewhere.get(commandId);
      this.elsewhere.delete(commandId);
      const sent: Sent = { accepts: acceptedKinds(preview.redacted, REPLY_RULES), to: preview.to, simId: early?.simId ?? preview.from.simId, sentAt: Date.now(), answered: false, failed: early?.failed ?? false };
      this.commands.set(commandId, { ...sent, ref, association, secret: preview.redacted.includes(SECRET_MASK), custom: req.custom !== undefined });
      // The core reported 'queued' before we knew the command's id: say it now; later states follow.
      this.say({ type: 'send-state', ref, state: 'queued' }, association);
    } catch (e) {
      // Sent again from elsewhere while the app's user was asked: refused by the same rule, nothing went.
      const again = e instanceof HallError && (e.code === MAYBE_SENT_REFUSED || e.code === 'send.already-retried');
      this.say({ type: 'send-state', ref, state: again ? 'refused' : 'failed', error: errorText(inExtensionWords(e)) });
    }
  }

  private onOutgoing(record: OutgoingRecord): void {
    // One that may have gone out may still be answered: it waits for its reply like a sent one.
    const failed = record.state === 'failed';
    const tracked = this.commands.get(record.id);
    if (!tracked) {
      // Its first state may be one of this connection's own sends, before its id is known: send() takes it back.
      for (const [id, s] of this.elsewhere) if (record.at - s.sentAt > REPLY_WINDOW_MS) this.elsewhere.delete(id);
      const known = this.elsewhere.get(record.id);
      if (known) known.failed = failed;
      else this.elsewhere.set(record.id, { accepts: acceptedKinds(record.text, REPLY_RULES), to: record.to, simId: record.simId, sentAt: record.at, answered: false, failed });
      return;
    }
    tracked.simId = record.simId;
    tracked.failed = failed;
    // Not `failed`: the extension would let Send go again at once (mend51). One left queued at a restart never went (mend53).
    const state: ExtensionSendState = mayHaveGoneOut(record) ? 'maybe-sent' : record.state === 'failed-retryable' ? 'failed' : record.state;
    this.say({ type: 'send-state', ref: tracked.ref, state, ...(record.error ? { error: sendFailure(record.error, record.state) } : {}) }, tracked.association);
  }

  /**
   * Every complete message from a number something went to is paired, whoever sent that something
   * (a send made elsewhere must take its own answer, or a later one of the same kind would be held
   * back for it); only what answers this connection's sends, or answers nothing, is passed on.
   */
  private onIncoming(record: HandedOutRecord): void {
    const now = Date.now();
    for (const [id, t] of this.commands) if (now - t.sentAt > REPLY_WINDOW_MS) this.commands.delete(id);
    for (const [id, s] of this.elsewhere) if (now - s.sentAt > REPLY_WINDOW_MS) this.elsewhere.delete(id);
    for (const [key, at] of this.came) if (now - at > REPLY_WINDOW_MS) this.came.delete(key);
    this.came.set(record.key, record.receivedAt);
    if (!this.sends().some((s) => mayAnswer(record, s))) return;
    // Only parts within the reply window are kept: older ones can no longer answer anything, and
    // a long-lived port would otherwise grow without bound (and reuse 8-bit concatenation references).
    this.parts = this.parts.filter((p) => now - p.receivedAt <= REPLY_WINDOW_MS);
    for (const [id, at] of this.paired) {
      if (now - at <= REPLY_WINDOW_MS) continue;
      this.paired.delete(id);
      this.toldCertain.delete(id);
    }
    this.parts.push(record);
    for (const message of assembleRecords(this.parts)) {
      const id = message.keys.join(',');
      if (message.complete && message.uncertain) this.markLate(id);
      if (!message.complete || this.paired.has(id)) continue;
      this.paired.set(id, message.receivedAt);
      const repeat = this.repeatOf(message);
      if (repeat === 'paired') continue;
      const answer = this.answerTo(message, repeat);
      // `uncertain` only when it is: the message an older extension (which ignores it) checks is unchanged.
      const mark = message.uncertain ? { uncertain: true } : {};
      if (!answer) continue;
      this.say({ type: 'reply', ref: answer.asker.ref, from: message.from, text: answer.text, receivedAt: message.receivedAt, ...mark }, answer.asker.association);
      if (message.uncertain) continue;
      this.toldCertain.set(id, { ref: answer.asker.ref, receivedAt: message.receivedAt, association: answer.asker.association });
      // Only a long message can read joined wrong later, and a recheck asks about it on a later connection.
      const told = { association: answer.asker.association.id, simId: message.simId, receivedAt: message.receivedAt };
      if (message.keys.length > 1) void this.policy.told.add(told);
    }
  }

  /** A reply passed on certain and now found possibly joined wrong: the extension marks the one it shows. */
  private markLate(id: string): void {
    const told = this.toldCertain.get(id);
    if (!told) return;
    this.toldCertain.delete(id);
    this.say({ type: 'reply-uncertain', ref: told.ref, receivedAt: told.receivedAt }, told.association);
  }

  /** This connection's sends and those made elsewhere, oldest first; with `madeBy`, only those made by then. */
  private sends(madeBy = Number.POSITIVE_INFINITY): Sent[] {
    return [...this.commands.values(), ...this.elsewhere.values()].filter((s) => s.sentAt <= madeBy + 1000).sort((a, b) => a.sentAt - b.sentAt);
  }

  /**
   * A message the journal names as maybe one it handed out before (`sameTextAs`: the network's repeat of a single SMS;
   * `maybeStoredAs`: one read again after a restart): 'paired' when that one was paired here (the repeat answers
   * nothing more: before, it went to a newer send of the same kind, a reset asked for again getting the old password,
   * journal22); else the time that one came (before this connection opened, when it never came here), for it, or an
   * identical message stamped the same second, answers no send made after it. Likewise a later occurrence of a sender's
   * second (a key `…#2`), named or not: whatever its text, it was written in the second of the first occurrence, which
   * came before it, so it answers no send made after that one came (journal24: after a restart of the core the journal
   * no longer names the network's repeat; its key still says its second came before). Infinity for any other message.
   */
  private repeatOf(message: AssembledRecordMessage): 'paired' | number {
    const own = this.parts.filter((p) => message.keys.includes(p.key));
    const names = own.flatMap((p) => [p.sameTextAs ?? p.maybeStoredAs ?? []].flat());
    const firsts = own.flatMap((p) => [firstOccurrenceOf(p.key) ?? []].flat());
    if (names.length + firsts.length === 0) return Number.POSITIVE_INFINITY;
    const pairedKeys = new Set([...this.paired.keys()].flatMap((id) => id.split(',')));
    if (names.some((name) => pairedKeys.has(name))) return 'paired';
    return Math.min(...[...names, ...firsts].map((key) => this.came.get(key) ?? this.openedAt));
  }

  /**
   * Which of this extension's sends a message answers, and the text it gets. 10086 writes to the
   * SIM about everything sent from it (the app, another profile) and on its own. A message read as
   * an answer (a balance, an outcome, a bill) is paired as the app pairs replies: with the oldest
   * send still waiting whose instruction takes that kind of answer, here or elsewhere. Paired with
   * one of this connection's, it goes to it, whole when that send carried a password or ID number
   * (its answer is the new password), else masked: a send here may still be waiting because its own
   * answer was not understood, and the reset asked for in the app then pairs with it. Paired with one
   * made elsewhere, it goes nowhere (the new password after a reset asked for in the app is no
   * answer to this extension's KTLDXS, which takes outcomes too). Any other message goes to the
   * latest send here with its passwords and codes masked: one read as no answer, as a failure or as
   * a menu, and one read as an answer to nothing waiting, which is what the real reply to an
   * instruction the reply rules do not name is (a flow query to a custom CXLL reads as data, which
   * no rule gives CXLL).
   */
  private answerTo(message: AssembledRecordMessage, madeBy: number): { asker: Tracked; text: string } | null {
    // A failure or a menu answers any instruction: pairing it by age alone would give the extension's
    // own failure to an older send made elsewhere, so it is passed on masked like a message read as no answer.
    const read = answerKinds(REPLY_READER.read({ text: message.text, receivedAt: message.receivedAt, from: message.from }));
    const kinds = read.filter((k) => !ANY_INSTRUCTION.has(k));
    const waiting = this.sends(madeBy).filter((s) => mayAnswer(message, s) && !s.answered && !s.failed);
    const match = waiting.find((s) => kinds.some((k) => s.accepts.has(k)));
    if (match) match.answered = true;
    if (match && !isTracked(match)) {
      // The app pairs it with its own older send, but that one may never be answered (its reply was not
      // understood, a part was lost): a send made here since that takes it, or a custom one (the reply
      // rules speak for catalog codes; the real reply to a custom CXLL reads as data), may be what 10086 answered,
      // and holding the message back would lose the extension's answer. It goes masked, for it may be
      // the app's (a reset's new password), and ends that send's wait too.
      const own = waiting.find((s): s is Tracked => isTracked(s) && s.sentAt >= match.sentAt && (s.custom || kinds.some((k) => s.accepts.has(k))));
      if (!own) return null;
      own.answered = true;
      return { asker: own, text: this.policy.gateway.mask(message.text) };
    }
    if (match) return { asker: match, text: match.secret ? message.text : this.policy.gateway.mask(message.text) };
    // 10086 answers in the order it was asked: the oldest send here still waiting is the likeliest
    // asker (a custom CXLL's 指令有误 given to the MMXG sent after it ended MMXG's wait, and MMXG's own
    // answer then took the MMHF's place, whose new password came masked); with none waiting, the latest.
    const mine = [...this.commands.values()].filter((t) => mayAnswer(message, t) && t.sentAt <= madeBy + 1000);
    const asker = mine.find((t) => !t.answered && !t.failed) ?? mine.at(-1);
    if (!asker) return null;
    // A failure passed on to a send ends its wait: an MMHF of the extension refused (an ID number not
    // the user's, which the approval shows masked) would otherwise take the reset the user then makes in the app.
    if (read.includes('failure')) asker.answered = true;
    return { asker, text: this.policy.gateway.mask(message.text) };
  }
}

const isTracked = (s: Sent): s is Tracked => 'ref' in s;

/** A message from the number a send went to, on its SIM (when known), no earlier than it: it may be its reply. */
function mayAnswer(message: { from: string; simId: string; receivedAt: number }, sent: Sent): boolean {
  return (
    localNumber(sent.to) === localNumber(message.from) &&
    (sent.simId === null || sent.simId === message.simId) &&
    message.receivedAt >= sent.sentAt - 1000 &&
    message.receivedAt - sent.sentAt <= REPLY_WINDOW_MS
  );
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

/** The core's `send.maybe-sent` as the extension has been told it since mend51 (its popup knows the code). */
const inExtensionWords = (e: unknown) => (e instanceof HallError && e.code === MAYBE_SENT_REFUSED ? maybeSentBefore() : e);

const maybeSentBefore = () =>
  new HallError(MAYBE_SENT_CODE, {
    zh: '上一次发出的同一条指令可能已经发出了（从同一张 SIM 卡），所以这次没有发出：请先等 10086 的回复。确定要再发一次：在扩展中确认，或在桌面应用里点那一条的“重试”；10 分钟后也可以照常再发。',
    en: 'The same instruction sent last from the same SIM may already have gone out, so this one was not sent: wait for 10086’s reply first. To send it again anyway, confirm it in the extension or press Retry on it in the desktop app; after 10 minutes it can be sent again as usual.',
  });

const rechecked = () =>
  new HallError('extension.rechecked', {
    zh: '这次连接已经核对过一次回复，不再核对。请重新连接桌面应用。',
    en: 'The replies were already rechecked on this connection; reconnect to the desktop app to check again.',
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

/**
 * What the popup is told with a send's state: a note (sendNote) in its own words; a failure as the app and the CLI say
 * it (explainSendFailure), with what to do: one that may have gone out says so (review43: a modem timeout was
 * "发送失败（at.timeout）", a network timeout "短信中心拒收", and a second press of Send then ordered a paid service twice).
 */
export function sendFailure(code: string, state?: string): ErrorText {
  const note = sendNote(code);
  if (note) return { code, zh: note['zh-Hans'], en: note.en };
  const failure = explainSendFailure(code, state);
  return { code, zh: `${failure.zh}${failure.action.zh}`, en: `${failure.en} ${failure.action.en}` };
}
