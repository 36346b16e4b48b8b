import { afterEach, describe, expect, it } from 'vitest';
import { ModemEmulator } from '../../src-main/emulator/modem';
import { assembleRecords } from '../../src-shared/assemble';
import { encodeDeliver } from '../../src-shared/pdu';
import { ptyRig, until } from './pty-rig';
import { FAST } from './session-kit';

let cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanup.reverse()) await c().catch(() => undefined);
  cleanup = [];
});

/**
 * review16: anyone can send an SMS whose data coding the app cannot read. The SMSC passes TP-DCS on as
 * the sender set it; here bit 5, compressed text (TS 23.038 §4), which the decoder refuses as
 * pdu.unsupported. Such a message stays on the SIM (the app does not delete what it could not read),
 * so a few of them, as many as the SIM has slots, filled it: the modem then refused every new message
 * (TS 24.011 "memory capacity exceeded"), 10086's replies waited in the network until they expired,
 * and the app only advised deleting messages with a phone.
 */
function unreadableFrom(sender: string, n: number): string {
  const pdu = encodeDeliver({ from: sender, text: `hello ${n}`, timestamp: new Date(Date.UTC(2026, 11, 5, 8, n)), tzQuarterHours: 32, smsc: '+8613800100500' });
  // After the SMSC address, first octet, sender (length in digits, type, digits in octets) and PID: the DCS.
  const smscOctets = 1 + parseInt(pdu.hex.slice(0, 2), 16);
  const senderDigits = parseInt(pdu.hex.slice(smscOctets * 2 + 2, smscOctets * 2 + 4), 16);
  const dcsAt = smscOctets + 1 + 2 + Math.ceil(senderDigits / 2) + 1;
  expect(pdu.hex.slice(dcsAt * 2, dcsAt * 2 + 2)).toBe('00');
  return `${pdu.hex.slice(0, dcsAt * 2)}20${pdu.hex.slice(dcsAt * 2 + 2)}`;
}

describe('a SIM filled by messages the app cannot read (real pty, native serialport binding)', () => {
  it('still receives 10086: what cannot be read is journaled as its raw PDU before its slot is freed, and nothing is lost', async () => {
    const emulator = new ModemEmulator({ ...FAST, capacity: { SM: 4, ME: 0 } });
    const r = await ptyRig(emulator, cleanup);
    const session = await r.open();
    const spam = [0, 1, 2, 3].map((n) => unreadableFrom('1065912345', n));
    for (const pdu of spam) emulator.deliverPdu(pdu);
    // Each is told about once, as before.
    await until(() => r.notices.filter((n) => /unreadable message/.test(n.en)).length >= 3, 'the unreadable ones reported');

    await session.send('10086', 'YE', 'YE');
    const reply = await until(() => assembleRecords(r.incoming).find((m) => m.from === '10086' && m.complete), "10086's reply journaled");
    expect(reply.text).toMatch(/余额/);
    await until(() => emulator.waitingInNetwork === 0, 'nothing left waiting in the network');
    // Nothing lost: every unreadable PDU is either still on the SIM or in the journal, byte for byte.
    const onSim = emulator.messages('SM').map((e) => e.message.pdu);
    const journaled = r.incoming.filter((x) => x.text.startsWith('[PDU ')).map((x) => x.text.split(' ').at(-1)!.toUpperCase());
    for (const pdu of spam) expect([...onSim, ...journaled].map((p) => p.toUpperCase())).toContain(pdu.toUpperCase());
    expect(journaled.length).toBeGreaterThan(0);
  });
});
