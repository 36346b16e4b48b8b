import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startPtyEmulator, type PtyEmulator } from '../../src-main/emulator/pty';
import { Journal } from '../../src-main/services/journal';
import { ModemSession } from '../../src-main/services/modem/session';
import { assembleRecords } from '../../src-shared/assemble';
import type { IncomingRecord } from '../../src-shared/journal-records';
import { FAST } from './session-kit';

let cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanup.reverse()) await c().catch(() => undefined);
  cleanup = [];
});

describe('modem session over a real pseudo-terminal with the native serialport binding', () => {
  it('probes, sends YE and journals the Chinese reply', async () => {
    const pty: PtyEmulator = await startPtyEmulator({ emulatorOptions: FAST });
    cleanup.push(() => pty.close());
    const dir = await mkdtemp(join(tmpdir(), 'hall-pty-'));
    cleanup.push(() => rm(dir, { recursive: true, force: true }));
    const journal = await Journal.open(dir);
    cleanup.push(() => journal.close());
    // No binding given: this is serialport's own native binding on a tty, exactly as with a USB modem.
    const session = new ModemSession({ modemId: 'pty', path: pty.path, demo: false, journal });
    cleanup.push(() => session.close());
    const incoming: IncomingRecord[] = [];
    session.on('incoming', (r) => incoming.push(r));
    await session.open();
    expect(session.snapshot()).toMatchObject({ state: 'ready', operator: 'CHINA MOBILE', simId: '89860012345678901234' });
    await session.send('10086', 'YE', 'YE');
    const deadline = Date.now() + 20_000;
    while (!assembleRecords(incoming).some((m) => m.complete) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    const reply = assembleRecords(incoming).find((m) => m.complete);
    expect(reply?.text).toMatch(/余额为\d+\.\d{2}元/);
    // The status report may still be on its way into the SIM: it too must leave once journaled.
    while (pty.emulator.sim.messages.length > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(pty.emulator.sim.messages).toHaveLength(0);
  });
});
