/*
 * The zone a service centre stamps an SMS in. 10086's texts say their times on the network's clock
 * ("截至12月6日11时") and the stamp (SCTS) carries that clock's UTC offset: China Mobile's is +08:00
 * (China keeps one zone, with no summer time). Shared: the thread reads a message's time on it, and
 * the core keeps the newest reply's zone with a SIM's figures so the fleet table reads them on it too.
 */

/** China Standard Time, in minutes east of UTC: the zone of a SIM with no stamp seen yet. */
export const NETWORK_OFFSET_MIN = 480;

const OFFSET = /(?:([+-])(\d{2}):?(\d{2})|Z)$/;

/** The UTC offset (minutes) an SMSC timestamp carries ("2026-12-06T11:09:52+08:00" → 480), or null without one. */
export function offsetOf(timestamp: string | null | undefined): number | null {
  const m = timestamp ? OFFSET.exec(timestamp) : null;
  if (!m) return null;
  if (m[1] === undefined) return 0;
  const offset = (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
  return isZoneOffset(offset) ? offset : null;
}

/** A UTC offset a clock can have (UTC−12 to UTC+14, whole minutes): what a saved or published state may carry. */
export function isZoneOffset(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= -720 && value <= 840;
}
