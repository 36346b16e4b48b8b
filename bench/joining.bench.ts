import { assembleRecords } from '../src-shared/assemble';
import { createRng } from '../src-main/emulator/rng';
import type { IncomingRecord } from '../src-shared/journal-records';
import { Reassembler } from '../src-renderer/store/reassembly';
import { percentile, round, type Figure, type Section } from './harness';

const T0 = Date.UTC(2026, 0, 1);

function record(simId: string, from: string, ref: number, total: number, part: number, stampMs: number, receivedAt: number, text: string): IncomingRecord {
  const timestamp = new Date(stampMs).toISOString();
  return {
    kind: 'in',
    key: `${simId}|${from}|${timestamp}|${ref}|${total}|${part}|*`,
    simId,
    from,
    text,
    encoding: 'ucs2',
    timestamp,
    receivedAt,
    concat: { ref, total, part },
  };
}

/**
 * `n` parts under one group key (SIM, sender, reference, part count): two-part replies under reference 77, one every
 * 5 s, their parts read in order; a flood of one reference, the worst case of a joiner that compares each part with
 * every message of its group.
 */
function oneGroup(n: number): IncomingRecord[] {
  return Array.from({ length: n }, (_, i) => {
    const sending = i >> 1;
    const at = T0 + sending * 5000;
    return record('sim-1', '10086', 77, 2, (i % 2) + 1, at, at + (i % 2) * 300, `余额 ${sending}.00 元，第${(i % 2) + 1}段`);
  });
}

/**
 * A realistic mix of `n` parts: 16 SIMs, three senders, 8-bit references counting up per sender and SIM (so reused
 * every 256 sendings), 2 to 4 parts a sending, a sending a minute per SIM over days, parts stamped up to 6 s apart and
 * read up to a minute late, some out of order, one part in 50 lost.
 */
function mix(n: number): IncomingRecord[] {
  const random = createRng(30).next;
  const senders = ['10086', '10010', '1065840'];
  const refs = new Map<string, number>();
  const out: IncomingRecord[] = [];
  for (let s = 0; out.length < n; s++) {
    const simId = `sim-${s % 16}`;
    const from = senders[Math.floor(random() * senders.length)]!;
    const ref = refs.get(`${simId}|${from}`) ?? 0;
    refs.set(`${simId}|${from}`, (ref + 1) % 256);
    const total = 2 + Math.floor(random() * 3);
    const stamp = T0 + Math.floor(s / 16) * 60_000 + Math.floor(random() * 50_000);
    for (let part = 1; part <= total && out.length < n; part++) {
      if (random() < 0.02) continue;
      out.push(record(simId, from, ref, total, part, stamp + part * Math.floor(random() * 3000), stamp + 2000 + Math.floor(random() * 60_000), `第${s}条第${part}段`));
    }
  }
  return out;
}

/**
 * A bulk sender's `n` parts: two-part messages under one reference, about 7 a second (the service centre stamps each
 * when it takes it in), every part 1 read before every part 2: every part 2 has every message still free to look at.
 */
function firstPartsFirst(n: number): IncomingRecord[] {
  const half = n >> 1;
  return [1, 2].flatMap((part) =>
    Array.from({ length: half }, (_, s) => record('sim-1', '1065', 7, 2, part, T0 + Math.floor(s / 7) * 1000, T0 + ((part - 1) * half + s) * 150, `第${s}条第${part}段`)),
  );
}

/**
 * A flood under one stamp (a fake base station's, or a service centre stamping one clock value): `n` two-part messages
 * under one reference, every part 1 read first, all stamped the same second: every part 2 ties with every message still
 * lacking its part 2, and each of them is marked (review29, mend34).
 */
function oneStamp(n: number): IncomingRecord[] {
  return firstPartsFirst(n).map((r, i) => ({ ...r, key: `${r.key}#${i}`, timestamp: new Date(T0).toISOString() }));
}

function timed(runs: number, fn: () => unknown): number[] {
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  return times;
}

/** The page's store places a batch part by part, then takes the messages it changed (and marked) to store them. */
function placeAll(records: readonly IncomingRecord[]): void {
  const reassembler = new Reassembler([]);
  for (const r of records) reassembler.place(r);
  reassembler.changedGenerations();
}

export default async function joiningBench(): Promise<Section> {
  const figures: Figure[] = [];
  const row = (name: string, runs: number, fn: () => unknown) =>
    figures.push({ name: `${name}, p50 of ${runs}`, value: round(percentile(timed(runs, fn), 50), 2), unit: 'ms' });
  for (const [n, runs] of [[100, 20], [1_000, 5], [10_000, 3]] as const) {
    const parts = oneGroup(n);
    row(`assembleRecords, ${n.toLocaleString('en')} parts under one group key`, runs, () => assembleRecords(parts));
  }
  for (const [n, runs] of [[1_000, 5], [10_000, 3]] as const) {
    const parts = mix(n);
    row(`assembleRecords, ${n.toLocaleString('en')} parts, 16 SIMs, 3 senders, references reused`, runs, () => assembleRecords(parts));
  }
  for (const [n, runs] of [[100, 20], [1_000, 3], [10_000, 3]] as const) {
    const parts = oneGroup(n);
    row(`page's Reassembler placing ${n.toLocaleString('en')} parts under one group key one by one`, runs, () => placeAll(parts));
  }
  const parts = mix(10_000);
  row(`page's Reassembler placing 10,000 parts of the mix one by one`, 3, () => placeAll(parts));
  const bulk = firstPartsFirst(2_000);
  row(`assembleRecords, a bulk sender's 1,000 part 1s then their part 2s, one reference`, 5, () => assembleRecords(bulk));
  row(`page's Reassembler placing a bulk sender's 1,000 part 1s then their part 2s, one reference`, 3, () => placeAll(bulk));
  for (const n of [1_000, 4_000]) {
    const flood = oneStamp(n);
    row(`assembleRecords, a flood of ${(n / 2).toLocaleString('en')} part 1s then their part 2s under one stamp, one reference`, 3, () => assembleRecords(flood));
  }
  const flood = oneStamp(2_000);
  row(`page's Reassembler placing a flood of 1,000 part 1s then their part 2s under one stamp, one reference`, 3, () => placeAll(flood));
  return {
    title: 'Joining long messages (assembleRecords: journal, board, CLI, extension; the page\'s Reassembler)',
    figures,
    notes: ['one call joins every part given, from nothing: what a journal open or a board seed does'],
  };
}
