import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ModemEmulator } from '../../src-main/emulator/modem';
import { startPtyEmulator } from '../../src-main/emulator/pty';
import { Journal } from '../../src-main/services/journal';
import { ModemSession } from '../../src-main/services/modem/session';
import { assembleRecords } from '../../src-shared/assemble';
import type { IncomingRecord } from '../../src-shared/journal-records';
import { encodeDeliverParts } from '../../src-shared/pdu';
import { until } from './pty-rig';
import { FAST } from './session-kit';

let cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanup.reverse()) await c().catch(() => undefined);
  cleanup = [];
});

/**
 * review17: the journal's key of a part is its sender, service-centre second, reference, part and text,
 * not its SIM. A part of a long message with the key of one journaled already was taken for the network
 * delivering that part twice and refused, whichever SIM it came from; the session then deleted it from
 * its SIM. So when one sender's long message reached two SIMs of the app in the same second under the
 * same reference (a bulk notice, whose sending platform writes one header for every recipient), the
 * second SIM's copy was deleted from its card and journaled nowhere: its thread never had it.
 * Written for the test: the text and the reference; the timing is that of a bulk send.
 */
const NOTICE =
  '尊敬的客户：为提升网络质量，我公司将于12月8日凌晨0:00至6:00对部分区域的网络设备进行升级，期间您的语音、短信及上网业务可能短时受到影响，给您带来不便敬请谅解。感谢您一直以来的支持！【中国移动】';

describe('one long message reaching two SIMs in the same second (real ptys, native serialport binding)', () => {
  it('is journaled whole for each SIM before either slot is freed', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'hall-two-sims-'));
    cleanup.push(() => rm(dir, { recursive: true, force: true }));
    const journal = await Journal.open(dir);
    cleanup.push(() => journal.close());
    const incoming: IncomingRecord[] = [];
    const sims = [
      { iccid: '89860012345678900001', imsi: '460001234500001' },
      { iccid: '89860012345678900002', imsi: '460001234500002' },
    ];
    const emulators: ModemEmulator[] = [];
    for (const [i, sim] of sims.entries()) {
      const emulator = new ModemEmulator({ ...FAST, sim });
      const pty = await startPtyEmulator({ emulator });
      cleanup.push(() => pty.close());
      const session = new ModemSession({ modemId: `pty${i}`, path: pty.path, demo: false, journal });
      cleanup.push(() => session.close());
      session.on('incoming', (r) => incoming.push(r));
      await session.open();
      emulators.push(emulator);
    }
    const parts = encodeDeliverParts({
      from: '10086',
      text: NOTICE,
      timestamp: new Date(Date.UTC(2026, 11, 5, 2, 0, 7)),
      tzQuarterHours: 32,
      smsc: '+8613800100500',
      concatRef: 77,
    });
    expect(parts.length).toBe(2);
    for (const emulator of emulators) for (const part of parts) emulator.deliverPdu(part.hex);

    // Both SIMs read and emptied.
    await until(() => emulators.every((e) => e.deletions.length >= parts.length), 'every part deleted from both SIMs');
    expect(emulators.map((e) => e.messages('SM').length)).toEqual([0, 0]);

    // What left each SIM is in the journal under that SIM, whole.
    const pending = journal.pendingIncoming();
    for (const sim of sims) {
      const messages = assembleRecords(pending.filter((r) => r.simId === sim.iccid));
      expect(messages.map((m) => [m.text, m.complete])).toEqual([[NOTICE, true]]);
    }
    // And each session told its store about its own copy.
    expect(new Set(incoming.map((r) => r.simId))).toEqual(new Set(sims.map((s) => s.iccid)));
    expect(new Set(incoming.map((r) => r.key)).size).toBe(4);
  });
});
