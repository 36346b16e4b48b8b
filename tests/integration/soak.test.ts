import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startPtyEmulator } from '../../src-main/emulator/pty';
import { Journal } from '../../src-main/services/journal';
import { ModemSession } from '../../src-main/services/modem/session';
import { runSoak } from '../crash/soak-run';
import { FAST } from './session-kit';

const COMPACT_AT = 64 * 1024;
const MiB = 1024 * 1024;

async function waitFor(check: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('soak: 60 s of scheduled checks, random sends and random faults against the emulator', () => {
  it('settles afterwards with handles, descriptors, memory and the journal back within bounds', async () => {
    const r = await runSoak({ durationMs: 60_000, seed: 8086, checkEveryMs: 2000, compactAtBytes: COMPACT_AT });
    expect(r.checks).toBe(30);
    expect(Object.keys(r.faults).length).toBeGreaterThan(3);
    expect(r.settled).toBe(true);
    // Nothing left half-done: every part acknowledged by the store, no instruction queued or sending.
    expect(r.final.pending).toBe(0);
    expect(r.outgoing.queued ?? 0).toBe(0);
    expect(r.outgoing.sending ?? 0).toBe(0);
    // Every reconnect closed what it opened. At most the baseline: a worker reused from an earlier
    // test file may still be closing that file's last descriptors when the baseline is taken.
    for (const [type, n] of Object.entries(r.final.handles)) expect(n, type).toBeLessThanOrEqual(r.baseline.handles[type] ?? 0);
    expect(r.final.fds).toBeLessThanOrEqual(r.baseline.fds);
    // Compaction keeps the journal near its threshold however long the run (generous: 4× the threshold).
    expect(r.maxJournalBytes).toBeLessThan(4 * COMPACT_AT);
    // After a full GC, live heap is back near where it started (generous: 32 MiB).
    expect(r.final.heapUsed - r.baseline.heapUsed).toBeLessThan(32 * MiB);
  }, 150_000);

  // Found by the hour-long run: the write's EIO was an 'error' event nobody listened to, which ends the process.
  it('a write to a modem pulled out (EIO on the pty) is a disconnect to recover from, not a crash', async () => {
    const pty = await startPtyEmulator({ emulatorOptions: FAST });
    const dir = await mkdtemp(join(tmpdir(), 'hall-eio-'));
    const journal = await Journal.open(dir);
    const session = new ModemSession({ modemId: 'pty', path: pty.path, demo: false, journal, backoffMs: [100] });
    const states: string[] = [];
    session.on('status', (s) => states.push(s.state));
    try {
      await session.open();
      pty.emulator.unplug();
      await waitFor(() => !existsSync(pty.path), 'the device to go');
      await session.send('10086', 'YE', 'YE');
      await waitFor(() => states.includes('reconnecting'), 'the session to notice');
      pty.emulator.replug();
      await waitFor(() => session.snapshot().state === 'ready', 'the session to reconnect');
    } finally {
      await session.close();
      await journal.close();
      await pty.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
