import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HallCore } from '../../../src-main/core';
import { closePool, startPtyPool } from '../../../src-main/emulator/pool';
import type { PtyEmulator } from '../../../src-main/emulator/pty';
import type { EmulatorOptions } from '../../../src-main/emulator/options';
import type { OutgoingRecord } from '../../../src-shared/journal-records';

export interface PoolCore {
  core: HallCore;
  pool: PtyEmulator[];
  dir: string;
  outgoing: OutgoingRecord[];
  /** SIM ids of the connected modems, in pool order. */
  simIds: string[];
  close(): Promise<void>;
}

/** `count` emulated modems on real pseudo-terminals, each opened by one core through the real serialport binding. */
export async function poolCore(count: number, timing: EmulatorOptions, dataDir?: string): Promise<PoolCore> {
  const dir = dataDir ?? (await mkdtemp(join(tmpdir(), 'hall-fleet-')));
  const pool = await startPtyPool(count, timing);
  const core = await HallCore.create({ dataDir: dir });
  const outgoing: OutgoingRecord[] = [];
  core.on('outgoing', (r) => outgoing.push(r));
  const statuses = await Promise.all(pool.map((p) => core.connect(p.path)));
  return {
    core,
    pool,
    dir,
    outgoing,
    simIds: statuses.map((s) => s.simId!),
    async close() {
      await core.close();
      await closePool(pool);
      if (!dataDir) await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Polls until `check` holds; fails naming `what` after `ms`. No fixed sleeps. */
export async function waitFor<T>(check: () => T | null | undefined | false | Promise<T | null | undefined | false>, what: string, ms = 20_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await check();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
