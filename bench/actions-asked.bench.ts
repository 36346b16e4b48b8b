import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { actionsIn } from '../src-renderer/store/actions-asked';
import type { MessageRow } from '../src-renderer/store/rows';
import { percentile, round, type Section } from './harness';

/*
 * What a reply's menu buttons cost at every write the thread's live query wakes for (ReplyNotes' useActionsAsked): the
 * peer's replies of the last week, read for what a number sent back may do. Before mend28 every one of them was read
 * again at every write; now each once. The texts are the real replies of tests/fixtures/replies/real-dev.json, in turn.
 */
const STORED = 1_000;
const RUNS = 20;
const T0 = Date.UTC(2026, 11, 1);

const real = (JSON.parse(readFileSync(join(import.meta.dirname, '../tests/fixtures/replies/real-dev.json'), 'utf8')) as { text: string }[]).map((e) => e.text);

function rows(prefix: string, count: number): MessageRow[] {
  return Array.from({ length: count }, (_, n) => ({
    id: `${prefix}-${n}`,
    simId: 'sim-1',
    direction: 'in',
    peer: '10086',
    text: real[n % real.length]!,
    state: 'received',
    at: T0 + n * 60_000,
    read: 1,
    partKeys: [`k${n}`],
    complete: true,
    total: 1,
    received: 1,
  }) as MessageRow);
}

function timed(run: () => void): number {
  const t0 = performance.now();
  run();
  return performance.now() - t0;
}

export default async function bench(): Promise<Section> {
  // Every row new to the reading kept: what every write cost before (each stored reply read again).
  const everyTime = Array.from({ length: RUNS }, (_, r) => timed(() => actionsIn(rows(`cold${r}`, STORED))));
  // The same week with one reply more, as the live query hands it after a write: only the new one is read.
  const week = rows('warm', STORED + RUNS);
  actionsIn(week.slice(0, STORED));
  const once = Array.from({ length: RUNS }, (_, r) => timed(() => actionsIn(week.slice(0, STORED + r + 1))));
  return {
    title: `Reply buttons: what a peer's week of ${STORED} stored replies asks, per write (real-dev.json texts)`,
    figures: [
      { name: `all ${STORED} read (before mend28: at every write), median of ${RUNS}`, value: round(percentile(everyTime, 50), 1), unit: 'ms' },
      { name: `after one more reply, each read once (now), median of ${RUNS}`, value: round(percentile(once, 50), 2), unit: 'ms' },
    ],
  };
}
