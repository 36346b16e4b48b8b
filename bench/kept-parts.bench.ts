import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Journal, type IncomingMessage } from '../src-main/services/journal';
import { mixedUpSendings, type PlacedSending } from '../src-shared/sending-order';
import { percentile, round, type Figure, type Section } from './harness';

/** Parts of 2-part replies, acknowledged: as many as the journal keeps by default. */
const PARTS = 5_000;
const ASKED = 200;
const RUNS = 20;
const T0 = Date.UTC(2026, 0, 1);
const NOW = T0 + 3_600_000;
const FLOOD = 1_000;
const FLOOD_RUNS = 5;

/** Part `n % 2 + 1` of reply `n >> 1`: a 10086 balance reply cut in two (UCS-2, ~60 characters a part). */
function part(n: number): IncomingMessage {
  const reply = n >> 1;
  return {
    simId: 'sim-1',
    from: '10086',
    text: n % 2 === 0 ? `尊敬的客户，截至今日您的账户余额为 ${reply % 1000}.00 元，本月已用流量 1.2GB，` : '剩余 8.8GB，服务密码请勿告诉他人。【中国移动】',
    encoding: 'ucs2',
    timestamp: new Date(T0 + reply * 1000).toISOString(),
    receivedAt: T0 + reply * 1000,
    concat: { ref: reply, total: 2, part: (n % 2) + 1 },
  };
}

/** Journals and acknowledges PARTS parts, compacts, and measures what keeping them costs. */
async function measure(keptPartsMax: number): Promise<{ bytes: number; compactMs: number; askMs: number[] }> {
  const dir = await mkdtemp(join(tmpdir(), 'hall-kept-bench-'));
  try {
    const journal = await Journal.open(dir, { now: () => NOW, keptPartsMax });
    const keys = await Promise.all(Array.from({ length: PARTS }, (_, n) => journal.appendIncoming(part(n)).then((r) => r.key)));
    await journal.ack(keys);
    const t0 = performance.now();
    await journal.compact();
    const compactMs = performance.now() - t0;
    const bytes = (await stat(join(dir, 'journal.log'))).size;
    // Every other reply asked for: the worst case of a store holding 200 incomplete messages.
    const asked = Array.from({ length: ASKED }, (_, i) => ({ simId: 'sim-1', from: '10086', ref: i * 2, total: 2, at: T0 + i * 2000 }));
    const askMs: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const t1 = performance.now();
      const found = journal.partsOf(asked);
      askMs.push(performance.now() - t1);
      if (keptPartsMax >= PARTS && found.length !== ASKED * 2) throw new Error(`found ${found.length} parts, expected ${ASKED * 2}`);
    }
    await journal.close();
    return { bytes, compactMs, askMs };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * One call of the "may be joined wrong" rule over `n` sendings of one group (a part 1 each, under one reference):
 * what every later part on that SIM costs the page's Reassembler, the board and the journal's reader when someone
 * sends that many parts under one reference (read20). `spread`: texts differ, stamped a second apart; `repeats`: all
 * the same text and second (an exact repeat is never marked, so nothing cuts the comparison short); `one stamp` and
 * `one unreadable stamp`: texts differ, every part under one stamp (a fake base station, a modem that stamps one
 * clock value or nothing: every part in reach of every other, mend34).
 */
function floodMs(n: number, kind: 'spread' | 'repeats' | 'one stamp' | 'one unreadable stamp'): number[] {
  const stamp = (i: number) => (kind === 'one unreadable stamp' ? 'not a time' : new Date(T0 + (kind === 'spread' ? i * 1000 : 0)).toISOString());
  const sendings: PlacedSending[] = Array.from({ length: n }, (_, i) => ({
    group: 'sim-1|10086|77|2',
    encoding: 'ucs2',
    parts: [{ part: 1, text: kind === 'repeats' ? '尊敬的客户，' : `尊敬的客户 ${i}，`, stamp: stamp(i) }],
  }));
  const times: number[] = [];
  for (let run = 0; run < FLOOD_RUNS; run++) {
    const t0 = performance.now();
    mixedUpSendings(sendings, (s) => s);
    times.push(performance.now() - t0);
  }
  return times;
}

export default async function keptPartsBench(): Promise<Section> {
  const kept = await measure(PARTS);
  const keysOnly = await measure(0);
  const figures: Figure[] = [
    { name: `journal after compaction, ${PARTS.toLocaleString('en')} parts kept`, value: round(kept.bytes / 1024, 1), unit: 'KiB' },
    { name: 'baseline: the same, keys only (keptPartsMax 0)', value: round(keysOnly.bytes / 1024, 1), unit: 'KiB' },
    { name: 'compaction, parts kept (masking included)', value: round(kept.compactMs, 1), unit: 'ms' },
    { name: 'baseline: compaction, keys only', value: round(keysOnly.compactMs, 1), unit: 'ms' },
    { name: `journal.parts for ${ASKED} messages, p50 of ${RUNS}`, value: round(percentile(kept.askMs, 50), 2), unit: 'ms' },
    { name: `journal.parts for ${ASKED} messages, p95 of ${RUNS}`, value: round(percentile(kept.askMs, 95), 2), unit: 'ms' },
    { name: `may be joined wrong, ${FLOOD.toLocaleString('en')} sendings of one reference, texts differ, p50 of ${FLOOD_RUNS}`, value: round(percentile(floodMs(FLOOD, 'spread'), 50), 2), unit: 'ms' },
    { name: `may be joined wrong, ${FLOOD.toLocaleString('en')} exact repeats of one second, p50 of ${FLOOD_RUNS}`, value: round(percentile(floodMs(FLOOD, 'repeats'), 50), 2), unit: 'ms' },
    ...[FLOOD, FLOOD * 10].flatMap((n) =>
      (['one stamp', 'one unreadable stamp'] as const).map((kind) => ({
        name: `may be joined wrong, ${n.toLocaleString('en')} sendings of one reference under ${kind}, texts differ, p50 of ${FLOOD_RUNS}`,
        value: round(percentile(floodMs(n, kind), 50), 2),
        unit: 'ms',
      })),
    ),
  ];
  return {
    title: 'Kept parts of long messages (journal.parts for a profile that missed some)',
    figures,
    notes: ['the answer masks secrets on every call (the built-in catalog detector here); the journal fsyncs to the temp dir'],
  };
}
