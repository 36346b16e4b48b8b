import { useLiveQuery } from 'dexie-react-hooks';
import { useI18n } from '../prefs/PrefsProvider';
import { hallDb } from '../store/db';
import { HALL_PEER } from '../store/incoming-rows';
import { unreadCount } from '../store/queries';

/** Unread replies across every SIM's thread, for the navigation. Loaded with the store, not at start. */
export default function UnreadBadge() {
  const { t } = useI18n();
  const db = hallDb();
  const unread = useLiveQuery(async () => {
    const sims = await db.sims.toCollection().primaryKeys();
    const counts = await Promise.all(sims.map((simId) => unreadCount(db, simId, HALL_PEER)));
    return counts.reduce((a, b) => a + b, 0);
  }, [db]);
  if (!unread) return null;
  return (
    <span className="badge badge-unread" aria-label={t('thread.unread', { n: unread })}>
      {unread}
    </span>
  );
}
