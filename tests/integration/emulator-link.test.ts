import { lstat, mkdtemp, readFile, readlink, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startPtyEmulator } from '../../src-main/emulator/pty';
import { hall, STACK_TRACE } from './cli-helpers';

let dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
  dirs = [];
});

async function scratch(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'hall-emu-link-'));
  dirs.push(dir);
  return dir;
}

describe('emulator --link never touches what it did not create', () => {
  it('refuses an existing file: the file stays as it was, a clear error, exit 2', async () => {
    const dir = await scratch();
    const file = join(dir, 'notes.txt');
    await writeFile(file, 'my notes');
    const run = await hall(['emulator', '--pty', '--link', file], { HALL10086_DATA_DIR: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`${file} already exists and is not a link left by the modem emulator`);
    expect(run.stderr).not.toMatch(STACK_TRACE);
    const zh = await hall(['--lang', 'zh-Hans', 'emulator', '--pty', '--link', file], { HALL10086_DATA_DIR: dir });
    expect(zh.stderr).toContain(`${file} 已经存在`);
    expect(await readFile(file, 'utf8')).toBe('my notes');
    expect((await lstat(file)).isFile()).toBe(true);
  });

  it('refuses a link of the user’s own (not to a pseudo-terminal) and leaves it', async () => {
    const dir = await scratch();
    const target = join(dir, 'target');
    await writeFile(target, 'x');
    const link = join(dir, 'modem');
    await symlink(target, link);
    await expect(startPtyEmulator({ link })).rejects.toMatchObject({ code: 'path.not-a-link' });
    expect(await readlink(link)).toBe(target);
  });

  it('replaces a link a crashed run left to a pseudo-terminal, and removes its own on close', async () => {
    const dir = await scratch();
    const link = join(dir, 'modem');
    await symlink('/dev/pts/999999', link);
    const pty = await startPtyEmulator({ link });
    expect(await readlink(link)).toMatch(/^\/dev\/pts\/\d+$/);
    expect(await readlink(link)).not.toBe('/dev/pts/999999');
    await pty.close();
    await expect(lstat(link)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('leaves a file put in place of its link while it ran', async () => {
    const dir = await scratch();
    const link = join(dir, 'modem');
    const pty = await startPtyEmulator({ link });
    await rm(link);
    await writeFile(link, 'the user’s now');
    await pty.close();
    expect(await readFile(link, 'utf8')).toBe('the user’s now');
  });
});
