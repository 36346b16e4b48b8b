import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { HallCore } from '../../src-main/core';
import { FAST } from './session-kit';

export interface DemoCores {
  /** The data folder of this test (made on first use). */
  readonly dir: string;
  /** A core on the demo modem in this test's data folder; a second call reopens the same folder. */
  start(): Promise<HallCore>;
  /** Closes the running core and starts another on the same data folder (an app restart). */
  restart(): Promise<HallCore>;
  /** Lets a test prepare the data folder before the first start. */
  makeDir(): Promise<string>;
}

/** Demo cores in a temporary data folder per test; closed and removed after each test. */
export function demoCores(prefix: string): DemoCores {
  let core: HallCore | null = null;
  let dir = '';
  afterEach(async () => {
    await core?.close();
    core = null;
    if (dir) await rm(dir, { recursive: true, force: true });
    dir = '';
  });
  const kit: DemoCores = {
    get dir() {
      return dir;
    },
    async makeDir() {
      return (dir ||= await mkdtemp(join(tmpdir(), prefix)));
    },
    async start() {
      core = await HallCore.create({ dataDir: await kit.makeDir(), demo: true, emulatorOptions: FAST });
      return core;
    },
    async restart() {
      await core?.close();
      return kit.start();
    },
  };
  return kit;
}
