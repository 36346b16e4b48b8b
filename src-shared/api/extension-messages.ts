import * as v from 'valibot';
import { HallError } from '../errors';
import { TOKEN_16, TOKEN_32 } from './extension-auth';
import { plainIssues } from './plain-issues';

/**
 * What the browser extension and the desktop app say to each other through Chrome native
 * messaging (extension ⇄ host process ⇄ app core). The app validates every extension message
 * here (`parseExtensionRequest`); the extension checks the MAC of every app message that needs one
 * (`needsAppAuth`), then validates every app message here (`parseAppMessage`) and drops what fails.
 */

/** The native-messaging host's registered name (reverse-DNS, as Chrome requires). */
export const NATIVE_HOST_NAME = 'com.hall10086.bridge';

/** Chrome's limit for one message from the host to the extension is 1 MiB; ours is far lower. */
export const MAX_EXTENSION_MESSAGE_BYTES = 64 * 1024;

const Ref = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,40}$/));
const Params = v.record(v.pipe(v.string(), v.regex(/^[A-Za-z][A-Za-z0-9]{0,31}$/)), v.pipe(v.string(), v.maxLength(64)));
/**
 * How an extension names its browser and profile in the app's pairing prompt: no control
 * characters, and no invisible format characters (a right-to-left override would make the prompt
 * read differently from what was sent: `\u202e` turns "…eliforp" into "profile…").
 */
const Label = v.pipe(v.string(), v.trim(), v.maxLength(60), v.regex(/^[^\u0000-\u001f\u007f\u2028\u2029\p{Cf}]*$/u));

/**
 * Proof that a request comes from the holder of an association's secret: the association's
 * public ID, a counter that rises with every request on this connection, and the HMAC of the
 * request without this field (src-shared/api/extension-auth.ts).
 */
const Auth = v.strictObject({
  id: v.pipe(v.string(), v.regex(TOKEN_16)),
  counter: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(Number.MAX_SAFE_INTEGER)),
  mac: v.pipe(v.string(), v.regex(TOKEN_32)),
});
export type RequestAuth = v.InferOutput<typeof Auth>;

/** The replies a `recheck` asks about at most: the extension keeps 10 sends, a few replies each. */
export const MAX_RECHECKED_REPLIES = 40;
const ReceivedAt = v.pipe(v.number(), v.integer(), v.minValue(0));

export const ExtensionRequestSchema = v.variant('type', [
  /** Opens a connection: the app answers with the nonce every later MAC on it includes. */
  v.strictObject({ type: v.literal('hello') }),
  /** Does the app still know this association (and the modem's state)? The cheap test at each connect. */
  v.strictObject({ type: v.literal('status'), auth: v.optional(Auth) }),
  /**
   * Ask the app's user to pair: the extension made a fresh association ID and secret for this
   * browser profile, and names the browser and profile so the user can tell pairings apart.
   */
  v.strictObject({
    type: v.literal('pair'),
    id: v.pipe(v.string(), v.regex(TOKEN_16)),
    key: v.pipe(v.string(), v.regex(TOKEN_32)),
    browser: Label,
    profile: Label,
  }),
  /** Send a catalog instruction (id + params), one of the user's own (custom), or a report (text to a report number). */
  v.strictObject({
    type: v.literal('send'),
    ref: Ref,
    id: v.optional(v.pipe(v.string(), v.regex(/^[A-Za-z0-9]{1,16}$/))),
    custom: v.optional(
      v.strictObject({
        code: v.pipe(v.string(), v.regex(/^[A-Za-z0-9]{1,16}$/)),
        template: v.pipe(v.string(), v.minLength(1), v.maxLength(70)),
        to: v.pipe(v.string(), v.regex(/^\d{3,20}$/)),
      }),
    ),
    params: v.optional(Params),
    text: v.optional(v.pipe(v.string(), v.minLength(1), v.maxLength(700))),
    to: v.optional(v.pipe(v.string(), v.regex(/^\d{3,20}$/))),
    /**
     * The user said yes in the popup to sending again what may have gone out (`maybe-sent`): without it the app refuses
     * a send whose same text to the same number from the same SIM may have gone out (`extension.maybe-sent`). Since
     * mend51; only ever sent after a `maybe-sent` or that refusal, which an older app never says.
     */
    resend: v.optional(v.literal(true)),
    auth: v.optional(Auth),
  }),
  /**
   * Which of these replies, shown certain, has since been found possibly joined wrong? Asked once per connection
   * when the app's status offers it (`recheck`): a withdrawal said on a connection that ended (a restart of the
   * app) reaches the extension all the same (fleet26). Each reply by its send, time and text's digest (textDigest).
   */
  v.strictObject({
    type: v.literal('recheck'),
    replies: v.pipe(
      v.array(v.strictObject({ ref: Ref, receivedAt: ReceivedAt, digest: v.pipe(v.string(), v.regex(TOKEN_32)) })),
      v.minLength(1),
      v.maxLength(MAX_RECHECKED_REPLIES),
    ),
    auth: v.optional(Auth),
  }),
]);
export type ExtensionRequest = v.InferOutput<typeof ExtensionRequestSchema>;

export interface ExtensionModemView {
  state: 'ready' | 'busy' | 'offline';
  demo: boolean;
  operator: string | null;
  bars: 0 | 1 | 2 | 3 | 4;
  /**
   * The SIM it holds as the app names it (`SIM …123456`, simLabel: never the whole ICCID), null with no card
   * identified. Since mend42; absent from an older app (the popup then names none).
   */
  sim?: string | null;
  /** The modem's maker and model, as the app's question names it; null when it did not say. Since mend42. */
  device?: string | null;
}

/**
 * `maybe-sent` (since mend51): it failed after the message was handed to the modem (a network timeout, a long SMS
 * partly sent, the modem gone mid-send), so it may have reached 10086; sending it again may order a paid service twice.
 * An extension before it fails to read it and keeps the send's last state (`sending`), with the app's word that a
 * message could not be read: never sent, never failed-so-resend.
 */
export type ExtensionSendState = 'confirming' | 'queued' | 'sending' | 'sent' | 'delivered' | 'maybe-sent' | 'failed' | 'refused';

/** A send refused because the same one may have gone out just before: the popup then asks before it sends again with `resend`. */
export const MAYBE_SENT_CODE = 'extension.maybe-sent';

export interface ErrorText {
  code: string;
  zh: string;
  en: string;
}

/** The app's proof on a message: its own rising counter and the HMAC of the message without this field. */
export interface ReplyAuth {
  counter: number;
  mac: string;
}

export type AppMessage =
  /** The connection's nonce, fresh for every connection. */
  | { type: 'hello'; version: 2; nonce: string }
  /**
   * `re`: the counter of the status request this answers. Paired only with a valid MAC from the app. `recheck`: the
   * app answers a `recheck` (fleet26); absent (apps before it) the extension does not ask.
   */
  /**
   * `modem`: the first ready modem (else the first), what extensions before mend42 show. `modems`: every modem the
   * app has, in its order (the first ready is the one a send goes from); absent from older apps.
   */
  | { type: 'status'; paired: true; re: number; name: string; modem: ExtensionModemView | null; modems?: ExtensionModemView[]; recheck?: boolean; auth?: ReplyAuth }
  | { type: 'status'; paired: false; pairingCode: string | null }
  /** Pairing asked for: the same code is shown in the app's prompt. */
  | { type: 'pairing'; code: string }
  | { type: 'paired'; id: string; auth?: ReplyAuth }
  | { type: 'unpaired'; reason: 'refused' | 'revoked' | 'expired' | 'rate-limited'; error?: ErrorText }
  | { type: 'send-state'; ref: string; state: ExtensionSendState; error?: ErrorText; auth?: ReplyAuth }
  /** A message from the number an instruction went to, received after it was sent. */
  /**
   * `uncertain`: a long message that may be joined wrong (two under one reference in the same second,
   * docs/security.md): shown with a note, no figures read from it. Absent (apps before it) = not uncertain.
   */
  | { type: 'reply'; ref: string; from: string; text: string; receivedAt: number; uncertain?: boolean; auth?: ReplyAuth }
  /**
   * The `reply` to `ref` received at `receivedAt`, passed on certain, has since been found possibly joined wrong (a
   * message of its second read later showed the parts out of order: docs/security.md). Since journal23; an older
   * extension does not know the type and only logs it.
   */
  | { type: 'reply-uncertain'; ref: string; receivedAt: number; auth?: ReplyAuth }
  /**
   * Unasked: the app's modems changed (one came, went, got ready or changed SIM) since it last told this connection,
   * to the association whose paired `status` it answered last; coalesced, at most one per MODEM_PUSH_GAP_MS. Since
   * mend45; an older extension does not know the type and only logs it (it learns at its next `status`).
   */
  | { type: 'modems'; modems: ExtensionModemView[]; auth?: ReplyAuth }
  | { type: 'error'; error: ErrorText };

/** A modem flapping cannot flood the port: the app tells a connection of its modems at most this often. */
export const MODEM_PUSH_GAP_MS = 1_000;

/**
 * What an app message may claim without the association's MAC: only what leaves the extension no
 * better off than before (not paired, refused, failed). Success, pairing and replies need the MAC.
 * Asked of a message as it came, before it is validated: a `paired` that is anything but `false`
 * needs the MAC, so a malformed one cannot skip it.
 */
export function needsAppAuth(m: { type?: unknown; paired?: unknown; state?: unknown }): boolean {
  if (m.type === 'status') return m.paired !== false;
  if (m.type === 'send-state') return m.state !== 'refused' && m.state !== 'failed';
  return m.type === 'paired' || m.type === 'reply' || m.type === 'reply-uncertain' || m.type === 'modems';
}

const ReplyAuthSchema = v.object({
  counter: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(Number.MAX_SAFE_INTEGER)),
  mac: v.pipe(v.string(), v.regex(TOKEN_32)),
});

/** The app's proof on a message as it came (checked before the message itself), or null when it has none fit to check. */
export function appAuthOf(raw: { auth?: unknown }): ReplyAuth | null {
  const parsed = v.safeParse(ReplyAuthSchema, raw.auth);
  return parsed.success ? parsed.output : null;
}

/** What the app shows the user; the extension shows it as it is, so it is bounded but not reworded. */
const ErrorTextSchema = v.object({
  // Any code the app makes (`param.tooLong`, `cms.500`…): bounded, no markup or spaces.
  code: v.pipe(v.string(), v.regex(/^[A-Za-z0-9._-]{1,80}$/)),
  zh: v.pipe(v.string(), v.minLength(1), v.maxLength(1000)),
  en: v.pipe(v.string(), v.minLength(1), v.maxLength(1000)),
});
const PairingCode = v.pipe(v.string(), v.regex(/^\d{6}$/));
/** More modems than any desk has: the list the popup draws stays bounded. */
export const MAX_MODEM_VIEWS = 64;
const ModemViewSchema = v.object({
  state: v.picklist(['ready', 'busy', 'offline']),
  demo: v.boolean(),
  operator: v.nullable(v.pipe(v.string(), v.maxLength(80))),
  bars: v.picklist([0, 1, 2, 3, 4]),
  sim: v.optional(v.nullable(v.pipe(v.string(), v.maxLength(80)))),
  device: v.optional(v.nullable(v.pipe(v.string(), v.maxLength(120)))),
});

const AppReplySchema = v.object({
  type: v.literal('reply'),
  ref: Ref,
  from: v.pipe(v.string(), v.maxLength(40)),
  text: v.pipe(v.string(), v.maxLength(MAX_EXTENSION_MESSAGE_BYTES)),
  receivedAt: v.pipe(v.number(), v.integer(), v.minValue(0)),
  // An app older than the mark does not send it: its replies are read as certain.
  uncertain: v.optional(v.boolean(), false),
});

/**
 * Every message the app may send the extension. `v.object` (not strict): a field a newer app adds is
 * left out, and every field added since version 2 is optional (an older app does not send it). The
 * `auth` field is not kept: it was checked before (the MAC is over the message as sent).
 */
const AppMessageSchema = v.variant('type', [
  v.object({ type: v.literal('hello'), version: v.literal(2), nonce: v.pipe(v.string(), v.regex(TOKEN_16)) }),
  v.variant('paired', [
    v.object({
      type: v.literal('status'),
      paired: v.literal(true),
      re: v.pipe(v.number(), v.integer(), v.minValue(1)),
      name: v.pipe(v.string(), v.maxLength(200)),
      modem: v.nullable(ModemViewSchema),
      modems: v.optional(v.pipe(v.array(ModemViewSchema), v.maxLength(MAX_MODEM_VIEWS))),
      recheck: v.optional(v.boolean(), false),
    }),
    v.object({ type: v.literal('status'), paired: v.literal(false), pairingCode: v.nullable(PairingCode) }),
  ]),
  v.object({ type: v.literal('pairing'), code: PairingCode }),
  v.object({ type: v.literal('paired'), id: v.pipe(v.string(), v.regex(TOKEN_16)) }),
  v.object({ type: v.literal('unpaired'), reason: v.picklist(['refused', 'revoked', 'expired', 'rate-limited']), error: v.optional(ErrorTextSchema) }),
  v.object({
    type: v.literal('send-state'),
    ref: Ref,
    state: v.picklist(['confirming', 'queued', 'sending', 'sent', 'delivered', 'maybe-sent', 'failed', 'refused']),
    error: v.optional(ErrorTextSchema),
  }),
  AppReplySchema,
  v.object({ type: v.literal('reply-uncertain'), ref: Ref, receivedAt: ReceivedAt }),
  v.object({ type: v.literal('modems'), modems: v.pipe(v.array(ModemViewSchema), v.maxLength(MAX_MODEM_VIEWS)) }),
  v.object({ type: v.literal('error'), error: ErrorTextSchema }),
]);
/** An app message as the extension keeps it: valid, without `auth`, a reply's `uncertain` always said. */
export type AppMessageIn = v.InferOutput<typeof AppMessageSchema>;
export type AppReply = Extract<AppMessageIn, { type: 'reply' }>;

const APP_MESSAGE_TYPES = ['hello', 'status', 'pairing', 'paired', 'unpaired', 'send-state', 'reply', 'reply-uncertain', 'modems', 'error'] as const;

/** An app message that failed: what it said it was, the send it named (if readable), and which fields failed (never their values). */
export interface AppMessageRefusal {
  type: (typeof APP_MESSAGE_TYPES)[number] | 'unknown';
  ref: string | null;
  fields: string[];
}

/** One message from the app, valid, or what the extension may safely say about why it is dropped. */
export function parseAppMessage(raw: unknown): { message: AppMessageIn } | { refused: AppMessageRefusal } {
  const parsed = v.safeParse(AppMessageSchema, raw);
  if (parsed.success) return { message: parsed.output };
  const given = (typeof raw === 'object' && raw !== null ? raw : {}) as { type?: unknown; ref?: unknown };
  const type = APP_MESSAGE_TYPES.find((t) => t === given.type) ?? 'unknown';
  const ref = v.is(Ref, given.ref) ? given.ref : null;
  const fields = [...new Set(parsed.issues.map((i) => v.getDotPath(i) ?? '(root)'))].slice(0, 5);
  return { refused: { type, ref, fields } };
}

/** Parses one message from an extension, or explains in both languages why it was refused. */
export function parseExtensionRequest(raw: unknown): ExtensionRequest {
  const parsed = v.safeParse(ExtensionRequestSchema, raw);
  if (parsed.success) return parsed.output;
  // Without the values given: a malformed key or MAC is near a secret.
  const { zh, en } = plainIssues(parsed.issues, 2);
  throw new HallError('extension.bad-message', { zh: `扩展发来的消息无效：${zh}`, en: `Invalid message from the extension: ${en}` });
}

/** A Chrome extension ID: 32 letters a–p. Its origin is `chrome-extension://<id>/`. */
export const EXTENSION_ID_PATTERN = /^[a-p]{32}$/;

export function extensionIdFromOrigin(origin: string): string | null {
  const m = /^chrome-extension:\/\/([a-p]{32})\/$/.exec(origin);
  return m ? m[1]! : null;
}
