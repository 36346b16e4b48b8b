/**
 * Two long messages under one reference, stamped the same second, read interleaved (A1, B2, A2, B1): B2
 * finds only A and completes it, A2 starts a message B1 completes, and both are mixed though each part had
 * one message to go to when it came (review18's tie needs two messages both missing the part). The order
 * the parts were read is the one evidence left: in ascending order (A1, A2, B1, B2) it is kept as it
 * tells; a message that got a part below one it held, or above one it lacked (review25), means a part came
 * early or late, and then nothing
 * tells which part of that second is whose (docs/security.md, "Two long replies under one reference in
 * the same second"). This is the one definition every joiner of parts reads (assembleRecords, the page's
 * Reassembler, the fleet board through assembleRecords).
 */

/** What the rule reads of one long message being put together. */
export interface PlacedSending {
  /** SIM, sender, reference and part count: what every part of one sending carries. */
  group: string;
  /** Its parts' encoding (one sender's segmenter writes one); undefined where a stored part never kept it. */
  encoding: string | undefined;
  /** The service centre's stamps of the parts it holds. */
  stamps: readonly string[];
  /** A part was placed in it while it held a higher-numbered one (placedOutOfOrder). */
  outOfOrder: boolean;
}

/**
 * Whether part `part`, placed in a message already holding parts `held`, comes out of ascending order: below one it
 * holds, or above one it lacks. The second: A1, B2 (a part 2 under A's reference and second, a fake base station's or
 * B's with B1 lost), A2 joins A1+B2 in order and starts a message with A2; A1+A2 and B2 tell just as well (review25).
 */
export function placedOutOfOrder(part: number, held: readonly number[]): boolean {
  if (held.some((n) => n > part)) return true;
  for (let n = 1; n < part; n++) if (!held.includes(n)) return true;
  return false;
}

/** The second a stamp names (an unreadable stamp stands for itself, as nearestSendings reads it: equally near). */
function secondOf(stamp: string): string {
  const at = Date.parse(stamp);
  return Number.isNaN(at) ? `?${stamp}` : String(Math.floor(at / 1000));
}

/**
 * The sendings that may be joined wrong: every one of a group (SIM, sender, reference, part count,
 * encoding) and second holding two or more messages of which any got its parts out of ascending order.
 * Marked so whatever became of them before (stored, read for figures): the mark may come after.
 */
export function mixedUpSendings<T>(sendings: readonly T[], read: (sending: T) => PlacedSending): Set<T> {
  const buckets = new Map<string, T[]>();
  for (const sending of sendings) {
    const s = read(sending);
    for (const second of new Set(s.stamps.map(secondOf))) {
      const id = JSON.stringify([s.group, s.encoding ?? null, second]);
      const bucket = buckets.get(id);
      if (bucket) bucket.push(sending);
      else buckets.set(id, [sending]);
    }
  }
  const mixed = new Set<T>();
  for (const bucket of buckets.values()) {
    if (bucket.length > 1 && bucket.some((s) => read(s).outOfOrder)) bucket.forEach((s) => mixed.add(s));
  }
  return mixed;
}
