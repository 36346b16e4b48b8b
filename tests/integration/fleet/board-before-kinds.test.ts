import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { HallCore } from '../../../src-main/core';
import { renderMetrics } from '../../../src-main/server/metrics';
import { simStatePublications } from '../../../src-shared/fleet/mqtt-topics';

/*
 * sim-board-026e4fb.json is the board file main at 026e4fb (before minutes kept their kind) wrote after
 * the real fs-2016-0312 reply: its minutesLeft is 976, the package's 40 + 40 闲时 + 896 集团 added up.
 * Made by 026e4fb's own SimBoard (see tests/fixtures/fleet/README.md).
 */
const OLD_BOARD = resolve(import.meta.dirname, '../../fixtures/fleet/sim-board-026e4fb.json');
const SIM = '898600000000000000fs';

describe('a board file saved before minutes kept their kind', () => {
  const cleanup: (() => Promise<unknown>)[] = [];
  afterEach(async () => {
    for (const c of cleanup.splice(0).reverse()) await c();
  });

  it('gives no minutes left instead of the old sum of every kind (976), on the fleet table, MQTT and Prometheus alike; the other figures stay', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'hall-old-board-'));
    cleanup.push(() => rm(dir, { recursive: true, force: true }));
    await copyFile(OLD_BOARD, join(dir, 'sim-board.json'));
    const core = await HallCore.create({ dataDir: dir, demo: false });
    cleanup.push(() => core.close());

    const sim = (await core.call('fleet.sims', {})).find((s) => s.simId === SIM)!;
    expect(sim.minutesLeft).toBeNull();
    expect(sim.minutesLeftByPool).toEqual({});
    expect(sim.asOf.minutes).toBeNull();
    // Data was read the same way before: it stays, as of the reply it came from.
    expect(sim.generalDataLeftMb).toBe(5.85);
    expect(sim.asOf.data).toBe(Date.UTC(2025, 5, 1, 2));

    const published = simStatePublications({ baseTopic: 'hall10086', hostId: 'h' }, core.fleet.board.get(SIM)!, undefined);
    expect(published.find((p) => p.topic.endsWith('/minutes_left'))).toBeUndefined();
    expect(JSON.parse(published.find((p) => p.topic.endsWith('/state'))!.payload).minutesLeft).toBeNull();
    expect(renderMetrics(core.fleet.board.list(), [])).not.toMatch(/976/);
  });
});
