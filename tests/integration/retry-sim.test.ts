import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { HallCore } from '../../src-main/core';
import { Journal } from '../../src-main/services/journal';
import { FAST } from './session-kit';

/** A retry goes out only from the SIM the instruction went out from: another SIM would act on another customer's line. */
describe('retry keeps to its SIM', () => {
  const cleanup: (() => Promise<unknown>)[] = [];
  afterEach(async () => {
    for (const c of cleanup.splice(0).reverse()) await c();
  });

  it('refuses, saying which SIM, when that SIM is not connected, and sends nothing from the one that is', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'hall-retry-sim-'));
    cleanup.push(() => rm(dir, { recursive: true, force: true }));
    const absentSim = '89860000000000000017';
    const journal = await Journal.open(dir);
    const change = { id: 'failed-on-absent', simId: absentSim, to: '10086', text: 'YE', messageRefs: [], error: null };
    await journal.recordOutgoing({ ...change, state: 'queued' });
    await journal.recordOutgoing({ ...change, state: 'failed' });
    await journal.close();

    const core = await HallCore.create({ dataDir: dir, demo: true, emulatorOptions: FAST });
    cleanup.push(() => core.close());
    expect((await core.call('modem.list', {}))[0]!.simId).not.toBe(absentSim);
    await expect(core.call('retry', { commandId: 'failed-on-absent' })).rejects.toMatchObject({
      code: 'send.retry-sim-absent',
      zh: expect.stringContaining(absentSim),
      en: expect.stringContaining(absentSim),
    });
    expect(core.demo!.emulator.sent).toEqual([]);
  });
});
