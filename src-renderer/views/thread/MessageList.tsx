import { useVirtualizer } from '@tanstack/react-virtual';
import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type FocusEvent, type RefObject } from 'react';
import { useI18n } from '../../prefs/PrefsProvider';
import type { HallDb } from '../../store/db';
import { outgoingMessageId } from '../../store/outgoing-rows';
import { pairThreadRows } from '../../store/pairing';
import { positionInThread, threadSlice, type ThreadSlice } from '../../store/queries';
import type { MessageRow } from '../../store/rows';
import { dayKey, dayLabel } from './day';
import { MessageBubble } from './MessageBubble';
import { threadZone } from './network-zone';
import { useQuestionsOfThisThread } from './open-questions';
import { CHUNK, covers, rowAt, windowFor, type WindowRequest } from './thread-window';
import { setShownThread } from './shown-thread';
import { useReadWhenSeen } from './read-when-seen';
import { useErrorToast } from '../../core/toasts';
import { NO_REPLY_AFTER_MS, unanswered } from './unanswered';

const ESTIMATED_ROW_PX = 76;
const FOCUS_HIGHLIGHT_MS = 2500;

interface Props {
  db: HallDb;
  simId: string;
  peer: string;
  /** The first message that was unread when the thread opened: the "new messages" line goes above it. */
  firstUnreadId: string | null;
  /** A message to scroll to and highlight (chosen in the log search). */
  focus: MessageRow | null;
}

/**
 * The thread, oldest at the top, newest at the bottom. Only the rows on screen exist in the DOM,
 * and only a window of ~200 messages around them is read from IndexedDB (count and window in one
 * transaction, kept live), so 100,000 messages scroll like 100.
 */
export function MessageList({ db, simId, peer, firstUnreadId, focus }: Props) {
  const i18n = useI18n();
  const scroller = useRef<HTMLDivElement>(null);
  const [request, setRequest] = useState<WindowRequest>({ skip: 0, take: CHUNK * 2 });
  const slice = useLiveQuery(
    () => threadSlice(db, simId, peer, request.skip, request.take),
    [db, simId, peer, request.skip, request.take],
  );
  useQuestionsOfThisThread(simId, peer);
  const count = slice?.count ?? 0;
  const pairs = useMemo(() => pairsIn(slice?.rows ?? []), [slice]);
  // Days and times on the network's clock, as 10086's own texts say them (see network-zone.ts).
  const zone = useMemo(() => threadZone(slice?.rows ?? []), [slice]);
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scroller.current,
    estimateSize: () => ESTIMATED_ROW_PX,
    overscan: 6,
    // A chat: stay pinned to the newest message while it is in view, keep the reader's place otherwise.
    anchorTo: 'end',
    followOnAppend: true,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;

  useEffect(() => {
    if (count > 0 && !covers(request, first, last, count)) setRequest(windowFor(first, last, count));
  }, [first, last, count, request]);

  // Open at the newest message.
  const opened = useRef(false);
  useEffect(() => {
    if (opened.current || count === 0) return;
    opened.current = true;
    virtualizer.scrollToIndex(count - 1, { align: 'end' });
  }, [count, virtualizer]);

  const [focusedId, setFocusedId] = useState<string | null>(null);
  // A retried bubble's "show the retry" goes there as the log search does; a new search result goes over it.
  const [retryShown, setRetryShown] = useState<MessageRow | null>(null);
  useEffect(() => setRetryShown(null), [focus]);
  const showRetry = useCallback((commandId: string) => void db.messages.get(outgoingMessageId(commandId)).then((row) => row && setRetryShown(row)), [db]);
  const target = retryShown ?? focus;
  useEffect(() => {
    if (!target) return;
    let current = true;
    void positionInThread(db, target).then((index) => {
      if (!current) return;
      virtualizer.scrollToIndex(index, { align: 'center' });
      setFocusedId(target.id);
    });
    const timer = setTimeout(() => setFocusedId(null), FOCUS_HIGHLIGHT_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [db, target, virtualizer]);

  useTellScrolledUp(simId, scroller, slice === undefined ? 0 : count);
  // Read once on screen (the newest seen and all before it), never on a timer: see read-when-seen.ts.
  const reportError = useErrorToast();
  useReadWhenSeen(db, simId, peer, scroller, (index) => (slice ? (rowAt(slice, index)?.row ?? null) : null), slice !== undefined && count > 0, reportError);

  const newest = slice && count > 0 ? (rowAt(slice, count - 1)?.row ?? null) : null;
  const waiting = useWaitForReply(newest);
  const atEnd = virtualizer.isAtEnd(ESTIMATED_ROW_PX);
  const jump = useJumpLatestFocus(atEnd, scroller);

  if (!slice) return <p className="empty">{i18n.t('app.loading')}</p>;
  if (count === 0) return <p className="empty">{i18n.t('thread.empty')}</p>;

  const now = Date.now();
  const topDay = topmostDay(items, virtualizer.scrollOffset ?? 0, slice);
  return (
    <div className="message-area">
      {/* The day of the topmost message in view, above the list rather than over it: it never covers a bubble, nor is it cut by the edge. */}
      {topDay !== null && (
        <p className="day-separator day-current">
          <span>{dayLabel(topDay, now, i18n, zone)}</span>
        </p>
      )}
      <div ref={scroller} className="message-scroller" role="log" aria-label={i18n.t('thread.list')} tabIndex={0}>
        <div className="message-canvas" role="list" style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => {
            const found = rowAt(slice, item.index);
            return (
              <div
                // Keyed by the message, not by its place: a message sorted in above (a late reply, a catch-up page) would
                // otherwise hand the focused row's element, and a screen reader's place in it, to the message below it.
                // Only here, not as the virtualizer's item key: that one is asked of all 100,000 places whenever the
                // window read changes (first paint 176 → 255–277 ms). Slots not read yet: `#n`, never a message's id.
                key={found?.row.id ?? `#${item.index}`}
                data-index={item.index}
                ref={virtualizer.measureElement}
                // Only the messages in view are drawn: each says where it stands in the whole thread.
                role={found ? 'listitem' : undefined}
                aria-posinset={found ? item.index + 1 : undefined}
                aria-setsize={found ? count : undefined}
                className="message-row"
                style={{ transform: `translateY(${item.start}px)` }}
              >
                {found ? (
                  <>
                    {/* The oldest message's day is the strip's above the list, never drawn twice. */}
                    {found.previous && dayKey(found.previous.at, zone) !== dayKey(found.row.at, zone) && (
                      <p className="day-separator">
                        <span>{dayLabel(found.row.at, now, i18n, zone)}</span>
                      </p>
                    )}
                    {found.row.id === firstUnreadId && (
                      <p className="unread-marker">
                        <span>{i18n.t('thread.unreadMarker')}</span>
                      </p>
                    )}
                    <MessageBubble message={found.row} focused={found.row.id === focusedId} pair={pairs.get(found.row.id) ?? null} zone={zone} showRetry={showRetry} />
                  </>
                ) : (
                  <div className="bubble-placeholder" aria-hidden="true" />
                )}
              </div>
            );
          })}
        </div>
      </div>
      {waiting && (
        <p className="hint no-reply" role="status">
          {i18n.t('thread.noReplyYet', { code: waiting.text })}
        </p>
      )}
      {(!atEnd || jump.held) && (
        <button type="button" className="jump-latest" onClick={() => virtualizer.scrollToEnd()} onFocus={jump.onFocus} onBlur={jump.onBlur}>
          ↓ {i18n.t('thread.jumpLatest')}
        </button>
      )}
    </div>
  );
}

/**
 * Tells NewReplyNews whether the newest message of the thread on screen is drawn (in view or in the overscan below
 * it), looked at on scroll only: a reply appended below a reader who scrolled further up is not drawn (only the rows
 * near the view are), so the log cannot say it. On scroll only, so the moment between a reply's row being added and
 * the list following it down does not count as "scrolled up". The thread itself says it is shown (ThreadView), at
 * its end until a scroll says otherwise.
 */
function useTellScrolledUp(simId: string, scroller: RefObject<HTMLDivElement | null>, count: number): void {
  const newest = useRef(count - 1);
  newest.current = count - 1;
  const drawn = count > 0;
  useEffect(() => {
    const el = scroller.current;
    if (!drawn || !el) return;
    const note = () => setShownThread({ simId, atEnd: el.querySelector(`[data-index="${newest.current}"]`) !== null });
    el.addEventListener('scroll', note, { passive: true });
    return () => el.removeEventListener('scroll', note);
  }, [simId, scroller, drawn]);
}

/**
 * "Back to the latest" shows only while the end is out of view, so it goes away once pressed, and for a moment
 * while a new message is appended and the list follows it down (a Tab pressed then lands on it). Unmounted with
 * the focus in it, the focus fell to the page's body and a keyboard user had to find the thread again: while it
 * holds the focus it stays until the focus is handed to the log, at its end, where the reader asked to be.
 */
function useJumpLatestFocus(atEnd: boolean, scroller: RefObject<HTMLDivElement | null>) {
  const [held, setHeld] = useState(false);
  useLayoutEffect(() => {
    if (atEnd && held) scroller.current?.focus({ preventScroll: true });
  }, [atEnd, held, scroller]);
  return {
    held,
    onFocus: () => setHeld(true),
    // The window losing the focus (another app) leaves it on the button: still held.
    onBlur: (e: FocusEvent<HTMLButtonElement>) => document.activeElement !== e.currentTarget && setHeld(false),
  };
}

/** When the topmost message at least partly in view was written (null before any is read). */
function topmostDay(items: readonly { index: number; end: number }[], scrollTop: number, slice: ThreadSlice): number | null {
  const top = items.find((item) => item.end > scrollTop) ?? items[0];
  return top ? (rowAt(slice, top.index)?.row.at ?? null) : null;
}

/** The newest message while it waits for 10086 too long (see `unanswered`), looked at again as time passes. */
function useWaitForReply(newest: MessageRow | null): MessageRow | null {
  const [now, setNow] = useState(() => Date.now());
  const outstanding = newest !== null && unanswered(newest, Number.POSITIVE_INFINITY) !== null;
  useEffect(() => {
    if (!outstanding) return;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), Math.min(30_000, NO_REPLY_AFTER_MS));
    return () => clearInterval(timer);
  }, [outstanding, newest?.id]);
  return outstanding ? unanswered(newest, now) : null;
}

/** Each instruction and the reply answering it, both ways, among the rows read (a pair across the window's edge is not shown). */
function pairsIn(rows: readonly MessageRow[]): Map<string, MessageRow> {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const pairs = new Map<string, MessageRow>();
  for (const p of pairThreadRows(rows).values()) {
    const instruction = p.instructionId ? byId.get(p.instructionId) : undefined;
    const reply = byId.get(p.replyId);
    if (!instruction || !reply) continue;
    pairs.set(instruction.id, reply);
    pairs.set(reply.id, instruction);
  }
  return pairs;
}
