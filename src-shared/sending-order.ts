/**
 * Two long messages under one reference and part count, stamped the same second, in one encoding: nothing a part
 * carries tells whose part it is (sender, reference, count, number, stamp, encoding are the same), and neither does
 * the order parts are read in. Read A1, B2, A2, B1, B2 completes A and B1 completes A2's message; read A1, B2, B1, A2,
 * each mixed message even gets its parts in ascending order, exactly as A1, A2, B1, B2 does (journal25). So such a
 * group of one second is read by its texts, not by its order: two or more messages whose parts are, number for number,
 * the very same texts (the network's exact repeat of one sending) are joined right whichever way the parts went; any
 * other two are each possibly joined wrong, whatever the order, A1, A2, B1, B2 included (docs/security.md, "Two long
 * replies under one reference in the same second"). Not the same second only, as one sending's parts may be stamped
 * seconds apart (review27): any two with parts stamped within SENDING_SPREAD_MS, and one whose own parts are stamped
 * further apart than that (order29). This is the one definition every joiner of parts reads
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
 * How far apart one sending's parts are stamped at most, with margin: 10086's parts carry one stamp, the widest
 * spread in the evidence is a 10010 reply's four parts, 16 s in all (SAME_SENDING_MS above). The 10-minute joining
 * window is far wider (a part must not be left unjoined), but marking by it marked two different replies under one
 * reference read 10 minutes apart: 8-bit references repeat, and 10 two-part replies in 10 minutes gave a false mark
 * 16 % of the time (read20); by this spread, 3.4 %. Marking by it stays sound as long as a sending's parts are
 * stamped within it: a foreign part further than this from a message's own parts makes that message wider than one
 * sending (marked); a nearer one left the message's own part to another message of the group stamped near it,
 * whose text differs (both marked).
 */
export const SENDING_SPREAD_MS = 60_000;

/** One part of a group as the rule sweeps it: where its stamp puts it, and whose it is. */
interface PartAt {
  /** The stamp in ms; NaN when it cannot be read, then `stamp` alone places it. */
  at: number;
  stamp: string;
  owner: number;
}

/** Whether two parts may be of one sending: stamped within SENDING_SPREAD_MS, or both unreadable and the same stamp text. */
function nearEnough(a: PartAt, b: PartAt): boolean {
  if (Number.isNaN(a.at) || Number.isNaN(b.at)) return Number.isNaN(a.at) && Number.isNaN(b.at) && a.stamp === b.stamp;
  return Math.abs(a.at - b.at) <= SENDING_SPREAD_MS;
}

/** Readable stamps first, by time; then unreadable ones by their text: every part's near ones are a run around it. */
function sweepOrder(a: PartAt, b: PartAt): number {
  const na = Number.isNaN(a.at), nb = Number.isNaN(b.at);
  if (na !== nb) return na ? 1 : -1;
  return na ? (a.stamp < b.stamp ? -1 : a.stamp > b.stamp ? 1 : 0) : a.at - b.at;
}

/**
 * Whether a message's own parts may be stamped further apart than one sending's are: a part of it is someone else's.
 * A stamp that cannot be read leaves the spread unknown: such a part joined by the reference alone (maySendTogether),
 * and a fake one (a fake base station's) would make A1 + X2 read certain with A2 lost (review28).
 */
function spreadTooWide(s: PlacedSending): boolean {
  const known = s.parts.map((p) => Date.parse(p.stamp)).filter((t) => !Number.isNaN(t));
  if (s.parts.length > 1 && known.length < s.parts.length) return true;
  return known.length > 1 && Math.max(...known) - Math.min(...known) > SENDING_SPREAD_MS;
}

/**
 * The sendings of one group that differ, at a part number both hold, from another of the group with a part near one
 * of theirs (nearEnough). Swept in stamp order with, per part number, how many sendings in reach hold each text: a
 * sending in reach holding a part number at which those in reach hold two texts differs from one of them, and that
 * one is in reach of it too. Each part enters and leaves reach once: n log n in the group, not every pair.
 */
function differingNeighbours(group: readonly PlacedSending[]): Set<number> {
  const parts: PartAt[] = group.flatMap((s, owner) => s.parts.map((p) => ({ at: Date.parse(p.stamp), stamp: p.stamp, owner })));
  parts.sort(sweepOrder);
  const inReach = new Map<number, number>();
  const textsAt = new Map<number, Map<string, number>>();
  const enter = (owner: number, by: 1 | -1) => {
    const count = (inReach.get(owner) ?? 0) + by;
    if (count === 0) inReach.delete(owner);
    else inReach.set(owner, count);
    if (count !== (by === 1 ? 1 : 0)) return;
    for (const { part, text } of group[owner]!.parts) {
      const texts = textsAt.get(part) ?? new Map<string, number>();
      const held = (texts.get(text) ?? 0) + by;
      if (held === 0) texts.delete(text);
      else texts.set(text, held);
      textsAt.set(part, texts);
    }
  };
  const differing = new Set<number>();
  let from = 0;
  let to = 0;
  for (const here of parts) {
    while (to < parts.length && nearEnough(here, parts[to]!)) enter(parts[to++]!.owner, 1);
    while (!nearEnough(parts[from]!, here)) enter(parts[from++]!.owner, -1);
    const owner = group[here.owner]!;
    if (owner.parts.some((p) => (textsAt.get(p.part)?.size ?? 0) > 1)) differing.add(here.owner);
  }
  return differing;
}

/**
 * The sendings that may be joined wrong, whole or not, whatever order their parts came in: (a) one whose own parts are
 * stamped further apart than one sending's (SENDING_SPREAD_MS: the joiner puts together parts up to SAME_SENDING_MS
 * apart, so it may hold a foreign part); (b) every two of a group (SIM, sender, reference, part count, encoding) with
 * parts stamped within SENDING_SPREAD_MS of each other (an unreadable stamp: the very same stamp text, as the
 * joiner's tie reads it) whose texts differ at a part number both hold: the network's exact repeat of one sending is
 * certain. Marked so whatever became of them before (stored, read for figures): the mark may come after, with the
 * part that shows a second message. Not only those of one second (review27): a sending's parts may be stamped seconds
 * apart (10010's are), and a part stamped as one of them, read between them, took the other's place with no second
 * shared by the two messages made.
 */
export function mixedUpSendings<T>(sendings: readonly T[], read: (sending: T) => PlacedSending): Set<T> {
  const groups = new Map<string, { sendings: T[]; read: PlacedSending[] }>();
  for (const sending of sendings) {
    const s = read(sending);
    const id = JSON.stringify([s.group, s.encoding ?? null]);
    const group = groups.get(id);
    if (group) {
      group.sendings.push(sending);
      group.read.push(s);
    } else groups.set(id, { sendings: [sending], read: [s] });
  }
  const mixed = new Set<T>();
  for (const group of groups.values()) {
    group.read.forEach((s, i) => {
      if (spreadTooWide(s)) mixed.add(group.sendings[i]!);
    });
    for (const i of differingNeighbours(group.read)) mixed.add(group.sendings[i]!);
  }
  return mixed;
}
