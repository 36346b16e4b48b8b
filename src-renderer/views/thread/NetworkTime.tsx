import { useLiveQuery } from 'dexie-react-hooks';
import { useI18n } from '../../prefs/PrefsProvider';
import { hallDb } from '../../store/db';
import { dayLabel } from './day';
import { NETWORK_OFFSET_MIN, offsetOf, stampOf } from './network-zone';

/**
 * A reply's day and time on the network's clock, as the thread shows it: "今天 11:18", or "今天 11:18
 * UTC+8" with this computer's own time in the title where its clock differs. Every view that shows
 * when 10086 said something uses this, so one reply reads the same time in the thread, the log search
 * and the Overview.
 */
export function NetworkTime({ at, zone, now, className }: { at: number; zone: number; now: number; className?: string }) {
  const i18n = useI18n();
  const stamp = stampOf(at, zone, i18n);
  return (
    <time className={className} dateTime={new Date(at).toISOString()} title={stamp.local === null ? undefined : i18n.t('thread.localTime', { time: stamp.local })}>
      {dayLabel(at, now, i18n, zone)} {stamp.time}
      {stamp.zone && ` ${stamp.zone}`}
    </time>
  );
}

/** A stored reply's time on its own stamp's clock, as its bubble in the thread shows it (the network's until it is read). */
export function ReplyTime({ messageId, at, now, className }: { messageId: string; at: number; now: number; className?: string }) {
  const timestamp = useLiveQuery(async () => (await hallDb().messages.get(messageId))?.timestamp, [messageId]);
  return <NetworkTime className={className} at={at} zone={offsetOf(timestamp) ?? NETWORK_OFFSET_MIN} now={now} />;
}
