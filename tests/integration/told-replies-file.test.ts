import { execFileSync } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { HallCore } from '../../src-main/core';
import { ToldReplies } from '../../src-main/services/extension-link';
import { randomToken } from '../../src-shared/api/extension-auth';

/*
 * read20: extension-replies.json (the long replies passed on to each paired extension, fleet27) is a file the app can
 * do without: lost, an extension's recheck answers nothing about replies passed on before. Before, one that could not
 * be read, or was damaged and could not be copied aside, stopped the whole app from starting.
 */
const dirs: string[] = [];
afterEach(async () => {
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
});

async function dataDir(): Promise<string> {
  const d = await mkdtemp(join(tmpdir(), 'hall-told-'));
  dirs.push(d);
  return d;
}

const said = (n: { zh: string; en: string }) => n.en.includes('long replies passed to browser extensions');

describe('extension-replies.json that cannot be read or kept aside (real files)', () => {
  it('a folder in its place: the real core starts, says so in both languages, and leaves the folder as it is', async () => {
    const d = await dataDir();
    const path = join(d, 'extension-replies.json');
    await mkdir(path);
    await writeFile(join(path, 'inside'), 'the user’s');
    const core = await HallCore.create({ dataDir: d, demo: false });
    try {
      const notice = (await core.call('core.startupNotices', {})).find(said);
      expect(notice, 'the file is said').toBeDefined();
      expect(notice!.zh).toMatch(/无法读取（EISDIR）.*本次运行不写入它/);
      expect(notice!.en).toMatch(/cannot be read \(EISDIR\).*not written during this run/);
      expect(notice!.en, 'the app goes on: it must not say it stopped').not.toMatch(/stopped/);
      expect(notice!.en).not.toMatch(/\n\s+at /);
    } finally {
      await core.close();
    }
    expect((await stat(path)).isDirectory()).toBe(true);
    expect(await readFile(join(path, 'inside'), 'utf8')).toBe('the user’s');
  });

  it('damaged and no copy can be kept: opened all the same, said, answers what this run notes, and never writes over the file', async () => {
    const d = await dataDir();
    const path = join(d, 'extension-replies.json');
    const damaged = '{"version":1,"told":[{"association":"';
    await writeFile(path, damaged);
    // Root ignores a folder's modes: an immutable folder refuses it new entries (the copy aside) all the same.
    const shut = (on: boolean) => (process.getuid?.() === 0 ? execFileSync('chattr', [on ? '+i' : '-i', d]) : chmod(d, on ? 0o500 : 0o700));
    await shut(true);
    let told: ToldReplies;
    try {
      // The store alone: the journal's lock could not be taken in such a folder, and it is this file's load in question.
      told = await ToldReplies.open(d);
    } finally {
      await shut(false);
    }
    expect(told.problem?.zh).toMatch(/无法另存一份副本.*本次运行不写入它/);
    expect(told.problem?.en).toMatch(/no copy of it could be kept.*not written during this run/);
    // Writes could be made again (space freed): the file is still the only copy of what it held, so it stays.
    const entry = { association: randomToken(16), simId: '89860012345670002525', receivedAt: Date.now() };
    await told.add(entry);
    expect(told.has(entry.association, entry.simId, entry.receivedAt), 'this run’s note answers').toBe(true);
    expect(await readFile(path, 'utf8'), 'the damaged file is as it was').toBe(damaged);
    expect((await readdir(d)).filter((n) => n !== 'extension-replies.json'), 'nothing else written').toEqual([]);
  });
});

describe('a write of extension-replies.json that fails (real file)', () => {
  it('each note answers at once; the failure is said once, not at every note; the next note after it clears writes the ones missed', async () => {
    const d = await dataDir();
    const path = join(d, 'extension-replies.json');
    const warned: { zh: string; en: string }[] = [];
    const told = await ToldReplies.open(d, { warn: (text) => warned.push(text) });
    await mkdir(path);
    const note = (i: number) => ({ association: randomToken(16), simId: '89860012345670002525', receivedAt: Date.now() - i });
    const [a, b, c] = [note(1), note(2), note(3)];
    await told.add(a);
    await told.add(b);
    for (const n of [a, b]) expect(told.has(n.association, n.simId, n.receivedAt), 'noted though not written').toBe(true);
    expect(warned, 'said once for two failed writes').toHaveLength(1);
    expect(warned[0]!.zh).toMatch(/没能写入/);
    await rm(path, { recursive: true });
    await told.add(c);
    const again = await ToldReplies.open(d);
    for (const n of [a, b, c]) expect(again.has(n.association, n.simId, n.receivedAt), 'written with the next note').toBe(true);
  });
});

describe('how many notes extension-replies.json keeps (real file)', () => {
  it('one busy profile never pushes out another’s notes, across a restart too; the oldest associations go past 20', async () => {
    const d = await dataDir();
    const now = Date.now();
    const told = await ToldReplies.open(d, { now: () => now });
    const quiet = { association: randomToken(16), simId: '89860012345670002525', receivedAt: now - 3600_000 };
    await told.add(quiet);
    const busy = randomToken(16);
    // A desk passing ~58 long replies a day for a week: more than the 400 one cap held for every profile before.
    const busyNotes = Array.from({ length: 450 }, (_, i) => ({ association: busy, simId: '89860012345670002525', receivedAt: now - 1000 + i }));
    for (const n of busyNotes) await told.add(n);
    const again = await ToldReplies.open(d, { now: () => now });
    for (const t of [told, again]) {
      expect(t.has(quiet.association, quiet.simId, quiet.receivedAt), 'the quiet profile’s note').toBe(true);
      expect(t.has(busy, busyNotes[50]!.simId, busyNotes[50]!.receivedAt), 'the busy one’s 400 newest').toBe(true);
      expect(t.has(busy, busyNotes[49]!.simId, busyNotes[49]!.receivedAt), 'its older ones go').toBe(false);
    }
    // Twenty more profiles, each told once after: the quiet one, told least lately, goes; the file stays bounded.
    for (let i = 0; i < 20; i++) await told.add({ association: randomToken(16), simId: '89860012345670002525', receivedAt: now });
    expect(told.has(quiet.association, quiet.simId, quiet.receivedAt)).toBe(false);
    expect(told.has(busy, busyNotes[449]!.simId, busyNotes[449]!.receivedAt), 'the busy one goes too: twenty were told after it').toBe(false);
    const file = JSON.parse(await readFile(join(d, 'extension-replies.json'), 'utf8')) as { told: unknown[] };
    expect(file.told).toHaveLength(20);
  });
});
