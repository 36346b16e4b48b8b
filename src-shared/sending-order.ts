/**
 * Two long messages under one reference and part count, stamped the same second, in one encoding: nothing a part
 * carries tells whose part it is (sender, reference, count, number, stamp, encoding are the same), and neither does
 * the order parts are read in. Read A1, B2, A2, B1, B2 completes A and B1 completes A2's message; read A1, B2, B1, A2,
 * each mixed message even gets its parts in ascending order, exactly as A1, A2, B1, B2 does (journal25). So such a
 * group of one second is read by its texts, not by its order: two or more messages whose parts are, number for number,
 * the very same texts (the network's exact repeat of one sending) are joined right whichever way the parts went; any
 * other two are each possibly joined wrong, whatever the order, A1, A2, B1, B2 included (docs/security.md, "Two long
 * replies under one reference in the same second"). This is the one definition every joiner of parts reads
 * (assembleRecords, the page's Reassembler, the fleet board, `hall10086 inbox` and the extension through assembleRecords).
 */

/** One part a long message being put together holds. */
export interface PlacedPart {
  /** Its number in the message (1 = first). */
  part: number;
  text: string;
  /** The service centre's stamp. */
  stamp: string;
}

/** What the rule reads of one long message being put together. */
export interface PlacedSending {
  /** SIM, sender, reference and part count: what every part of one sending carries. */
  group: string;
  /** Its parts' encoding (one sender's segmenter writes one); undefined where a stored part never kept it. */
  encoding: string | undefined;
  /** The parts it holds. */
  parts: readonly PlacedPart[];
}

/** The second a stamp names (an unreadable stamp stands for itself, as nearestSendings reads it: equally near). */
function secondOf(stamp: string): string {
  const at = Date.parse(stamp);
  return Number.isNaN(at) ? `?${stamp}` : String(Math.floor(at / 1000));
}

/**
 * Whether these messages hold, at every part number two of them hold, the very same text: then any other joining of
 * their parts gives the same texts, so none is joined wrong.
 */
function samePartForPart(sendings: readonly PlacedSending[]): boolean {
  const textOf = new Map<number, string>();
  for (const s of sendings) {
    for (const { part, text } of s.parts) {
      const seen = textOf.get(part);
      if (seen === undefined) textOf.set(part, text);
      else if (seen !== text) return false;
    }
  }
  return true;
}

/**
 * The sendings that may be joined wrong: every one of a group (SIM, sender, reference, part count, encoding) and
 * second holding two or more messages that are not the same texts part for part (samePartForPart), whole or not,
 * whatever order their parts came in. Marked so whatever became of them before (stored, read for figures): the
 * mark may come after, with the part that shows a second message.
 */
export function mixedUpSendings<T>(sendings: readonly T[], read: (sending: T) => PlacedSending): Set<T> {
  const buckets = new Map<string, { sendings: T[]; read: PlacedSending[] }>();
  for (const sending of sendings) {
    const s = read(sending);
    for (const second of new Set(s.parts.map((p) => secondOf(p.stamp)))) {
      const id = JSON.stringify([s.group, s.encoding ?? null, second]);
      const bucket = buckets.get(id);
      if (bucket) {
        bucket.sendings.push(sending);
        bucket.read.push(s);
      } else buckets.set(id, { sendings: [sending], read: [s] });
    }
  }
  const mixed = new Set<T>();
  for (const bucket of buckets.values()) {
    if (bucket.sendings.length > 1 && !samePartForPart(bucket.read)) bucket.sendings.forEach((s) => mixed.add(s));
  }
  return mixed;
}
