/**
 * Two long messages under one reference and part count, stamped the same second, in one encoding: nothing a part
 * carries tells whose part it is (sender, reference, count, number, stamp, encoding are the same), and neither does
 * the order parts are read in. Read A1, B2, A2, B1, B2 completes A and B1 completes A2's message; read A1, B2, B1, A2,
 * each mixed message even gets its parts in ascending order, exactly as A1, A2, B1, B2 does (journal25). So such a
 * group of one second is read by its texts, not by its order: two or more messages whose parts are, number for number,
 * the very same texts (the network's exact repeat of one sending) are joined right whichever way the parts went; any
 * other two are each possibly joined wrong, whatever the order, A1, A2, B1, B2 included (docs/security.md, "Two long
 * replies under one reference in the same second"). Not the same second only: any two the joiner could have exchanged a
 * part between (stamps within SAME_SENDING_MS), as one sending's parts may be stamped seconds apart (review27). This is the one definition every joiner of parts reads
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

/**
 * The service centre stamps each part as it takes it in: the parts of one sending carry one stamp
 * (real 10086 replies: pdu-2018-balance-gd's three parts, 2018-08-16 10:50:16) or stamps seconds
 * apart (a real 10010 reply's four parts, 16 s in all: tests/unit/assemble.test.ts). Parts stamped
 * further apart than this are of different sendings even when they share a reference: a reused one,
 * whose earlier message lost a part, or the same reply sent again (10086 did, 7 min 41 s later).
 */
export const SAME_SENDING_MS = 10 * 60_000;

/**
 * Whether a part stamped `stamp` may belong with parts stamped `others`: one of them is stamped
 * within SAME_SENDING_MS of it, or a stamp cannot be read (then the reference alone decides, as before).
 */
export function maySendTogether(stamp: string, others: readonly string[]): boolean {
  const at = Date.parse(stamp);
  const known = others.map((o) => Date.parse(o)).filter((t) => !Number.isNaN(t));
  return Number.isNaN(at) || known.length === 0 || known.some((t) => Math.abs(t - at) <= SAME_SENDING_MS);
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
 * The sendings that may be joined wrong: every two of a group (SIM, sender, reference, part count, encoding) that could
 * have taken each other's parts (a part of one stamped as maySendTogether lets it join the other) and that are not the
 * same texts part for part (samePartForPart), whole or not, whatever order their parts came in. Marked so whatever
 * became of them before (stored, read for figures): the mark may come after, with the part that shows a second message.
 * Not only those of one second (review27): a sending's parts may be stamped seconds apart (10010's are), and a part
 * stamped as one of them, read between them, took the other's place with no second shared by the two messages made.
 */
export function mixedUpSendings<T>(sendings: readonly T[], read: (sending: T) => PlacedSending): Set<T> {
  const groups = new Map<string, { sending: T; read: PlacedSending }[]>();
  for (const sending of sendings) {
    const s = read(sending);
    const id = JSON.stringify([s.group, s.encoding ?? null]);
    groups.set(id, [...(groups.get(id) ?? []), { sending, read: s }]);
  }
  const mixed = new Set<T>();
  for (const group of groups.values()) {
    group.forEach((a, i) => {
      for (const b of group.slice(i + 1)) {
        if (mayHaveExchanged(a.read, b.read) && !samePartForPart([a.read, b.read])) [a, b].forEach((x) => mixed.add(x.sending));
      }
    });
  }
  return mixed;
}

/** Whether a part of either could have joined the other, by the stamps the joiners go by (maySendTogether). */
function mayHaveExchanged(a: PlacedSending, b: PlacedSending): boolean {
  const stamps = (s: PlacedSending) => s.parts.map((p) => p.stamp);
  return a.parts.some((p) => maySendTogether(p.stamp, stamps(b))) || b.parts.some((p) => maySendTogether(p.stamp, stamps(a)));
}
