import { liveQuery, type Subscription } from 'dexie';
import { useSyncExternalStore } from 'react';
import { hallDb, type HallDb } from './db';
import { unreadBySim } from './unread-at-open';

/*
 * Unread replies per SIM's thread, one live query for the whole page: the navigation's badge, the news said to a
 * screen reader and each SIM tab read it. Before, each ran a query of its own (the badge's and the news' each counted
 * every SIM, each tab its own), three counts per stored reply, and they could show different numbers for a moment.
 */

let shared: { db: HallDb; value: ReadonlyMap<string, number> | undefined; listeners: Set<() => void>; subscription: Subscription } | null = null;

function subscribe(listener: () => void): () => void {
  const db = hallDb();
  if (shared?.db !== db) {
    shared?.subscription.unsubscribe();
    const listeners = new Set<() => void>();
    const state = { db, value: undefined as ReadonlyMap<string, number> | undefined, listeners, subscription: undefined as unknown as Subscription };
    shared = state;
    state.subscription = liveQuery(() => unreadBySim(db)).subscribe({
      next: (value) => {
        state.value = value;
        for (const l of [...state.listeners]) l();
      },
      // A failed count leaves the last one shown; the next write tries again.
      error: () => undefined,
    });
  }
  const state = shared;
  state.listeners.add(listener);
  return () => {
    state.listeners.delete(listener);
    if (state.listeners.size > 0 || shared !== state) return;
    state.subscription.unsubscribe();
    shared = null;
  };
}

const current = () => shared?.value;

/** Unread replies per SIM's thread (undefined until first read). */
export function useUnreadBySim(): ReadonlyMap<string, number> | undefined {
  return useSyncExternalStore(subscribe, current);
}
