import { existsSync } from 'node:fs';
import { SerialPort } from 'serialport';
import { afterEach, describe, expect, it } from 'vitest';
import { decodePdu, encodeSubmit, reassemble, type DeliverPart } from '../../src-shared/pdu';
import { HallError } from '../../src-shared/errors';
import { startPtyEmulator, type PtyEmulator } from '../../src-main/emulator/pty';

const WAIT_MS = 20_000;
const cleanups: (() => Promise<unknown>)[] = [];

afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function start(): Promise<PtyEmulator> {
  const pty = await startPtyEmulator({
    emulatorOptions: { seed: 42, latencyMs: 5, sendDelayMs: 50, replyDelayMs: 200, partGapMs: 100 },
  });
  cleanups.push(() => pty.close());
  return pty;
}

/** Opens the pty with the real native serialport binding; `until` waits for the modem's bytes to match. */
async function connect(path: string) {
  const port = new SerialPort({ path, baudRate: 115200, autoOpen: false });
  await new Promise<void>((resolve, reject) => port.open((e) => (e ? reject(e) : resolve())));
  cleanups.push(() => new Promise((r) => (port.isOpen ? port.close(r) : r(undefined))));
  let buffer = '';
  let wake: (() => void) | null = null;
  port.on('data', (d: Buffer) => {
    buffer += d.toString('latin1');
    wake?.();
  });
  /** Everything up to the end of the first match of `re`; later bytes stay for the next call. */
  const until = async (re: RegExp): Promise<string> => {
    const deadline = Date.now() + WAIT_MS;
    for (let m = re.exec(buffer); ; m = re.exec(buffer)) {
      if (m) {
        const end = m.index + m[0].length;
        const got = buffer.slice(0, end);
        buffer = buffer.slice(end);
        return got;
      }
      if (Date.now() > deadline) throw new Error(`no ${re} from the modem; got ${JSON.stringify(buffer)}`);
      await new Promise<void>((r) => {
        wake = r;
        setTimeout(r, 100);
      });
    }
  };
  const at = async (command: string, re = /\r\n(OK|ERROR|\+CM[ES] ERROR: [^\r]*)\r\n/): Promise<string> => {
    port.write(command);
    return until(re);
  };
  return { port, until, at };
}

async function waitFor<T>(what: string, probe: () => Promise<T | null>): Promise<T> {
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    const got = await probe();
    if (got !== null) return got;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('the emulator on a pseudo-terminal, driven by the real serialport binding', () => {
  it('answers AT, sends to 10086 and delivers the reply for reading back', async () => {
    const pty = await start();
    expect(existsSync(pty.path)).toBe(true);
    const modem = await connect(pty.path);
    expect(await modem.at('AT\r')).toBe('AT\r\r\nOK\r\n');
    await modem.at('ATE0;+CMEE=1;+CNMI=2,1,0,0,0\r');

    const pdu = encodeSubmit({ to: '10086', text: 'YE' })[0]!;
    expect(await modem.at(`AT+CMGS=${pdu.tpduLength}\r`, /> /)).toBe('\r\n> ');
    expect(await modem.at(`${pdu.hex}\x1a`, /\+CMGS: \d+\r\n\r\nOK\r\n/)).toMatch(/^\r\n\+CMGS: \d+\r\n\r\nOK\r\n$/);
    expect(await modem.until(/\+CMTI: "SM",\d+\r\n/)).toMatch(/\+CMTI: "SM",\d+/);

    const reply = await waitFor('the whole reply', async () => {
      const listing = await modem.at('AT+CMGL=4\r');
      const parts = listing.split('\r\n').filter((l) => /^[0-9A-F]{20,}$/.test(l)).map((h) => decodePdu(h) as DeliverPart);
      const [message] = reassemble(parts);
      return message?.complete ? message : null;
    });
    expect(reply.number).toBe('10086');
    expect(reply.text).toMatch(/余额.*\d+\.\d{2}元.*【中国移动】$/);
  });

  it('unplugging removes the device; replugging brings back a freshly booted modem', async () => {
    const pty = await start();
    const modem = await connect(pty.path);
    await modem.at('ATE0;+CMGF=1\r');
    pty.emulator.unplug();
    await waitFor('the device to go', async () => (existsSync(pty.path) ? null : true));
    // A hung-up tty reads as end-of-file, which bindings-cpp does not report as a disconnect:
    // the host finds out through silence or the port list, as with a real USB stick on Linux.
    await new Promise((r) => modem.port.close(r));
    pty.emulator.replug();
    await waitFor('the device to come back', async () => (existsSync(pty.path) ? true : null));
    const again = await connect(pty.path);
    expect(await again.at('AT+CMGF?\r')).toBe('AT+CMGF?\r\r\n+CMGF: 0\r\n\r\nOK\r\n');
  });

  it('without socat it fails with a bilingual HallError that says how to install it', async () => {
    const failure = await startPtyEmulator({ socatPath: '/nonexistent/socat' }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(HallError);
    expect(failure).toMatchObject({ code: 'emulator.socat-missing' });
    expect((failure as HallError).action?.en).toMatch(/apt-get install socat/);
    expect((failure as HallError).zh).toMatch(/socat/);
  });
});
