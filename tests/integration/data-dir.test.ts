import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { chmod, chown, lchown, mkdir, mkdtemp, readdir, readFile, rm, stat, symlink, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { HallCore } from '../../src-main/core';
import { claimDataDir } from '../../src-main/core/data-dir';
import { Journal } from '../../src-main/services/journal';
import { sms } from '../unit/journal/journal-test-kit';
import { asNobody, isRoot, NOBODY, nobodyRuns } from './as-nobody';
import { hall, STACK_TRACE } from './cli-helpers';
import { FAST } from './session-kit';

// What a pairing's temp file holds: the key that signs every send of a paired extension.
const PAIRING_KEY = 'k3Y-0f-a-pa1red-extens10n-ab12cd34ef56';


/** chattr +i needs CAP_LINUX_IMMUTABLE and a disk that keeps the flag: root in a default Docker container has neither for sure. */
function chattrWorks(): boolean {
  if (!isRoot) return false;
  const dir = mkdtempSync(join(tmpdir(), 'hall-chattr-'));
  try {
    execFileSync('chattr', ['+i', dir], { stdio: 'ignore' });
    execFileSync('chattr', ['-i', dir], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
const canChattr = chattrWorks();
let root = '';
let core: HallCore | null = null;
afterEach(async () => {
  await core?.close();
  core = null;
  if (root) await rm(root, { recursive: true, force: true });
  root = '';
});

async function folder(mode: number): Promise<string> {
  root ||= await mkdtemp(join(tmpdir(), 'hall-datadir-'));
  const dir = join(root, 'data');
  await mkdir(dir);
  await chmod(dir, mode);
  return dir;
}

const start = (dataDir: string) => HallCore.create({ dataDir, demo: true, emulatorOptions: FAST }).then((c) => (core = c));

describe('the data folder must be the user’s own', () => {
  it.skipIf(!isRoot)('refuses a folder others may write to with another user’s file in it (a planted pairing), and touches nothing (needs root)', async () => {
    const dir = await folder(0o777);
    const planted = join(dir, 'extensions.json');
    await writeFile(planted, '{"version":2,"associations":[]}');
    await chown(planted, 65534, 65534);
    await expect(start(dir)).rejects.toMatchObject({ code: 'data-dir.writable-by-others', en: expect.stringContaining(planted) });
    expect(await readdir(dir)).toEqual(['extensions.json']);
    expect((await stat(dir)).mode & 0o777).toBe(0o777);
  });

  it.skipIf(!isRoot)('refuses it for another user’s symlink in a subfolder too (needs root)', async () => {
    const dir = await folder(0o770);
    await mkdir(join(dir, 'catalog-update'), { mode: 0o700 });
    const planted = join(dir, 'catalog-update', 'accepted.json');
    await symlink('/etc/passwd', planted);
    await lchown(planted, 65534, 65534);
    await expect(start(dir)).rejects.toMatchObject({ code: 'data-dir.writable-by-others', en: expect.stringContaining(planted) });
  });

  it('closes a folder others could write to when all in it is the user’s (an older version’s under umask 002), subfolders too', async () => {
    const dir = await folder(0o775);
    await writeFile(join(dir, 'schedules.json'), '{"version":1,"schedules":[]}', { mode: 0o600 });
    await mkdir(join(dir, 'catalog-update'));
    await chmod(join(dir, 'catalog-update'), 0o775);
    await start(dir);
    expect((await stat(dir)).mode & 0o777).toBe(0o700);
    expect((await stat(join(dir, 'catalog-update'))).mode & 0o777).toBe(0o700);
  });

  it.skipIf(!isRoot)('refuses a folder another user made first, also through a symlink (needs root to make one)', async () => {
    const dir = await folder(0o700);
    await chown(dir, 65534, 65534);
    await expect(start(dir)).rejects.toMatchObject({ code: 'data-dir.not-yours' });
    const link = join(root, 'link');
    await symlink(dir, link);
    await expect(start(link)).rejects.toMatchObject({ code: 'data-dir.not-yours' });
    expect(await readdir(dir)).toEqual([]);
  });

  it.skipIf(!isRoot)('refuses the user’s own folder reached through another user’s symlink, which they could re-point (needs root)', async () => {
    const dir = await folder(0o700);
    const link = join(root, 'theirs');
    await symlink(dir, link);
    await lchown(link, 65534, 65534);
    await expect(start(link)).rejects.toMatchObject({ code: 'data-dir.not-yours' });
    await start(dir);
  });

  it.skipIf(!canChattr)('says so when the folder cannot be closed to others (chmod refused, as on a FAT stick; needs chattr +i, root with CAP_LINUX_IMMUTABLE)', async () => {
    const dir = await folder(0o775);
    execFileSync('chattr', ['+i', dir]);
    try {
      await expect(start(dir)).rejects.toMatchObject({ code: 'data-dir.not-private', en: expect.stringMatching(/cannot be made yours alone \(EPERM\)/) });
    } finally {
      execFileSync('chattr', ['-i', dir]);
    }
  });

  it('closes a folder others could only read to them, and starts', async () => {
    const dir = await folder(0o755);
    await start(dir);
    expect((await stat(dir)).mode & 0o777).toBe(0o700);
  });

  it.skipIf(!isRoot)('the command line says why and what to do, in the chosen language, without a stack (needs root)', async () => {
    const dir = await folder(0o777);
    const planted = join(dir, 'custom-instructions.json');
    await writeFile(planted, '[]');
    await chown(planted, 65534, 65534);
    for (const [lang, words] of [['en_US.UTF-8', /Other users can write to the data folder.*not yours.*chmod 700/s], ['zh_CN.UTF-8', /别的用户也能写入.*不是你的.*chmod 700/s]] as const) {
      const run = await hall(['send', 'YE', '--emulator', '--data-dir', dir], { LANG: lang });
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(words);
      expect(run.stderr).not.toMatch(STACK_TRACE);
    }
    expect(await readdir(dir)).toEqual(['custom-instructions.json']);
    // The catalog commands read the same folder (custom instructions, updates): refused alike.
    const custom = await hall(['custom', 'list'], { HALL10086_DATA_DIR: dir });
    expect(custom.code).toBe(1);
    expect(custom.stderr).toMatch(/Other users can write to the data folder/);
    // The native host's launcher, which the browser runs, is not written where another user could swap it.
    const install = await hall(['native-host', 'install', '--data-dir', dir, '--user-data-dir', join(root, 'browser')]);
    expect(install.code).toBe(1);
    expect(install.stderr).toMatch(/Other users can write to the data folder/);
    expect(await readdir(dir)).toEqual(['custom-instructions.json']);
  });
});

describe('a sudo run does not lock the user out', () => {
  it.skipIf(!nobodyRuns)('a folder an older version left group-writable, holding a file a sudo run made (root’s), is closed and used (needs root, and a checkout nobody may run)', async () => {
    const dir = await folder(0o775);
    await chmod(root, 0o755);
    await writeFile(join(dir, 'custom-instructions.json'), '[]', { mode: 0o600 });
    await chown(join(dir, 'custom-instructions.json'), NOBODY, NOBODY);
    await chown(dir, NOBODY, NOBODY);
    await writeFile(join(dir, 'sim-labels.json'), '{"version":1,"labels":{}}', { mode: 0o644 });
    const run = asNobody(['custom', 'list'], dir);
    expect(run.stderr).not.toMatch(/not yours/);
    expect(run.code).toBe(0);
    expect((await stat(dir)).mode & 0o777).toBe(0o700);
  });

  it.skipIf(!nobodyRuns)('a folder root made (a sudo run) tells the user how to take it back (needs root, and a checkout nobody may run)', async () => {
    const dir = await folder(0o755);
    await chmod(root, 0o755);
    const run = asNobody(['custom', 'list'], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/belongs to root \(most likely made by a run with sudo\).*sudo chown -R 65534 /s);
    expect(run.stderr).not.toMatch(STACK_TRACE);
  });

  it.skipIf(!nobodyRuns).each([['0600', 0o600], ['0644', 0o644]] as const)('a journal.log a sudo run left in the user’s own 0700 folder (root’s, mode %s): says whose it is and the exact chown, in both languages, no stack, nothing changed (needs root, and a checkout nobody may run)', async (_shown, mode) => {
    const dir = await folder(0o700);
    await chmod(root, 0o755);
    // A sudo run's journal (root's), holding a reply; then the folder is the user's again, the file not.
    const journal = await Journal.open(dir);
    await journal.appendIncoming(sms(1));
    await journal.close();
    const log = join(dir, 'journal.log');
    await chmod(log, mode);
    await chown(dir, NOBODY, NOBODY);
    const kept = await readFile(log);
    for (const [lang, words] of [
      ['en_US.UTF-8', /journal\.log in the data folder .* belongs to root \(most likely left by a run with sudo\).*Nothing in it was changed or lost\..*sudo chown -R "\$USER" /s],
      ['zh_CN.UTF-8', /数据文件夹 .* 里的 journal\.log 属于 root（多半是用 sudo 运行时留下的）.*都没动过.*sudo chown -R "\$USER" /s],
    ] as const) {
      const run = asNobody(['modem', 'status', '--emulator', '--data-dir', dir], dir, lang);
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(words);
      expect(run.stderr).toContain(`sudo chown -R "$USER" ${dir}`);
      expect(run.stderr).not.toMatch(/EACCES|EPERM/);
      expect(run.stderr).not.toMatch(STACK_TRACE);
    }
    expect(await readdir(dir)).toEqual(['journal.log']);
    expect(await readFile(log)).toEqual(kept);
    expect((await stat(log)).uid).toBe(0);
  });

  it.skipIf(!isRoot)('root on a user’s folder (sudo -E) is told to run without sudo, in both languages (needs root)', async () => {
    const dir = await folder(0o700);
    await chown(dir, NOBODY, NOBODY);
    for (const [lang, words] of [['en_US.UTF-8', /running as root \(sudo\?\).*uid 65534.*without sudo.*dialout/s], ['zh_CN.UTF-8', /以 root 身份运行.*uid 65534.*不用 sudo 运行.*dialout/s]] as const) {
      const run = await hall(['custom', 'list'], { HALL10086_DATA_DIR: dir, LANG: lang });
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(words);
      expect(run.stderr).not.toMatch(STACK_TRACE);
    }
    expect(await readdir(dir)).toEqual([]);
  });

  it.skipIf(!canChattr)('a folder others may only read is used when its disk will not take chmod (a FAT stick the desktop mounted 0755 for its user; chattr +i stands in, needs CAP_LINUX_IMMUTABLE)', async () => {
    const dir = await folder(0o755);
    execFileSync('chattr', ['+i', dir]);
    try {
      await expect(claimDataDir(dir)).resolves.toBeUndefined();
    } finally {
      execFileSync('chattr', ['-i', dir]);
    }
  });
});

describe('the catalog commands', () => {
  it.skipIf(isRoot && !nobodyRuns)('need no data folder: search, show and compose work where none can be made (a read-only home)', async () => {
    const readOnly = await folder(0o555);
    await chmod(root, 0o755);
    const dataDir = join(readOnly, 'hall10086');
    for (const args of [['search', '余额', '--limit', '1'], ['show', 'YE'], ['compose', 'ZD', '--month', '202610']]) {
      const run = isRoot ? asNobody(args, dataDir) : await hall(args, { HALL10086_DATA_DIR: dataDir });
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
    }
    expect(await readdir(readOnly)).toEqual([]);
  });
});

describe('temp files a crash left behind', () => {
  it('are removed at start, with the secret they held; a write in progress is not', async () => {
    const dir = await folder(0o700);
    await mkdir(join(dir, 'catalog-update'), { mode: 0o700 });
    const stale = [join(dir, `extensions.json.${randomUUID()}.tmp`), join(dir, `mqtt-password.${randomUUID()}.tmp`), join(dir, 'catalog-update', `accepted.json.${randomUUID()}.tmp`)];
    const fresh = join(dir, `catalog-settings.json.${randomUUID()}.tmp`);
    const hourAgo = new Date(Date.now() - 3_600_000);
    for (const path of [...stale, fresh]) await writeFile(path, `{"key":"${PAIRING_KEY}"}`, { mode: 0o600 });
    for (const path of stale) await utimes(path, hourAgo, hourAgo);
    await start(dir);
    const left = [...(await readdir(dir)), ...(await readdir(join(dir, 'catalog-update')))].filter((n) => n.endsWith('.tmp'));
    expect(left).toEqual([fresh.slice(dir.length + 1)]);
  });
});

describe('a file of what the user typed that a sudo run left root\'s', () => {
  it.skipIf(!nobodyRuns).each([
    ['sim-labels.json', '{"version":1,"labels":[{"simId":"89860012345678901234","name":"前台","owner":"王芳","phone":"13800138000"}]}\n'],
    ['custom-instructions.json', '{"format":"hall10086-custom-instructions","version":1,"instructions":[]}\n'],
    // The same for every settings file (each read as none before, for the next save to replace).
    ['extensions.json', '{"version":2,"associations":[]}\n'],
    ['mqtt.json', '{"version":1,"settings":{"enabled":true,"url":"mqtts://broker.example:8883"}}\n'],
    ['mqtt-password', 'broker-pass\n'],
    ['catalog-settings.json', '{"version":1,"province":"gd","update":{"source":null,"publicKey":null}}\n'],
    ['schedules.json', '{"version":1,"schedules":[]}\n'],
    ['modems.json', '{"ports":["/dev/ttyUSB2"]}\n'],
  ])('%s stops the start with whose it is and the chown, and is not replaced (it read as none, for the next edit to replace; needs root, and a checkout nobody may run; review13)', async (name, labels) => {
    const dir = await folder(0o700);
    await chmod(root, 0o755);
    const path = join(dir, name);
    await writeFile(path, labels, { mode: 0o600 });
    const journal = await Journal.open(dir);
    await journal.close();
    await chown(join(dir, 'journal.log'), NOBODY, NOBODY);
    await chown(dir, NOBODY, NOBODY);
    const run = asNobody(['modem', 'status', '--emulator', '--data-dir', dir], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${name} in the data folder`);
    expect(run.stderr).toMatch(/belongs to root/);
    expect(run.stderr).not.toMatch(STACK_TRACE);
    expect(await readFile(path, 'utf8')).toBe(labels);
  });
});

describe('a damaged SIM labels file', () => {
  it('is kept aside before anything replaces it, and said at start in both languages; the labels typed before are not lost', async () => {
    const dir = await folder(0o700);
    // Cut short, as a full disk or a hand edit leaves it: the names, owners and numbers are still readable by a person.
    const damaged = '{"version":1,"labels":[{"simId":"89860012345678901234","name":"前台","owner":"王芳","phone":"13800138000"}';
    await writeFile(join(dir, 'sim-labels.json'), damaged, { mode: 0o600 });
    const c = await start(dir);
    const notices = await c.call('core.startupNotices', {});
    const said = notices.find((n) => n.en.startsWith('The SIM labels file could not be read'));
    expect(said?.en).toMatch(/kept as .*sim-labels\.json\.damaged-\d+, and SIMs show by their ids for now\.$/);
    expect(said?.zh).toMatch(/^SIM 卡标签文件无法读取，已另存为 .*sim-labels\.json\.damaged-\d+；SIM 卡暂时按卡号显示。$/);
    // A new label replaces the file; the copy stays as it was.
    await c.call('labels.set', { label: { simId: '89860012345678901234', name: '前台', owner: '', phone: '' } });
    const copies = (await readdir(dir)).filter((n) => n.startsWith('sim-labels.json.damaged-'));
    expect(copies).toHaveLength(1);
    expect(await readFile(join(dir, copies[0]!), 'utf8')).toBe(damaged);
  });
});
