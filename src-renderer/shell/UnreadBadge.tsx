import { useEffect, useRef, useState } from 'react';
import { simLabel } from '../core/modems';
import { useI18n } from '../prefs/PrefsProvider';
import { unreadAtOpen } from '../store/unread-at-open';
import { useUnreadBySim } from '../store/unread-live';
import { useShownThread } from '../views/thread/shown-thread';

/** Unread replies across every SIM's thread, for the navigation. Loaded with the store, not at start. */
export default function UnreadBadge() {
  const { t } = useI18n();
  const bySim = useUnreadBySim();
  const unread = [...(bySim?.values() ?? [])].reduce((a, b) => a + b, 0);
  if (!unread) return null;
  return (
    <span className="badge badge-unread" aria-label={t('thread.unread', { n: unread })}>
      {unread}
    </span>
  );
}

/** Long enough for a screen reader to hear the region emptied, so the same words said again are news again. */
const SAY_AGAIN_MS = 100;

/**
 * A reply from 10086 to a SIM whose thread is not on screen, said in a polite status ("SIM …004402 收到
 * 10086 的新消息，共 1 条未读"), wherever the user is (typing a search, on the Modem page); the focus stays
 * where it is. Before, only the navigation's badge changed, which a screen reader does not read out. The
 * thread on screen says its own replies (its message list is a log) while its newest message is in view;
 * scrolled up, the new row is not drawn, so this says it (see shown-thread.ts). What the log held unread
 * when the page opened (unread-at-open.ts) is the badge's, not news; what the page stores after, caught up
 * after a reload included, is.
 */
export function NewReplyNews() {
  const { t } = useI18n();
  const bySim = useUnreadBySim();
  const shown = useShownThread();
  const shownNow = useRef(shown);
  shownNow.current = shown;
  const before = useRef<ReadonlyMap<string, number> | null>(null);
  const [opening, setOpening] = useState<ReadonlyMap<string, number> | null | undefined>(undefined);
  useEffect(() => {
    let current = true;
    const taken = unreadAtOpen();
    if (!taken) setOpening(null);
    else void taken.then((m) => current && setOpening(m));
    return () => {
      current = false;
    };
  }, []);
  const [news, setNews] = useState('');
  const sayLater = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => {
    if (!bySim || opening === undefined) return;
    // The first reading is compared with what the log held when the page opened (null: no such reading, nothing before it is news).
    const was = before.current ?? opening;
    before.current = bySim;
    if (!was) return;
    const onScreen = shownNow.current?.atEnd ? shownNow.current.simId : null;
    const grown = [...bySim].filter(([simId, n]) => n > (was.get(simId) ?? 0) && simId !== onScreen);
    if (grown.length === 0) return;
    setNews('');
    // Not cancelled when the counts are read again meanwhile (a reply's figures written a moment later): that reading is no news, this was.
    clearTimeout(sayLater.current);
    sayLater.current = setTimeout(() => setNews(grown.map(([simId, n]) => t('thread.replyNews', { sim: simLabel(simId), n })).join(' ')), SAY_AGAIN_MS);
  }, [bySim, opening, t]);
  useEffect(() => () => clearTimeout(sayLater.current), []);
  return (
    <p className="visually-hidden" role="status">
      {news}
    </p>
  );
}
