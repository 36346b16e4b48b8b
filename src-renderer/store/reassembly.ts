import { insertStamp, nearestSendings, nearestToMark, removeStamp, REASSEMBLY_WINDOW_MS, type StampOf } from '../../src-shared/assemble';
import { maskerStampOf, type HandedOutRecord, type IncomingRecord } from '../../src-shared/journal-records';
import { oldKeyBase, sameKeyFields } from '../../src-shared/journal-key';
import { samePartText } from '../../src-shared/same-part';
import { maySendTogether, mixedUpSendings, type PlacedSending } from '../../src-shared/sending-order';
import { joinPartTexts } from '../../src-shared/pdu/gsm7';


/** Shown where a part of a long message has not arrived. */
export const MISSING_PART = '…';

export interface Slot {
  key: string;
  text: string;
  timestamp: string;
  receivedAt: number;
  /** Absent in slots rebuilt from rows stored before slots kept it (then it tells nothing). */
  encoding?: string;
  /** The part's masker (PartRow.masker), none when its text is as it came. */
  masker?: number;
}

/** One long message being (or already) reassembled. */
export interface Generation {
  messageId: string;
  group: string;
  /** Index = part number - 1. */
  slots: (Slot | null)[];
  /**
   * A part of it could as well have been another message's (nearestSendings, mixedUpSendings): shown so, no
   * figures read. Set after it was stored too, when another message of its group stamped near it shows up.
   */
  uncertain?: boolean;
}

/** The group of a part of a long SMS; null for a single SMS (or a part numbered beyond its total, kept whole). */
export function concatGroup(record: Pick<IncomingRecord, 'simId' | 'from' | 'concat'>): string | null {
  const c = record.concat;
  return c && c.total > 1 && c.part <= c.total ? `${record.simId}|${record.from}|${c.ref}|${c.total}` : null;
}

/** The id of the message a record starts: stable, so replaying the same records gives the same ids. */
export function messageIdFor(key: string): string {
  return `in:${key}`;
}

/** Whether `stored` is a key written before review18/19 (with its text's checksum) that the journal has since moved to `handed`'s fields. */
function movedFrom(stored: string, handed: string): boolean {
  return oldKeyBase(stored) !== null && sameKeyFields(stored, handed);
}

export function firstReceivedAt(generation: Generation): number {
  return Math.min(...generation.slots.flatMap((s) => (s ? [s.receivedAt] : [])));
}

/** The parts present in part order, a marker where one is missing (but not after the last one present). */
export function joinSlots(slots: readonly (Pick<Slot, 'text' | 'encoding'> | null)[]): string {
  const last = slots.reduce((at, s, i) => (s ? i : at), -1);
  return joinPartTexts(slots.slice(0, last + 1).map((s) => s ?? null), MISSING_PART);
}

/**
 * Places multi-part records into messages, starting from the generations already stored. A part
 * joins the message of its group stamped nearest to it (within the window, stamped by the service centre with it:
 * maySendTogether; the oldest of equally near ones) whose slot is free, or whose slot holds the same text (a re-delivered part: kept
 * for its key, message unchanged). A different
 * text in every candidate's slot means the sender reused its reference: a new message starts.
 */
export class Reassembler {
  private readonly byGroup = new Map<string, Generation[]>();
  private readonly changed = new Set<Generation>();
  /** Groups that gained a part since mixedUpSendings last read them. */
  private readonly unchecked = new Set<string>();
  /** Each message's place in its group's list: candidates are read in that order. */
  private readonly position = new Map<Generation, number>();
  /** Per group and part index, built when a part with that index first comes, kept up as parts are placed. */
  private readonly slotIndexes = new Map<string, Map<number, SlotIndex>>();

  constructor(stored: Iterable<Generation>) {
    for (const g of stored) this.generationsOf(g.group).push(g);
    for (const list of this.byGroup.values()) {
      list.sort((a, b) => firstReceivedAt(a) - firstReceivedAt(b));
      list.forEach((g, i) => this.position.set(g, i));
    }
  }

  /** Returns the id of the message the record belongs to. */
  place(record: HandedOutRecord): string {
    const group = concatGroup(record);
    const c = record.concat;
    if (!group || !c) throw new RangeError('Reassembler.place takes parts of multi-part messages only');
    const index = c.part - 1;
    const slot: Slot = { key: record.key, text: record.text, timestamp: record.timestamp, receivedAt: record.receivedAt, encoding: record.encoding, ...maskerStampOf(record) };
    const generations = this.generationsOf(group);
    const stamps = (g: Generation) => g.slots.flatMap((s) => (s ? [s.timestamp] : []));
    const mayTake = (g: Generation) => {
      if (Math.abs(firstReceivedAt(g) - record.receivedAt) > REASSEMBLY_WINDOW_MS) return false;
      if (!maySendTogether(record.timestamp, stamps(g))) return false;
      // One sender's segmenter writes every part of a message in one encoding.
      if (g.slots.some((s) => s?.encoding !== undefined && s.encoding !== record.encoding)) return false;
      const taken = g.slots[index];
      // The same text, or, under the same key fields, it as the journal hands a kept part out (masked) under a
      // key this log does not hold (an old key the journal moved); another sending's part (another stamp) must match exactly.
      // Only a part stored under an old key: under a new one, a masked text matching another code in the same
      // wording would swallow that second message (review20); the journal hands its own key's part out again under that key.
      return !taken || taken.text === record.text || (movedFrom(taken.key, record.key) && samePartText(taken.text, record.text));
    };
    // Only a message whose slot is free, holds this text, or holds a part under an old key can take the part: those
    // are looked up, not every message of the group compared (join30: 1,000 parts of one reference took seconds).
    // A group of a few messages is read whole: the index pays from a crowded reference on (groups only grow, so once
    // indexed a group's index stays kept up).
    const slots = generations.length > FEW_TO_INDEX ? this.slotIndexOf(group, index) : undefined;
    const byPosition = (list: Iterable<Generation>) => [...list].sort((a, b) => this.position.get(a)! - this.position.get(b)!);
    // A part this log has already (re-delivered): its message, certain.
    const again = (slots ? byPosition(new Set([...(slots.byText.get(record.text) ?? []), ...slots.oldKeys])) : generations).find((g) => g.slots[index] && mayTake(g));
    // Two sendings under one reference read interleaved: each part goes to the one stamped nearest to it;
    // equally near (the same second), nothing tells which: both are marked. With the index, the free slots are found
    // by their messages' stamps (a bulk sender's 2,000 part 1s, then their part 2s: every part read every free message).
    const at = Date.parse(record.timestamp);
    // Tied with thousands stamped as it is (a flood under one stamp), a part looks only at those not marked yet (mend34).
    const stamped = !again && slots && !Number.isNaN(at) ? nearestToMark(slots.freeStamps, slots.unmarkedStamps, at, (g) => !g.slots[index] && mayTake(g), (g) => g.uncertain === true) : null;
    const near = again
      ? [again]
      : stamped
        ? [stamped.oldest]
        : slots && !Number.isNaN(at)
          ? byPosition(slots.unstamped).filter(mayTake)
          : nearestSendings((slots ? byPosition(slots.free) : generations).filter((g) => !g.slots[index] && mayTake(g)), record.timestamp, stamps);
    for (const g of stamped?.mark ?? (near.length > 1 ? near.filter((g) => !g.uncertain) : [])) {
      g.uncertain = true;
      this.changed.add(g);
    }
    const home = near[0];
    let placed = home;
    if (!placed) {
      placed = { messageId: messageIdFor(record.key), group, slots: Array.from({ length: c.total }, (): Slot | null => null) };
      this.position.set(placed, generations.length);
      generations.push(placed);
      for (const at of this.slotIndexes.get(group)?.values() ?? []) {
        at.free.add(placed);
        at.unstamped.add(placed);
      }
    }
    if (!placed.slots[index]) {
      // A message stored before slots kept encodings is grouped by the first this part brings: it is read as it was first.
      if (placed.slots.some((s) => s !== null) && placed.slots.every((s) => s?.encoding === undefined)) this.markMixedUp(group);
      this.indexPlaced(group, placed, index, slot);
      this.changed.add(placed);
      this.unchecked.add(group);
    }
    return placed.messageId;
  }

  /**
   * Every message of the group that may be joined wrong (mixedUpSendings), stored ones too: marked, and rewritten.
   * Once per group and batch, not after every part (join30: 1,000 parts of one reference took seconds): a message
   * found so after some part still is after the later ones, which only add parts and messages (mixedUpSendings reads
   * more texts in reach, never fewer), unless a part gives a message with no encoding its first (see place).
   */
  private markMixedUp(group: string): void {
    if (!this.unchecked.delete(group)) return;
    for (const g of mixedUpSendings(this.generationsOf(group), placedSending)) {
      if (g.uncertain) continue;
      g.uncertain = true;
      this.changed.add(g);
    }
  }

  /** Messages that gained a part, or a mark. */
  changedGenerations(): Generation[] {
    for (const group of [...this.unchecked]) this.markMixedUp(group);
    return [...this.changed];
  }

  /** Puts `slot` in `g`'s place `index`, keeping the group's indexes up: that slot no longer free, its stamp where g's are free. */
  private indexPlaced(group: string, g: Generation, index: number, slot: Slot): void {
    const order = this.position.get(g)!;
    for (const [i, at] of this.slotIndexes.get(group) ?? []) {
      if (i === index) {
        at.free.delete(g);
        at.unstamped.delete(g);
        for (const s of g.slots) {
          if (!s || Number.isNaN(Date.parse(s.timestamp))) continue;
          removeStamp(at.freeStamps, { at: Date.parse(s.timestamp), order, message: g });
          removeStamp(at.unmarkedStamps, { at: Date.parse(s.timestamp), order, message: g });
        }
        holding(at, g, slot);
      } else if (!g.slots[i] && !Number.isNaN(Date.parse(slot.timestamp))) {
        insertStamp(at.freeStamps, { at: Date.parse(slot.timestamp), order, message: g });
        if (!g.uncertain) insertStamp(at.unmarkedStamps, { at: Date.parse(slot.timestamp), order, message: g });
        at.unstamped.delete(g);
      }
    }
    g.slots[index] = slot;
  }

  private slotIndexOf(group: string, index: number): SlotIndex {
    const byIndex = this.slotIndexes.get(group) ?? new Map<number, SlotIndex>();
    this.slotIndexes.set(group, byIndex);
    let at = byIndex.get(index);
    if (at) return at;
    at = { free: new Set(), unstamped: new Set(), freeStamps: [], unmarkedStamps: [], byText: new Map(), oldKeys: new Set() };
    for (const g of this.generationsOf(group)) {
      const s = g.slots[index];
      if (s) {
        holding(at, g, s);
        continue;
      }
      at.free.add(g);
      const readable = g.slots.flatMap((x) => (x && !Number.isNaN(Date.parse(x.timestamp)) ? [Date.parse(x.timestamp)] : []));
      if (readable.length === 0) at.unstamped.add(g);
      for (const stamp of readable) at.freeStamps.push({ at: stamp, order: this.position.get(g)!, message: g });
    }
    at.freeStamps.sort((a, b) => a.at - b.at || a.order - b.order);
    at.unmarkedStamps = at.freeStamps.filter((e) => !e.message.uncertain);
    byIndex.set(index, at);
    return at;
  }

  private generationsOf(group: string): Generation[] {
    let list = this.byGroup.get(group);
    if (!list) this.byGroup.set(group, (list = []));
    return list;
  }
}

/** Up to this many messages in a group, a part's candidates are found by reading them all. */
const FEW_TO_INDEX = 8;

/** The messages of a group by what they hold at one part index. */
interface SlotIndex {
  /** Slot empty (or past the message's end), in the group's order: a new message is added last. */
  free: Set<Generation>;
  /** Of those, the ones with no readable stamp. */
  unstamped: Set<Generation>;
  /** Of those, each readable stamp, sorted by (stamp, position): a part's nearest free messages are a run around it. */
  freeStamps: StampOf<Generation>[];
  /** Of those, the stamps of messages not marked when they entered: a tie marks from these (nearestToMark). */
  unmarkedStamps: StampOf<Generation>[];
  /** Slot holding a part, by its text. */
  byText: Map<string, Set<Generation>>;
  /** Slot holding a part under a key written before review18/19 (movedFrom). */
  oldKeys: Set<Generation>;
}

function holding(at: SlotIndex, g: Generation, slot: Slot): void {
  const same = at.byText.get(slot.text) ?? new Set<Generation>();
  at.byText.set(slot.text, same.add(g));
  if (oldKeyBase(slot.key) !== null) at.oldKeys.add(g);
}

function placedSending(g: Generation): PlacedSending {
  const parts = g.slots.flatMap((s, i) => (s ? [{ part: i + 1, text: s.text, stamp: s.timestamp, encoding: s.encoding }] : []));
  return { group: g.group, encoding: parts.find((p) => p.encoding !== undefined)?.encoding, parts };
}
