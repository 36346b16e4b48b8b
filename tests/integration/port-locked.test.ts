import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPtyEmulator, type PtyEmulator } from '../../src-main/emulator/pty';
import { openSerialLink, type SerialLink } from '../../src-main/services/modem/serial-link';
import { HallError } from '../../src-shared/errors';

/*
 * A modem port another program holds, on the real serialport binding over a real pseudo-terminal:
 * Linux's binding locks the port on open, and a second open fails with "Error Resource temporarily
 * unavailable Cannot lock port". Before, that English text reached a Chinese UI as it was, under
 * "无法打开 …"; it is the busy trap, said in both languages with what to close.
 */

let pty: PtyEmulator;
let first: SerialLink;
beforeAll(async () => {
  pty = await startPtyEmulator();
  first = await openSerialLink(pty.path);
}, 30_000);
afterAll(async () => {
  await first?.close();
  await pty?.close();
});

describe('a port another program holds', () => {
  it.skipIf(process.platform !== 'linux')('is said to be in use, in Chinese and English, with what to do', async () => {
    const failure = await openSerialLink(pty.path).then(
      async (second) => {
        await second.close();
        return null;
      },
      (e: unknown) => e,
    );
    expect(failure).toBeInstanceOf(HallError);
    const e = failure as HallError;
    expect(e.code, e.message).toBe('modem.busy');
    expect(e.zh).toContain('正被别的程序占用');
    expect(e.zh).not.toMatch(/[A-Za-z]{4,} [A-Za-z]{4,}/);
    expect(e.en).toContain('in use by another program');
  });
});
