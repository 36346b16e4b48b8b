import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ModemEmulator } from '../../src-main/emulator/modem';
import { encodeLine, type JournalRecord } from '../../src-main/services/journal';
import { startPtyEmulator } from '../../src-main/emulator/pty';
import { crc32Hex } from '../../src-shared/crc32';
import type { IncomingRecord } from '../../src-shared/journal-records';
import { decodePdu, encodeDeliverParts, type DeliverPart } from '../../src-shared/pdu';
import { ptyRig, startAgain, startOnJournal, until } from './pty-rig';
import { FAST } from './session-kit';

let cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanup.reverse()) await c().catch(() => undefined);
  cleanup = [];
});

/**
 * review19: review18 took the text's CRC-32 out of long messages' part keys; a single SMS's key still
 * ended in it while the journal held the message (pending until a store has it, held until its delete
 * is journaled). A CRC-32 of a known wording names the code in it: 10^6 six-digit codes take seconds
 * (review17 timed 7 s). Written for the test, in the shape of 10086's and a bank's texts.
 */
const CODE = '【中国移动】您的验证码为482913，5分钟内有效，请勿泄露。';
const BALANCE = '尊敬的客户，您的话费余额为35.20元。【中国移动】';
const SIM = { iccid: '89860012345678900001', imsi: '460001234500001' };
const STAMP = new Date(Date.UTC(2026, 11, 6, 0, 0, 7));

const crcOf = (text: string) => crc32Hex(new TextEncoder().encode(text));
/** One SMS from 10086 stamped STAMP (short enough for one PDU: the reference is not written). */
const pduOf = (text: string) => encodeDeliverParts({ from: '10086', text, timestamp: STAMP, tzQuarterHours: 32, smsc: '+8613800100500', concatRef: 0 })[0]!.hex;
const single = (text: string) => decodePdu(pduOf(text)) as DeliverPart;
/** The key a single SMS had before review19 (src-shared/journal-key.ts then). */
const oldKey = (p: DeliverPart) => `${p.number}|${p.timestamp}|-|-|-|${crcOf(p.text)}`;
/** Its `in` line as a version before review19 wrote it (from `slot`, or from no slot any more). */
const record = (p: DeliverPart, slot: string | undefined, receivedAt: number): IncomingRecord => ({
  kind: 'in',
  key: oldKey(p),
  simId: SIM.iccid,
  from: '10086',
  encoding: 'ucs2',
  timestamp: p.timestamp,
  text: p.text,
  receivedAt,
  concat: null,
  ...(slot === undefined ? {} : { slot }),
});

describe('keys of a single SMS (real pty, native serialport binding)', () => {
  it('name no checksum of the text while the journal holds it, and two texts of one second are both kept', async () => {
    const emulator = new ModemEmulator({ ...FAST, sim: SIM });
    const r = await ptyRig(emulator, cleanup);
    await r.open();
    // Same sender, same second: only the texts tell them apart.
    emulator.deliverPdu(pduOf(CODE));
    emulator.deliverPdu(pduOf(BALANCE));
    await until(() => r.incoming.length === 2 && emulator.messages('SM').length === 0, 'both journaled and deleted');
    // Pending: the store has not acknowledged them. The texts are in the file (the store's copy to come), their checksums not.
    const log = await readFile(join(r.dir, 'journal.log'), 'utf8');
    for (const text of [CODE, BALANCE]) expect(log).not.toContain(crcOf(text));
    expect(r.journal.pendingIncoming().map((x) => x.text).sort()).toEqual([BALANCE, CODE].sort());
    expect(new Set(r.incoming.map((x) => x.key)).size).toBe(2);
    for (const x of r.incoming) expect(x.key).toMatch(/\|-\|-\|-\|\*(#\d+)?$/);
  });

  it('name none while the modem holds it (its delete refused), and the same message read again is journaled once', async () => {
    const emulator = new ModemEmulator({ ...FAST, sim: SIM });
    const r = await ptyRig(emulator, cleanup);
    // Journaled, but its delete refused: the journal holds the slot for it.
    emulator.fault({ kind: 'command-error', command: 'AT+CMGD', cms: 500, times: 1 });
    const first = await r.open();
    emulator.deliverPdu(pduOf(CODE));
    await until(() => r.incoming.length === 1 && r.notices.length > 0, 'journaled, its delete refused');
    await first.close();
    // The page stores it and acknowledges; compacted, the journal keeps only the slot, the text masked.
    await r.journal.ack([r.incoming[0]!.key]);
    await r.journal.compact();
    const log = await readFile(join(r.dir, 'journal.log'), 'utf8');
    expect(log).toContain('SM:0');
    expect(log).not.toContain(crcOf(CODE));
    expect(log).not.toContain('482913');
    // Next start: the same slot listed again, read, its text matching the masked one: the message journaled, not a new one.
    await r.open();
    await until(() => emulator.messages('SM').length === 0, 'the slot deleted');
    expect(r.incoming.map((x) => x.text)).toEqual([CODE]);
    expect(r.journal.pendingIncoming()).toEqual([]);
  });

  it('written before (with the checksum) move to keys without it at the next start, losing none pending', async () => {
    const [code, balance] = [single(CODE), single(BALANCE)];
    expect(code.concat ?? null).toBeNull();
    const dir = await mkdtemp(join(tmpdir(), 'hall-single-keys-'));
    cleanup.push(() => rm(dir, { recursive: true, force: true }));
    const now = Date.now();
    // As an older version left it: the balance journaled, deleted and stored; the code journaled, then
    // the app stopped before its delete and before any store had it.
    const before: JournalRecord[] = [
      record(balance, 'SM:0', now - 2000),
      { kind: 'gone', keys: [oldKey(balance)] },
      { kind: 'ack', keys: [oldKey(balance)], at: now - 1500 },
      record(code, 'SM:0', now - 1000),
    ];
    const emulator = new ModemEmulator({ ...FAST, sim: SIM });
    expect(emulator.preload('SM', pduOf(CODE))).toBe(0);
    const { journal, incoming } = await startOnJournal(dir, before, emulator, cleanup);
    // The code, still on the SIM, is the message journaled from that slot: not journaled again, its slot freed.
    await until(() => emulator.messages('SM').length === 0, 'the code deleted from the SIM');
    expect(incoming).toEqual([]);
    const log = await readFile(join(dir, 'journal.log'), 'utf8');
    for (const text of [CODE, BALANCE]) expect(log).not.toContain(crcOf(text));
    expect(journal.pendingIncoming().map((x) => x.text)).toEqual([CODE]);
    // A page that got it under its old key before the upgrade acknowledges it by that key.
    await journal.ack([oldKey(code)]);
    expect(journal.pendingIncoming()).toEqual([]);
  });
});

/** Codes of one wording, sender and second (STAMP). */
const alikeCodes = (...codes: string[]) => codes.map((code) => single(`【中国移动】您的验证码为${code}，5分钟内有效，请勿泄露。`));

/** A data folder whose journal.log holds `records` as an older version left them, and the app's start on it over a real pty, again at each call. */
async function leftByAnOlderVersion(records: readonly JournalRecord[]) {
  const dir = await mkdtemp(join(tmpdir(), 'hall-alike-'));
  cleanup.push(() => rm(dir, { recursive: true, force: true }));
  const pty = await startPtyEmulator({ emulator: new ModemEmulator({ ...FAST, sim: SIM }) });
  cleanup.push(() => pty.close());
  await writeFile(join(dir, 'journal.log'), Buffer.concat(records.map(encodeLine)), { mode: 0o600 });
  return { dir, restart: () => startAgain(dir, pty.path, cleanup) };
}

/*
 * mend57: three codes of one sender's second, pending when the app was upgraded, moved to keys of now and masked at
 * rest: their old keys read alike (which is which is unknown), so an acknowledgement by old keys takes them only once as
 * many distinct ones came as the name stands for. That count lived in memory, the parts pending at the open: one
 * acknowledged by its key of now (a new page) before a restart, after it the old-build page's acknowledgement of that
 * one's old key beside another's took both pending, the third among them, which no store holds: a message lost.
 */
describe('three codes of one second pending at the upgrade, their old keys alike once masked (real pty, restarts)', () => {
  it('one acknowledged by its key of now before a restart: after it, its old key and another’s take none; all three do', async () => {
    const codes = alikeCodes('482913', '730561', '165204');
    const now = Date.now();
    const { dir, restart } = await leftByAnOlderVersion(codes.map((p, i) => record(p, undefined, now - 3000 + i)));
    // The upgraded app's first start moves them; a compaction masks them at rest.
    const upgraded = await restart();
    await upgraded.journal.compact();
    const nows = upgraded.journal.pendingIncoming().map((x) => x.key);
    expect(nows).toHaveLength(3);
    await upgraded.stop();
    const log = await readFile(join(dir, 'journal.log'), 'utf8');
    for (const p of codes) expect(log).not.toContain(crcOf(p.text));
    // Next start: a new page acknowledges the first by its key of now.
    const second = await restart();
    expect(second.journal.pendingIncoming().map((x) => x.text)).toEqual([expect.stringContaining('******'), expect.stringContaining('******'), expect.stringContaining('******')]);
    await second.journal.ack([nows[0]!]);
    await second.stop();
    // Next start: an old-build page acknowledges again what it holds under old keys, the first's and the second's.
    const third = await restart();
    await third.journal.ack([oldKey(codes[0]!), oldKey(codes[1]!)]);
    expect(third.journal.pendingIncoming().map((x) => x.key), 'the third code, which no store holds, is still pending').toContain(nows[2]);
    await third.journal.ack([oldKey(codes[2]!)]);
    expect(third.journal.pendingIncoming()).toEqual([]);
    await third.stop();
  });

  /*
   * review48 F3: the count took the old key of a code acknowledged before the upgrade too, so the one left pending under
   * the name waited for an old key no page gives again: the page holding it under its own old key stored it twice.
   */
  it('one acknowledged by its old key before the upgrade: the other is taken by its own old key after restarts, once', async () => {
    const codes = alikeCodes('482913', '730561');
    const now = Date.now();
    const { dir, restart } = await leftByAnOlderVersion([...codes.map((p, i) => record(p, undefined, now - 3000 + i)), { kind: 'ack', keys: [oldKey(codes[0]!)], at: now - 1000 }]);
    const upgraded = await restart();
    const nows = upgraded.journal.pendingIncoming().map((x) => x.key);
    expect(nows).toHaveLength(1);
    // A page's acknowledgement of the first, sent again (its answer was lost in the restart), takes nothing.
    await upgraded.journal.ack([oldKey(codes[0]!)]);
    expect(upgraded.journal.pendingIncoming().map((x) => x.key)).toEqual(nows);
    await upgraded.journal.compact();
    await upgraded.stop();
    expect(await readFile(join(dir, 'journal.log'), 'utf8')).not.toContain(crcOf(codes[1]!.text));
    const second = await restart();
    await second.journal.compact();
    await second.stop();
    const third = await restart();
    await third.journal.ack([oldKey(codes[1]!)]);
    expect(third.journal.pendingIncoming().map((x) => x.key), 'the second code, which the page holds under its old key, is acknowledged by it').toEqual([]);
    await third.stop();
  });
});
