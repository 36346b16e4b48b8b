import { runSoak, type SoakSample } from '../tests/crash/soak-run';
import { round, type Section } from './harness';

const DURATION_S = Number(process.env.HALL_SOAK_SECONDS ?? 3600);
const SEED = 10086;
const MB = 1e6;

const handles = (s: SoakSample) => Object.entries(s.handles).map(([t, n]) => `${t} ${n}`).join(', ') || 'none';

/** Issue 8 §3: an hour of checks, sends and faults; memory, handles and the journal must stay flat. */
export default async function soakBench(): Promise<Section> {
  const r = await runSoak({ durationMs: DURATION_S * 1000, seed: SEED });
  const faults = Object.entries(r.faults).map(([k, n]) => `${k} ×${n}`).join(', ');
  return {
    title: `Soak (${DURATION_S} s; HALL_SOAK_SECONDS sets it, default 3600; seed ${SEED})`,
    figures: [
      { name: 'scheduled checks (YE + CXYEG)', value: r.checks },
      { name: 'random sends', value: r.randomSends },
      { name: 'parts stored and acknowledged', value: r.partsStored },
      { name: 'faults injected', value: Object.values(r.faults).reduce((a, b) => a + b, 0) },
      { name: 'settled afterwards', value: r.settled ? 'yes' : 'no', target: 'yes', pass: r.settled },
      { name: 'heapUsed after GC: start → end', value: `${round(r.baseline.heapUsed / MB, 1)} → ${round(r.final.heapUsed / MB, 1)}`, unit: 'MB' },
      { name: 'heapUsed slope (after warm-up)', value: round(r.heapSlopePerHour / MB, 2), unit: 'MB/h' },
      { name: 'rss: start → end', value: `${round(r.baseline.rss / MB, 1)} → ${round(r.final.rss / MB, 1)}`, unit: 'MB' },
      { name: 'rss slope (after warm-up)', value: round(r.rssSlopePerHour / MB, 2), unit: 'MB/h' },
      { name: 'handles: start → end', value: `${handles(r.baseline)} → ${handles(r.final)}` },
      { name: 'open file descriptors: start → end', value: `${r.baseline.fds} → ${r.final.fds}`, target: 'equal', pass: r.baseline.fds === r.final.fds },
      { name: 'journal.log: largest seen', value: round(r.maxJournalBytes / 1024, 1), unit: 'KiB' },
      { name: 'journal.log after final compaction', value: round(r.final.journalBytes / 1024, 1), unit: 'KiB' },
      { name: 'parts pending acknowledgement at the end', value: r.final.pending, target: '0', pass: r.final.pending === 0 },
    ],
    notes: [`faults: ${faults}`, `instructions left for the user (failed-retryable): ${r.outgoing['failed-retryable'] ?? 0}`],
  };
}
