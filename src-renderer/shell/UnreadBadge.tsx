import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useRef, useState } from 'react';
import { simLabel } from '../core/modems';
import { useI18n } from '../prefs/PrefsProvider';
import { hallDb } from '../store/db';
import { HALL_PEER } from '../store/incoming-rows';
import { unreadCount } from '../store/queries';

/** Unread replies per SIM's thread (undefined until read). */
function useUnreadBySim(): ReadonlyMap<string, number> | undefined {
  const db = hallDb();
  return useLiveQuery(async () => {
    const sims = await db.sims.toCollection().primaryKeys();
    return new Map(await Promise.all(sims.map(async (simId) => [simId, await unreadCount(db, simId, HALL_PEER)] as const)));
  }, [db]);
}

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
 * thread on screen says its own replies (its message list is a log). What was unread when the page
 * opened is the badge's, not news.
 */
export function NewReplyNews({ shownSim }: { shownSim: string | null }) {
  const { t } = useI18n();
  const bySim = useUnreadBySim();
  const before = useRef<ReadonlyMap<string, number> | null>(null);
  const [news, setNews] = useState('');
  useEffect(() => {
    if (!bySim) return;
    const was = before.current;
    before.current = bySim;
    if (!was) return;
    const grown = [...bySim].filter(([simId, n]) => n > (was.get(simId) ?? 0) && simId !== shownSim);
    if (grown.length === 0) return;
    setNews('');
    const timer = setTimeout(() => setNews(grown.map(([simId, n]) => t('thread.replyNews', { sim: simLabel(simId), n })).join(' ')), SAY_AGAIN_MS);
    return () => clearTimeout(timer);
  }, [bySim, shownSim, t]);
  return (
    <p className="visually-hidden" role="status">
      {news}
    </p>
  );
}
