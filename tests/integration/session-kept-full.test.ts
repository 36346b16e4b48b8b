import { afterEach, describe, expect, it } from 'vitest';
import { ModemEmulator } from '../../src-main/emulator/modem';
import { assembleRecords } from '../../src-shared/assemble';
import { ptyRig, until } from './pty-rig';
import { FAST } from './session-kit';

/**
 * A SIM that came out of a phone often still holds the messages that phone saved on it: sent ones
 * (stat 3 STO SENT) and drafts (2 STO UNSENT), as in gammu's tests/at-sms/02.dump and 05.dump and
 * ModemManager's Pantech listing (src/tests/test-modem-helpers.c, test_cmgl_response_pantech_multiple).
 * They are not ours to delete, so they stay. When they fill the SIM, the modem refuses every new message
 * (TS 24.011 RP-ERROR "memory capacity exceeded") and the network holds it only until it expires.
 */
const STORED_SENT = '0791361907001003B17A0C913619397750320000AD11CD701E340FB3C3F23CC81D0689C3BF'; // gammu tests/at-sms/02.dump

let cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanup.reverse()) await c().catch(() => undefined);
  cleanup = [];
});

describe('a SIM full of messages that stay on it (real pty, native serialport binding)', () => {
  it('receives into the modem memory instead, says so once, and deletes none of them', async () => {
    const emulator = new ModemEmulator({ ...FAST, capacity: { SM: 4, ME: 20 } });
    for (let i = 0; i < 4; i++) expect(emulator.preload('SM', STORED_SENT, 'deliver', 3)).not.toBeNull();
    const r = await ptyRig(emulator, cleanup);
    const { incoming, notices } = r;
    const session = await r.open();

    await session.send('10086', 'YE', 'YE');
    const reply = await until(() => assembleRecords(incoming).find((m) => m.complete), 'the reply journaled');
    expect(reply.text).toMatch(/余额/);
    // Nothing waits in the network, the phone's sent messages are all still on the SIM, nothing came twice.
    await until(() => emulator.waitingInNetwork === 0 && emulator.messages('ME').length === 0, 'the modem memory emptied');
    expect(emulator.messages('SM').map((e) => e.message.pdu)).toEqual(Array(4).fill(STORED_SENT));
    expect(new Set(incoming.map((x) => x.key)).size).toBe(incoming.length);
    expect(emulator.sent).toHaveLength(1);
    const said = notices.filter((n) => /modem's own memory/.test(n.en));
    expect(said).toHaveLength(1);
    expect(said[0]!.zh).toMatch(/调制解调器/);
  });

  it('with no other memory to use, tells the user once what to do', async () => {
    const emulator = new ModemEmulator({ ...FAST, capacity: { SM: 4, ME: 0 } });
    for (let i = 0; i < 4; i++) emulator.preload('SM', STORED_SENT, 'deliver', 3);
    const r = await ptyRig(emulator, cleanup);
    const { notices } = r;
    const session = await r.open();
    await session.drain();
    await session.drain();
    const said = notices.filter((n) => /no other memory/.test(n.en));
    expect(said).toHaveLength(1);
    expect(said[0]!.zh).toMatch(/请在手机上删掉/);
    expect(emulator.messages('SM')).toHaveLength(4);
  });
});
