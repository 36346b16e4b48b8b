import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

export const BIN = resolve(import.meta.dirname, '../../bin/hall10086.mjs');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the real `hall10086` executable as a user would, with a fixed language unless the test sets one. */
export function hall(args: string[], env: Record<string, string> = {}, stdin?: string, cwd?: string): Promise<CliRun> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      env: { ...process.env, LANG: 'en_US.UTF-8', LC_ALL: '', LC_MESSAGES: '', ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
      ...(cwd ? { cwd } : {}),
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolvePromise({ code, stdout, stderr }));
    child.stdin.end(stdin ?? '');
  });
}

/** What a user must never see: a JavaScript stack trace. */
export const STACK_TRACE = /\n\s+at .+\(.+:\d+:\d+\)|^\s+at /m;

/**
 * Starts `hall10086 emulator --pty ARGS…` and asks the device it prints for its maker (AT+CGMI) over
 * the real serialport binding: what a user pointing a modem tool at that path would get.
 */
export async function askEmulatorMaker(args: string[]): Promise<{ path: string; answer: string }> {
  const child = spawn(process.execPath, [BIN, 'emulator', '--pty', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    const path = await new Promise<string>((resolvePath, reject) => {
      child.stdout.setEncoding('utf8').on('data', (d: string) => resolvePath(d.trim().split('\n')[0]!));
      child.on('exit', (code) => reject(new Error(`emulator exited ${code}`)));
    });
    const { SerialPort } = await import('serialport');
    const port = new SerialPort({ path, baudRate: 115200 });
    const answer = await new Promise<string>((resolveAnswer) => {
      let got = '';
      port.on('data', (d: Buffer) => {
        got += d.toString('latin1');
        if (/OK\r\n/.test(got)) resolveAnswer(got);
      });
      port.write('AT+CGMI\r');
    });
    await new Promise<void>((r) => port.close(() => r()));
    return { path, answer };
  } finally {
    child.kill('SIGINT');
  }
}
