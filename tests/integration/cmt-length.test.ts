import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ModemEmulator } from '../../src-main/emulator/modem';
import type { EmulatorOptions } from '../../src-main/emulator/options';
import { passwordReset } from '../../src-main/emulator/replies-10086';
import { decodePdu, encodeDeliver, misfitText } from '../../src-shared/pdu';
import { secretHits } from '../e2e/secrets-in-bytes';
import { ptyRig, until } from './pty-rig';
import { FAST } from './session-kit';

let cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanup.reverse()) await c().catch(() => undefined);
  cleanup = [];
});

/*
 * A message handed over directly (+CMT: ,<length> and its PDU line) whose PDU is not as long as the header says (TS
 * 27.005 §3.1: 1 + SMSC octets + <length>): one octet said twice inside UCS-2 user data still decodes, into other
 * characters, and it cannot be read again from the SIM. secrets24 refused it (AT+CNMA=2) and waited for the network
 * to deliver it again; review34 found nothing that says it does, or with the same bytes, and real modems miscount
 * <length> often (review32). mend35: it is taken, acknowledged as any other, and kept marked. The texts are the
 * emulator's own wording (not real 10086 replies); the +CMT lines are the emulator's bytes on a real pty.
 */
const TEXT = '您的话费账单已出。';
const SENT = '2026-12-07T08:00:00+08:00';
const SMSC = '+8613800100500';
const pdu = encodeDeliver({ from: '10086', text: TEXT, timestamp: SENT, smsc: SMSC });
/** One octet said twice near the end of the user data: still hex, still decodes, one octet too long. */
const saidTwice = (hex: string) => `${hex.slice(0, -4)}${hex.slice(-4, -2)}${hex.slice(-4)}`;
const twice = saidTwice(pdu.hex);
const cmt = (hex: string, length = pdu.tpduLength) => `\r\n+CMT: ,${length}\r\n${hex}\r\n`;
const acks = (tx: readonly string[]) => tx.filter((line) => line.startsWith('AT+CNMA'));

describe('a +CMT whose PDU does not fit its stated length, on a modem that said service 1 (real pty, native serialport binding)', () => {
  it('is journaled at once, marked, and acknowledged with AT+CNMA, never refused', async () => {
    const emulator = new ModemEmulator(FAST);
    const r = await ptyRig(emulator, cleanup);
    await r.open();
    emulator.fault({ kind: 'garbage', bytes: cmt(twice) });
    await until(() => acks(r.tx).length > 0, 'the delivery answered');
    await until(() => r.incoming.length > 0, 'the delivery journaled');
    const garbled = decodePdu(twice);
    expect(garbled.type === 'deliver' && garbled.text).not.toBe(TEXT);
    expect(r.incoming.map((x) => [x.from, x.text])).toEqual([['10086', misfitText(garbled.type === 'deliver' ? garbled.text : '')]]);
    expect(r.incoming[0]!.text).toContain('长度不符，字符可能有误');
    expect(r.incoming[0]!.text).toContain('length did not match; characters may be wrong');
    expect(acks(r.tx)).toEqual(['AT+CNMA']);
    // On disk as in the thread: the journal's line carries the mark.
    expect(r.journal.pendingIncoming().map((x) => x.text)).toEqual([r.incoming[0]!.text]);
    expect(await readFile(join(r.dir, 'journal.log'), 'utf8')).toContain('length did not match; characters may be wrong');
  });

  it('the very same bytes again, before the first was taken: acknowledged again, the same one message', async () => {
    const emulator = new ModemEmulator(FAST);
    const r = await ptyRig(emulator, cleanup);
    await r.open();
    emulator.fault({ kind: 'garbage', bytes: cmt(twice) });
    await until(() => acks(r.tx).length === 1 && r.incoming.length === 1, 'the first journaled and acknowledged');
    emulator.fault({ kind: 'garbage', bytes: cmt(twice) });
    await until(() => acks(r.tx).length === 2, 'the second acknowledged');
    expect(acks(r.tx)).toEqual(['AT+CNMA', 'AT+CNMA']);
    // The journal's repeat detection (journal21): a +CMT whose acknowledgement is not journaled as taken (here the
    // emulator, which did not hand these lines over itself, answers +CMS ERROR: 340) that comes again, by +CMT or into
    // a slot, is the network's retry of it: the same part, not a second message.
    expect(r.incoming).toHaveLength(1);
    expect(r.journal.pendingIncoming().map((x) => x.text)).toEqual([r.incoming[0]!.text]);
  });

  it('a garbled reply holding a new password leaves no clear password in journal.log', async () => {
    const PASSWORD = '357108';
    const reset = encodeDeliver({ from: '10086', text: passwordReset(PASSWORD), timestamp: SENT, smsc: SMSC });
    const emulator = new ModemEmulator(FAST);
    const r = await ptyRig(emulator, cleanup);
    await r.open();
    emulator.fault({ kind: 'garbage', bytes: cmt(saidTwice(reset.hex), reset.tpduLength) });
    await until(() => r.incoming.length > 0, 'the delivery journaled');
    expect(r.incoming[0]!.text).toContain(`您的服务密码已重置为${PASSWORD}`);
    expect(r.incoming[0]!.text).toContain('length did not match');
    await until(() => acks(r.tx).length > 0, 'the delivery acknowledged');
    const bytes = Buffer.from(await readFile(join(r.dir, 'journal.log')));
    expect(secretHits(bytes, PASSWORD).filter((h) => !h.insideNumber)).toEqual([]);
    expect(bytes.toString('utf8')).toContain('您的服务密码已重置为******');
  });
});

/** A Quectel M26 offers no service 1 (AT+CSMS=? answers +CSMS: (0,128), warthog618/modem issue #17). */
const PHASE_2_ONLY: EmulatorOptions = {
  ...FAST,
  profile: { name: 'phase-2-only', family: 'Test', models: 'AT+CSMS=1 refused', identity: { manufacturer: 'Test', model: 'T2', revision: '1', imei: '867530010086013' }, behaviours: [], quirks: { smsServices: [0] } },
};

describe('on a phase 2 modem, which acknowledged it already (real pty, native serialport binding)', () => {
  it('is kept as the same marked text, with no AT+CNMA', async () => {
    const emulator = new ModemEmulator(PHASE_2_ONLY);
    const r = await ptyRig(emulator, cleanup);
    await r.open();
    emulator.fault({ kind: 'garbage', bytes: cmt(twice) });
    await until(() => r.incoming.length > 0, 'the delivery journaled');
    expect(r.incoming[0]!.text).toContain('length did not match; characters may be wrong');
    expect(acks(r.tx)).toEqual([]);
  });

  it('one that does not decode either is kept unread, every byte of it', async () => {
    const emulator = new ModemEmulator(PHASE_2_ONLY);
    const r = await ptyRig(emulator, cleanup);
    await r.open();
    // Its last octet dropped: the user data is shorter than its length octet says, which the decoder refuses.
    const short = pdu.hex.slice(0, -2);
    emulator.fault({ kind: 'garbage', bytes: cmt(short) });
    await until(() => r.incoming.length > 0, 'the delivery journaled');
    expect(r.incoming.map((x) => x.text)).toEqual([`[PDU pdu.bad-length] ${short}`]);
  });
});

/*
 * review34: a modem that refuses AT+CSMS=1 and does not say which service it holds (AT+CSMS? refused too) is taken
 * as service 1 until its first AT+CNMA is refused (Announcements.chooseService). Refusing a delivery there would ask
 * for one that a phase 2 modem has already acknowledged to the network; nothing is refused now on any modem.
 */
describe('on a modem that does not say its service (real pty, native serialport binding)', () => {
  it('is kept marked, not refused', async () => {
    const emulator = new ModemEmulator(PHASE_2_ONLY);
    // Neither AT+CSMS=1 nor AT+CSMS? answered but with ERROR, at every bring-up.
    emulator.fault({ kind: 'command-error', command: 'AT+CSMS', times: 10 });
    const r = await ptyRig(emulator, cleanup);
    await r.open();
    emulator.fault({ kind: 'garbage', bytes: cmt(twice) });
    await until(() => r.incoming.length > 0 || r.tx.includes('AT+CNMA=2'), 'the delivery journaled or refused');
    expect(r.tx).not.toContain('AT+CNMA=2');
    expect(r.incoming[0]!.text).toContain('length did not match; characters may be wrong');
  });
});
