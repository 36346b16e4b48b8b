import type { CoreApi, Events } from '../../src-shared/api/contract';

/** The live events the log store is made of. */
export interface LogEventHandlers {
  incoming(record: Events['incoming']): void;
  outgoing(record: Events['outgoing']): void;
}

/** Where the log store takes its live events from: what came while nothing was attached, then each as it comes. */
export interface LogEvents {
  /** Hands `handlers` every event held so far, in order, then each new one until the returned function detaches them. */
  attach(handlers: LogEventHandlers): () => void;
}

/**
 * Far more than a page's first seconds bring (a burst of 10086 replies, a check of every SIM); past it the oldest
 * are let go, and the journal still hands back every unacknowledged part and unfinished instruction.
 */
const HELD_AT_MOST = 5000;

/**
 * Listens to `incoming` and `outgoing` from the moment it is called, and holds them while no log store is
 * attached. The store loads only when the page is idle (it is not in the start-up bundle), and `journal.pending`
 * does not hand back an instruction that already ended (failed, sent) which the log has never seen: without this,
 * a send from elsewhere (CLI, extension, schedule, another window) that ended in the page's first moments was
 * missing from its log. Call it where the connection is made, before any event can arrive. No Dexie here: this
 * file is part of the start-up bundle.
 */
export function holdLogEvents(api: CoreApi): LogEvents {
  let held: Held[] = [];
  let attached: LogEventHandlers | null = null;
  const take = (item: Held) => {
    if (attached) deliver(attached, item);
    else if (held.push(item) > HELD_AT_MOST) held.shift();
  };
  api.on('incoming', (record) => take({ event: 'incoming', record }));
  api.on('outgoing', (record) => take({ event: 'outgoing', record }));
  return {
    attach(handlers) {
      const waiting = held;
      held = [];
      attached = handlers;
      waiting.forEach((item) => deliver(handlers, item));
      return () => {
        if (attached === handlers) attached = null;
      };
    },
  };
}

type Held = { event: 'incoming'; record: Events['incoming'] } | { event: 'outgoing'; record: Events['outgoing'] };

function deliver(handlers: LogEventHandlers, item: Held): void {
  if (item.event === 'incoming') handlers.incoming(item.record);
  else handlers.outgoing(item.record);
}
