import { HallError } from '../errors';
import type { CoreApi } from './contract';
import { validateRequest } from './validate';
import { EVENT_NAMES, MAX_EVENTS_PER_MESSAGE, toWireError, type DecodedCall, type WireEvents, type WireReply } from './wire';

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

export interface EventForwarder {
  /** Sends what is waiting now: a transport calls it before each reply, so no event of a call's turn comes after its answer. */
  flush(): void;
  /** Sends what is waiting, then stops listening. */
  stop(): void;
}

/**
 * Forwards every core event as wire messages. Events of one synchronous turn go together once it
 * ends (a microtask): a page handed thousands of messages one frame each spends its time on frames,
 * not on storing them. A send that throws (a core bug) is reported and keeps no other message back.
 */
export function forwardEvents(core: CoreApi, send: (message: WireEvents) => void, onError: (error: unknown) => void): EventForwarder {
  let pending: WireEvents['events'] | null = null;
  const flush = () => {
    const events = pending ?? [];
    pending = null;
    for (let i = 0; i < events.length; i += MAX_EVENTS_PER_MESSAGE) {
      try {
        send({ type: 'events', events: events.slice(i, i + MAX_EVENTS_PER_MESSAGE) });
      } catch (error) {
        onError(error);
      }
    }
  };
  const unsubscribers = EVENT_NAMES.map((event) =>
    core.on(event, (data) => {
      if (pending === null) {
        pending = [];
        queueMicrotask(flush);
      }
      pending.push({ event, data });
    }),
  );
  return {
    flush,
    stop() {
      flush();
      for (const unsubscribe of unsubscribers) unsubscribe();
    },
  };
}
