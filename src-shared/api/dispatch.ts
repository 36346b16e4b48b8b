import { HallError } from '../errors';
import type { CoreApi } from './contract';
import { validateRequest } from './validate';
import { EVENT_NAMES, toWireError, type DecodedCall, type WireEvent, type WireReply } from './wire';

/**
 * The core's side of a transport: validate a call, run it, and turn the outcome into a reply.
 * Never rejects, so no transport can leak an unhandled rejection or a stack trace.
 * `onInternalError` hears about failures that were not HallErrors (bugs), which the client only sees as 'internal'.
 */
export async function answerCall(core: CoreApi, call: DecodedCall, onInternalError: (error: unknown) => void): Promise<WireReply> {
  try {
    const { method, params } = validateRequest(call.method, call.params);
    return { type: 'result', id: call.id, result: await core.call(method, params) };
  } catch (error) {
    if (!(error instanceof HallError)) onInternalError(error);
    return { type: 'error', id: call.id, error: toWireError(error) };
  }
}

/** Forwards every core event as a wire message; returns the unsubscribe. */
export function forwardEvents(core: CoreApi, send: (message: WireEvent) => void): () => void {
  const unsubscribers = EVENT_NAMES.map((event) => core.on(event, (data) => send({ type: 'event', event, data })));
  return () => {
    for (const unsubscribe of unsubscribers) unsubscribe();
  };
}
