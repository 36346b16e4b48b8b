import { afterEach, describe, expect, it } from 'vitest';
import { ModemEmulator } from '../../src-main/emulator/modem';
import { decodePdu, encodeDeliver, type DeliverPart } from '../../src-shared/pdu';
import { ptyRig, until } from './pty-rig';
import { FAST } from './session-kit';

let cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanup.reverse()) await c().catch(() => undefined);
  cleanup = [];
});

/** A message from 10086 (the texts are written for this test: only their slots matter). */
const reply = (text: string, minute: number) =>
  encodeDeliver({ from: '10086', text, timestamp: new Date(Date.UTC(2026, 11, 7, 3, minute)), tzQuarterHours: 32, smsc: '+8613800100500' }).hex;

/**
 * review30: a listing that names one slot twice (a firmware repeating an entry, a line garbled on the way).
 * The session deleted by index after each entry: the first delete freed the slot, a message arriving
 * meanwhile took it (modems fill the lowest free slot), and the second entry's delete removed that new
 * message unread. Nothing was left of it: not on the SIM, not in the journal.
 */
describe('a +CMGL listing that names a slot twice (real pty, native serialport binding)', () => {
  it('deletes the slot once: a message that takes the freed slot is read, not deleted unread', async () => {
    const emulator = new ModemEmulator({ ...FAST, capacity: { SM: 10, ME: 0 } });
    const r = await ptyRig(emulator, cleanup);
    const arrived = reply('您的余额为12.50元。', 1);
    const session = await r.open();
    await session.drain();
    const listed = reply('您的话费账单已出。', 0);
    expect(emulator.preload('SM', listed)).toBe(0);
    const entry = `+CMGL: 0,1,,${listed.length / 2 - 1 - parseInt(listed.slice(0, 2), 16)}\r\n${listed}\r\n`;
    emulator.fault({ kind: 'replay', command: 'AT+CMGL=4', bytes: `\r\n${entry}${entry}\r\nOK\r\n` });
    // The slot freed by the first entry's delete is taken at once by what came next.
    const off = emulator.onCommand((line) => {
      if (line !== 'AT+CMGD=0') return;
      off();
      expect(emulator.preload('SM', arrived)).toBe(0);
    });
    await session.drain();
    await until(() => r.incoming.some((x) => x.text === '您的话费账单已出。'), 'the listed message journaled');
    // The next reading finds what took the slot.
    await session.drain();
    const onSim = emulator.messages('SM').map((e) => e.message.pdu.toUpperCase());
    const journaled = r.incoming.some((x) => x.text === '您的余额为12.50元。');
    expect(journaled || onSim.includes(arrived.toUpperCase()), 'the message that took the freed slot is on the SIM or in the journal').toBe(true);
    await until(() => r.incoming.some((x) => x.text === '您的余额为12.50元。'), 'the message that took the freed slot journaled');
    expect(r.incoming.filter((x) => x.text === '您的话费账单已出。')).toHaveLength(1);
  });
});

/**
 * review30's open item: a listing line garbled on the way that still decodes. AT carries no checksum; the header's
 * <length> (the TPDU's octets, TS 27.005 §3.1) is the one check the line brings. Here one octet of the user data is
 * repeated on the line: the PDU decodes into another text (the repeated octet shifts every UCS-2 character after it)
 * and the trailing octet is ignored. Before, that wrong text was journaled and the slot deleted: the true one was lost.
 */
describe('a +CMGL entry whose PDU line is garbled but still decodes (real pty, native serialport binding)', () => {
  it('is not taken as read: the slot is read again and the true text journaled', async () => {
    const emulator = new ModemEmulator({ ...FAST, capacity: { SM: 10, ME: 0 } });
    const r = await ptyRig(emulator, cleanup);
    const session = await r.open();
    await session.drain();
    const listed = reply('您的话费账单已出。', 0);
    expect(emulator.preload('SM', listed)).toBe(0);
    // Octet 28 of the PDU (inside the user data) said twice.
    const garbled = `${listed.slice(0, 58)}${listed.slice(56)}`;
    expect(decodePdu(garbled)).toMatchObject({ type: 'deliver', number: '10086' });
    expect((decodePdu(garbled) as DeliverPart).text).not.toBe('您的话费账单已出。');
    const length = listed.length / 2 - 1 - parseInt(listed.slice(0, 2), 16);
    emulator.fault({ kind: 'replay', command: 'AT+CMGL=4', bytes: `\r\n+CMGL: 0,1,,${length}\r\n${garbled}\r\n\r\nOK\r\n` });
    await session.drain();
    await until(() => r.incoming.length > 0, 'something journaled');
    expect(r.incoming.map((x) => x.text)).toEqual(['您的话费账单已出。']);
    await until(() => emulator.messages('SM').length === 0, 'the slot freed once its true text is journaled');
  });
});

describe('a +CMGL entry whose length disagrees, on a modem that refuses to read that slot again (real pty)', () => {
  it('stays on the SIM, and the entries after it are still read and journaled', async () => {
    const emulator = new ModemEmulator({ ...FAST, capacity: { SM: 10, ME: 0 } });
    const r = await ptyRig(emulator, cleanup);
    const session = await r.open();
    await session.drain();
    const first = reply('您的话费账单已出。', 0);
    const second = reply('您的流量剩余1GB。', 1);
    expect(emulator.preload('SM', first)).toBe(0);
    expect(emulator.preload('SM', second)).toBe(1);
    const length = (pdu: string) => pdu.length / 2 - 1 - parseInt(pdu.slice(0, 2), 16);
    // Slot 0's header counts one octet more than its PDU has (as gammu's 41.dump counts the SMSC octet); every AT+CMGR refused.
    const listing = `\r\n+CMGL: 0,1,,${length(first) + 1}\r\n${first}\r\n+CMGL: 1,1,,${length(second)}\r\n${second}\r\n\r\nOK\r\n`;
    emulator.fault({ kind: 'replay', command: 'AT+CMGL=4', bytes: listing, times: 100 });
    emulator.fault({ kind: 'command-error', command: 'AT+CMGR', cms: 321, times: 100 });
    await session.drain();
    expect(r.incoming.map((x) => x.text)).toEqual(['您的流量剩余1GB。']);
    expect(emulator.messages('SM').map((m) => m.index)).toEqual([0]);
  });
});
