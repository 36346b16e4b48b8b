import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { hall, STACK_TRACE } from './cli-helpers';

let dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
  dirs = [];
});

async function dataDir(): Promise<Record<string, string>> {
  const dir = await mkdtemp(join(tmpdir(), 'hall-cli-cat-'));
  dirs.push(dir);
  return { HALL10086_DATA_DIR: dir };
}

describe('hall10086 custom / province / update', () => {
  it('adds an instruction that search, show and compose then know, and shares it through a file', async () => {
    const env = await dataDir();
    const added = await hall(['custom', 'add', 'CXLLB', '--name', 'Data package details', '--template', 'CXLLB{month}'], env);
    expect(added.code).toBe(0);
    expect(added.stdout).toMatch(/CXLLB\s+CXLLB\{month\}\s+→ 10086\s+Data package details/);
    const found = await hall(['search', 'package details', '--json'], env);
    expect(JSON.parse(found.stdout)[0].results[0].id).toBe('custom:CXLLB');
    expect((await hall(['compose', 'CXLLB202610'], env)).stdout.trim()).toBe('CXLLB202610');

    const file = join(env.HALL10086_DATA_DIR!, 'share.json');
    expect((await hall(['custom', 'export', file], env)).code).toBe(0);
    const other = await dataDir();
    const imported = await hall(['custom', 'import', file], other);
    expect(imported.stderr).toContain('1 added');
    expect((await hall(['custom', 'list'], other)).stdout).toContain('CXLLB');
  });

  it('custom add without --name, or with a bad --to, says which option gives it, and adds nothing', async () => {
    const env = await dataDir();
    const noName = await hall(['custom', 'add', 'CXLLB'], env);
    expect(noName.code).toBe(2);
    expect(noName.stderr).toBe('Error: Name: give a name in at least one language.\nGive or correct it with --name.\n');
    const badTo = await hall(['custom', 'add', 'CXLLB', '--name', 'Data package details', '--to', 'abc'], env);
    expect(badTo.code).toBe(2);
    expect(badTo.stderr).toMatch(/Number: .*\nGive or correct it with --to\.\n$/);
    expect((await hall(['custom', 'list'], env)).stdout).toContain('(no custom instructions)');
  });

  it('imports a file saved again with a UTF-8 byte order mark (Windows Notepad), and says in both languages what is wrong with a GBK one', async () => {
    const env = await dataDir();
    expect((await hall(['custom', 'add', 'CXLLB', '--name', '查询流量包明细', '--template', 'CXLLB{month}'], env)).code).toBe(0);
    const file = join(env.HALL10086_DATA_DIR!, 'share.json');
    expect((await hall(['custom', 'export', file], env)).code).toBe(0);
    const exported = await readFile(file);
    // The bytes Notepad writes on "Save" as UTF-8: EF BB BF, then the file as it was.
    await writeFile(file, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), exported]));
    const other = await dataDir();
    const imported = await hall(['custom', 'import', file], other);
    expect([imported.code, imported.stderr]).toEqual([0, expect.stringContaining('1 added')]);
    expect((await hall(['custom', 'list'], other)).stdout).toContain('CXLLB');
    // The same file in GBK (查询流量包明细 as GBK bytes, not UTF-8): refused whole, saying how to save it.
    const [before, after] = exported.toString('utf8').split('查询流量包明细');
    await writeFile(file, Buffer.concat([Buffer.from(before!), Buffer.from('b2e9d1afc1f7c1bfb0fcc3f7cfb8', 'hex'), Buffer.from(after!)]));
    const third = await dataDir();
    const refused = await hall(['custom', 'import', file], third);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('not UTF-8');
    const zh = await hall(['--lang', 'zh-Hans', 'custom', 'import', file], third);
    expect(zh.stderr).toContain('请用 UTF-8 重新保存');
    expect(refused.stderr + zh.stderr).not.toMatch(STACK_TRACE);
  });

  it('refuses a bad instruction and a bad import file with a clear message, no stack trace', async () => {
    const env = await dataDir();
    const bad = await hall(['custom', 'add', 'BAD!', '--name', 'x'], env);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/Code/);
    const file = join(env.HALL10086_DATA_DIR!, 'broken.json');
    await writeFile(file, '{"format":"something-else"}');
    const refused = await hall(['custom', 'import', file], env);
    expect(refused.code).toBe(2);
    expect(refused.stderr + refused.stdout).not.toMatch(STACK_TRACE);
  });

  it('chooses a province and reports the offline update state', async () => {
    const env = await dataDir();
    expect((await hall(['province', 'gd'], env)).stdout).toMatch(/\*\s+gd\s+Guangdong/);
    expect((await hall(['province'], env)).stdout).toMatch(/\*\s+gd/);
    expect((await hall(['province', 'xx'], env)).code).toBe(2);
    const status = await hall(['update'], env);
    expect(status.stdout).toMatch(/Source\s+none \(offline\)/);
  });

  it('a damaged settings file is said on stderr, kept aside, and the command goes on with the defaults; one that cannot be read stops it (before, each read as none)', async () => {
    const env = await dataDir();
    const dir = env.HALL10086_DATA_DIR!;
    const damaged = '{"version":1,"province":"gd","update":{"source":null,';
    await writeFile(join(dir, 'catalog-settings.json'), damaged);
    const run = await hall(['province', 'js'], env);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/\*\s+js/);
    expect(run.stderr).toMatch(/The catalog settings file could not be read; it was kept as .*catalog-settings\.json\.damaged-\d+, and no province is chosen/);
    const [copy] = (await readdir(dir)).filter((n) => n.startsWith('catalog-settings.json.damaged-'));
    expect(await readFile(join(dir, copy!), 'utf8')).toBe(damaged);

    await mkdir(join(dir, 'custom-instructions.json'));
    const refused = await hall(['custom', 'add', 'CXLLB', '--name', 'Data package details'], env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`custom instructions file ${join(dir, 'custom-instructions.json')} cannot be read (EISDIR)`);
    expect(refused.stderr).not.toMatch(STACK_TRACE);
  });
});

describe('custom instructions past what the app can read back (review17)', () => {
  /**
   * An import or an add that took the list past what `custom-instructions.json` may hold (500 entries,
   * MAX_CUSTOM_FILE_ENTRIES) was saved; at the next start the file was read as damaged (too many), set
   * aside as a copy, and the app went on with none: every instruction the user had was gone from it (and
   * the copy could not be imported back either, being too long). Now the change is refused, nothing saved.
   */
  it('refuses an import that would leave more than the file may hold, in both languages, and keeps every instruction', async () => {
    const env = await dataDir();
    expect((await hall(['custom', 'add', 'CXLLB', '--name', 'Data package details', '--template', 'CXLLB{month}'], env)).code).toBe(0);
    const template = join(env.HALL10086_DATA_DIR!, 'one.json');
    expect((await hall(['custom', 'export', template], env)).code).toBe(0);
    const file = JSON.parse(await readFile(template, 'utf8')) as { instructions: { code: string; template: string }[] };
    const entry = file.instructions[0]!;
    const many = (prefix: string, n: number) =>
      JSON.stringify({ ...file, instructions: Array.from({ length: n }, (_, i) => ({ ...entry, code: `${prefix}${i}`, template: `${prefix}${i}` })) });
    const first = join(env.HALL10086_DATA_DIR!, 'first.json');
    const second = join(env.HALL10086_DATA_DIR!, 'second.json');
    await writeFile(first, many('ZA', 300));
    await writeFile(second, many('ZB', 300));
    expect((await hall(['custom', 'import', first], env)).code).toBe(0);

    const refused = await hall(['custom', 'import', second], env);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('500');
    const zh = await hall(['--lang', 'zh-Hans', 'custom', 'import', second], env);
    expect(zh.stderr).toContain('最多 500 条');
    expect(refused.stderr + zh.stderr).not.toMatch(STACK_TRACE);

    // Every instruction is still there at the next start, and no copy was set aside as damaged.
    const listed = await hall(['custom', 'list'], env);
    expect(listed.stderr).not.toMatch(/damaged|损坏/);
    expect(listed.stdout).toContain('CXLLB');
    expect(listed.stdout).toContain('ZA299');
    expect(listed.stdout).not.toContain('ZB0');
    expect((await readdir(env.HALL10086_DATA_DIR!)).filter((f) => f.includes('damaged'))).toEqual([]);
  }, 60_000);
});
