import { useEffect, useRef, type RefObject } from 'react';
import type { HallDb } from '../../store/db';
import { markReadUpTo } from '../../store/queries';
import type { MessageRow } from '../../store/rows';

/** A row is seen once this share of it is on screen, or once it fills this share of the list (a reply taller than the list). */
const SEEN_SHARE = 0.5;

/**
 * Marks the thread's messages read up to the newest one that has been on screen while the page was visible: a reply
 * that came below a reader who scrolled up stays unread (the badge and the count with it) until it is scrolled into
 * view. It was marked read 1.5 s after arriving, on a timer, the reader never having seen it. "On screen" is the
 * browser's own (IntersectionObserver against the viewport, so the list's clip and the page's both count); a row
 * drawn in the virtualiser's overscan is not on screen.
 */
export function useReadWhenSeen(
  db: HallDb,
  simId: string,
  peer: string,
  scroller: RefObject<HTMLDivElement | null>,
  rowOf: (index: number) => MessageRow | null,
  drawn: boolean,
  reportError: (error: unknown) => void,
): void {
  const rowOfNow = useRef(rowOf);
  rowOfNow.current = rowOf;
  const markSeen = useRef<() => void>(() => undefined);
  useEffect(() => {
    const list = scroller.current;
    if (!drawn || !list) return;
    const onScreen = new Set<HTMLElement>();
    const watched = new Set<HTMLElement>();
    // Asked once per message: the renders before the live query shows it read would write it again.
    let askedTo = Number.NEGATIVE_INFINITY;
    const mark = () => {
      if (document.visibilityState !== 'visible') return;
      let newest: MessageRow | null = null;
      for (const el of onScreen) {
        const row = rowOfNow.current(Number(el.dataset.index));
        if (row?.read === 0 && (!newest || row.at > newest.at)) newest = row;
      }
      if (!newest || newest.at <= askedTo) return;
      askedTo = newest.at;
      markReadUpTo(db, simId, peer, newest.at).catch((error: unknown) => {
        askedTo = Number.NEGATIVE_INFINITY;
        reportError(error);
      });
    };
    markSeen.current = mark;
    const seen = new IntersectionObserver(
      (entries) => {
        for (const e of entries) {
          const el = e.target as HTMLElement;
          const shown = e.isIntersecting && (e.intersectionRatio >= SEEN_SHARE || e.intersectionRect.height >= list.clientHeight * SEEN_SHARE);
          if (shown && el.isConnected) onScreen.add(el);
          else onScreen.delete(el);
        }
        mark();
      },
      { threshold: [0, 0.25, 0.5, 0.75, 1] },
    );
    // Rows come and go as the list scrolls (only those near the view exist): each new one is watched, a gone one let go.
    const watch = () => {
      for (const el of list.querySelectorAll<HTMLElement>('[data-index]')) {
        if (watched.has(el)) continue;
        watched.add(el);
        seen.observe(el);
      }
      for (const el of watched) {
        if (el.isConnected) continue;
        watched.delete(el);
        onScreen.delete(el);
        seen.unobserve(el);
      }
    };
    watch();
    const rows = new MutationObserver(watch);
    rows.observe(list, { childList: true, subtree: true });
    document.addEventListener('visibilitychange', mark);
    return () => {
      markSeen.current = () => undefined;
      rows.disconnect();
      seen.disconnect();
      document.removeEventListener('visibilitychange', mark);
    };
  }, [db, simId, peer, scroller, drawn, reportError]);
  // A row on screen whose message was read after it was drawn (a placeholder filled, a part completing it).
  useEffect(() => markSeen.current());
}
