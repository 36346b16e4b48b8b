import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { HallCore } from '../../../src-main/core';
import { renderMetrics } from '../../../src-main/server/metrics';
import { Journal } from '../../../src-main/services/journal';
import type { OutgoingRecord } from '../../../src-shared/journal-records';
import { FAST } from '../session-kit';
import { validateRequest } from '../../../src-shared/api/validate';
import { unseenFailures } from '../../../src-shared/fleet/sim-state';
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

  it('"知道了" clears the unseen count in the core, sends nothing, keeps the total for the metrics, and holds across a restart; a later failure is unseen again', async () => {
    const dir = await dataDir();
    const first = await open(dir, true);
    const simId = (await first.call('modem.list', {}))[0]!.simId!;
    const outgoing: OutgoingRecord[] = [];
    first.on('outgoing', (r) => outgoing.push(r));
    const fail = async (core: HallCore, seen: OutgoingRecord[]) => {
      core.demo!.emulator.fault({ kind: 'command-error', command: 'AT+CMGS', cms: 38 });
      const { commandId } = await core.call('send', { modemId: 'demo', id: 'YE' });
      await waitFor(() => seen.some((o) => o.id === commandId && o.state === 'failed'), `${commandId} failed`);
    };
    await fail(first, outgoing);
    await fail(first, outgoing);
    const sentBefore = first.demo!.emulator.sent.length;
    const recordsBefore = outgoing.length;
    const told: number[] = [];
    first.on('fleet', (s) => s.simId === simId && told.push(s.sendFailuresSeen));

    // The page saw 1 (a second failure came after it drew the badge): only that one is marked seen.
    const partly = await first.call('fleet.seeFailures', { simId, seen: 1 });
    expect([partly.sendFailures, partly.sendFailuresSeen]).toEqual([2, 1]);
    const seen = await first.call('fleet.seeFailures', { simId, seen: 2 });
    expect([seen.sendFailures, seen.sendFailuresSeen, unseenFailures(seen)]).toEqual([2, 2, 0]);
    // Every window hears it (the fleet event), and a count higher than the core's never hides a failure to come.
    expect(told).toEqual([1, 2]);
    expect((await first.call('fleet.seeFailures', { simId, seen: 99 })).sendFailuresSeen).toBe(2);
    // Nothing went out again, nothing was journaled.
    expect(first.demo!.emulator.sent.length).toBe(sentBefore);
    expect(outgoing.length).toBe(recordsBefore);
    expect(metricOf(first, simId)).toBe('2');
    // Another host's SIM, or a SIM this one never saw, is refused in words.
    await expect(first.call('fleet.seeFailures', { simId: '89860000000000009999', seen: 1 })).rejects.toMatchObject({ code: 'fleet.unknown-sim', zh: expect.stringContaining('没有这张 SIM') });
    // Cut off right after (no close): the seen count was written at once, as a failure is.
    await first.journal.close();

    const second = await open(dir, true);
    const after = (await second.call('fleet.sims', {})).find((s) => s.simId === simId)!;
    expect([after.sendFailures, after.sendFailuresSeen]).toEqual([2, 2]);
    const later: OutgoingRecord[] = [];
    second.on('outgoing', (r) => later.push(r));
    await fail(second, later);
    const third = (await second.call('fleet.sims', {})).find((s) => s.simId === simId)!;
    expect([third.sendFailures, unseenFailures(third)]).toEqual([3, 1]);
    expect(metricOf(second, simId)).toBe('3');
  });

  it('the request is checked at the boundary: a bad count or no SIM is refused before the core', () => {
    for (const bad of [{ simId: 'x', seen: -1 }, { simId: 'x', seen: 1.5 }, { simId: 'x' }, { simId: 'x', seen: 1, extra: true }, { simId: 'x'.repeat(129), seen: 1 }]) {
      expect(() => validateRequest('fleet.seeFailures', bad), JSON.stringify(bad)).toThrow(expect.objectContaining({ code: 'api.bad-request' }));
    }
    expect(validateRequest('fleet.seeFailures', { simId: '89860012345678901234', seen: 3 }).params).toEqual({ simId: '89860012345678901234', seen: 3 });
  });
});
