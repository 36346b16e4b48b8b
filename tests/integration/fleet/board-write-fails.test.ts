import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { HallCore } from '../../../src-main/core';
import { seedFleet } from './seed-fleet';
import { waitFor } from './pool-kit';

/*
 * review28: a write of sim-board.json that failed (a full disk, a read-only folder) was silent
 * (`Fleet.saveBoard`'s `.catch(() => undefined)`): a restart then showed older figures without a word. Now it is
 * said once in Chinese and English (as extension-replies.json's is), the board in memory answers all the same, and
 * the next change writes it whole. Real core, real data folder: a folder put in the file's place after the start
 * (the load found none, so the board is written as usual) refuses every write.
 */
const dirs: string[] = [];
afterEach(async () => {
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
});

async function coreWithBoardBlocked() {
  const dir = await mkdtemp(join(tmpdir(), 'hall-board-write-'));
  dirs.push(dir);
  const core = await HallCore.create({ dataDir: dir, demo: false });
  const notices: { zh: string; en: string }[] = [];
  core.on('notice', (n) => notices.push(n));
  const path = join(dir, 'sim-board.json');
  await mkdir(path);
  const said = () => notices.filter((n) => n.en.includes('SIM board could not be written'));
  return { core, path, said };
}

describe('a write of sim-board.json that fails (real core, real data folder)', () => {
  it('is said once in both languages for two failed writes, and the board still answers from memory', async () => {
    const { core, said } = await coreWithBoardBlocked();
    try {
      seedFleet(core.fleet.board, 1);
      await waitFor(() => said().length > 0, 'the failed write said');
      expect(said()[0]!.zh).toMatch(/SIM 数字看板没能写入 .*sim-board\.json（.*EISDIR.*）.*会再试/);
      expect(said()[0]!.en).toMatch(/could not be written to .*sim-board\.json \(.*EISDIR.*\).*tried again/);
      expect(said()[0]!.en).not.toMatch(/\n\s+at /);
      seedFleet(core.fleet.board, 2, Date.now() + 60_000);
      expect((await core.call('fleet.sims', {})).length, 'the board answers from memory').toBe(2);
    } finally {
      // Writes the second change (its write fails too) before it resolves: the proof the second write was made.
      await core.close();
    }
    expect(said(), 'said once, not at every failed write').toHaveLength(1);
  });

  it('the next change after the way is clear writes the whole board', async () => {
    const { core, path, said } = await coreWithBoardBlocked();
    try {
      const [first] = seedFleet(core.fleet.board, 1);
      await waitFor(() => said().length > 0, 'the failed write said');
      await rm(path, { recursive: true });
      const [, second] = seedFleet(core.fleet.board, 2, Date.now() + 60_000);
      const written = await waitFor(async () => {
        const text = await readFile(path, 'utf8').catch(() => '');
        return text.includes(second!) && (JSON.parse(text) as { sims: { simId: string }[] });
      }, 'the board written at the next change');
      expect(written.sims.map((s) => s.simId).sort(), 'the change the failed write missed too').toEqual([first, second].sort());
    } finally {
      await core.close();
    }
  });
});
