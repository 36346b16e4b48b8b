import { afterEach, describe, expect, it } from 'vitest';
import { ModemEmulator } from '../../src-main/emulator/modem';
import type { EmulatorOptions } from '../../src-main/emulator/options';
import { encodeDeliver } from '../../src-shared/pdu';
import { ptyRig, until } from './pty-rig';
import { FAST } from './session-kit';

let cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanup.reverse()) await c().catch(() => undefined);
  cleanup = [];
});

/*
 * secrets24: a message handed over directly (+CMT: ,<length> and its PDU line) whose PDU is not as long as the
 * header says (TS 27.005 §3.1: 1 + SMSC octets + <length>) was taken at its word, like a listing entry before
 * mend33: one octet said twice inside UCS-2 user data still decodes, into other characters. It cannot be read again
 * from the SIM; it is refused (AT+CNMA=2, RP-ERROR) and the network delivers it again. The text is the emulator's
 * own wording (not a real 10086 reply); the +CMT lines are the emulator's bytes on a real pty.
 */
const TEXT = '您的话费账单已出。';
const pdu = encodeDeliver({ from: '10086', text: TEXT, timestamp: '2026-12-07T08:00:00+08:00', smsc: '+8613800100500' });
/** One octet said twice near the end of the user data: still hex, still decodes, one octet too long. */
const twice = `${pdu.hex.slice(0, -4)}${pdu.hex.slice(-4, -2)}${pdu.hex.slice(-4)}`;
const cmt = (hex: string) => `\r\n+CMT: ,${pdu.tpduLength}\r\n${hex}\r\n`;

describe('a +CMT whose PDU does not fit its stated length (real pty, native serialport binding)', () => {
  it('is refused, not journaled garbled; the network delivering it again whole is journaled', async () => {
    const emulator = new ModemEmulator(FAST);
    const r = await ptyRig(emulator, cleanup);
    await r.open();
    emulator.fault({ kind: 'garbage', bytes: cmt(twice) });
    await until(() => r.tx.some((line) => line.startsWith('AT+CNMA')), 'the delivery answered');
    expect(r.incoming.map((x) => x.text)).toEqual([]);
    expect(r.tx).toContain('AT+CNMA=2');
    emulator.fault({ kind: 'garbage', bytes: cmt(pdu.hex) });
    await until(() => r.incoming.length > 0, 'the message journaled');
    expect(r.incoming.map((x) => x.text)).toEqual([TEXT]);
  });

  it('taken when the very same bytes come again (a modem that counts <length> otherwise loses nothing)', async () => {
    const emulator = new ModemEmulator(FAST);
    const r = await ptyRig(emulator, cleanup);
    await r.open();
    emulator.fault({ kind: 'garbage', bytes: cmt(twice) });
    await until(() => r.tx.includes('AT+CNMA=2'), 'the first refused');
    emulator.fault({ kind: 'garbage', bytes: cmt(twice) });
    await until(() => r.incoming.length > 0, 'the second journaled');
    expect(r.incoming).toHaveLength(1);
  });
});

/** A Quectel M26 offers no service 1 (AT+CSMS=? answers +CSMS: (0,128), warthog618/modem issue #17). */
const PHASE_2_ONLY: EmulatorOptions = {
  ...FAST,
  profile: { name: 'phase-2-only', family: 'Test', models: 'AT+CSMS=1 refused', identity: { manufacturer: 'Test', model: 'T2', revision: '1', imei: '867530010086013' }, behaviours: [], quirks: { smsServices: [0] } },
};

describe('on a phase 2 modem, which acknowledged it already (real pty, native serialport binding)', () => {
  it('is kept unread, every byte of it, not taken at its word', async () => {
    const emulator = new ModemEmulator(PHASE_2_ONLY);
    const r = await ptyRig(emulator, cleanup);
    await r.open();
    emulator.fault({ kind: 'garbage', bytes: cmt(twice) });
    await until(() => r.incoming.length > 0, 'the delivery journaled');
    expect(r.incoming.map((x) => x.text)).toEqual([`[PDU pdu.bad-length] ${twice}`]);
    expect(r.tx.filter((line) => line.startsWith('AT+CNMA'))).toEqual([]);
  });
});

/*
 * review34: a modem that refuses AT+CSMS=1 and does not say which service it holds (AT+CSMS? refused too) is taken
 * as service 1 until its first AT+CNMA is refused (Announcements.chooseService). A phase 2 one among them has already
 * acknowledged the +CMT to the network when it hands it over: refusing it then (AT+CNMA=2, answered +CMS ERROR: 340)
 * asks for a delivery that never comes again, and the message was dropped on our side too: not journaled, not on the
 * SIM (a +CMT has no copy there), delivered for the network. Lost.
 */
describe('on a modem that does not say its service (real pty, native serialport binding)', () => {
  it('is kept unread, not refused: a phase 2 modem has acknowledged it already', async () => {
    const emulator = new ModemEmulator(PHASE_2_ONLY);
    // Neither AT+CSMS=1 nor AT+CSMS? answered but with ERROR, at every bring-up.
    emulator.fault({ kind: 'command-error', command: 'AT+CSMS', times: 10 });
    const r = await ptyRig(emulator, cleanup);
    await r.open();
    emulator.fault({ kind: 'garbage', bytes: cmt(twice) });
    await until(() => r.incoming.length > 0 || r.tx.includes('AT+CNMA=2'), 'the delivery journaled or refused');
    expect(r.tx, 'refused a delivery the modem may have acknowledged to the network already').not.toContain('AT+CNMA=2');
    expect(r.incoming.map((x) => x.text)).toEqual([`[PDU pdu.bad-length] ${twice}`]);
  });
});
