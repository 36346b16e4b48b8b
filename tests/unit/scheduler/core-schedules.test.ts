import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HallCore } from '../../../src-main/core/core';
import type { Schedule } from '../../../src-shared/api/contract';

const schedule = (instructions: string[]): Schedule => ({
  simId: 'SIM-A',
  enabled: true,
  instructions,
  time: '07:00',
  jitterMinutes: 15,
  quiet: { from: '22:00', to: '07:00' },
});

describe('schedules through the core API', () => {
  let dir: string;
  let core: HallCore;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'hall10086-core-schedules-'));
    core = await HallCore.create({ dataDir: dir });
  });
  afterEach(async () => {
    await core.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('starts with none, keeps a schedule of queries, and saves it in the data folder', async () => {
    expect(await core.call('schedules.get', {})).toEqual([]);
    const running = [{ ...schedule(['YE', 'CXYEG']), nextRunAt: expect.any(Number) }];
    expect(await core.call('schedules.set', { schedule: schedule(['YE', 'CXYEG']) })).toEqual(running);
    expect(await core.call('schedules.get', {})).toEqual(running);
    expect(JSON.parse(await readFile(join(dir, 'schedules.json'), 'utf8')).schedules).toEqual([schedule(['YE', 'CXYEG'])]);
  });

  it.each([
    ['a risky instruction', ['YE', 'TJ'], 'schedule.not-allowed'],
    ['an instruction with parameters', ['ZD'], 'schedule.not-allowed'],
  ])('refuses %s', async (_, ids, code) => {
    await expect(core.call('schedules.set', { schedule: schedule(ids) })).rejects.toMatchObject({ code });
    expect(await core.call('schedules.get', {})).toEqual([]);
  });
});
