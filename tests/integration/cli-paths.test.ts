import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { lstat, mkdir, mkdtemp, readdir, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_CUSTOM_FILE_BYTES } from '../../src-shared/catalog/custom/file';
import { BIN, hall, STACK_TRACE, type CliRun } from './cli-helpers';

let dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
  dirs = [];
});

async function scratch(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'hall-cli-paths-'));
  dirs.push(dir);
  return dir;
}

const KEY = `${'A'.repeat(43)}=`;

function expectClear(run: CliRun, code: number, message: RegExp): void {
  expect(run.stderr).toMatch(message);
  expect(run.stderr + run.stdout).not.toMatch(/Internal error|内部错误|ENOENT|EISDIR|ENOTDIR/);
  expect(run.stderr + run.stdout).not.toMatch(STACK_TRACE);
  expect(run.code).toBe(code);
}

describe('first run: the data folder does not exist yet', () => {
  it.each([
    [['province', 'gd']],
    [['custom', 'add', 'CXLLB', '--name', 'Data package details', '--template', 'CXLLB']],
    [['update', 'source', 'https://updates.example.org/hall10086/', '--pub', KEY]],
    [['update', 'offline']],
  ])('%j creates it (private to the user) and works', async (args) => {
    const data = join(await scratch(), 'not', 'yet', 'there');
    const run = await hall(args, { HALL10086_DATA_DIR: data });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect((await stat(data)).mode & 0o777).toBe(0o700);
  });
});

/** The real command under `umask 000`, which would make a plain write's new file writable by everyone. */
function hallUnderUmask000(args: string[], env: Record<string, string>): CliRun {
  const run = spawnSync('sh', ['-c', 'umask 000; exec "$@"', 'sh', process.execPath, BIN, ...args], {
    env: { ...process.env, LANG: 'en_US.UTF-8', LC_ALL: '', LC_MESSAGES: '', ...env },
    encoding: 'utf8',
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('custom export FILE writes only FILE (mend42)', () => {
  it('replaces a symbolic link at FILE instead of writing through it, mode 0644 whatever the umask, no temp file left', async () => {
    const dir = await scratch();
    const data = join(dir, 'data');
    expect((await hall(['custom', 'add', 'CXLLB', '--name', 'Data package details', '--template', 'CXLLB'], { HALL10086_DATA_DIR: data })).code).toBe(0);
    // What the link points at: another file of the user's (a shell profile, say) that an export must not overwrite.
    const victim = join(dir, 'bashrc');
    await writeFile(victim, 'export PATH=$HOME/bin:$PATH\n');
    const target = join(dir, 'customs.json');
    await symlink(victim, target);
    const run = hallUnderUmask000(['custom', 'export', target], { HALL10086_DATA_DIR: data });
    expect(run.stderr + run.stdout).not.toMatch(STACK_TRACE);
    expect(run.code).toBe(0);
    expect(await readFile(victim, 'utf8')).toBe('export PATH=$HOME/bin:$PATH\n');
    const written = await lstat(target);
    expect(written.isFile()).toBe(true);
    expect(JSON.parse(await readFile(target, 'utf8'))).toMatchObject({ instructions: [expect.objectContaining({ code: 'CXLLB' })] });
    expect((written.mode & 0o777).toString(8)).toBe('644');
    expect(await readdir(dir)).toEqual(['bashrc', 'customs.json', 'data']);
  });

  it('writes down a named pipe at FILE (as --out /dev/stdout): the pipe is written to, not replaced by a file (review41)', async () => {
    // A temp beside the path renamed over it replaced the pipe; at /dev/stdout, as root, the machine's /dev/stdout link.
    const dir = await scratch();
    const data = join(dir, 'data');
    expect((await hall(['custom', 'add', 'CXLLB', '--name', 'Data package details', '--template', 'CXLLB'], { HALL10086_DATA_DIR: data })).code).toBe(0);
    const pipe = join(dir, 'pipe');
    execFileSync('mkfifo', [pipe]);
    const reader = spawn('cat', [pipe], { stdio: ['ignore', 'pipe', 'ignore'] });
    try {
      let read = '';
      reader.stdout.setEncoding('utf8').on('data', (d) => (read += d));
      const closed = new Promise((resolve) => reader.on('close', resolve));
      const run = await hall(['custom', 'export', pipe], { HALL10086_DATA_DIR: data });
      expect([run.code, run.stderr]).toEqual([0, '']);
      expect((await lstat(pipe)).isFIFO()).toBe(true);
      await closed;
      expect(JSON.parse(read)).toMatchObject({ instructions: [expect.objectContaining({ code: 'CXLLB' })] });
    } finally {
      reader.kill();
    }
  });

  it('writes into a folder reached through a symbolic link (macOS /tmp, a linked ~/Documents)', async () => {
    // review39 item 4: the folder was checked with lstat, which does not follow the link: refused as "no folder".
    const dir = await scratch();
    const data = join(dir, 'data');
    expect((await hall(['custom', 'add', 'CXLLB', '--name', 'Data package details', '--template', 'CXLLB'], { HALL10086_DATA_DIR: data })).code).toBe(0);
    await mkdir(join(dir, 'real'));
    await symlink(join(dir, 'real'), join(dir, 'linked'));
    const run = await hall(['custom', 'export', join(dir, 'linked', 'customs.json')], { HALL10086_DATA_DIR: data });
    expect([run.code, run.stderr]).toEqual([0, '']);
    expect(JSON.parse(await readFile(join(dir, 'real', 'customs.json'), 'utf8'))).toMatchObject({ instructions: [expect.objectContaining({ code: 'CXLLB' })] });
    expect((await lstat(join(dir, 'linked'))).isSymbolicLink()).toBe(true);
  });

  it.each([
    ['a folder that does not exist', (dir: string) => join(dir, 'nope', 'customs.json'), /There is no folder .*nope: the export is written only into a folder that exists\.$/m, /没有文件夹 .*nope：导出的文件只写进已有的文件夹。$/m],
    ['a target that is a folder', (dir: string) => join(dir, 'out'), /out is a folder; a file is needed here\.$/m, /out 是一个文件夹，这里需要的是文件。$/m],
  ])('%s: said in English and Chinese, exit 2, nothing written', async (_, where, en, zh) => {
    const dir = await scratch();
    await mkdir(join(dir, 'out'));
    const target = where(dir);
    expectClear(await hall(['custom', 'export', target], { HALL10086_DATA_DIR: join(dir, 'data') }), 2, en);
    expectClear(await hall(['custom', 'export', target, '--lang', 'zh-Hans'], { HALL10086_DATA_DIR: join(dir, 'data') }), 2, zh);
    expect((await readdir(dir)).filter((n) => n !== 'data')).toEqual(['out']);
    expect(await readdir(join(dir, 'out'))).toEqual([]);
  });
});

describe('paths and values the user got wrong: a clear error naming them, exit 2', () => {
  it('custom import of a file that is not there', async () => {
    const dir = await scratch();
    const missing = join(dir, 'missing.json');
    expectClear(await hall(['custom', 'import', missing], { HALL10086_DATA_DIR: dir }), 2, new RegExp(`No such file or folder: ${missing}`));
    expectClear(await hall(['--lang', 'zh-Hans', 'custom', 'import', missing], { HALL10086_DATA_DIR: dir }), 2, new RegExp(`找不到文件或文件夹：${missing}`));
  });

  it('custom import of a pipe that does not end, or /dev/zero: read no further than the limit, refused as too big', async () => {
    const dir = await scratch();
    const fifo = join(dir, 'endless');
    execFileSync('mkfifo', [fifo]);
    // 64 MiB offered, far past the 4 MiB limit: what the command took of it is what the pipe accepted before it let go.
    const offered = 64 * 1024 * 1024;
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    let accepted = 0;
    const writer = createWriteStream(fifo);
    const fed = new Promise<void>((done) => {
      writer.on('error', () => done());
      const more = (): void => {
        while (accepted < offered) {
          const room = writer.write(chunk, (e) => (e ? undefined : (accepted += chunk.length)));
          if (!room) return void writer.once('drain', more);
        }
        writer.end(done);
      };
      writer.once('open', more);
    });
    const run = await hall(['custom', 'import', fifo], { HALL10086_DATA_DIR: dir });
    await fed;
    writer.destroy();
    expectClear(run, 2, new RegExp(`too big \\(over ${MAX_CUSTOM_FILE_BYTES} bytes, at most ${MAX_CUSTOM_FILE_BYTES}\\)`));
    // The limit, the pipe's own buffer and the stream's: never the whole 64 MiB.
    expect(accepted, 'bytes the pipe took before the command let go').toBeLessThan(MAX_CUSTOM_FILE_BYTES + 2 * 1024 * 1024);

    const zero = await hall(['--lang', 'zh-Hans', 'custom', 'import', '/dev/zero'], { HALL10086_DATA_DIR: dir });
    expectClear(zero, 2, new RegExp(`文件太大（超过 ${MAX_CUSTOM_FILE_BYTES} 字节，最多 ${MAX_CUSTOM_FILE_BYTES}）`));
  }, 60_000);

  it('custom export to a folder', async () => {
    const dir = await scratch();
    expectClear(await hall(['custom', 'export', `${dir}/`], { HALL10086_DATA_DIR: dir }), 2, /is a folder; a file is needed here/);
  });

  it('native-host install with a data folder under a file', async () => {
    const dir = await scratch();
    const file = join(dir, 'a-file');
    await writeFile(file, 'x');
    const run = await hall(['native-host', 'install', '--data-dir', join(file, 'x'), '--user-data-dir', join(dir, 'profile')], { HALL10086_DATA_DIR: dir });
    expectClear(run, 2, new RegExp(`Part of the path ${file}/x.* is not a folder`));
  });

  it('update source without --pub', async () => {
    const dir = await scratch();
    expectClear(await hall(['update', 'source', 'https://updates.example.org/'], { HALL10086_DATA_DIR: dir }), 2, /public key/);
  });

  it.each([[''], [' '], ['1e3'], ['0x50']])('serve --port %j', async (port) => {
    const dir = await scratch();
    expectClear(await hall(['serve', '--port', port], { HALL10086_DATA_DIR: dir }), 2, /--port must be a whole number from 0 to 65535/);
  });
});
