import { afterEach, describe, expect, it } from 'vitest';
import { ModemEmulator } from '../../src-main/emulator/modem';
import type { ModemPlace } from '../../src-main/services/journal';
import type { IncomingMessage } from '../../src-shared/journal-records';
import { encodeDeliver } from '../../src-shared/pdu';
import { ptyRig, until } from './pty-rig';
import { FAST } from './session-kit';

let cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanup.reverse()) await c().catch(() => undefined);
  cleanup = [];
});

/**
 * review18: a SIM800 with autobauding on (its factory setting) restarts without a word (SIM800 Series AT
 * Command Manual §2.2.41.1: no RDY), with factory settings: reading and deleting in SM, echo on. Review17
 * stopped deletes after a restart the modem announces; a silent one was noticed only by the health check
 * (`AT+CNMI?`, every 30 s). A restart while the journal wrote a message read from ME made the delete of
 * that index hit SM, where the network had just put the message it held while the modem was down: deleted
 * unread. Now the session takes the echo of a modem it set to ATE0 for a restart, and before a delete on a
 * family that restarts silently (families.ts restartsSilently) it asks a bare `AT` first.
 */
const pdu = (text: string, minute: number) =>
  encodeDeliver({ from: '10086', text, timestamp: new Date(Date.UTC(2026, 11, 6, 0, minute, 7)), tzQuarterHours: 32, smsc: '+8613800100500' }).hex;
const OLD = '尊敬的客户，您的话费余额为35.20元。【中国移动】';
const NEW = '尊敬的客户，您本月已使用国内流量1.20GB，剩余8.80GB。【中国移动】';

describe('a SIM800 that restarts without a word between a read and its delete (real pty, native serialport binding)', () => {
  it('deletes nothing it read before: the message the network put in SM is journaled', async () => {
    const emulator = new ModemEmulator({ ...FAST, profile: 'simcom-sim800' });
    const index = emulator.preload('ME', pdu(OLD, 0));
    expect(index).not.toBeNull();
    const r = await ptyRig(emulator, cleanup);
    const append = r.journal.appendIncoming.bind(r.journal);
    let restarted = false;
    r.journal.appendIncoming = async (message: IncomingMessage, where?: ModemPlace) => {
      if (!restarted && message.text === OLD) {
        restarted = true;
        emulator.restart(false);
        // The network hands over what it held while the modem was down: SM, the same index.
        expect(emulator.preload('SM', pdu(NEW, 5))).toBe(index);
        // SMS commands work again ("SMS Ready" is not said either).
        await new Promise((resolve) => setTimeout(resolve, 1_500));
      }
      return append(message, where);
    };
    await r.open();
    await until(() => r.incoming.some((x) => x.text === OLD), 'the ME message journaled', 20_000);
    await until(() => r.incoming.some((x) => x.text === NEW), 'the message the network put in SM journaled', 20_000);
    await until(() => emulator.messages('SM').length + emulator.messages('ME').length === 0, 'both memories emptied');
    expect(r.incoming.map((x) => x.text).sort()).toEqual([NEW, OLD].sort());
  }, 60_000);
});
