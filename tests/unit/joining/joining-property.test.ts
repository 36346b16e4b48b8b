import { describe, expect, it } from 'vitest';
import { createRng } from '../../../src-main/emulator/rng';
import { assembleRecords, REASSEMBLY_WINDOW_MS } from '../../../src-shared/assemble';
import type { IncomingRecord } from '../../../src-shared/journal-records';
import { SAME_SENDING_MS } from '../../../src-shared/sending-order';
import { Reassembler, type Generation } from '../../../src-renderer/store/reassembly';
import { assembleRecordsQuadratic } from './quadratic-reference';
import { ReassemblerPartByPart } from './reassembler-reference';

const T0 = Date.UTC(2026, 10, 25, 2);
/** Stamps a modem may hand over that Date.parse cannot read: each pairs only with itself. */
const UNREADABLE = ['', '26/11/25,10:00:00+32', 'garbage'];

/**
 * A few groups of parts with what breaks a joiner: sendings under one reference stamped the same second, seconds
 * apart, at the 10-minute edge or hours apart; received across the 3-day window; parts missing, read twice (a key
 * again, sometimes with another text), read out of order; unreadable stamps; another encoding; another SIM, sender
 * or part count; now and then a single SMS among them.
 * `crowded`: one group (SIM, sender, reference) of 5–45 sendings, so the page's Reassembler reads it through its index
 * (more than FEW_TO_INDEX messages); texts shared by all sendings, by a few or by none (a shared text is looked up by
 * text), some parts under a key of the old form (a text checksum, before review18) and read again under the bare key
 * (read21: the small groups reached the index only in the flood case, whose texts are all distinct).
 */
function records(seed: number, crowded = false): IncomingRecord[] {
  const random = createRng(seed).next;
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const out: IncomingRecord[] = [];
  const sendings = crowded ? 5 + Math.floor(random() * 41) : 1 + Math.floor(random() * 12);
  const spread = pick([0, 1000, 60_000, SAME_SENDING_MS, SAME_SENDING_MS + 1, 3_600_000]);
  const shared = crowded ? pick([1, 3, Number.POSITIVE_INFINITY]) : null;
  for (let s = 0; s < sendings; s++) {
    const simId = crowded ? 'sim-1' : pick(['sim-1', 'sim-1', 'sim-1', 'sim-2']);
    const from = crowded ? '10086' : pick(['10086', '10086', '10086', '10010']);
    const ref = crowded ? 7 : pick([7, 7, 7, 8]);
    const total = pick([2, 2, 3, 4]);
    const encoding = pick(['ucs2', 'ucs2', 'ucs2', 'gsm7'] as const);
    const stamp = T0 + Math.floor(random() * (spread + 1) / 1000) * 1000;
    const receivedAt = pick([0, 0, REASSEMBLY_WINDOW_MS, REASSEMBLY_WINDOW_MS + 1]) + Math.floor(random() * 4) * 1000;
    const sameText = random() < 0.4;
    if (random() < 0.1) {
      const timestamp = new Date(stamp).toISOString();
      out.push({ kind: 'in', key: `single|${timestamp}|${s % 3}`, simId, from, text: `单条${s % 2}`, encoding, timestamp, receivedAt, concat: null });
      continue;
    }
    for (let part = 1; part <= total; part++) {
      if (random() < 0.15) continue;
      const at = stamp + pick([0, 0, 0, 1000, 5000, SAME_SENDING_MS]);
      const timestamp = random() < 0.1 ? pick(UNREADABLE) : new Date(at).toISOString();
      const text = shared !== null ? `第${s % shared}条第${part}段` : sameText ? `第${part}段` : `第${s}条第${part}段`;
      const fields = `${from}|${timestamp}|${ref}|${total}|${part}`;
      const key = crowded && random() < 0.15 ? `${fields}|${(0x10000000 + s).toString(16)}` : `${fields}|*${random() < 0.2 ? '' : `#${s}`}`;
      const r: IncomingRecord = { kind: 'in', key, simId, from, text, encoding, timestamp, receivedAt: receivedAt + part * pick([0, 1, 1000]), concat: { ref, total, part } };
      out.push(r);
      if (random() < 0.1) out.push({ ...r, key: crowded && random() < 0.5 ? `${fields}|*` : r.key, text: random() < 0.5 ? r.text : `${r.text}!`, receivedAt: r.receivedAt + 500 });
    }
  }
  // Read in any order: assembleRecords sorts by receivedAt, then keeps the order given.
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

describe('assembleRecords joins as the quadratic joiner did (join30)', () => {
  it('gives the very same messages, texts, keys, missing parts and marks on 400 seeded groups', () => {
    let marked = 0;
    let joinedAcross = 0;
    for (let seed = 1; seed <= 400; seed++) {
      const given = records(seed);
      const expected = assembleRecordsQuadratic(given);
      expect(assembleRecords(given), `seed ${seed}`).toEqual(expected);
      marked += expected.filter((m) => m.uncertain).length;
      joinedAcross += expected.filter((m) => m.keys.length > 1 && new Set(m.keys.map((k) => k.split('#')[1])).size > 1).length;
    }
    // The seeds reach the cases that matter: messages marked, and parts of two sendings joined as one.
    expect(marked).toBeGreaterThan(50);
    expect(joinedAcross).toBeGreaterThan(20);
  });

  it('marks as the quadratic joiner did the exact repeats of one second a part could join either of (100 seeds)', () => {
    // Texts the same part for part: nothing but the tie between equally near messages marks them (nearestSendings).
    let marked = 0;
    for (let seed = 1; seed <= 100; seed++) {
      const random = createRng(seed).next;
      const timestamp = random() < 0.2 ? 'garbage' : new Date(T0).toISOString();
      const given: IncomingRecord[] = [];
      for (let s = 0; s < 2 + Math.floor(random() * 4); s++) {
        for (const part of [1, 2, 3]) {
          if (random() < 0.2) continue;
          given.push({ kind: 'in', key: `10086|${timestamp}|7|3|${part}|*#${s}`, simId: 'sim-1', from: '10086', text: `第${part}段`, encoding: 'ucs2', timestamp, receivedAt: Math.floor(random() * 10), concat: { ref: 7, total: 3, part } });
        }
      }
      const expected = assembleRecordsQuadratic(given);
      expect(assembleRecords(given), `seed ${seed}`).toEqual(expected);
      marked += expected.filter((m) => m.uncertain).length;
    }
    expect(marked).toBeGreaterThan(20);
  });

  it('joins a flood of one reference as the quadratic joiner did: 400 two-part replies, some parts lost, some read late', () => {
    const random = createRng(30).next;
    const given: IncomingRecord[] = [];
    for (let s = 0; s < 400; s++) {
      const at = T0 + Math.floor(s / 3) * 1000;
      for (const part of [1, 2]) {
        if (random() < 0.1) continue;
        const timestamp = new Date(at).toISOString();
        given.push({ kind: 'in', key: `10086|${timestamp}|77|2|${part}|*#${s}`, simId: 'sim-1', from: '10086', text: `余额${s % 5}第${part}段`, encoding: 'ucs2', timestamp, receivedAt: at + Math.floor(random() * 20_000), concat: { ref: 77, total: 2, part } });
      }
    }
    expect(assembleRecords(given)).toEqual(assembleRecordsQuadratic(given));
    // And the page's store, which reads a group of more than a few messages through its index. Each reply its own
    // text: a part with a text some message of the group already holds is kept there as re-delivered, hiding where
    // the index would have put it.
    const inOrder = given.map((r) => ({ ...r, text: `${r.text}${r.key.split('#')[1]}` })).sort((a, b) => a.receivedAt - b.receivedAt);
    // Also every part 1 before every part 2 (a bulk sender's order): the free slots found by their stamps (review29).
    for (const order of [inOrder, [...inOrder].sort((a, b) => a.concat!.part - b.concat!.part)]) {
      const reference = new ReassemblerPartByPart([]);
      const batched = new Reassembler([]);
      expect(order.map((r) => batched.place(r))).toEqual(order.map((r) => reference.place(r)));
      expect(batched.changedGenerations().map((g) => ({ ...g, uncertain: g.uncertain === true })).sort((a, b) => a.messageId.localeCompare(b.messageId)))
        .toEqual(reference.changedGenerations().map((g) => ({ ...g, uncertain: g.uncertain === true })).sort((a, b) => a.messageId.localeCompare(b.messageId)));
    }
  });
});

describe('assembleRecords on a flood under one stamp (mend34: each tied message marked once, not looked at again)', () => {
  it('joins and marks as the quadratic joiner did on 150 seeded floods: one stamp or two, repeats, lost parts, late reads', () => {
    let marked = 0;
    for (let seed = 1; seed <= 150; seed++) {
      const random = createRng(seed * 31).next;
      const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
      const stamps = [T0, pick([T0, T0 + 1000, T0 + SAME_SENDING_MS, T0 + SAME_SENDING_MS + 1000])];
      const given: IncomingRecord[] = [];
      const sendings = 5 + Math.floor(random() * (seed % 10 === 0 ? 300 : 60));
      // Exact repeats in half the seeds: texts the same part for part, so only the ties mark (mixedUpSendings never would).
      const repeats = seed % 2 === 0;
      for (let s = 0; s < sendings; s++) {
        const receivedAt = pick([0, 0, 0, REASSEMBLY_WINDOW_MS, REASSEMBLY_WINDOW_MS + 1]) + Math.floor(random() * 4) * 1000;
        for (const part of [1, 2, 3]) {
          if (random() < 0.2) continue;
          const timestamp = random() < 0.05 ? 'garbage' : new Date(pick(stamps)).toISOString();
          const text = repeats || random() < 0.5 ? `第${part}段` : `第${s % 4}条第${part}段`;
          given.push({ kind: 'in', key: `10086|${timestamp}|7|3|${part}|*#${s}`, simId: 'sim-1', from: '10086', text, encoding: 'ucs2', timestamp, receivedAt: receivedAt + part * pick([0, 1, 1000]), concat: { ref: 7, total: 3, part } });
        }
      }
      // Every part 1 first now and then (a bulk sender's order): each part 2 then ties with every message.
      if (random() < 0.5) given.sort((a, b) => a.concat!.part - b.concat!.part).forEach((r, i) => (r.receivedAt = i));
      const expected = assembleRecordsQuadratic(given);
      expect(assembleRecords(given), `seed ${seed}`).toEqual(expected);
      marked += expected.filter((m) => m.uncertain).length;
    }
    expect(marked).toBeGreaterThan(1000);
  });

  it("the page's Reassembler places and marks as when it read the group after every part, on 40 seeded floods under one stamp", () => {
    let marked = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const random = createRng(seed * 53).next;
      const stamps = [T0, random() < 0.5 ? T0 : T0 + 1000].map((t) => new Date(t).toISOString());
      const given: IncomingRecord[] = [];
      for (let s = 0; s < 10 + Math.floor(random() * 120); s++) {
        for (const part of [1, 2, 3]) {
          if (random() < 0.2) continue;
          const timestamp = stamps[Math.floor(random() * 2)]!;
          given.push({ kind: 'in', key: `10086|${timestamp}|7|3|${part}|*#${s}`, simId: 'sim-1', from: '10086', text: `第${s}条第${part}段`, encoding: 'ucs2', timestamp, receivedAt: Math.floor(random() * 1000), concat: { ref: 7, total: 3, part } });
        }
      }
      given.sort((a, b) => (seed % 2 ? a.receivedAt - b.receivedAt : a.concat!.part - b.concat!.part));
      const reference = new ReassemblerPartByPart([]);
      const batched = new Reassembler([]);
      expect(given.map((r) => batched.place(r)), `seed ${seed}`).toEqual(given.map((r) => reference.place(r)));
      const expected = reference.changedGenerations().map((g) => ({ ...g, uncertain: g.uncertain === true })).sort((a, b) => a.messageId.localeCompare(b.messageId));
      expect(batched.changedGenerations().map((g) => ({ ...g, uncertain: g.uncertain === true })).sort((a, b) => a.messageId.localeCompare(b.messageId)), `seed ${seed}`).toEqual(expected);
      marked += expected.filter((g) => g.uncertain).length;
    }
    expect(marked).toBeGreaterThan(500);
  });

  it('a real reply under another reference amid 4,000 parts of one stamp is joined whole and certain; no part of the flood is lost', () => {
    const stamp = new Date(T0).toISOString();
    const flood: IncomingRecord[] = [1, 2].flatMap((part) =>
      Array.from({ length: 2_000 }, (_, s) => ({ kind: 'in' as const, key: `10086|${stamp}|7|2|${part}|*#${s}`, simId: 'sim-1', from: '10086', text: `第${s}条第${part}段`, encoding: 'ucs2', timestamp: stamp, receivedAt: (part - 1) * 2_000 + s, concat: { ref: 7, total: 2, part } })),
    );
    const reply: IncomingRecord[] = ['尊敬的客户，您的余额为 12.50 元，', '【中国移动】'].map((text, i) => ({ kind: 'in', key: `10086|${stamp}|8|2|${i + 1}|*`, simId: 'sim-1', from: '10086', text, encoding: 'ucs2', timestamp: stamp, receivedAt: 1_000 + i * 2_000, concat: { ref: 8, total: 2, part: i + 1 } }));
    const joined = assembleRecords([...flood, ...reply]);
    expect(joined.filter((m) => m.text.includes('12.50'))).toMatchObject([{ text: '尊敬的客户，您的余额为 12.50 元，【中国移动】', complete: true, uncertain: false }]);
    expect(joined.flatMap((m) => m.keys).sort()).toEqual([...flood, ...reply].map((r) => r.key).sort());
    // Under one reference and stamp nothing tells whose part 2 is whose: every message of the flood is marked.
    expect(joined.filter((m) => m.keys.some((k) => k.includes('|7|2|'))).every((m) => m.uncertain && m.complete)).toBe(true);
  });
});

describe("the page's Reassembler marks as it did when it read the group after every part (join30)", () => {
  /** The messages a batch changed, in an order that does not depend on when each was marked. */
  const sorted = (generations: Generation[]) =>
    generations.map((g) => ({ ...g, uncertain: g.uncertain === true })).sort((a, b) => (a.messageId + JSON.stringify(a.slots)).localeCompare(b.messageId + JSON.stringify(b.slots)));

  /** Places a seed's parts, some stored by an earlier batch, in both Reassemblers; the messages the reference marked. */
  function placeAsPartByPart(seed: number, crowded: boolean): Generation[] {
    const given = records(seed, crowded)
      .filter((r) => r.concat && r.concat.total > 1)
      .sort((a, b) => a.receivedAt - b.receivedAt);
    const random = createRng(seed + 1000).next;
    const cut = Math.floor(random() * given.length);
    // Stored by an earlier batch.
    const earlier = new ReassemblerPartByPart([]);
    for (const r of given.slice(0, cut)) earlier.place(r);
    // Stored by a page before slots kept encodings: none of its messages tells one (then the first part placed does).
    const legacy = random() < 0.5;
    const stored = earlier.changedGenerations().map((g) => ({ ...g, slots: g.slots.map((s) => (s && legacy ? { ...s, encoding: undefined } : s)) }));
    const reference = new ReassemblerPartByPart(structuredClone(stored));
    const batched = new Reassembler(structuredClone(stored));
    const rest = given.slice(cut);
    expect(rest.map((r) => batched.place(r)), `seed ${seed}`).toEqual(rest.map((r) => reference.place(r)));
    const expected = sorted(reference.changedGenerations());
    expect(sorted(batched.changedGenerations()), `seed ${seed}`).toEqual(expected);
    return expected.filter((g) => g.uncertain);
  }

  it('places every part in the same message and marks the same messages on 400 seeded groups, some stored before', () => {
    let marked = 0;
    for (let seed = 1; seed <= 400; seed++) marked += placeAsPartByPart(seed, false).length;
    expect(marked).toBeGreaterThan(50);
  });

  it('does the same through its index: 300 seeded crowded groups with shared texts and old keys, some stored before', () => {
    let marked = 0;
    for (let seed = 1; seed <= 300; seed++) marked += placeAsPartByPart(seed, true).length;
    expect(marked).toBeGreaterThan(50);
  });

  it('finds through its index a part the journal hands out again under the new key, stored masked under an old one', () => {
    // 12 replies of one reference (indexed: more than FEW_TO_INDEX), each part 1 stored masked under a pre-review18 key
    // (its text's checksum), then handed out again by the journal in clear under the new key with part 2 (read21).
    const stored: Generation[] = [];
    const batch: IncomingRecord[] = [];
    for (let s = 0; s < 12; s++) {
      const timestamp = new Date(T0 + s * 3_600_000).toISOString();
      const receivedAt = T0 + s * 3_600_000;
      const oldKey = `10086|${timestamp}|7|2|1|${(0x1a2b3c00 + s).toString(16)}`;
      stored.push({ messageId: `in:${oldKey}`, group: 'sim|10086|7|2', slots: [{ key: oldKey, text: `您的验证码是******，第${s}条`, timestamp, receivedAt, encoding: 'ucs2' }, null] });
      for (const [part, text] of [[1, `您的验证码是${100_000 + s}，第${s}条`], [2, `尾${s}`]] as const) {
        batch.push({ kind: 'in', key: `10086|${timestamp}|7|2|${part}|*`, simId: 'sim', from: '10086', text, encoding: 'ucs2', timestamp, receivedAt: receivedAt + part, concat: { ref: 7, total: 2, part } });
      }
    }
    const reference = new ReassemblerPartByPart(structuredClone(stored));
    const batched = new Reassembler(structuredClone(stored));
    const placed = batch.map((r) => batched.place(r));
    expect(placed).toEqual(batch.map((r) => reference.place(r)));
    // Each reply whole in its stored message: none split in two.
    expect(new Set(placed)).toEqual(new Set(stored.map((g) => g.messageId)));
    expect(sorted(batched.changedGenerations())).toEqual(sorted(reference.changedGenerations()));
  });

  it('reads a message stored before slots kept encodings as it was before its first part with one came, as part by part did', () => {
    const hour = 3_600_000;
    const stamp = (ms: number) => new Date(T0 + ms).toISOString();
    const slot = (key: string, text: string, at: number, encoding?: 'ucs2') => ({ key, text, timestamp: stamp(at), receivedAt: at, encoding });
    // A and B differ at part 1, stamped 30 s apart: while neither tells its encoding they are read together.
    const stored: Generation[] = [
      { messageId: 'in:a1', group: 'sim|10086|7|2', slots: [slot('a1', 'A1', 0), null] },
      { messageId: 'in:b1', group: 'sim|10086|7|2', slots: [slot('b1', 'B1', 30_000), null] },
      { messageId: 'in:d1', group: 'sim|10086|7|2', slots: [slot('d1', 'D1', 5 * hour, 'ucs2'), null] },
    ];
    const part2 = (key: string, at: number): IncomingRecord => ({ kind: 'in', key, simId: 'sim', from: '10086', text: key.toUpperCase(), encoding: 'ucs2', timestamp: stamp(at), receivedAt: at + 1, concat: { ref: 7, total: 2, part: 2 } });
    // D's part first (the group is read with A and B as they are), then A's: from then on A is read as UCS-2.
    const batch = [part2('d2', 5 * hour), part2('a2', 0)];
    const reference = new ReassemblerPartByPart(structuredClone(stored));
    const batched = new Reassembler(structuredClone(stored));
    expect(batch.map((r) => batched.place(r))).toEqual(batch.map((r) => reference.place(r)));
    const expected = sorted(reference.changedGenerations());
    expect(expected.filter((g) => g.uncertain).map((g) => g.messageId)).toEqual(['in:a1', 'in:b1']);
    expect(sorted(batched.changedGenerations())).toEqual(expected);
  });
});
