import { mkdtemp, open, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encodeLine, Journal, type IncomingMessage } from '../src-main/services/journal';
import { percentile, round, type Figure, type Section } from './harness';

const SINGLE_APPENDS = 300;
const BURST = 1_000;
const BURSTS = 10;
const REOPEN_RECORDS = 100_000;
const REOPEN_RUNS = 3;
const T0 = Date.UTC(2026, 0, 1);

/** A typical 10086 reply (UCS-2, ~60 characters), distinct for each `n`. */
function reply(n: number): IncomingMessage {
  return {
    simId: 'sim-1',
    from: '10086',
    text: `尊敬的客户，截至今日您的账户余额为 ${n % 1000}.00 元，本月已用流量 1.2GB，剩余 8.8GB。【中国移动】`,
    encoding: 'ucs2',
    timestamp: new Date(T0 + n * 1000).toISOString(),
    receivedAt: T0 + n * 1000,
    concat: null,
  };
}

async function withTempDir<T>(fn: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'hall-journal-bench-'));
  try {
    return await fn(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Appends one at a time, each awaited: one write + fsync per message. Returns per-append ms. */
async function singleAppends(dir: string): Promise<number[]> {
  const journal = await Journal.open(dir);
  const times: number[] = [];
  for (let n = 0; n < SINGLE_APPENDS; n++) {
    const t0 = performance.now();
    await journal.appendIncoming(reply(n));
    times.push(performance.now() - t0);
  }
  await journal.close();
  return times;
}

/** The same lines with a bare write + fsync each: what the journal's own work costs on top. */
async function rawWriteSync(dir: string): Promise<number> {
  const file = await open(join(dir, 'raw.log'), 'a');
  const t0 = performance.now();
  for (let n = 0; n < SINGLE_APPENDS; n++) {
    await file.write(encodeLine({ kind: 'in', key: String(n), ...reply(n) }));
    await file.sync();
  }
  const ms = performance.now() - t0;
  await file.close();
  return ms;
}

/** Bursts of concurrent appends: group commit shares one write + fsync per burst. Returns total ms. */
async function burstAppends(journal: Journal, from: number, bursts: number): Promise<number> {
  const t0 = performance.now();
  for (let b = 0; b < bursts; b++) {
    const base = from + b * BURST;
    await Promise.all(Array.from({ length: BURST }, (_, i) => journal.appendIncoming(reply(base + i))));
  }
  return performance.now() - t0;
}

export default async function journalBench(): Promise<Section> {
  const figures: Figure[] = [];

  const single = await withTempDir(singleAppends);
  const singleTotal = single.reduce((a, b) => a + b, 0);
  const raw = await withTempDir(rawWriteSync);
  figures.push(
    { name: `single appends (n=${SINGLE_APPENDS}), fsync each`, value: round((SINGLE_APPENDS / singleTotal) * 1000, 0), unit: 'appends/s' },
    { name: 'single append latency p50', value: round(percentile(single, 50), 3), unit: 'ms' },
    { name: 'single append latency p95', value: round(percentile(single, 95), 3), unit: 'ms' },
    { name: 'baseline: bare write + fsync', value: round((SINGLE_APPENDS / raw) * 1000, 0), unit: 'writes/s' },
  );

  const reopen = await withTempDir(async (dir) => {
    const journal = await Journal.open(dir);
    const burstMs = await burstAppends(journal, 0, BURSTS);
    await burstAppends(journal, BURSTS * BURST, REOPEN_RECORDS / BURST - BURSTS);
    await journal.close();
    const bytes = (await stat(join(dir, 'journal.log'))).size;
    const times: number[] = [];
    const untilClosed: number[] = [];
    for (let run = 0; run < REOPEN_RUNS; run++) {
      const t0 = performance.now();
      const reopened = await Journal.open(dir);
      times.push(performance.now() - t0);
      if (reopened.stats().pending !== REOPEN_RECORDS) throw new Error('reopen lost records');
      await reopened.close();
      untilClosed.push(performance.now() - t0);
    }
    return { burstMs, bytes, times, untilClosed };
  });
  figures.push(
    {
      name: `bursts of ${BURST} concurrent appends (×${BURSTS})`,
      value: round(((BURST * BURSTS) / reopen.burstMs) * 1000, 0),
      unit: 'appends/s',
    },
    { name: `reopen, ${REOPEN_RECORDS.toLocaleString('en')} pending records`, value: round(percentile(reopen.times, 50), 1), unit: 'ms (median of 3)' },
    // What a short CLI command pays: before mend41, close waited for the at-rest pass to read every line through the mask.
    { name: `reopen → closed at once, ${REOPEN_RECORDS.toLocaleString('en')} pending records`, value: round(percentile(reopen.untilClosed, 50), 1), unit: 'ms (median of 3)' },
    { name: 'journal size at reopen', value: round(reopen.bytes / 1024 / 1024, 1), unit: 'MiB' },
  );

  return {
    title: 'Journal (append + fsync, group commit, reopen)',
    figures,
    notes: [
      `temp dir: ${tmpdir()} — fsync cost depends on that disk; tmpfs makes it nearly free`,
      'reopen = read + CRC check + JSON parse + schema check of every line, then replay',
    ],
  };
}
