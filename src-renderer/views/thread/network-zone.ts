import type { I18n } from '../../i18n';
import type { MessageRow } from '../../store/rows';
import { NETWORK_OFFSET_MIN, offsetOf } from '../../../src-shared/stamp-zone';
import { timeOfDay } from './day';

/*
 * Which clock the thread reads its times on. 10086's texts say their times on the network's clock
 * ("截至12月6日11时"), and the service centre stamps each SMS with its UTC offset: China Mobile's is
 * +08:00 (China keeps one zone, with no summer time). A clerk in China and a user abroad both read a
 * stamp right when it is on that clock, and says so when this computer's clock is elsewhere: "11:09
 * UTC+8", with this computer's own time in its title.
 */

export { NETWORK_OFFSET_MIN, offsetOf } from '../../../src-shared/stamp-zone';

/** The thread's clock: the newest stamp's zone among the rows read, else the network's. */
export function threadZone(rows: readonly Pick<MessageRow, 'timestamp'>[]): number {
  for (let i = rows.length - 1; i >= 0; i--) {
    const offset = offsetOf(rows[i]!.timestamp);
    if (offset !== null) return offset;
  }
  return NETWORK_OFFSET_MIN;
}

/** "UTC+8", "UTC+5:30", "UTC−3". */
export function zoneName(offsetMin: number): string {
  const abs = Math.abs(offsetMin);
  const minutes = abs % 60;
  return `UTC${offsetMin < 0 ? '−' : '+'}${Math.floor(abs / 60)}${minutes ? `:${String(minutes).padStart(2, '0')}` : ''}`;
}

export interface Stamp {
  /** The time of day on the zone's clock. */
  time: string;
  /** The zone's name, when this computer's clock reads another time at that moment; else null. */
  zone: string | null;
  /** This computer's time of day, said when the zone is. */
  local: string | null;
}

/** A message's time on the zone's clock, and the zone said only where this computer's clock differs. */
export function stampOf(at: number, offsetMin: number, i18n: Pick<I18n, 'lang'>): Stamp {
  const here = -new Date(at).getTimezoneOffset();
  const time = timeOfDay(at, i18n.lang, offsetMin);
  return here === offsetMin ? { time, zone: null, local: null } : { time, zone: zoneName(offsetMin), local: timeOfDay(at, i18n.lang) };
}
