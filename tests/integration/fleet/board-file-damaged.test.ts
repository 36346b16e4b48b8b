import { execFileSync } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { HallCore } from '../../../src-main/core';
import { Fleet } from '../../../src-main/core/fleet';
import { Journal } from '../../../src-main/services/journal';
import { emptySimState } from '../../../src-shared/fleet/sim-state';
import { sms } from '../../unit/journal/journal-test-kit';
import { seedFleet } from './seed-fleet';

/*
 * review26: a sim-board.json a hand, another program or a failing disk spoiled. The real core starts on a real
 * data folder whose journal.log holds a reply not yet taken by any page; the file is written before the start.
 * The app must start, keep every journal message, keep the rows still whole, show no row of another shape (a
 * balance "x" reached the Overview, MQTT and /metrics before), and say so in Chinese and English.
 */
const GOOD = { ...emptySimState('89860012345670002525'), balance: 35.2, lastUpdate: 1, asOf: { balance: 1, data: null, minutes: null, points: null } };
// The null last: before review26 it threw inside restore, and the rows before it were taken as they were.
const HOSTILE = [{ ...emptySimState('898600'), balance: 'x' }, { ...emptySimState('x'), simId: 5 }, { ...emptySimState('89860012345670009999'), asOf: 'q' }, null];

describe('a damaged or hostile sim-board.json at start (real core, real journal on disk)', () => {
  const dirs: string[] = [];
  afterEach(async () => {
    for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
  });

  async function startOn(board: (dir: string) => Promise<void>) {
    const dir = await mkdtemp(join(tmpdir(), 'hall-board-damaged-'));
    dirs.push(dir);
    const journal = await Journal.open(dir);
    await journal.appendIncoming(sms(1));
    await journal.close();
    await board(dir);
    const core = await HallCore.create({ dataDir: dir, demo: false });
    try {
      return { dir, sims: await core.call('fleet.sims', {}), notices: await core.call('core.startupNotices', {}), pending: core.journal.pendingIncoming().length };
    } finally {
      await core.close();
    }
  }

  /** The fleet alone on a data folder: what it loaded, before any journal seeds it. */
  const fleetOn = (dir: string) =>
    Fleet.open({ dataDir: dir, redact: (t) => t, sendQuery: () => Promise.reject(new Error('no modem')), onLabels() {}, onMqtt() {}, onSim() {}, onSimGone() {}, onCheck() {}, warn() {}, notice() {} });

  it('rows not of the board’s shape are left out and said; the whole row stays; the file is kept aside', async () => {
    const { dir, sims, notices, pending } = await startOn((dir) => writeFile(join(dir, 'sim-board.json'), JSON.stringify({ version: 1, sims: [GOOD, ...HOSTILE] })));
    expect(pending, 'the journal keeps its reply').toBe(1);
    expect(sims.map((s) => [s.simId, s.balance]), 'only the whole row is shown').toEqual([[GOOD.simId, 35.2]]);
    const said = notices.find((n) => n.en.includes('SIM board'));
    expect(said, `the damaged rows are said; notices: ${JSON.stringify(notices)}`).toBeDefined();
    expect(said!.zh).toMatch(/4 行 SIM 记录.*已另存为/);
    expect(said!.en).toMatch(/4 SIM row\(s\).*kept as/);
    expect((await readdir(dir)).some((f) => f.startsWith('sim-board.json.damaged-')), 'a copy is kept aside').toBe(true);
  });

  it.each([
    ['not JSON', (dir: string) => writeFile(join(dir, 'sim-board.json'), '{"version":1,"sims":[')],
    ['a folder in its place', (dir: string) => mkdir(join(dir, 'sim-board.json'))],
  ])('%s: the app starts, keeps the journal, and says so in both languages', async (_name, board) => {
    const { sims, notices, pending } = await startOn(board);
    expect(pending, 'the journal keeps its reply').toBe(1);
    expect(sims).toEqual([]);
    const said = notices.find((n) => n.zh.includes('sim-board.json') || n.en.includes('SIM board'));
    expect(said, `the board file is said; notices: ${JSON.stringify(notices)}`).toBeDefined();
    expect(said!.en).not.toMatch(/\n\s+at /);
  });

  /*
   * mend28: the copy aside cannot be made (a folder no entry can be added to, as a full disk or a read-only mount
   * would be) while the file itself can later be replaced. Before, the notice said the app stopped, but it went
   * on, and its first board write replaced the damaged file: what the user could still recover was gone.
   */
  it('a damaged file that cannot be copied aside is never written over during the run, and the notice says so', async () => {
    const damaged = '{"version":1,"sims":[{"simId":"89860012345670002525","balance":35.2';
    const dir = await mkdtemp(join(tmpdir(), 'hall-board-stuck-'));
    dirs.push(dir);
    const path = join(dir, 'sim-board.json');
    await writeFile(path, damaged);
    // Root ignores a folder's modes: an immutable folder refuses it new entries all the same.
    const shut = (on: boolean) =>
      process.getuid?.() === 0 ? execFileSync('chattr', [on ? '+i' : '-i', dir]) : chmod(dir, on ? 0o500 : 0o700);
    await shut(true);
    // The fleet alone: the journal's lock could not be taken in such a folder, and it is the board's load that is in question.
    let fleet: Fleet;
    try {
      fleet = await fleetOn(dir);
    } finally {
      await shut(false);
    }
    try {
      // Writes can be made again (space freed, the mount writable): the board changes and is closed, which writes it.
      seedFleet(fleet.board, 2);
      expect(fleet.sims().length, 'the board works in memory').toBe(2);
      const said = fleet.problems.find((n) => n.en.includes('SIM board'));
      expect(said, 'the board file is said').toBeDefined();
      expect(said!.zh).toMatch(/无法另存一份副本.*本次运行不写入它/);
      expect(said!.en).toMatch(/no copy of it could be kept.*not written during this run/);
      expect(said!.en, 'the app goes on: it must not say it stopped').not.toMatch(/stopped/);
      expect(said!.zh).not.toMatch(/停在这里/);
    } finally {
      await fleet.close();
    }
    expect(await readFile(path, 'utf8'), 'the damaged file is as it was').toBe(damaged);
  });

  /*
   * mend28: a long message read whole (kept for a withdrawal after a restart) spoiled by a hand was dropped without
   * a word, and the rows and the entries were checked twice, by a schema and by hand. One check now, and the notice
   * names both counts.
   */
  it('one spoiled row and one spoiled long-message entry: the others kept, the notice names each count', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'hall-board-reads-'));
    dirs.push(dir);
    const { simId: _, modemId: _m, sendFailures: _f, sendFailuresSeen: _s, modemState: _ms, registration: _r, signal: _g, ...figures } = GOOD;
    const read = (keys: string[], before: unknown) => ({ simId: GOOD.simId, keys, receivedAt: 2, figures: { before, after: figures } });
    const readWhole = [read(['a1', 'b2'], figures), read(['c1', 'd2'], { ...figures, asOf: 'yesterday' })];
    await writeFile(join(dir, 'sim-board.json'), JSON.stringify({ version: 1, sims: [GOOD, HOSTILE[0]], readWhole }));
    const fleet = await fleetOn(dir);
    try {
      expect(fleet.sims().map((s) => [s.simId, s.balance]), 'the whole row is kept').toEqual([[GOOD.simId, 35.2]]);
      expect(fleet.board.readsKept().map((r) => r.keys), 'the whole entry is kept').toEqual([['a1', 'b2']]);
      const said = fleet.problems.find((n) => n.en.includes('SIM board'));
      expect(said, `the board file is said; notices: ${JSON.stringify(fleet.problems)}`).toBeDefined();
      expect(said!.zh).toMatch(/1 行 SIM 记录、1 条整条读出的长短信记录不是本应用写的格式，已略过.*已另存为/);
      expect(said!.en).toMatch(/1 SIM row\(s\) and 1 kept long-message entry not in the shape this app writes were left out.*kept as/);
    } finally {
      await fleet.close();
    }
  });
});
