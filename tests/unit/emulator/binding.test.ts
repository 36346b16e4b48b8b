import { SerialPortStream } from '@serialport/stream';
import { afterEach, describe, expect, it } from 'vitest';
import { decodePdu, encodeSubmit } from '../../../src-shared/pdu';
import { createEmulatorBinding, DEMO_MANUFACTURER, DEMO_PATH, type EmulatorBinding } from '../../../src-main/emulator/binding';
import { INSTANT_TIMING } from '../../../src-main/emulator/options';
import { VirtualScheduler } from '../../../src-main/emulator/scheduler';
import { pduLines, T0 } from './harness';

const opened: SerialPortStream[] = [];

afterEach(async () => {
  await Promise.all(opened.splice(0).map((p) => (p.isOpen ? new Promise((r) => p.close(r)) : undefined)));
});

function demo(): { binding: EmulatorBinding; sched: VirtualScheduler } {
  const sched = new VirtualScheduler();
  const binding = createEmulatorBinding({
    emulatorOptions: { ...INSTANT_TIMING, scheduler: sched, clock: () => new Date(T0 + sched.now()) },
  });
  return { binding, sched };
}

async function open(binding: EmulatorBinding): Promise<{ port: SerialPortStream; until: (re: RegExp) => Promise<string> }> {
  const port = new SerialPortStream({ binding, path: DEMO_PATH, baudRate: 115200, autoOpen: false });
  opened.push(port);
  await new Promise<void>((resolve, reject) => port.open((err) => (err ? reject(err) : resolve())));
  let buffer = '';
  const waiters: (() => void)[] = [];
  port.on('data', (d: Buffer) => {
    buffer += d.toString('latin1');
    waiters.splice(0).forEach((w) => w());
  });
  /** Resolves with everything received once it matches `re`, and starts a fresh buffer. */
  const until = async (re: RegExp): Promise<string> => {
    while (!re.test(buffer)) await new Promise<void>((r) => waiters.push(r));
    const got = buffer;
    buffer = '';
    return got;
  };
  return { port, until };
}

describe('the emulator as a serialport binding', () => {
  it('lists the demo port with its manufacturer', async () => {
    const { binding } = demo();
    expect(await binding.list()).toEqual([
      {
        path: DEMO_PATH,
        manufacturer: DEMO_MANUFACTURER,
        serialNumber: 'HALL10086-DEMO',
        pnpId: undefined,
        locationId: undefined,
        productId: undefined,
        vendorId: undefined,
      },
    ]);
  });

  it('runs a whole SMS round trip through SerialPortStream', async () => {
    const { binding } = demo();
    const { port, until } = await open(binding);
    port.write('AT\r');
    expect(await until(/OK\r\n$/)).toBe('AT\r\r\nOK\r\n');
    port.write('ATE0;+CNMI=2,1,0,0,0\r');
    await until(/OK\r\n$/);
    const pdu = encodeSubmit({ to: '10086', text: 'CXYEB' })[0]!;
    port.write(`AT+CMGS=${pdu.tpduLength}\r`);
    expect(await until(/> $/)).toBe('\r\n> ');
    port.write(pdu.hex + '\x1a');
    const answer = await until(/\+CMTI: "SM",0\r\n$/);
    expect(answer).toBe('\r\n+CMGS: 128\r\n\r\nOK\r\n\r\n+CMTI: "SM",0\r\n');
    port.write('AT+CMGR=0\r');
    const [hex] = pduLines(await until(/OK\r\n$/));
    const reply = decodePdu(hex!);
    expect(reply).toMatchObject({ type: 'deliver', number: '10086' });
    expect(reply.type === 'deliver' && reply.text).toMatch(/国内主叫500分钟/);
  });

  it('an unplugged modem disconnects the stream; it can be opened again once replugged', async () => {
    const { binding, sched } = demo();
    const { port } = await open(binding);
    const closed = new Promise<Error | null>((resolve) => port.once('close', resolve));
    binding.emulator.unplug();
    const err = await closed;
    expect(err).toMatchObject({ disconnected: true });
    expect(await binding.list()).toEqual([]);
    await expect(binding.open({ path: DEMO_PATH, baudRate: 115200 })).rejects.toThrow(/no such device/);
    binding.emulator.replug();
    sched.advance(0);
    const again = await open(binding);
    again.port.write('AT+CREG?\r');
    expect(await again.until(/OK\r\n$/)).toBe('AT+CREG?\r\r\n+CREG: 0,1\r\n\r\nOK\r\n');
  });

  it('refuses a second opener and unknown paths', async () => {
    const { binding } = demo();
    await open(binding);
    await expect(binding.open({ path: DEMO_PATH, baudRate: 9600 })).rejects.toThrow(/locked/);
    await expect(binding.open({ path: 'emulator://other', baudRate: 9600 })).rejects.toThrow(/no such device/);
  });
});
