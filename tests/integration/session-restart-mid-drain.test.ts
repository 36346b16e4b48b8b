import { afterEach, describe, expect, it } from 'vitest';
import { ModemEmulator } from '../../src-main/emulator/modem';
import type { IncomingMessage } from '../../src-shared/journal-records';
import { encodeDeliver } from '../../src-shared/pdu';
import type { ModemPlace } from '../../src-main/services/journal';
import { ptyRig, until, type PtyRig } from './pty-rig';
import { FAST } from './session-kit';

let cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanup.reverse()) await c().catch(() => undefined);
  cleanup = [];
});

/**
 * review17: `AT+CMGD=<index>` deletes in the memory the modem reads from (`AT+CPMS`'s first), which the
 * session set before listing. A module on a serial line that restarts in place (a brown-out; the port stays)
 * comes back with its factory memories: a Quectel EC25 reads and receives in ME, where the session had
 * chosen SM. A restart between the read and the delete (the journal's fsync slow on an SD card, the
 * restart quick) made the delete hit ME at that index, where the network had just put the message it held
 * for the modem while it was down: deleted, never read, journaled nowhere.
 */
const pdu = (text: string, minute: number) =>
  encodeDeliver({ from: '10086', text, timestamp: new Date(Date.UTC(2026, 11, 6, 0, minute, 7)), tzQuarterHours: 32, smsc: '+8613800100500' }).hex;
const OLD = '尊敬的客户，您的话费余额为35.20元。【中国移动】';
const NEW = '尊敬的客户，您本月已使用国内流量1.20GB，剩余8.80GB。【中国移动】';

/** The journal's write of OLD is slow (an SD card's fsync): `meanwhile` happens before it goes on. */
function whileJournalingOld(r: PtyRig, meanwhile: () => Promise<void>): void {
  const append = r.journal.appendIncoming.bind(r.journal);
  let done = false;
  r.journal.appendIncoming = async (message: IncomingMessage, where?: ModemPlace) => {
    if (!done && message.text === OLD) {
      done = true;
      await meanwhile();
    }
    return append(message, where);
  };
}

/** Both messages journaled once, both memories emptied. */
async function bothJournaledOnce(r: PtyRig, emulator: ModemEmulator, where: string): Promise<void> {
  await until(() => r.incoming.some((x) => x.text === NEW), `the message the network put in ${where} journaled`, 20_000);
  await until(() => emulator.messages('SM').length + emulator.messages('ME').length === 0, 'both memories emptied');
  expect(r.incoming.map((x) => x.text).sort()).toEqual([NEW, OLD].sort());
}

describe('a modem that restarts between reading a slot and deleting it (real pty, native serialport binding)', () => {
  it('deletes nothing in the memory it came back with: the message the network put there is read and journaled', async () => {
    const emulator = new ModemEmulator({ ...FAST, profile: 'quectel-ec25' });
    expect(emulator.preload('SM', pdu(OLD, 0))).toBe(0);
    const r = await ptyRig(emulator, cleanup);
    // The journal's write of the old message is slow; the modem restarts meanwhile, and the network
    // hands it the message it held (into ME, its memory after a restart, slot 0 as the old one's in SM).
    whileJournalingOld(r, async () => {
      emulator.restart(true);
      expect(emulator.preload('ME', pdu(NEW, 5))).toBe(0);
      await until(() => r.rx.includes('+QIND: SMS DONE'), 'the modem saying it is back');
    });
    await r.open();
    await bothJournaledOnce(r, emulator, 'ME');
  }, 40_000);

  it('takes a SIMCom A76xx/SIM7600 saying *ATREADY: 1 for a restart: set up again (its settings and memories are gone)', async () => {
    const emulator = new ModemEmulator({ ...FAST, profile: 'simcom-sim7600' });
    const r = await ptyRig(emulator, cleanup);
    await r.open();
    const setUps = () => r.tx.filter((line) => line === 'ATE0').length;
    expect(setUps()).toBe(1);
    emulator.restart(true);
    await until(() => r.rx.includes('*ATREADY: 1'), 'the boot line');
    await until(() => setUps() === 2, 'set up again', 10_000);
  });

  /**
   * review18: a SIM800 with autobauding on (its factory setting) restarts without a word (SIM800 Series AT
   * Command Manual §2.2.41.1: no RDY), back in SM with echo on. A restart while the journal wrote a message
   * read from ME made the delete of that index hit SM, where the network had just put the message it held:
   * deleted unread (before: `deletions` [{mem: 'SM', index: 1, <NEW>}]). Now a SIMCom modem's echo after
   * its set-up is a restart, and a bare `AT` goes before each of its deletes (families.ts restartsSilently).
   */
  it('on a SIM800 that restarts without a word, deletes nothing it read before: the message the network put in SM is journaled', async () => {
    const emulator = new ModemEmulator({ ...FAST, profile: 'simcom-sim800' });
    const index = emulator.preload('ME', pdu(OLD, 0));
    expect(index).not.toBeNull();
    const r = await ptyRig(emulator, cleanup);
    whileJournalingOld(r, async () => {
      emulator.restart(false);
      expect(emulator.preload('SM', pdu(NEW, 5))).toBe(index);
      // SMS commands work again ("SMS Ready" is not said either).
      await until(() => emulator.smsServiceReady, 'its SMS service up again');
    });
    await r.open();
    await bothJournaledOnce(r, emulator, 'SM');
  }, 60_000);
});
