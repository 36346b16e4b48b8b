import { existsSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { findPortByUsb, usbIdentityOf } from '../../src-main/core/ports';
import { ModemEmulator } from '../../src-main/emulator/modem';
import { startPtyEmulator } from '../../src-main/emulator/pty';
import type { SessionOptions } from '../../src-main/services/modem/session';
import { encodeDeliverParts } from '../../src-shared/pdu';
import { ptyRig, until } from './pty-rig';
import { FAST } from './session-kit';

/**
 * A Quectel EC25 shows four serial ports with one vendor and product id (2c7c:0125): QCDM diagnostics
 * on USB interface 00, GPS on 01, AT on 02, a second AT port on 03 (ModemManager
 * src/plugins/quectel/77-mm-quectel-port-types.rules, commit 9a2d5863). Unplugged and back (a USB
 * reset, a loose cable), the session looked the modem up by its USB identity and took the first port
 * that matched: the QCDM one, which answers no AT. The modem never came back, and whatever arrived
 * meanwhile waited on it unread. hideck made the same pick for an EC25 (yibaiba/hideck PR #21: "the
 * old heuristic selected /dev/ttyUSB4, but the real AT interface is 1-1.2:1.4, /dev/ttyUSB6").
 * The port list is serialport's on Linux, each pnpId a /dev/serial/by-id name in udev's form
 * (written here, not recorded); the ports are real ptys: the AT one the emulated EC25, the QCDM one a
 * device that says nothing to AT.
 */
let cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanup.reverse()) await c().catch(() => undefined);
  cleanup = [];
});

function ec25Port(path: string, usbInterface: string) {
  return { path, manufacturer: 'Quectel', vendorId: '2c7c', productId: '0125', pnpId: `usb-Quectel_EC25-if${usbInterface}-port0`, serialNumber: undefined, locationId: undefined };
}

describe('a modem unplugged and back, with several serial ports of one USB identity (real ptys)', () => {
  it('comes back on its AT interface, not the first port of the device, and reads what arrived meanwhile', async () => {
    const qcdm = await startPtyEmulator({ emulator: new ModemEmulator(FAST) });
    cleanup.push(() => qcdm.close());
    qcdm.emulator.fault({ kind: 'silence' });

    const emulator = new ModemEmulator({ ...FAST, profile: 'quectel-ec25' });
    const options: Partial<SessionOptions> = { backoffMs: [100], healthEveryMs: 300 };
    const r = await ptyRig(emulator, cleanup, options);
    // As udev lists them: QCDM first, then GPS (gone from this machine), AT, second AT.
    const list = async () => [ec25Port(qcdm.path, '00'), ec25Port(r.path, '02')];
    options.usb = (await usbIdentityOf(r.path, list)) ?? undefined;
    expect(options.usb).toEqual({ vendorId: '2c7c', productId: '0125', usbInterface: '02' });
    options.findPath = (usb) => findPortByUsb(usb, list);
    const session = await r.open();
    await session.drain();

    emulator.unplug();
    await until(() => !existsSync(r.path), 'the device to go');
    const [reply] = encodeDeliverParts({ from: '10086', text: '您的余额为37.50元。', timestamp: new Date(Date.UTC(2026, 11, 5, 1, 0)), tzQuarterHours: 32, smsc: '+8613800100500', concatRef: 0 });
    await session.drain().catch(() => undefined);
    await until(() => session.snapshot().state === 'reconnecting', 'the session to notice');
    emulator.replug();
    // A message waits on it when it is back (kept in ME, as the EC25 keeps them).
    emulator.preload('ME', reply!.hex, 'deliver', 0);

    await until(() => r.incoming.find((x) => x.text === '您的余额为37.50元。'), 'the message journaled', 20_000);
    expect(session.snapshot().state).toBe('ready');
    expect(session.snapshot().path).toBe(r.path);
  });
});
