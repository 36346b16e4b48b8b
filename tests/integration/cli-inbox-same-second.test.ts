import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ModemEmulator } from '../../src-main/emulator/modem';
import { startPtyEmulator, type PtyEmulator } from '../../src-main/emulator/pty';
import { Journal } from '../../src-main/services/journal';
import { encodeDeliverParts } from '../../src-shared/pdu';
import { hall } from './cli-helpers';

/**
 * journal23: two long replies under one reference and part count, stamped the same second, on the SIM in the
 * order A1, B2, A2, B1 (read so): the journal's reader joins A1+B2 and B1+A2, each part having one message to go
 * to: `hall10086 inbox` says both may be joined wrong, as for a tie. journal25: the same read A1, B2, B1, A2, where
 * nothing comes out of order (journal23 marked neither): two messages of that second whose texts differ.
 * Texts real (real-dev.json r15-153 and r15-183); reference and stamp written for the test.
 */
const real = JSON.parse(readFileSync(join(import.meta.dirname, '../fixtures/replies/real-dev.json'), 'utf8')) as { id: string; text: string }[];
const realReply = (id: string) => real.find((x) => x.id === id)!.text;

type PartName = 'a1' | 'a2' | 'b1' | 'b2';

/**
 * The SIM holding, in slot order, the named parts of A (r15-153) and B (r15-183), one reference; each part stamped
 * second 7 of the minute unless `seconds` says another.
 */
async function simHolding(order: PartName[], seconds: Partial<Record<PartName, number>> = {}): Promise<{ modem: PtyEmulator; dataDir: string }> {
  const emulator = new ModemEmulator();
  const part = (name: PartName) => {
    const parts = encodeDeliverParts({ from: '10086', text: realReply(name[0] === 'a' ? 'r15-153' : 'r15-183'), timestamp: new Date(Date.UTC(2026, 11, 6, 0, 0, seconds[name] ?? 7)), tzQuarterHours: 32, smsc: '+8613800100500', concatRef: 77 });
    return parts[Number(name[1]) - 1]!;
  };
  const byName = { a1: part('a1'), a2: part('a2'), b1: part('b1'), b2: part('b2') };
  for (const name of order) expect(emulator.preload('SM', byName[name].hex)).not.toBeNull();
  const modem = await startPtyEmulator({ emulator });
  const dataDir = await mkdtemp(join(tmpdir(), 'hall10086-inbox-clash-'));
  opened.push({ modem, dataDir });
  return { modem, dataDir };
}
const opened: { modem: PtyEmulator; dataDir: string }[] = [];
afterAll(async () => {
  for (const { modem, dataDir } of opened) {
    await modem.close();
    await rm(dataDir, { recursive: true, force: true });
  }
});

/** `hall10086 inbox --json`'s long replies: [start of text, complete, uncertain]. */
async function inbox(sim: { modem: PtyEmulator; dataDir: string }) {
  const json = await hall(['inbox', '--port', sim.modem.path, '--data-dir', sim.dataDir, '--json']);
  expect(json.code).toBe(0);
  const messages = (JSON.parse(json.stdout) as { text: string; complete: boolean; uncertain: boolean }[]).filter((m) => m.text.includes('【中国移动】') || !m.complete);
  return messages.map((m) => [m.text.slice(0, 6), m.complete, m.uncertain]);
}

describe.each([['a2', 'b1'], ['b1', 'a2']] as const)('hall10086 inbox on two long replies of one reference and second, read A1, B2, then %s, %s (real pty, the real CLI)', (...later) => {
  it('lists both texts, each marked 可能拼错', async () => {
    const sim = await simHolding(['a1', 'b2', ...later]);
    expect(await inbox(sim)).toEqual([
      ['尊敬的客户，', true, true],
      ['截至2018', true, true],
    ]);
    const plain = await hall(['inbox', '--port', sim.modem.path, '--data-dir', sim.dataDir, '--lang', 'zh-Hans']);
    expect(plain.code).toBe(0);
    expect(plain.stdout.match(/可能拼错：同一秒有两条编号相同的长短信/g)).toHaveLength(2);
  });
});

describe('hall10086 inbox when a part of another message came between a long reply\'s parts (real pty, the real CLI)', () => {
  it('A1, B2, A2 with no B1 (a part 2 sent under A\'s reference and second before A\'s own, as a fake base station can): both marked (review25)', async () => {
    // Before, A1+B2 read whole and certain (figures taken from it), A2 alone left incomplete.
    expect(await inbox(await simHolding(['a1', 'b2', 'a2']))).toEqual([
      ['尊敬的客户，', true, true],
      [expect.any(String), false, true],
    ]);
  });
});

describe('hall10086 inbox when the parts of one reference are not all stamped one second (real pty, the real CLI)', () => {
  it('A stamped :07 and :08 (its parts a second apart, as 10010\'s are seconds apart), a part 2 stamped :07 under its reference read between them: both marked', async () => {
    // A fake base station's part, or B's with its B1 lost. Before, A1+B2 shared no second with A2: whole and certain.
    expect(await inbox(await simHolding(['a1', 'b2', 'a2'], { a2: 8 }))).toEqual([
      ['尊敬的客户，', true, true],
      [expect.any(String), false, true],
    ]);
  });
});

/*
 * review28: a part whose service-centre stamp cannot be read joins by the reference alone (maySendTogether), so a
 * fake part 2 joined A1 with A2 lost and read whole and certain: figures taken from half another message. The PDU
 * decoder refuses such a stamp today (pdu.bad-timestamp: the part stays on the SIM, unjoined), so the fake part is
 * put in the journal by the real Journal, where a part of any origin waits (the CLI joins what the journal holds
 * with what it reads from the SIM). The 【中国移动】 closing is the test's own text; A1 is real (r15-153).
 */
describe('hall10086 inbox when a part of a long reply has a stamp that cannot be read (real pty, the real CLI, the real journal)', () => {
  it('A1 from the SIM and a part 2 stamped unreadably in the journal: joined, and marked 可能拼错', async () => {
    const sim = await simHolding(['a1']);
    const journal = await Journal.open(sim.dataDir);
    await journal.appendIncoming({ simId: '89860012345678901234', from: '10086', text: '【中国移动】', encoding: 'ucs2', timestamp: 'not a time', receivedAt: Date.now() - 60_000, concat: { ref: 77, total: 2, part: 2 } });
    await journal.close();
    // Before, ['尊敬的客户，', true, false]: whole and certain.
    expect(await inbox(sim)).toEqual([['尊敬的客户，', true, true]]);
  });

  it('a whole reply whose parts all carry readable stamps is not marked', async () => {
    expect(await inbox(await simHolding(['a1', 'a2']))).toEqual([['尊敬的客户，', true, false]]);
  });
});

