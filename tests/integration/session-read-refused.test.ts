import { afterEach, describe, expect, it } from 'vitest';
import { ModemEmulator } from '../../src-main/emulator/modem';
import { findPythonWithGammu, runGammu, type GammuView } from '../fixtures/gammu-bridge';
import { ptyRig, until } from './pty-rig';
import { FAST } from './session-kit';

/**
 * A +CMTI whose slot the modem refuses to read. Recorded by a user of serialport-gsm with echo on
 * (https://github.com/zabsalahid/serialport-gsm/issues/92): `+CMTI: "ME",67`, then `AT+CMGR=67` answered
 * `+CMS ERROR: 321` (invalid memory index), at every message. The message it announced is somewhere in
 * the modem: where, the record does not say; here it waits in ME, where a listing finds it. With
 * announcements on there is no poll, so a failed read of the announced slot left it unseen until the
 * app restarted. The message is a real one, gammu tests/at-sms/07.dump (commit 78fd6a921).
 */
const RECORDED_CMTI = '\r\n+CMTI: "ME",67\r\n';
const RECORDED_REFUSAL = 'AT+CMGR=67\r\r\n+CMS ERROR: 321\r\n';
const GAMMU_07 = '0791534850020200040C9153486507895500006090608164138004D4F29C0E';
const GAMMU_07_TEXT = 'Test';

let cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanup.reverse()) await c().catch(() => undefined);
  cleanup = [];
});

describe('an announced slot the modem refuses to read (real pty, native serialport binding)', () => {
  it('finds the announced message by listing the memories: journaled once, then deleted', async () => {
    const emulator = new ModemEmulator(FAST);
    const r = await ptyRig(emulator, cleanup);
    const session = await r.open();
    await session.drain();

    const slot = emulator.preload('ME', GAMMU_07, 'deliver', 0);
    expect(slot).not.toBeNull();
    emulator.fault({ kind: 'replay', command: 'AT+CMGR=67', bytes: RECORDED_REFUSAL });
    emulator.fault({ kind: 'garbage', bytes: RECORDED_CMTI });

    const journaled = await until(() => r.incoming.find((x) => x.text === GAMMU_07_TEXT), 'the announced message journaled');
    expect(r.rx).toContain('+CMS ERROR: 321');
    // python3-gammu reads the same sender and text.
    const gammu = runGammu(findPythonWithGammu(), { decode: [{ hex: GAMMU_07 }], encode: [] }).decoded[0] as GammuView;
    expect(journaled).toMatchObject({ text: gammu.text, from: gammu.number });
    await until(() => emulator.messages('ME').length === 0, 'ME emptied');
    expect(r.incoming).toHaveLength(1);
  });

  it('reads it at the next health check when the listing is refused too', async () => {
    const emulator = new ModemEmulator(FAST);
    const r = await ptyRig(emulator, cleanup, { healthEveryMs: 300 });
    const session = await r.open();
    await session.drain();

    emulator.preload('ME', GAMMU_07, 'deliver', 0);
    emulator.fault({ kind: 'replay', command: 'AT+CMGR=67', bytes: RECORDED_REFUSAL });
    // The listing that follows fails once, as a Wavecom answers +CMS ERROR: 500 (unknown error) to a read
    // (gnokii issue #1, https://github.com/pkot/gnokii/issues/1).
    emulator.fault({ kind: 'command-error', command: 'AT+CMGL', cms: 500, times: 1 });
    emulator.fault({ kind: 'garbage', bytes: RECORDED_CMTI });

    await until(() => r.rx.includes('+CMS ERROR: 500'), 'the listing refused');
    await until(() => r.incoming.some((x) => x.text === GAMMU_07_TEXT), 'the announced message journaled');
    await until(() => emulator.messages('ME').length === 0, 'ME emptied');
    expect(r.incoming).toHaveLength(1);
    expect(r.tx.filter((l) => l === 'AT+CMGL=4').length).toBeGreaterThanOrEqual(2);
  });
});

/**
 * Text where a PDU should be. Whatever set it (`AT+CMGF=1` typed in the app's AT console, as tutorials
 * for these modems tell users to; a program sharing the port; a restart to settings saved with AT&W),
 * a modem in text mode answers AT+CMGR as gammu recorded real ones do (tests/at-sms-txt/timezone.dump:
 * `+CMGR: "REC READ","+31625044454",,"07/07/05,09:56:03+08"` then the text). Before, each message from
 * then on read as unreadable and stayed on the SIM, with a warning, until the app restarted.
 */
describe('a modem that left PDU mode behind the session (real pty, native serialport binding)', () => {
  it('is set to PDU mode again and the announced message journaled once, then deleted', async () => {
    const emulator = new ModemEmulator(FAST);
    const r = await ptyRig(emulator, cleanup);
    const session = await r.open();
    await session.drain();

    await session.console().run('AT+CMGF=1');
    emulator.deliver('10086', '您的余额为37.50元。');

    await until(() => r.incoming.find((x) => x.text === '您的余额为37.50元。'), 'the message journaled');
    expect(r.rx.some((l) => l.startsWith('+CMGR: "REC UNREAD"'))).toBe(true);
    await until(() => emulator.sim.messages.length === 0, 'the SIM emptied');
    expect(r.incoming).toHaveLength(1);
    expect(r.notices.filter((n) => /unreadable/.test(n.en))).toEqual([]);
  });

  it('is set to PDU mode again when a listing is refused in text mode (AT+CMGL=4 is PDU mode\'s "all")', async () => {
    const emulator = new ModemEmulator(FAST);
    const r = await ptyRig(emulator, cleanup);
    const session = await r.open();
    await session.drain();

    await session.console().run('AT+CMGF=1');
    emulator.preload('SM', GAMMU_07, 'deliver', 0);
    await session.drain();

    await until(() => r.incoming.find((x) => x.text === GAMMU_07_TEXT), 'the message journaled');
    expect(r.tx).toContain('AT+CMGF?');
    await until(() => emulator.sim.messages.length === 0, 'the SIM emptied');
    expect(r.incoming).toHaveLength(1);
  });
});
