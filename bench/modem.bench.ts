import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEmulatorBinding, DEMO_PATH } from '../src-main/emulator/binding';
import { INSTANT_TIMING } from '../src-main/emulator/options';
import { Journal } from '../src-main/services/journal';
import { ModemSession } from '../src-main/services/modem/session';
import { assembleRecords } from '../src-shared/assemble';
import type { IncomingRecord } from '../src-shared/journal-records';
import { percentile, round, type Figure, type Section } from './harness';

const BAUD = 115_200;
const LINE_BYTES_PER_S = BAUD / 10;
const STORED = 1_000;
const ROUND_TRIPS = 200;

async function withSession<T>(emulatorOptions: Parameters<typeof createEmulatorBinding>[0], work: (s: ModemSession, binding: ReturnType<typeof createEmulatorBinding>) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'hall-bench-'));
  const journal = await Journal.open(dir);
  const binding = createEmulatorBinding(emulatorOptions);
  const session = new ModemSession({ modemId: 'bench', path: DEMO_PATH, demo: true, journal, binding });
  try {
    return await work(session, binding);
  } finally {
    await session.close();
    await journal.close();
    binding.emulator.dispose();
    await rm(dir, { recursive: true, force: true });
  }
}

/** 1,000 SIM slots, a third of them parts of long UCS2 replies, read and deleted over a 115,200-baud line. */
async function drain(): Promise<Figure[]> {
  const options = { emulatorOptions: { ...INSTANT_TIMING, baud: BAUD, capacity: { SM: STORED + 50 } } };
  return withSession(options, async (session, binding) => {
    const emu = binding.emulator;
    const long = '尊敬的客户，您本月套餐内国内通用流量总量10240.00M，已使用3021.20M，剩余7218.80M；夜间闲时流量总量80.00G，已使用20.84G。【中国移动】';
    // One message in six is a two-part UCS2 reply: with the parts, about a third of the slots.
    let planned = 0;
    for (let i = 0; planned < STORED; i++) {
      const multipart = i % 6 === 0 && STORED - planned >= 2;
      // A SIM fills up over days: each message has its own service-centre time.
      const timestamp = new Date(Date.UTC(2026, 9, 1) + i * 60_000);
      emu.deliver('10086', multipart ? long : `您的账户余额为${(i % 97) + 0.5}元。`, { order: 'shuffled', partGapMs: 0, timestamp });
      planned += multipart ? 2 : 1;
    }
    while (emu.sim.messages.length < STORED) await new Promise((r) => setTimeout(r, 5));
    let bytes = 0;
    let counting = false;
    emu.onData((chunk) => {
      if (counting) bytes += chunk.length;
    });
    const parts: IncomingRecord[] = [];
    session.on('incoming', (r) => parts.push(r));
    const hold = emu.sim.messages.length;
    const t0 = performance.now();
    counting = true;
    await session.open();
    const elapsed = (performance.now() - t0) / 1000;
    const lineTime = bytes / LINE_BYTES_PER_S;
    const messages = assembleRecords(parts);
    return [
      { name: 'SIM slots journaled (of them multipart UCS2 parts)', value: `${parts.length} of ${hold} (${parts.filter((p) => p.concat).length})` },
      { name: 'messages after reassembly / incomplete', value: `${messages.length} / ${messages.filter((m) => !m.complete).length}` },
      { name: 'left on the SIM', value: emu.sim.messages.length },
      { name: 'bytes modem → host', value: bytes },
      { name: 'open (probe, ~20 commands) + drain time', value: round(elapsed, 2), unit: 's' },
      { name: 'line-rate time for those bytes', value: round(lineTime, 2), unit: 's' },
      { name: 'drain speed as a fraction of line rate', value: `${round((lineTime / elapsed) * 100, 1)} %`, target: '≥ 80 %', pass: lineTime / elapsed >= 0.8 },
    ];
  });
}

/** send YE → the whole reply in the journal, with a modem and network that take no time at all. */
async function roundTrip(): Promise<Figure[]> {
  // Hundreds of replies a second, each long one with a random reference (0–255), would repeat a
  // reference within one second: the journal takes such a part for the network delivering it twice.
  // The emulated network's clock therefore moves a second per reading, as real replies are seconds apart.
  let tick = 0;
  const clock = () => new Date(Date.UTC(2026, 10, 25, 1, 0, 0) + 1000 * tick++);
  return withSession({ emulatorOptions: { ...INSTANT_TIMING, clock } }, async (session) => {
    await session.open();
    const times: number[] = [];
    for (let i = 0; i < ROUND_TRIPS + 20; i++) {
      const t0 = performance.now();
      const done = new Promise<void>((resolve) => {
        const parts: IncomingRecord[] = [];
        const off = session.on('incoming', (r) => {
          parts.push(r);
          if (assembleRecords(parts).some((m) => m.complete)) {
            off();
            resolve();
          }
        });
      });
      await session.send('10086', 'YE', 'YE');
      await done;
      if (i >= 20) times.push(performance.now() - t0);
    }
    const p95 = percentile(times, 95);
    return [
      { name: `round trip send YE → reply journaled, p50 (n=${ROUND_TRIPS})`, value: round(percentile(times, 50), 2), unit: 'ms' },
      { name: 'round trip p95', value: round(p95, 2), unit: 'ms', target: '≤ 20 ms', pass: p95 <= 20 },
    ];
  });
}

export default async function modemBench(): Promise<Section> {
  const figures = [...(await roundTrip()), ...(await drain())];
  return {
    title: 'Modem session over the emulator (in-process serialport binding, journal with fsync)',
    figures,
    notes: ['The round trip includes encoding, AT+CMGS, the emulated network, +CMTI, AT+CMGR, decoding, the journal fsync and AT+CMGD.'],
  };
}
