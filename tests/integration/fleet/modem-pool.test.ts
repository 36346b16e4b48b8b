import { afterEach, describe, expect, it } from 'vitest';
import { HallCore } from '../../../src-main/core';
import type { FleetCheckState } from '../../../src-shared/api/contract';
import { INSTANT_TIMING } from '../../../src-main/emulator/options';
import { poolCore, waitFor, type PoolCore } from './pool-kit';

/** The network takes a moment to accept each SMS, so sends on different modems visibly overlap. */
const TIMING = { ...INSTANT_TIMING, sendDelayMs: 60, replyDelayMs: 20, partGapMs: 5, statusReportMs: 5 };
const COUNT = 6;

describe('a pool of emulated modems on one host', () => {
  let kit: PoolCore | null = null;
  afterEach(async () => {
    await kit?.close();
    kit = null;
  });

  it('gives every modem its own SIM, checks all at once, and never sends two at a time on one modem', async () => {
    kit = await poolCore(COUNT, TIMING);
    const { core, simIds, outgoing } = kit;
    expect(new Set(simIds).size).toBe(COUNT);
    for (const id of simIds) expect(id).toMatch(/^8986\d{16}$/);

    const progress: FleetCheckState[] = [];
    core.on('fleetCheck', (state) => progress.push(state));
    expect(await core.call('fleet.checkNow', { instructions: ['YE', 'CXYEG'] })).toEqual({ sims: COUNT });
    // One run at a time: a second is refused while this one runs.
    await expect(core.call('fleet.checkNow', { instructions: ['YE'] })).rejects.toMatchObject({ code: 'fleet.check-running' });
    const board = () => core.fleet.board.list();
    await waitFor(() => board().filter((s) => s.balance !== null && s.generalDataLeftMb !== null).length === COUNT, 'every SIM read');
    // The run ends once every SIM had both answers; on the way it told each SIM done, one by one.
    await waitFor(() => progress.at(-1)?.running === false, 'the run ended');
    expect(progress.at(-1)).toMatchObject({ running: false, total: COUNT, done: COUNT, answered: COUNT });
    expect(await core.call('fleet.checkState', {})).toMatchObject({ running: false, done: COUNT, answered: COUNT });
    const running = progress.filter((p) => p.running);
    expect(running[0]).toMatchObject({ total: COUNT, done: 0 });
    expect(new Set(running.map((p) => p.done))).toEqual(new Set(Array.from({ length: COUNT }, (_, i) => i)));

    // Per modem: each 'sending' is followed by that instruction's end before the next 'sending'.
    for (const simId of simIds) {
      const events = outgoing.filter((r) => r.simId === simId && ['sending', 'sent', 'failed', 'failed-retryable'].includes(r.state));
      let inFlight: string | null = null;
      for (const e of events) {
        if (e.state === 'sending') {
          expect(inFlight, `two sends at once on ${simId}`).toBeNull();
          inFlight = e.id;
        } else if (e.id === inFlight) inFlight = null;
      }
      expect(events.filter((e) => e.state === 'sent')).toHaveLength(2);
    }
    // Across modems: while one modem's first send was in flight, others had started theirs.
    const first = outgoing.find((r) => r.state === 'sending')!;
    const firstEnd = outgoing.findIndex((r) => r.id === first.id && r.state === 'sent');
    const startedMeanwhile = new Set(outgoing.slice(0, firstEnd).filter((r) => r.state === 'sending').map((r) => r.simId));
    expect(startedMeanwhile.size).toBeGreaterThan(1);

    // The figures are each SIM's own: the accounts differ (each modem has its own seed).
    expect(new Set(board().map((s) => s.balance)).size).toBeGreaterThan(1);
  });

  it('labels a SIM with a name, owner and phone number; labels and last figures are kept across a restart', async () => {
    kit = await poolCore(1, TIMING);
    const simId = kit.simIds[0]!;
    await kit.core.call('labels.set', { label: { simId, name: '前台', owner: '王芳', phone: '13800138000' } });
    await kit.core.call('fleet.checkNow', { instructions: ['YE'] });
    const balance = await waitFor(() => kit!.core.fleet.board.get(simId)?.balance, 'balance');
    expect(await kit.core.call('labels.list', {})).toEqual([{ simId, name: '前台', owner: '王芳', phone: '13800138000' }]);
    await kit.core.close();
    const reopened = await HallCore.create({ dataDir: kit.dir });
    kit.core = reopened;
    expect(await reopened.call('labels.list', {})).toEqual([{ simId, name: '前台', owner: '王芳', phone: '13800138000' }]);
    const [kept] = await reopened.call('fleet.sims', {});
    expect(kept).toMatchObject({ simId, balance, host: null, modemState: null, label: { name: '前台' } });
    // All fields empty: the label is gone.
    await kit.core.call('labels.set', { label: { simId, name: '', owner: '', phone: '' } });
    expect(await kit.core.call('labels.list', {})).toEqual([]);
  });
});
