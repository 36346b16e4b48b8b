import { useSyncExternalStore } from 'react';

/** The SIM thread whose messages are drawn on screen, and whether its newest message is in view. */
export interface ShownThread {
  simId: string;
  atEnd: boolean;
}

let shown: ShownThread | null = null;
const listeners = new Set<() => void>();

/**
 * Told by the thread itself, not guessed from the route: on a bare `#/thread` with no sending modem the thread
 * shows its first tab, which the route does not name (ThreadView). A reply to that thread is said by its list (a
 * log) while the newest message is drawn; scrolled up, the new row is not drawn, so NewReplyNews says it (MessageList).
 */
export function setShownThread(next: ShownThread | null): void {
  if (shown?.simId === next?.simId && shown?.atEnd === next?.atEnd) return;
  shown = next;
  listeners.forEach((l) => l());
}

export function useShownThread(): ShownThread | null {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => shown,
  );
}
