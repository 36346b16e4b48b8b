import { nearestSendings, REASSEMBLY_WINDOW_MS } from '../../../src-shared/assemble';
import type { IncomingRecord } from '../../../src-shared/journal-records';
import { oldKeyBase, sameKeyFields } from '../../../src-shared/journal-key';
import { samePartText } from '../../../src-shared/same-part';
import { maySendTogether, mixedUpSendings, type PlacedSending } from '../../../src-shared/sending-order';
import { concatGroup, firstReceivedAt, messageIdFor, type Generation, type Slot } from '../../../src-renderer/store/reassembly';

/*
 * The page's Reassembler as it was before join30, kept only as the reference the batched one is checked against
 * (joining-property.test.ts): every message of the group read by mixedUpSendings again after every part placed.
 */

/** Whether `stored` is a key written before review18/19 (with its text's checksum) that the journal has since moved to `handed`'s fields. */
function movedFrom(stored: string, handed: string): boolean {
  return oldKeyBase(stored) !== null && sameKeyFields(stored, handed);
}

export class ReassemblerPartByPart {
  private readonly byGroup = new Map<string, Generation[]>();
  private readonly changed = new Set<Generation>();

  constructor(stored: Iterable<Generation>) {
    for (const g of stored) this.generationsOf(g.group).push(g);
    for (const list of this.byGroup.values()) list.sort((a, b) => firstReceivedAt(a) - firstReceivedAt(b));
  }

  /** Returns the id of the message the record belongs to. */
  place(record: IncomingRecord): string {
    const group = concatGroup(record);
    const c = record.concat;
    if (!group || !c) throw new RangeError('Reassembler.place takes parts of multi-part messages only');
    const index = c.part - 1;
    const slot: Slot = { key: record.key, text: record.text, timestamp: record.timestamp, receivedAt: record.receivedAt, encoding: record.encoding };
    const generations = this.generationsOf(group);
    const stamps = (g: Generation) => g.slots.flatMap((s) => (s ? [s.timestamp] : []));
    const candidates = generations.filter((g) => {
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
    });
    // A part this log has already (re-delivered): its message, certain.
    const again = candidates.find((g) => g.slots[index]);
    // Two sendings under one reference read interleaved: each part goes to the one stamped nearest to it;
    // equally near (the same second), nothing tells which: both are marked.
    const near = again ? [again] : nearestSendings(candidates, record.timestamp, stamps);
    if (near.length > 1) {
      for (const g of near.filter((g) => !g.uncertain)) {
        g.uncertain = true;
        this.changed.add(g);
      }
    }
    const home = near[0];
    let placed = home;
    if (!placed) {
      placed = { messageId: messageIdFor(record.key), group, slots: Array.from({ length: c.total }, (): Slot | null => null) };
      generations.push(placed);
    }
    if (!placed.slots[index]) {
      placed.slots[index] = slot;
      this.changed.add(placed);
      this.markMixedUp(generations);
    }
    return placed.messageId;
  }

  /** Every message of the group that may be joined wrong (mixedUpSendings), stored ones too: marked, and rewritten. */
  private markMixedUp(generations: readonly Generation[]): void {
    for (const g of mixedUpSendings(generations, placedSending)) {
      if (g.uncertain) continue;
      g.uncertain = true;
      this.changed.add(g);
    }
  }

  /** Messages that gained a part. */
  changedGenerations(): Generation[] {
    return [...this.changed];
  }

  private generationsOf(group: string): Generation[] {
    let list = this.byGroup.get(group);
    if (!list) this.byGroup.set(group, (list = []));
    return list;
  }
}

function placedSending(g: Generation): PlacedSending {
  const parts = g.slots.flatMap((s, i) => (s ? [{ part: i + 1, text: s.text, stamp: s.timestamp, encoding: s.encoding }] : []));
  return { group: g.group, encoding: parts.find((p) => p.encoding !== undefined)?.encoding, parts };
}
