import { describe, expect, it } from 'vitest';
import { assembleRecords, REASSEMBLY_WINDOW_MS } from '../../src-shared/assemble';
import { incomingKey } from '../../src-shared/journal-key';
import type { IncomingRecord } from '../../src-shared/journal-records';
import { longPart } from '../fixtures/long-part';
import { decodePdu } from '../../src-shared/pdu';
import { Reassembler, concatGroup, joinSlots } from '../../src-renderer/store/reassembly';

const part = (key: string, n: number, text: string, receivedAt: number, ref = 7): IncomingRecord => longPart(key, n, text, receivedAt, { concat: { ref, total: 2, part: n } });

describe('assembleRecords', () => {
  it('puts parts together in any order', () => {
    const [m] = assembleRecords([part('b', 2, '二', 20), part('a', 1, '一', 10)]);
    expect(m).toMatchObject({ text: '一二', complete: true, keys: ['a', 'b'] });
  });

  it('keeps apart two messages that reuse a reference: one days later, or a part number seen again', () => {
    const later = REASSEMBLY_WINDOW_MS + 1;
    const messages = assembleRecords([
      part('a1', 1, 'A1', 0),
      part('a2', 2, 'A2', 5),
      part('b1', 1, 'B1', 10),
      part('c1', 1, 'C1', later),
    ]);
    expect(messages.map((m) => [m.text, m.complete])).toEqual([
      ['A1A2', true],
      ['B1', false],
      ['C1', false],
    ]);
  });

  it('keeps apart a message that lost a part and a later one under the same reference, by the service centre\'s stamps', () => {
    const stamped = (r: IncomingRecord, at: number) => ({ ...r, timestamp: new Date(at).toISOString() });
    const hour = 3_600_000;
    const messages = assembleRecords([
      stamped(part('a1', 1, 'A1', 0), 0),
      stamped(part('b1', 1, 'B1', hour), hour),
      stamped(part('b2', 2, 'B2', hour + 2000), hour + 1000),
    ]);
    expect(messages.map((m) => [m.text, m.complete])).toEqual([
      ['A1', false],
      ['B1B2', true],
    ]);
  });

  it('counts a part read twice once', () => {
    expect(assembleRecords([part('a', 1, '一', 10), part('a', 1, '一', 10)])).toHaveLength(1);
  });

  it('gives each of two sendings under one reference, read interleaved, its own parts: the nearest stamp, not the oldest message (review17)', () => {
    const stamped = (r: IncomingRecord, at: number) => ({ ...r, timestamp: new Date(at).toISOString() });
    const minute = 60_000;
    const read = [stamped(part('a1', 1, 'A1', 0), 0), stamped(part('b1', 1, 'B1', 1), minute), stamped(part('b2', 2, 'B2', 2), minute), stamped(part('a2', 2, 'A2', 3), 0)];
    expect(assembleRecords(read).map((m) => [m.text, m.complete])).toEqual([
      ['A1A2', true],
      ['B1B2', true],
    ]);
    // And the page's log, part by part.
    const stored = new Reassembler([]);
    const ids = read.map((r) => stored.place(r));
    expect(ids[0]).toBe(ids[3]);
    expect(ids[1]).toBe(ids[2]);
    expect(stored.changedGenerations().map((g) => joinSlots(g.slots))).toEqual(['A1A2', 'B1B2']);
  });
});

/**
 * Real multi-part SMS-DELIVER PDUs, as read off modems, decoded by the app's codec. A service centre
 * stamps each part as it takes it in: 10010's four parts below are stamped 5-6 seconds apart (16 s in
 * all), 10086's parts carry one stamp, and 10086 sent one four-part reply twice under the same
 * reference, stamped 7 min 41 s apart.
 */
describe('assembleRecords and the page\'s Reassembler on real parts stamped part by part', () => {
  // ModemManager fork, src/tests/test-sms-part-3gpp.c, test_askey_pdu_china_unicom (code index file
  // 45019954290): one 10010 data-usage reply, parts stamped 15:36:58, 15:37:03, 15:37:09, 15:37:14 +08.
  const UNICOM = [
    '6405a00110f0000812305251638523880500030504015c0a656c768475286237ff0c622a81f35f53524dff0c60a876846d4191cf4f7f752860c551b559824e0bff1a000d000a0020002d5f536708514d8d396d4191cf00350031002e00350035004d0042000d000a0020002d5f5367085957991059166d4191cf60c551b5000d000a002056fd518565e579df5b9d000d000a00205df24f7f',
    '6405a00110f000081230525173302388050003050402752800370030002e00300030004d0042000d000a0020000d000a0020672c6570636e4ec54f9b53c28003ff0c53ef4e0b8f7d624b673a84254e1a538567e58be28be67ec660c551b53002000d000a002056de590d201c0035003000380033201dff0c67e5770b6d4191cf534a5e7453054f5991cf3002000d000a002056de590d201c',
    '6405a00110f0000812305251739023880500030504030032003000380032201dff0c67e5770b5f53524d595799104f5991cf3002000d000a00203010629751fb75ab60c5ff0c670d52a14e0d505cff014f7f7528624b673a84254e1a5385ff0c8db34e0d51fa62374ea48bdd8d39300167e54f59989d3001529e4e1a52a1ff0c514d6d4191cf770b75355f71300173a96e38620fff0c70b9',
    '6405a00110f00008123052517341234605000305040451fb0020006800740074007000 3a002f002f0075002e00310030003000310030002e0063006e002f006b00680064006400780020ff0c9a6c4e0a62e567093011',
  ].map((h) => h.replace(/ /g, ''));
  // A Rust test of an SMS agent (code index file 58335303566): every row on a China Mobile SIM read
  // with AT+CMGL=4 on 2026-08-24. Reference 0xc3: one four-part 10086 reply delivered twice, stamped
  // 01:04:33 and 01:12:14 +08; reference 0x90: part 1 of 2 whose other part never came. SIM order.
  const CMCC_SIM = [
    '0891683108301145F86405A10180F60008628042102141238C050003C3040130104E1A52A167E58BE230115C0A656C76845BA26237FF0C60A8597DFF0160A853EF4EE576F463A556DE590D5E8F53F78FDB884C4E1A52A167E595F44E0E529E7406003A003100300031002E67E58BE24F59989D000A003100300032002E67E58BE25B9E65F68BDD8D39000A003100300033002E67E58BE2538653F28BDD8D39000A00310030',
    '0891683108301145F86405A10180F60008628042103013238C05000390020160A8597DFF0160A853EF4EE576F463A556DE590D5E8F53F78FDB884C4E1A52A167E58BE24E0E529E7406FF1A0020621676F463A570B951FB002000680074007400700073003A002F002F00640078002E00310030003000380036002E0063006E002F006400740063007A0030003100205145503CFF0870B951FB94FE63A56B635E386D888017',
    '0891683108301145F86405A10180F60008628042102141235E050003C3040467E5770B002870B951FB63A56B635E386D8880176D4191CF002930026BCF54684E095145503C4F4E81F3003800386298FF0C652F630100330030514353CA4EE54E0B5C0F989D5145503C300230104E2D56FD79FB52A83011',
    '0891683108301145F86405A10180F60008628042102141238C050003C304030041004E6D4191CF000A003100360032002E67E58BE2534F8BAE6B3E000A0020767B5F554E2D56FD79FB52A80041005000508FDB884C4E1A52A167E58BE24E0E529E7406FF0C70B951FB00680074007400700073003A002F002F00640078002E00310030003000380036002E0063006E002F0041002F006B007800580063004200677ACB5373',
    '0891683108301145F86405A10180F60008628042102141238C050003C304020034002E67E58BE25145503C7F348D398BB05F55000A003100300035002E67E58BE28D265355000A003100300036002E8BDD8D398D265355000A003100300037002E8D2662374F59989D63D09192000A003100300038002E004100498C46670D52A1000A003100300039002E67E58BE259579910000A003100360031002E67E58BE20057004C',
    '0891683108301145F86405A10180F60008628042104033238C050003C304020034002E67E58BE25145503C7F348D398BB05F55000A003100300035002E67E58BE28D265355000A003100300036002E8BDD8D398D265355000A003100300037002E8D2662374F59989D63D09192000A003100300038002E004100498C46670D52A1000A003100300039002E67E58BE259579910000A003100360031002E67E58BE20057004C',
    '0891683108301145F86405A10180F60008628042104033238C050003C3040130104E1A52A167E58BE230115C0A656C76845BA26237FF0C60A8597DFF0160A853EF4EE576F463A556DE590D5E8F53F78FDB884C4E1A52A167E595F44E0E529E7406003A003100300031002E67E58BE24F59989D000A003100300032002E67E58BE25B9E65F68BDD8D39000A003100300033002E67E58BE2538653F28BDD8D39000A00310030',
    '0891683108301145F86405A10180F60008628042104033235E050003C3040467E5770B002870B951FB63A56B635E386D8880176D4191CF002930026BCF54684E095145503C4F4E81F3003800386298FF0C652F630100330030514353CA4EE54E0B5C0F989D5145503C300230104E2D56FD79FB52A83011',
    '0891683108301145F86405A10180F60008628042104033238C050003C304030041004E6D4191CF000A003100360032002E67E58BE2534F8BAE6B3E000A0020767B5F554E2D56FD79FB52A80041005000508FDB884C4E1A52A167E58BE24E0E529E7406FF0C70B951FB00680074007400700073003A002F002F00640078002E00310030003000380036002E0063006E002F0041002F006B007800580063004200677ACB5373',
  ];

  /** The record the session journals for a PDU read at `receivedAt` (hex without an SMSC field: `smsc: false`). */
  const received = (hex: string, receivedAt: number, smsc = true): IncomingRecord => {
    const d = decodePdu(hex, { hasSmsc: smsc });
    if (d.type !== 'deliver') throw new Error(d.type);
    const concat = d.concat && { ref: d.concat.ref, total: d.concat.total, part: d.concat.part };
    return { kind: 'in', key: incomingKey({ from: d.number, timestamp: d.timestamp, text: d.text, ...concat }), simId: 'sim', from: d.number, text: d.text, encoding: d.encoding, timestamp: d.timestamp, receivedAt, concat };
  };
  const onPage = (records: readonly IncomingRecord[]) => {
    const reassembler = new Reassembler([]);
    const ids = records.map((r) => reassembler.place(r));
    return reassembler.changedGenerations().map((g) => [joinSlots(g.slots), g.slots.every(Boolean), ids.filter((id) => id === g.messageId).length]);
  };

  it('join 10010\'s four parts stamped 16 seconds apart, in any order of arrival', () => {
    const parts = UNICOM.map((h, i) => received(h, 1000 * i, false));
    expect(parts.map((p) => p.timestamp)).toEqual(['2021-03-25T15:36:58+08:00', '2021-03-25T15:37:03+08:00', '2021-03-25T15:37:09+08:00', '2021-03-25T15:37:14+08:00']);
    const text = parts.map((p) => p.text).join('');
    for (const order of [[0, 1, 2, 3], [3, 2, 1, 0], [0, 3, 1, 2], [3, 0, 2, 1]]) {
      const arriving = order.map((i) => parts[i]!);
      expect(assembleRecords(arriving).map((m) => [m.text, m.complete])).toEqual([[text, true]]);
      expect(onPage(arriving)).toEqual([[text, true, 4]]);
    }
    expect(concatGroup(parts[0]!)).not.toBeNull();
  });

  it('make a whole message of each of 10086\'s two sendings of one reply, and leave the orphan incomplete', () => {
    const rows = CMCC_SIM.map((h) => received(h, 5000));
    const whole = assembleRecords(rows).filter((m) => m.complete);
    expect(whole).toHaveLength(2);
    expect(whole[0]!.text).toBe(whole[1]!.text);
    expect(whole[0]!.text).toContain('https://dx.10086.cn/A/kxXcB');
    expect(assembleRecords(rows).filter((m) => !m.complete).map((m) => m.missing)).toEqual([[2]]);
    // The first sending lost its part 2: the second sending, 7 min 41 s later, still gives the reply whole.
    const lost = rows.filter((r) => !(r.concat?.part === 2 && r.timestamp.endsWith('01:04:33+08:00')));
    expect(assembleRecords(lost).filter((m) => m.complete).map((m) => m.text)).toEqual([whole[0]!.text]);
  });

  it('marks two sendings under one reference stamped the same second, read interleaved or in order, as uncertain; in two encodings they are certain (review18, journal25)', () => {
    // What the journal's reader and the page's log make of the parts read in this order: [text, uncertain].
    const bothWays = (read: IncomingRecord[]) => {
      const stored = new Reassembler([]);
      read.forEach((r) => stored.place(r));
      return [assembleRecords(read).map((m) => [m.text, m.uncertain]), stored.changedGenerations().map((g) => [joinSlots(g.slots), g.uncertain ?? false])];
    };
    const interleaved = bothWays([part('a1', 1, 'A1', 0), part('b1', 1, 'B1', 1), part('b2', 2, 'B2', 2), part('a2', 2, 'A2', 3)]);
    expect(interleaved.map((messages) => messages.map(([, uncertain]) => uncertain))).toEqual([
      [true, true],
      [true, true],
    ]);
    // In order: each second part had one message to go to, but read A1, B2, B1, A2 they would have too (journal25).
    const unsure = [
      ['A1A2', true],
      ['B1B2', true],
    ];
    expect(bothWays([part('a1', 1, 'A1', 0), part('a2', 2, 'A2', 1), part('b1', 1, 'B1', 2), part('b2', 2, 'B2', 3)])).toEqual([unsure, unsure]);
    const certain = [
      ['A1A2', false],
      ['B1B2', false],
    ];
    // One reply in UCS-2, the other in GSM 7-bit: a part goes with its encoding.
    const gsm = (r: IncomingRecord): IncomingRecord => ({ ...r, encoding: 'gsm7' });
    expect(bothWays([part('a1', 1, 'A1', 0), gsm(part('b1', 1, 'B1', 1)), gsm(part('b2', 2, 'B2', 2)), part('a2', 2, 'A2', 3)])).toEqual([certain, certain]);
  });

  describe('two sendings of one second whose texts differ: every message of that second marked, whatever the order (mixedUpSendings)', () => {
    const a1 = part('a1', 1, 'A1', 0);
    const a2 = part('a2', 2, 'A2', 0);
    const b1 = part('b1', 1, 'B1', 0);
    const b2 = part('b2', 2, 'B2', 0);
    /** [text, uncertain] of each message, by assembleRecords and by the page's log placing the parts one by one, in the order given. */
    const bothWays = (read: IncomingRecord[]) => {
      const inOrder = read.map((r, i) => ({ ...r, receivedAt: i }));
      const stored = new Reassembler([]);
      inOrder.forEach((r) => stored.place(r));
      return [assembleRecords(inOrder).map((m) => [m.text, m.uncertain]), stored.changedGenerations().map((g) => [joinSlots(g.slots), g.uncertain ?? false])];
    };
    const twice = <T>(x: T) => [x, x];

    it('A1, B2, A2, B1: both mixed (A1+B2, B1+A2), both marked', () => {
      expect(bothWays([a1, b2, a2, b1])).toEqual(twice([['A1B2', true], ['B1A2', true]]));
    });

    it('A1, B2, A2 and no B1 (a part 2 sent under the same reference and second before the real one, by a fake base station or a lost B1): both marked (review25)', () => {
      // A1+B2 looked whole and in order, and A2 alone started a message with part 2: A1+A2 and B2 tell just as well.
      const [viaRecords, viaLog] = bothWays([a1, b2, a2]);
      expect(viaRecords!.map(([, uncertain]) => uncertain), 'assembleRecords').toEqual([true, true]);
      expect(viaLog!.map(([, uncertain]) => uncertain), 'the page\'s log').toEqual([true, true]);
    });

    it('A1, A2, B2 (B1 lost): B2 may be A\'s part as well: both marked; A2 alone, or A1 then A2: certain (review25)', () => {
      expect(bothWays([a1, a2, b2]).map((m) => m.map(([, uncertain]) => uncertain))).toEqual(twice([true, true]));
      expect(bothWays([a2]).map((m) => m.map(([, uncertain]) => uncertain))).toEqual(twice([false]));
      expect(bothWays([a1, a2])).toEqual(twice([['A1A2', false]]));
    });

    it('A1, B2, B1, A2: both mixed (A1+B2, B1+A2) though each got its parts in ascending order: both marked (journal25)', () => {
      expect(bothWays([a1, b2, b1, a2])).toEqual(twice([['A1B2', true], ['B1A2', true]]));
    });

    it('A1, A2, B1, B2: read as A1, B2, B1, A2 is, so both marked (journal25; review18 and journal23 took the order for evidence)', () => {
      expect(bothWays([a1, a2, b1, b2])).toEqual(twice([['A1A2', true], ['B1B2', true]]));
    });

    it('A1, B2, B1 with A2 still to come: the whole one marked as soon as a second message shows', () => {
      expect(bothWays([a1, b2, b1])).toEqual(twice([['A1B2', true], ['B1', true]]));
    });

    it('the network\'s exact repeat of one sending, in any order: the same texts part for part, joined right whichever way, certain', () => {
      const again = (r: IncomingRecord): IncomingRecord => ({ ...r, key: `${r.key}#2` });
      // The page's log takes a part with a held part's very text for that part (re-delivered): one message.
      const [journal, page] = bothWays([a2, again(a1), a1, again(a2)]);
      expect(journal).toEqual([['A1A2', false], ['A1A2', false]]);
      expect(page).toEqual([['A1A2', false]]);
      expect(bothWays([a1, a2, again(a1)])[0]).toEqual([['A1A2', false], ['A1', false]]);
    });

    it('one long message read once, in either order: certain', () => {
      expect(bothWays([a1, a2])).toEqual(twice([['A1A2', false]]));
    });

    it('A2, A1 with no other message of that second: certain', () => {
      expect(bothWays([a2, a1])).toEqual(twice([['A1A2', false]]));
    });

    it('A2, A1, B1, B2: the first out of order, the second in order: both marked, the first after it was whole', () => {
      expect(bothWays([a2, a1, b1, b2])).toEqual(twice([['A1A2', true], ['B1B2', true]]));
    });

    it('marks a message the page stored whole before the clash showed: rebuilt from its row, rewritten uncertain', () => {
      const first = new Reassembler([]);
      [a1, b2].forEach((r, i) => first.place({ ...r, receivedAt: i }));
      const [whole] = first.changedGenerations();
      expect([joinSlots(whole!.slots), whole!.uncertain ?? false]).toEqual(['A1B2', false]);
      const later = new Reassembler([structuredClone(whole!)]);
      [a2, b1].forEach((r, i) => later.place({ ...r, receivedAt: 2 + i }));
      expect(later.changedGenerations().map((g) => [joinSlots(g.slots), g.uncertain ?? false]).sort()).toEqual([['A1B2', true], ['B1A2', true]]);
      // B1 then A2: nothing out of order, marked all the same (journal25).
      const inOrder = new Reassembler([structuredClone(whole!)]);
      [b1, a2].forEach((r, i) => inOrder.place({ ...r, receivedAt: 2 + i }));
      expect(inOrder.changedGenerations().map((g) => [joinSlots(g.slots), g.uncertain ?? false]).sort()).toEqual([['A1B2', true], ['B1A2', true]]);
    });

    it('another second is no other group (review27): one sending\'s parts may be stamped seconds apart, so A1+B2 and B1+A2 would read the same', () => {
      const later = (r: IncomingRecord): IncomingRecord => ({ ...r, timestamp: '2026-11-25T10:00:01+08:00' });
      expect(bothWays([a2, a1, later(b1), later(b2)])).toEqual(twice([['A1A2', true], ['B1B2', true]]));
      // A stamped :00 and :01, a part 2 stamped :00 read between: A1+B2 shares no second with A2, and was certain.
      expect(bothWays([a1, b2, later(a2)])).toEqual([
        [['A1B2', true], ['A2', true]],
        [['A1B2', true], ['…A2', true]],
      ]);
    });

    const stampedAt = (timestamp: string) => (r: IncomingRecord): IncomingRecord => ({ ...r, timestamp });

    it('two different replies under one reference 3 minutes apart, read in order: joined within the 10 minutes, marked only within one sending\'s spread (order29)', () => {
      // 8-bit references repeat: 10 two-part replies in 10 minutes shared one 16 % of the time, each pair marked (read20).
      const later = stampedAt('2026-11-25T10:03:00+08:00');
      expect(bothWays([a1, a2, later(b1), later(b2)])).toEqual(twice([['A1A2', false], ['B1B2', false]]));
    });

    it('a message whose parts are stamped 5 minutes apart: more than one sending spreads, marked with no second message (order29)', () => {
      // A part 2 stamped 5 minutes after A1 (a fake one, or B's with B1 lost) is joined by the 10-minute window.
      const later = stampedAt('2026-11-25T10:05:00+08:00');
      expect(bothWays([a1, later(b2)])).toEqual(twice([['A1B2', true]]));
      // A's own part 2 (:01) comes after: it differs from the joined part 2, and is near A1: both marked.
      expect(bothWays([a1, later(b2), stampedAt('2026-11-25T10:00:01+08:00')(a2)])).toEqual([
        [['A1B2', true], ['A2', true]],
        [['A1B2', true], ['…A2', true]],
      ]);
    });

    it('a message holding a part whose stamp cannot be read is marked, its spread unknown; the others as their stamps say (review28)', () => {
      const unreadable = stampedAt('not a time');
      expect(bothWays([a1, a2, unreadable(b1), unreadable(b2)])).toEqual(twice([['A1A2', false], ['B1B2', true]]));
      expect(bothWays([unreadable(a1), unreadable(a2), unreadable(b1), unreadable(b2)])).toEqual(twice([['A1A2', true], ['B1B2', true]]));
      // A fake part 2 with an unreadable stamp, A2 lost: before, A1 + X2 read whole and certain.
      expect(bothWays([a1, unreadable(b2)])).toEqual(twice([['A1B2', true]]));
    });

    it('stamps further apart than one sending\'s parts can be, or another encoding, is another group: nothing marked', () => {
      const later = (r: IncomingRecord): IncomingRecord => ({ ...r, timestamp: '2026-11-25T10:10:01+08:00' });
      expect(bothWays([a2, a1, later(b1), later(b2)])).toEqual(twice([['A1A2', false], ['B1B2', false]]));
      const gsm = (r: IncomingRecord): IncomingRecord => ({ ...r, encoding: 'gsm7' });
      expect(bothWays([a2, a1, gsm(b1), gsm(b2)])).toEqual(twice([['A1A2', false], ['B1B2', false]]));
    });
  });
});
