import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { looksLikeModem } from '../../../src-main/core/ports';
import { hiLinkDevices, modemManagerRunning, trap } from '../../../src-main/services/modem/traps';

let dir = '';
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('setup traps', () => {
  it('sees ModemManager among running processes (read from a /proc tree)', async () => {
    dir = await mkdtemp(join(tmpdir(), 'proc-'));
    await mkdir(join(dir, '12'));
    await writeFile(join(dir, '12', 'comm'), 'bash\n');
    expect(await modemManagerRunning(dir)).toBe(false);
    await mkdir(join(dir, '345'));
    await writeFile(join(dir, '345', 'comm'), 'ModemManager\n');
    await mkdir(join(dir, 'self'));
    expect(await modemManagerRunning(dir)).toBe(true);
  });

  it('sees a HiLink-mode Huawei stick in the USB device tree', async () => {
    dir = await mkdtemp(join(tmpdir(), 'usb-'));
    const device = async (name: string, vendor: string, product: string) => {
      await mkdir(join(dir, name));
      await writeFile(join(dir, name, 'idVendor'), `${vendor}\n`);
      await writeFile(join(dir, name, 'idProduct'), `${product}\n`);
    };
    await device('1-1', '12d1', '1506'); // Huawei in modem (serial) mode
    expect(await hiLinkDevices(dir)).toEqual([]);
    await device('1-2', '12d1', '14dc'); // Huawei E3372 in HiLink mode
    expect(await hiLinkDevices(dir)).toEqual(['12d1:14dc']);
  });

  it('gives every trap a fix in both languages', () => {
    for (const code of ['modemmanager', 'hilink', 'no-smsc', 'pin', 'puk', 'no-sim', 'no-network', 'permission', 'busy', 'radio-off', 'sim-lock', 'sim-busy'] as const) {
      const t = trap(code);
      expect(t.zh && t.en && t.action.zh && t.action.en, code).toBeTruthy();
    }
  });

  it('a fix made of AT commands says where to type them: the app has no AT console, the CLI has (hall10086 at)', () => {
    for (const code of ['no-smsc', 'radio-off'] as const) {
      const { action } = trap(code);
      expect(action.en, code).toMatch(/AT\+C/);
      expect(action.en, code).toContain('hall10086 at --port');
      expect(action.zh, code).toContain('hall10086 at --port');
      expect(action.en, code).not.toMatch(/the AT console/);
    }
  });

  it('recognises modem ports by USB vendor, driver path or maker', () => {
    expect(looksLikeModem({ path: '/dev/ttyS0' })).toBe(false);
    expect(looksLikeModem({ path: '/dev/ttyUSB2' })).toBe(true);
    expect(looksLikeModem({ path: 'COM7', vendorId: '2C7C' })).toBe(true);
    expect(looksLikeModem({ path: 'COM3', manufacturer: 'Microsoft' })).toBe(false);
  });
});
