import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ModemEmulator } from '../../src-main/emulator/modem';
import type { JournalRecord } from '../../src-main/services/journal';
import { crc32Hex } from '../../src-shared/crc32';
import { decodePdu, encodeDeliverParts, type DeliverPart } from '../../src-shared/pdu';
import type { IncomingRecord } from '../../src-shared/journal-records';
import { ptyRig, startOnJournal, until } from './pty-rig';
import { FAST } from './session-kit';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';

let cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanup.reverse()) await c().catch(() => undefined);
  cleanup = [];
});

/**
 * review18: review17 took the CRC-32 of the text out of the keys the journal remembers, but a long
 * message's part keeps its whole key while the journal keeps the part (acknowledged ones 7 days, masked,
 * for stores that missed some; held ones until their delete is journaled). `…|crc32(text)` of a known
 * template names a password in it as it did for whole messages. Written for the test: a reset reply in
 * the shape of 10086's, long enough to take two UCS-2 parts, the password in the first.
 */
const RESET =
  '尊敬的客户，您的服务密码已重置为357108，请妥善保管，切勿告知他人。如非本人操作，请立即拨打10086或前往营业厅办理密码重置，以保障您的账户安全。【中国移动】';
/** Another text under the same sender, second, reference and part number (a reference reused in the second). */
const OTHER =
  '尊敬的客户，您本月套餐内通用流量已使用80%，剩余2.00GB，超出后按3元/GB计费。如需更多流量，可回复KTLL办理流量加油包，详情请咨询10086。感谢您的支持！【中国移动】';
const SIM = { iccid: '89860012345678900001', imsi: '460001234500001' };
const STAMP = new Date(Date.UTC(2026, 11, 6, 0, 0, 7));

function parts(text: string): { hex: string; part: DeliverPart }[] {
  return encodeDeliverParts({ from: '10086', text, timestamp: STAMP, tzQuarterHours: 32, smsc: '+8613800100500', concatRef: 77 }).map((p) => ({
    hex: p.hex,
    part: decodePdu(p.hex) as DeliverPart,
  }));
}

const crcOf = (text: string) => crc32Hex(new TextEncoder().encode(text));
/** The key a part had before review18 (src-shared/journal-key.ts then). */
const oldKey = (p: DeliverPart) => `${p.number}|${p.timestamp}|${p.concat!.ref}|${p.concat!.total}|${p.concat!.part}|${crcOf(p.text)}`;

describe('keys of a long message’s parts (real pty, native serialport binding)', () => {
  it('name no checksum of the text while the journal keeps the parts, and still tell a repeat from another text', async () => {
    const reset = parts(RESET);
    expect(reset.length).toBe(2);
    expect(reset[0]!.part.text).toContain('357108');
    const emulator = new ModemEmulator({ ...FAST, sim: SIM });
    const r = await ptyRig(emulator, cleanup);
    await r.open();
    for (const p of reset) emulator.deliverPdu(p.hex);
    await until(() => r.incoming.length === 2 && emulator.messages('SM').length === 0, 'both parts journaled and deleted');
    // The page stores them and acknowledges; the journal keeps them (masked) for stores that missed some.
    await r.journal.ack(r.incoming.map((x) => x.key));
    await r.journal.compact();
    const log = await readFile(join(r.dir, 'journal.log'), 'utf8');
    for (const p of reset) expect(log).not.toContain(crcOf(p.part.text));
    expect(log).not.toContain('357108');
    // Still kept for a store that has part 2 only.
    const kept = r.journal.partsOf([{ simId: SIM.iccid, from: '10086', ref: 77, total: 2, at: r.incoming[0]!.receivedAt }]);
    expect(kept.map((x) => x.concat!.part).sort()).toEqual([1, 2]);

    // The network delivers part 1 again (same PDU, into a free slot): the same part, refused, its slot freed.
    emulator.deliverPdu(reset[0]!.hex);
    await until(() => emulator.deletions.length === 3, 'the repeat deleted');
    expect(r.incoming.length).toBe(2);
    // Another text under the same sender, second, reference and number: a message of its own.
    const other = parts(OTHER);
    emulator.deliverPdu(other[0]!.hex);
    await until(() => r.incoming.length === 3, 'the other text journaled');
    expect(r.incoming[2]!.text).toBe(other[0]!.part.text);
    expect(r.incoming[2]!.key).not.toBe(r.incoming[0]!.key);
  });

  it('written before (with the checksum) move to keys without it at the next start, losing no part in flight', async () => {
    const [first, second] = parts(RESET);
    const dir = await mkdtemp(join(tmpdir(), 'hall-part-keys-'));
    cleanup.push(() => rm(dir, { recursive: true, force: true }));
    const base = { simId: SIM.iccid, from: '10086', encoding: 'ucs2' as const, timestamp: first!.part.timestamp };
    const record = (p: DeliverPart, slot: string, receivedAt: number): IncomingRecord => ({
      kind: 'in',
      key: oldKey(p),
      ...base,
      text: p.text,
      receivedAt,
      concat: { ref: 77, total: 2, part: p.concat!.part },
      slot,
    });
    const now = Date.now();
    // As an older version left it: part 1 journaled, deleted and stored; part 2 journaled, then the app
    // stopped before its delete and before any store had it.
    const before: JournalRecord[] = [
      record(first!.part, 'SM:0', now - 2000),
      { kind: 'gone', keys: [oldKey(first!.part)] },
      { kind: 'ack', keys: [oldKey(first!.part)], at: now - 1500 },
      record(second!.part, 'SM:0', now - 1000),
    ];
    const emulator = new ModemEmulator({ ...FAST, sim: SIM });
    expect(emulator.preload('SM', second!.hex)).toBe(0);
    const { journal, incoming } = await startOnJournal(dir, before, emulator, cleanup);
    // Part 2, still on the SIM, is the part journaled from that slot: not journaled again, its slot freed.
    await until(() => emulator.messages('SM').length === 0, 'part 2 deleted from the SIM');
    expect(incoming).toEqual([]);
    const log = await readFile(join(dir, 'journal.log'), 'utf8');
    for (const p of [first!, second!]) expect(log).not.toContain(crcOf(p.part.text));
    // Still pending for the store, and still kept for one that has part 2 only.
    expect(journal.pendingIncoming().map((x) => [x.concat!.part, x.text])).toEqual([[2, second!.part.text]]);
    const kept = journal.partsOf([{ simId: SIM.iccid, from: '10086', ref: 77, total: 2, at: now }]);
    expect(kept.map((x) => x.concat!.part).sort()).toEqual([1, 2]);
    // A page that got part 2 under its old key before the upgrade acknowledges it by that key.
    await journal.ack([oldKey(second!.part)]);
    expect(journal.pendingIncoming()).toEqual([]);
  });
});
