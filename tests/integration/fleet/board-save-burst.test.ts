import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { HallCore } from '../../../src-main/core';
import type { SimMessage } from '../../../src-main/services/fleet/sim-board';
import type { IncomingRecord } from '../../../src-shared/journal-records';
import { loadCorpus } from '../../fixtures/replies/corpus';
import { waitFor } from './pool-kit';

/*
 * perf25: the board reads a burst's replies in slices after the core's event, so the stores get the messages and
 * the journal their acknowledgements meanwhile. But the board file's write, one second after the first slice
 * changed a SIM, asked the board for its list, which first read every reply still waiting, in that one turn:
 * 5,000 readings holding the core's thread for seconds (the UI burst fell from 5,269/s to 1,787/s as the reader
 * grew dearer). The write now takes what is read so far; the slices write the rest. Counted, not timed: the
 * replies the board has told when its write's timer fires, and right after. Real core, real data folder, real
 * replies (tests/fixtures/replies/real-dev.json, each with its public source).
 */
const corpus = loadCorpus(resolve(import.meta.dirname, '../../fixtures/replies/real-dev.json'));
const SIM = '89860012345678901234';
const T0 = Date.UTC(2025, 5, 1, 2);
const BURST = 1000;

function burst(): IncomingRecord[] {
  return Array.from({ length: BURST }, (_, i) => {
    const at = T0 + i * 1000;
    return { kind: 'in', key: `${SIM}|${at}`, simId: SIM, from: '10086', text: corpus[i % corpus.length]!.text, encoding: 'ucs2', timestamp: new Date(at).toISOString(), receivedAt: at, concat: null };
  });
}

const dirs: string[] = [];
afterEach(async () => {
  vi.useRealTimers();
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
});

describe("the board file's write during a burst (real core, real data folder)", () => {
  it('reads none of the replies still waiting; every reply is read and written in the end', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'hall-board-save-burst-'));
    dirs.push(dir);
    const core = await HallCore.create({ dataDir: dir, demo: false });
    const path = join(dir, 'sim-board.json');
    const told: SimMessage[] = [];
    core.fleet.board.on('message', (m) => told.push(m));
    let board: unknown[] = [];
    try {
      // Only the write's delay is held by the test; the board's slices (setImmediate) run as they do in the app.
      vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
      for (const r of burst()) core.emit('incoming', r);
      await new Promise((r) => setImmediate(r));
      const readBefore = told.length;
      expect(readBefore, 'the first slice read some').toBeGreaterThan(0);
      expect(readBefore, 'and left some waiting').toBeLessThan(BURST);
      vi.advanceTimersByTime(1000);
      expect(told.length, "the write's timer read no waiting reply").toBe(readBefore);
      // The write is under way; the later slices' writes are left to close (their timers, faked, are dropped here).
      vi.useRealTimers();
      const first = await waitFor(async () => (await readFile(path, 'utf8').catch(() => null)) ?? false, 'the first write');
      expect((JSON.parse(first) as { sims: { simId: string }[] }).sims.map((s) => s.simId)).toEqual([SIM]);
      await waitFor(() => told.length === BURST, 'every reply read', 100_000);
      board = core.fleet.board.list();
    } finally {
      // Writes what the last slices read (a write still due is made before close resolves).
      await core.close();
    }
    expect(told.map((m) => m.receivedAt), 'each once, in order').toEqual(burst().map((r) => r.receivedAt));
    const written = JSON.parse(await readFile(path, 'utf8')) as { sims: unknown[] };
    expect(written.sims, 'the board as read to the end').toEqual(JSON.parse(JSON.stringify(board)));
  }, 120_000);
});
