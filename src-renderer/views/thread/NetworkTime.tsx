import { useI18n } from '../../prefs/PrefsProvider';
import { dayLabel } from './day';
import { stampOf } from './network-zone';

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
