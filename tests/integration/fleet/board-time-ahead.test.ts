import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { HallCore } from '../../../src-main/core';
import { ModemEmulator } from '../../../src-main/emulator/modem';
import { startPtyEmulator } from '../../../src-main/emulator/pty';
import { emptySimState } from '../../../src-shared/fleet/sim-state';
import { encodeDeliver } from '../../../src-shared/pdu';
import { FAST } from '../session-kit';
import { waitFor } from './pool-kit';

/*
 * review27: a sim-board.json row whose figure's time lies ahead of now: written while the machine's clock ran years
 * ahead (a flat clock battery, a wrong NTP server), or by a hand. It is the board's shape (review26 keeps it), and
 * a figure is replaced only by a reply written after it: no reply could ever be, so the kept balance stayed on the
 * Overview, MQTT and /metrics, the latest 10086 reply's ignored. Real `HallCore` on a real data folder, the emulator
 * on a real pseudo-terminal (socat), serialport's own binding. The reply's wording is written for the test.
 */
const ICCID = '89860012345670002525';
const AHEAD = Date.UTC(2036, 0, 1);
const REPLY = '尊敬的客户，您的话费余额为35.20元。【中国移动】';

describe('a kept figure stamped ahead of the clock (real core, real pty)', () => {
  const cleanup: (() => Promise<unknown>)[] = [];
  afterEach(async () => {
    for (const c of cleanup.splice(0).reverse()) await c().catch(() => undefined);
  });

  /** A data folder whose sim-board.json holds a balance of 88.88 as of `keptAt`; the core reading it, the modem on a pty. */
  async function keptAhead(keptAt: number) {
    const dir = await mkdtemp(join(tmpdir(), 'hall-board-ahead-'));
    cleanup.push(() => rm(dir, { recursive: true, force: true }));
    const kept = { ...emptySimState(ICCID), balance: 88.88, lastUpdate: keptAt, asOf: { balance: keptAt, data: null, minutes: null, points: null } };
    await writeFile(join(dir, 'sim-board.json'), JSON.stringify({ version: 1, sims: [kept] }));
    const emulator = new ModemEmulator({ ...FAST, sim: { iccid: ICCID, imsi: '460001234562525' } });
    const pty = await startPtyEmulator({ emulator });
    cleanup.push(() => pty.close());
    const core = await HallCore.create({ dataDir: dir, demo: false });
    cleanup.push(() => core.close());
    const row = async () => (await core.call('fleet.sims', {})).find((s) => s.simId === ICCID);
    const keptRow = await row();
    await core.call('modem.connect', { path: pty.path });
    await waitFor(async () => (await core.call('modem.list', {})).some((m) => m.state === 'ready' && m.simId === ICCID), 'the modem ready');
    const read = new Promise((resolve) => core.fleet.board.on('message', (m) => m.kind === 'figures' && resolve(m)));
    return { emulator, row, keptRow, read };
  }

  it('does not hold back the replies that come after: the newest 10086 balance replaces it', async () => {
    const { emulator, row, keptRow, read } = await keptAhead(AHEAD);
    expect(keptRow?.balance, 'the kept row is read').toBe(88.88);
    const stamp = new Date(Math.floor(Date.now() / 1000) * 1000 - 60_000);
    emulator.deliverPdu(encodeDeliver({ from: '10086', text: REPLY, timestamp: stamp, tzQuarterHours: 32, smsc: '+8613800100500' }).hex);
    await read;
    const now = await row();
    expect(now?.balance).toBe(35.2);
    // As of the reply (its arrival, or its stamp when late): no time ahead of the clock is shown.
    expect([now!.asOf.balance! <= Date.now(), now!.lastUpdate! <= Date.now()]).toEqual([true, true]);
  }, 60_000);

  /*
   * review28: the other side of review27's rule. A board with no clock battery starts with its clock behind until its
   * time server answers; its kept rows, written with the right time, then all lie "ahead". A reply read in that window
   * that the service centre stamped days before the kept figure (delivered late, or the network's repeat) took the row
   * under review27's rule: the older balance shown as the latest. The service centre's stamp, far ahead of this clock,
   * says the clock is behind: the kept time then holds as written.
   */
  it('a reply stamped before the kept figure never replaces it while this clock is behind the service centre', async () => {
    // The real time is 10 days after this clock's; the kept balance was read an hour before it.
    const real = Math.floor(Date.now() / 1000) * 1000 + 10 * 24 * 3600_000;
    const keptAt = real - 3600_000;
    const { emulator, row, read } = await keptAhead(keptAt);
    // Written three days before the kept balance, delivered now.
    emulator.deliverPdu(encodeDeliver({ from: '10086', text: REPLY, timestamp: new Date(real - 3 * 24 * 3600_000), tzQuarterHours: 32, smsc: '+8613800100500' }).hex);
    await read;
    const now = await row();
    expect([now?.balance, now?.asOf.balance]).toEqual([88.88, keptAt]);
  }, 60_000);

  /*
   * read21: review28's rule held back the fresh reply as well. Its arrival by this clock (behind) is before every kept
   * time written with the right one, so a top-up's new balance never took the row. While the clock is behind, the
   * service centre's stamp tells a fresh reply from a stale one.
   */
  it('a reply stamped after the kept figure replaces it while this clock is behind the service centre', async () => {
    const real = Math.floor(Date.now() / 1000) * 1000 + 10 * 24 * 3600_000;
    const keptAt = real - 3600_000;
    const { emulator, row, read } = await keptAhead(keptAt);
    // Written by the service centre 30 s ago (its time), i.e. after the kept balance.
    const stamp = real - 30_000;
    emulator.deliverPdu(encodeDeliver({ from: '10086', text: REPLY, timestamp: new Date(stamp), tzQuarterHours: 32, smsc: '+8613800100500' }).hex);
    await read;
    const now = await row();
    // As of the service centre's stamp: the kept figure's scale, not this clock's.
    expect([now?.balance, now?.asOf.balance]).toEqual([35.2, stamp]);
  }, 60_000);
});
