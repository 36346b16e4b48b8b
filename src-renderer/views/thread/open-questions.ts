import { useCallback, useEffect, useSyncExternalStore } from 'react';

/**
 * The confirmations open under replies, by reply: kept outside the bubble, so one stays open while
 * the thread re-renders under it (a message stored late under an earlier place moves the reply to
 * another row, whose bubble is mounted anew and finds its question here). They live as long as the
 * thread is on screen (`useQuestionsOfThisThread`): a question left open when the user left the
 * thread must not stand open again, ready to send, when they come back (review16).
 */
const open = new Map<string, unknown>();
const listeners = new Set<() => void>();
const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

/** The question open under `replyId` for this part of its notes (`what`), and a setter; null closes it. */
export function useOpenQuestion<T>(replyId: string, what: string): [T | null, (question: T | null) => void] {
  const key = `${what} ${replyId}`;
  const question = useSyncExternalStore(subscribe, () => (open.get(key) as T | undefined) ?? null);
  const set = useCallback(
    (next: T | null) => {
      if (next === null) open.delete(key);
      else open.set(key, next);
      listeners.forEach((l) => l());
    },
    [key],
  );
  return [question, set];
}

/** Closes every open question when the thread shown changes or is left: they belong to that visit. */
export function useQuestionsOfThisThread(simId: string, peer: string): void {
  useEffect(
    () => () => {
      open.clear();
      listeners.forEach((l) => l());
    },
    [simId, peer],
  );
}
