import * as v from 'valibot';
import { HallError } from '../errors';

/**
 * What the browser extension and the desktop app say to each other through Chrome native
 * messaging (extension ⇄ host process ⇄ app core). The app validates every extension message
 * here; the extension validates every app message with the same module.
 */

/** The native-messaging host's registered name (reverse-DNS, as Chrome requires). */
export const NATIVE_HOST_NAME = 'com.hall10086.bridge';

/** Chrome's limit for one message from the host to the extension is 1 MiB; ours is far lower. */
export const MAX_EXTENSION_MESSAGE_BYTES = 64 * 1024;

const Ref = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,40}$/));
const Params = v.record(v.pipe(v.string(), v.regex(/^[A-Za-z][A-Za-z0-9]{0,31}$/)), v.pipe(v.string(), v.maxLength(64)));

export const ExtensionRequestSchema = v.variant('type', [
  /** Who am I to the app: paired or not, and the modem's state. */
  v.strictObject({ type: v.literal('hello') }),
  /** Ask the app's user to pair this extension. */
  v.strictObject({ type: v.literal('pair') }),
  /** Send a catalog instruction (id + params) or, for reports, text to a service number. */
  v.strictObject({
    type: v.literal('send'),
    ref: Ref,
    id: v.optional(v.pipe(v.string(), v.regex(/^[A-Za-z0-9]{1,16}$/))),
    params: v.optional(Params),
    text: v.optional(v.pipe(v.string(), v.minLength(1), v.maxLength(700))),
    to: v.optional(v.pipe(v.string(), v.regex(/^\d{3,20}$/))),
  }),
]);
export type ExtensionRequest = v.InferOutput<typeof ExtensionRequestSchema>;

export interface ExtensionModemView {
  state: 'ready' | 'busy' | 'offline';
  demo: boolean;
  operator: string | null;
  bars: 0 | 1 | 2 | 3 | 4;
}

export type ExtensionSendState = 'confirming' | 'queued' | 'sending' | 'sent' | 'delivered' | 'failed' | 'refused';

export interface ErrorText {
  code: string;
  zh: string;
  en: string;
}

export type AppMessage =
  | { type: 'hello'; paired: boolean; pairingCode: string | null; modem: ExtensionModemView | null }
  /** Pairing asked for: the same code is shown in the app's prompt. */
  | { type: 'pairing'; code: string }
  | { type: 'paired' }
  | { type: 'unpaired'; reason: 'refused' | 'revoked' | 'expired' }
  | { type: 'send-state'; ref: string; state: ExtensionSendState; error?: ErrorText }
  /** A message from the number an instruction went to, received after it was sent. */
  | { type: 'reply'; ref: string; from: string; text: string; receivedAt: number }
  | { type: 'error'; error: ErrorText };

/** Parses one message from an extension, or explains in both languages why it was refused. */
export function parseExtensionRequest(raw: unknown): ExtensionRequest {
  const parsed = v.safeParse(ExtensionRequestSchema, raw);
  if (parsed.success) return parsed.output;
  const where = parsed.issues.slice(0, 2).map((i) => `${v.getDotPath(i) ?? '(root)'}: ${i.message}`).join('; ');
  throw new HallError('extension.bad-message', { zh: `扩展发来的消息无效：${where}`, en: `Invalid message from the extension: ${where}` });
}

/** A Chrome extension ID: 32 letters a–p. Its origin is `chrome-extension://<id>/`. */
export const EXTENSION_ID_PATTERN = /^[a-p]{32}$/;

export function extensionIdFromOrigin(origin: string): string | null {
  const m = /^chrome-extension:\/\/([a-p]{32})\/$/.exec(origin);
  return m ? m[1]! : null;
}
