import * as v from 'valibot';
import { MAX_CUSTOM_FILE_BYTES } from '../catalog/custom/limits';
import { HallError } from '../errors';
import type { EventName, WireMessage } from './contract';

/**
 * Decoding and error mapping for `WireMessage`, shared by every transport's two ends. Decoding is
 * structural only: whether a call names a real method with valid parameters is `validateRequest`'s job.
 */

const WireId = v.pipe(v.number(), v.safeInteger(), v.minValue(0));
const WireErrorSchema = v.object({
  code: v.string(),
  zh: v.string(),
  en: v.string(),
  action: v.optional(v.object({ zh: v.string(), en: v.string() })),
});

const WireMessageSchema = v.variant('type', [
  // Loose on purpose: any call with a usable id gets an answer (validateRequest's error), however nonsensical.
  v.object({ type: v.literal('call'), id: WireId, method: v.optional(v.unknown()), params: v.optional(v.unknown()) }),
  v.object({ type: v.literal('result'), id: WireId, result: v.unknown() }),
  v.object({ type: v.literal('error'), id: WireId, error: WireErrorSchema }),
  v.object({ type: v.literal('events'), events: v.array(v.object({ event: v.string(), data: v.unknown() })) }),
]);

export type DecodedWireMessage = v.InferOutput<typeof WireMessageSchema>;
export type DecodedCall = Extract<DecodedWireMessage, { type: 'call' }>;
export type WireError = Extract<WireMessage, { type: 'error' }>['error'];
export type WireReply = Extract<WireMessage, { type: 'result' | 'error' }>;
export type WireEvents = Extract<WireMessage, { type: 'events' }>;

/**
 * Events per message: a burst of incoming records (under 1 KiB of JSON each) crosses in frames of
 * about 100 KiB, a size every client reads at once; a catalog event is one event of its own size.
 */
export const MAX_EVENTS_PER_MESSAGE = 100;

/**
 * The largest frame the WebSocket server accepts (UTF-8 bytes). A client checks its calls against it:
 * an oversized frame would make the server close the whole connection, failing every other call in flight.
 * Sized for the largest call, a `custom.import` of the largest export: as a JSON string in the frame an
 * export at most doubles (a quote, a backslash or a line break takes two characters; JSON.stringify left it
 * no other control character), and 64 KiB is room for the envelope. At 256 KiB, an export of 500
 * entries with notes could not be imported in browser mode.
 */
export const MAX_FRAME_BYTES = 2 * MAX_CUSTOM_FILE_BYTES + 64 * 1024;

/** Clients number their calls from 1; a reply to a message that carried no usable id uses 0. */
export const NO_ID = 0;

/** Every event name at run time; `satisfies` makes the compiler flag an event added to the contract but not here. */
export const EVENT_NAMES = Object.keys({
  incoming: true,
  outgoing: true,
  modem: true,
  notice: true,
  approvals: true,
  extensions: true,
  catalog: true,
  labels: true,
  mqtt: true,
  fleet: true,
  fleetGone: true,
  fleetCheck: true,
  command: true,
} satisfies Record<EventName, true>) as EventName[];

/** A message that arrived already structured (IPC's structured clone); null when it is not a wire message. */
export function parseWireMessage(value: unknown): DecodedWireMessage | null {
  const parsed = v.safeParse(WireMessageSchema, value);
  return parsed.success ? parsed.output : null;
}

/** A message that arrived as JSON text (WebSocket); null when it is not JSON or not a wire message. */
export function decodeWireMessage(text: string): DecodedWireMessage | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  return parseWireMessage(value);
}

const INTERNAL_ERROR: WireError = {
  code: 'internal',
  zh: '内部错误，请求没有完成。请重试；如果反复出现，请重新启动 Hall10086。',
  en: 'Internal error: the request did not complete. Try again; if it keeps happening, restart Hall10086.',
};

/**
 * What a client may see of an error: a HallError's code, text and what to do about it (the UI shows
 * it under the text); anything else a generic text (never a stack).
 */
export function toWireError(error: unknown): WireError {
  if (!(error instanceof HallError)) return INTERNAL_ERROR;
  const { code, zh, en, action } = error;
  return { code, zh, en, ...(action ? { action: { zh: action.zh, en: action.en } } : {}) };
}

export function fromWireError(error: WireError): HallError {
  return new HallError(error.code, { zh: error.zh, en: error.en }, error.action ? { action: error.action } : {});
}
