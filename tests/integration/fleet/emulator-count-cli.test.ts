import { spawn } from 'node:child_process';
import { SerialPort } from 'serialport';
import { describe, expect, it } from 'vitest';
import { BIN } from '../cli-helpers';

/** One AT command on a device, through the real serialport binding: its answer up to OK. */
async function ask(path: string, command: string): Promise<string> {
  const port = new SerialPort({ path, baudRate: 115200 });
  try {
    return await new Promise<string>((resolve) => {
      let got = '';
      port.on('data', (d: Buffer) => {
        got += d.toString('latin1');
        if (/OK\r\n/.test(got)) resolve(got);
      });
      port.write(`${command}\r`);
    });
  } finally {
    await new Promise<void>((r) => port.close(() => r()));
  }
}

describe('hall10086 emulator --pty --count N', () => {
  it('prints N device paths, each a modem with its own SIM', async () => {
    const child = spawn(process.execPath, [BIN, 'emulator', '--pty', '--count', '3'], { stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      const paths = await new Promise<string[]>((resolve, reject) => {
        let out = '';
        child.stdout.setEncoding('utf8').on('data', (d: string) => {
          out += d;
          const lines = out.split('\n').filter(Boolean);
          if (lines.length >= 3) resolve(lines);
        });
        child.on('exit', (code) => reject(new Error(`emulator exited ${code}`)));
      });
      expect(new Set(paths).size).toBe(3);
      const iccids = await Promise.all(paths.map(async (p) => /\+CCID: *"?(\d+)/.exec(await ask(p, 'AT+CCID'))?.[1]));
      expect(new Set(iccids).size).toBe(3);
      for (const id of iccids) expect(id).toMatch(/^8986\d{16}$/);
    } finally {
      child.kill('SIGINT');
    }
  });

  it('refuses a count out of range with a clear message and exit code 2', async () => {
    const child = spawn(process.execPath, [BIN, 'emulator', '--pty', '--count', '500', '--lang', 'en'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
    const code = await new Promise((r) => child.on('exit', r));
    expect(code).toBe(2);
    expect(err).toMatch(/--count must be a whole number from 1 to 64/);
  });

  it('serve takes --count only with --emulator, and in range, each refusal in plain words with exit code 2', async () => {
    const refusal = async (args: string[]) => {
      const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', ...args, '--lang', 'en'], { stdio: ['ignore', 'pipe', 'pipe'] });
      let err = '';
      child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
      const code = await new Promise((r) => child.on('exit', r));
      return { code, err };
    };
    const alone = await refusal(['--count', '3']);
    expect(alone).toMatchObject({ code: 2 });
    expect(alone.err).toMatch(/--count goes with --emulator only/);
    const tooMany = await refusal(['--emulator', '--count', '65']);
    expect(tooMany).toMatchObject({ code: 2 });
    expect(tooMany.err).toMatch(/--count must be a whole number from 1 to 64/);
    expect(alone.err + tooMany.err).not.toMatch(/\n\s+at /);
  });
});
