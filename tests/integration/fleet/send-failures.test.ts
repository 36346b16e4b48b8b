import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { HallCore } from '../../../src-main/core';
import { renderMetrics } from '../../../src-main/server/metrics';
import { Journal } from '../../../src-main/services/journal';
import type { OutgoingRecord } from '../../../src-shared/journal-records';
import { FAST } from '../session-kit';
import { waitFor } from './pool-kit';

/** A SIM's send failures are counted once each, and a restart (closed or cut off) keeps the count. */
describe('send failures per SIM survive a restart', () => {
  const cleanup: (() => Promise<unknown>)[] = [];
  afterEach(async () => {
    for (const c of cleanup.splice(0).reverse()) await c();
  });
  async function dataDir(): Promise<string> {
    const dir = await mkdtemp(join(tmpdir(), 'hall-failures-'));
    cleanup.push(() => rm(dir, { recursive: true, force: true }));
    return dir;
  }
  async function open(dir: string, demo: boolean): Promise<HallCore> {
    const core = await HallCore.create({ dataDir: dir, demo, emulatorOptions: FAST });
    cleanup.push(() => core.close());
    return core;
  }
  const failuresOf = async (core: HallCore, simId: string) => (await core.call('fleet.sims', {})).find((s) => s.simId === simId)?.sendFailures;
  const metricOf = (core: HallCore, simId: string) =>
    renderMetrics(core.fleet.board.list(), core.fleet.labels.list()).match(new RegExp(`^hall10086_sim_send_failures_total\\{sim="${simId}"\\} (\\d+)$`, 'm'))?.[1];

  it('counts each refused send once, a retry that fails again once more, and keeps the count across a restart', async () => {
    const dir = await dataDir();
    const first = await open(dir, true);
    const simId = (await first.call('modem.list', {}))[0]!.simId!;
    const outgoing: OutgoingRecord[] = [];
    first.on('outgoing', (r) => outgoing.push(r));
    const finished = (id: string, state: OutgoingRecord['state']) => waitFor(() => outgoing.some((o) => o.id === id && o.state === state), `${id} ${state}`);

    first.demo!.emulator.fault({ kind: 'command-error', command: 'AT+CMGS', cms: 38 });
    const { commandId: refused } = await first.call('send', { modemId: 'demo', id: 'YE' });
    await finished(refused, 'failed');
    first.demo!.emulator.fault({ kind: 'command-error', command: 'AT+CMGS', cms: 38 });
    const { commandId: again } = await first.call('retry', { commandId: refused });
    await finished(again, 'failed');
    const { commandId: fine } = await first.call('send', { modemId: 'demo', id: 'JF' });
    await finished(fine, 'sent');
    expect(await failuresOf(first, simId)).toBe(2);
    await first.close();

    const second = await open(dir, true);
    expect(await failuresOf(second, simId)).toBe(2);
    expect(metricOf(second, simId)).toBe('2');
    // Counting goes on from there.
    const seen: OutgoingRecord[] = [];
    second.on('outgoing', (r) => seen.push(r));
    second.demo!.emulator.fault({ kind: 'command-error', command: 'AT+CMGS', cms: 38 });
    const { commandId } = await second.call('send', { modemId: 'demo', id: 'YE' });
    await waitFor(() => seen.some((o) => o.id === commandId && o.state === 'failed'), 'the third failure');
    expect(await failuresOf(second, simId)).toBe(3);
    expect(metricOf(second, simId)).toBe('3');
  });

  it('a send the last run left cut off (journaled as sending) counts as one failure, once, however many restarts follow', async () => {
    const dir = await dataDir();
    const simId = '89860000000000000017';
    const journal = await Journal.open(dir);
    const change = { id: 'cut-off-1', simId, to: '10086', text: 'YE', messageRefs: [], error: null };
    await journal.recordOutgoing({ ...change, state: 'queued' });
    await journal.recordOutgoing({ ...change, state: 'sending' });
    await journal.close();

    const first = await open(dir, false);
    expect(first.journal.outgoing('cut-off-1')?.state).toBe('failed-retryable');
    expect(await failuresOf(first, simId)).toBe(1);
    await first.close();
    const second = await open(dir, false);
    expect(await failuresOf(second, simId)).toBe(1);
    expect(metricOf(second, simId)).toBe('1');
  });
});
