import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { HallCore } from '../../../src-main/core';
import { ModemEmulator } from '../../../src-main/emulator/modem';
import { startPtyEmulator } from '../../../src-main/emulator/pty';
import type { FleetSim } from '../../../src-shared/api/contract';
import { encodeDeliver, encodeDeliverParts } from '../../../src-shared/pdu';
import { FAST } from '../session-kit';
import { waitFor } from './pool-kit';

/*
 * fleet25: the fleet board (the Overview's fleet table, MQTT, Prometheus) across a restart of the core. journal23's
 * late clash: two long replies of one reference and second read A1, B2, A2, B1. A1+B2 is whole first and its figures
 * are read; B1, coming below A2, shows both possibly joined wrong, and A1+B2's figures are withdrawn. Here the core
 * is closed after A1, B2 and started again on the same data folder (its journal.log and sim-board.json on disk)
 * before A2, B1 come. The board must show after the restart what it showed before, and end as a board that never
 * restarted ends. Real `HallCore`, the emulator on a real pseudo-terminal (socat), serialport's own binding. Both
 * long texts are real (real-dev.json r15-153 and r15-183); their reference and stamp are written for the test.
 */
const real = JSON.parse(readFileSync(join(import.meta.dirname, '../../fixtures/replies/real-dev.json'), 'utf8')) as { id: string; text: string }[];
const BILL = real.find((x) => x.id === 'r15-153')!.text;
const DATA = real.find((x) => x.id === 'r15-183')!.text;
const BEFORE = '尊敬的客户，您的话费余额为35.20元。【中国移动】';
const ICCID = '89860012345670002525';

const at = (second: number) => new Date(Date.UTC(2026, 11, 6, 0, 0, second));
const single = (text: string, second: number) => encodeDeliver({ from: '10086', text, timestamp: at(second), tzQuarterHours: 32, smsc: '+8613800100500' }).hex;
const long = (text: string) => encodeDeliverParts({ from: '10086', text, timestamp: at(7), tzQuarterHours: 32, smsc: '+8613800100500', concatRef: 77 }).map((p) => p.hex);

/** What a row shows of the SIM (the modem it is in, its state, signal and registration are the connection's, and each run has a pty of its own). */
const shown = ({ modemState: _s, signal: _g, registration: _r, modemId: _m, ...rest }: FleetSim) => rest;

describe('the fleet board across a restart of the core (real journal on disk, real pty)', () => {
  const cleanup: (() => Promise<unknown>)[] = [];
  afterEach(async () => {
    for (const c of cleanup.splice(0).reverse()) await c().catch(() => undefined);
  });

  /**
   * A1, B2 (and the single 35.20 reply before them), then, after a restart of the core when `restart`, A2, B1. With
   * `acknowledged`, a store has taken every part before the restart: the journal keeps them only masked.
   */
  async function lateClash(restart: boolean, acknowledged: boolean) {
    const dir = await mkdtemp(join(tmpdir(), 'hall-board-restart-'));
    cleanup.push(() => rm(dir, { recursive: true, force: true }));
    const emulator = new ModemEmulator({ ...FAST, sim: { iccid: ICCID, imsi: '460001234562525' } });
    const pty = await startPtyEmulator({ emulator });
    cleanup.push(() => pty.close());
    const open = async () => {
      const core = await HallCore.create({ dataDir: dir, demo: false });
      cleanup.push(() => core.close());
      return core;
    };
    const connect = async (core: HallCore) => {
      await core.call('modem.connect', { path: pty.path });
      await waitFor(async () => (await core.call('modem.list', {})).some((m) => m.state === 'ready' && m.simId === ICCID), 'the modem ready');
    };
    const row = async (core: HallCore) => (await core.call('fleet.sims', {})).find((s) => s.simId === ICCID);
    let core = await open();
    await connect(core);
    let journaled = 0;
    const deliver = async (hex: string) => {
      emulator.deliverPdu(hex);
      journaled += 1;
      await waitFor(() => core.journal.pendingIncoming().length === journaled, `part ${journaled} journaled`);
    };
    const [a1, a2] = long(BILL);
    const [b1, b2] = long(DATA);
    await deliver(single(BEFORE, 0));
    const before = await waitFor(async () => (await row(core))?.balance === 35.2 && (await row(core))!, 'the 35.20 reply read');
    await deliver(a1!);
    await deliver(b2!);
    // A1+B2 is whole and nothing shows it mixed yet: its balance (A's 1.74) is on the board.
    const mixed = await waitFor(async () => (await row(core))?.balance === 1.74 && (await row(core))!, 'A1+B2 read');
    let afterRestart: FleetSim | undefined;
    if (acknowledged) {
      await core.call('journal.ack', { keys: core.journal.pendingIncoming().map((r) => r.key) });
      journaled = 0;
    }
    if (restart) {
      await core.close();
      core = await open();
      afterRestart = await row(core);
      await connect(core);
    }
    await deliver(a2!);
    await deliver(b1!);
    await waitFor(async () => (await row(core))?.balance !== 1.74, 'the board to read A2 and B1', 10_000).catch(() => undefined);
    return { before: shown(before), mixed: shown(mixed), afterRestart: afterRestart && shown(afterRestart), end: shown((await row(core))!) };
  }

  it.each([
    ['not yet in a store', false],
    ['taken by a store (the journal keeps them masked)', true],
  ])('A1, B2 | restart | A2, B1, the parts %s: the board shows after the restart what it showed before, and the figures A1+B2 gave are withdrawn as without a restart', async (_when, acknowledged) => {
    const unbroken = await lateClash(false, acknowledged);
    expect(unbroken.end, 'without a restart, the late clash withdraws A1+B2\'s figures').toEqual(unbroken.before);
    const restarted = await lateClash(true, acknowledged);
    expect(restarted.mixed.balance).toBe(1.74);
    expect(restarted.afterRestart, 'the board after the restart, before any modem is connected, shows what it showed before').toEqual(restarted.mixed);
    expect(restarted.end, 'after the restart, the late clash withdraws A1+B2\'s figures as it does without one').toEqual(unbroken.end);
    expect([restarted.end.balance, restarted.end.asOf, restarted.end.lastUpdate, restarted.end.zoneMin]).toEqual([35.2, restarted.before.asOf, restarted.before.lastUpdate, restarted.before.zoneMin]);
  }, 120_000);
});
