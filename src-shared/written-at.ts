/**
 * A reply that reached this computer more than this long after the service centre stamped it was
 * delivered late (its modem was off, or it waited on the SIM until the SIM was read): 10086 answers in
 * seconds, and a few minutes more cover a service centre's clock a little behind this one.
 */
const LATE_AFTER_MS = 2 * 60_000;

/**
 * When a reply stands in the order of "newest": when it came in, unless it came in late, then when the
 * service centre stamped it (SCTS). A reply delivered late is the older one and must not replace a figure
 * written after it. Replies that came in on time keep the order of their arrival, to the millisecond (a
 * stamp has whole seconds only, and 10086 often sends two in one second); a stamp after the arrival (a
 * clock gone wrong) or one that cannot be read is no reason to move a reply.
 */
export function writtenAt(timestamp: string | undefined | null, receivedAt: number): number {
  const stamp = Date.parse(timestamp ?? '');
  return !Number.isNaN(stamp) && receivedAt - stamp > LATE_AFTER_MS ? stamp : receivedAt;
}
