import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { hall, STACK_TRACE } from './cli-helpers';

let dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
  dirs = [];
});

async function folder(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'hall-cli-dir-'));
  dirs.push(dir);
  return dir;
}

/**
 * `--data-dir` names the data folder for every command, as `send` and `inbox` always took it: the
 * catalog commands read and change that folder's catalog (its province, its own instructions), not
 * the app's; the commands with nothing in a data folder (ports, pdu, reply) take it and go on.
 */
describe('hall10086 … --data-dir', () => {
  it('search, show, compose, custom, province and update read and change the folder named, not the default one', async () => {
    const home = await folder();
    const other = await folder();
    const env = { HALL10086_DATA_DIR: home };
    const added = await hall(['custom', 'add', 'CXLLB', '--name', 'Data package details', '--template', 'CXLLB{month}', '--data-dir', other], env);
    expect(added.stderr + added.stdout).not.toMatch(/Unknown option/);
    expect(added.code).toBe(0);
    expect((await hall(['custom', 'list', '--data-dir', other], env)).stdout).toContain('CXLLB');
    expect((await hall(['custom', 'list'], env)).stdout).not.toContain('CXLLB');

    const found = await hall(['search', 'package details', '--json', '--data-dir', other], env);
    expect(found.code).toBe(0);
    expect(JSON.parse(found.stdout)[0].results[0].id).toBe('custom:CXLLB');
    expect(JSON.parse((await hall(['search', 'package details', '--json'], env)).stdout)[0].results.map((r: { id: string }) => r.id)).not.toContain('custom:CXLLB');
    const shown = await hall(['show', 'custom:CXLLB', '--data-dir', other], env);
    expect(shown.code).toBe(0);
    expect(shown.stdout).toMatch(/CXLLB\{month\} → 10086/);
    // Not taken for an instruction parameter.
    const composed = await hall(['compose', 'custom:CXLLB', '--month', '202610', '--data-dir', other], env);
    expect([composed.code, composed.stdout.trim()]).toEqual([0, 'CXLLB202610']);

    expect((await hall(['province', 'gd', '--data-dir', other], env)).stdout).toMatch(/\*\s+gd\s+Guangdong/);
    expect((await hall(['province'], env)).stdout).not.toMatch(/\*\s+gd/);
    expect((await hall(['update', '--data-dir', other], env)).stdout).toMatch(/Source\s+none \(offline\)/);
    expect(await readdir(home)).not.toContain('catalog-settings.json');
    // Eleven CLI processes, each 3–8 s at load ~19: the suite's 60 s ran out on both tries of a full run at load ~25.
  }, 240_000);

  it('commands with nothing in a data folder take it and go on (pdu, reply, ports)', async () => {
    const other = await folder();
    for (const args of [
      ['pdu', 'encode', '--to', '10086', '--text', 'YE', '--data-dir', other],
      ['reply', 'read', '您的账户余额为50.43元', '--data-dir', other],
      ['ports', '--json', '--data-dir', other],
    ]) {
      const run = await hall(args);
      expect(run.stderr, args.join(' ')).not.toMatch(/Unknown option|不认识的选项/);
      expect(run.stderr + run.stdout).not.toMatch(STACK_TRACE);
      expect(run.code, args.join(' ')).toBe(0);
    }
  });

  it('refuses an empty --data-dir (an unset shell variable) instead of using the folder it runs in', async () => {
    const here = await folder();
    const home = await folder();
    for (const args of [
      ['province', 'gd', '--data-dir='],
      ['custom', 'add', 'CXLLB', '--name', 'Data package details', '--template', 'CXLLB{month}', '--data-dir', ''],
      ['compose', 'ZD', '--month', '202610', '--data-dir', ' '],
    ]) {
      const run = await hall(args, { HALL10086_DATA_DIR: home }, undefined, here);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr).toMatch(/--data-dir needs a folder/);
      expect(run.stderr + run.stdout).not.toMatch(STACK_TRACE);
    }
    expect(await readdir(here)).toEqual([]);
    expect(await readdir(home)).toEqual([]);
  });
});
