import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { chmod, mkdtemp, readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyPatch } from '../../src-shared/bundle';
import { builtin, nextCatalog, tamper } from '../unit/bundle/bundle-kit';
import { BIN, hall, STACK_TRACE, type CliRun } from './cli-helpers';

const CATALOG = join(import.meta.dirname, '../../instructions/catalog.json');
const V2 = '2026.12.01-1';
let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hall-catalog-cli-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

async function keygen(): Promise<{ key: string; pub: string; publicKey: string }> {
  const run = await hall(['catalog', 'keygen', '--out', dir]);
  expect(run.code).toBe(0);
  const publicKey = (await readFile(join(dir, 'catalog.pub'), 'utf8')).trim();
  return { key: join(dir, 'catalog.key'), pub: join(dir, 'catalog.pub'), publicKey };
}

/**
 * The real CLI under `ulimit -f KIB`: a write past that many KiB fails with EFBIG (Node ignores SIGXFSZ), so the file
 * is left as a short write, a full disk or a crash mid-write leaves it.
 */
function underFileSizeLimit(kib: number, args: string[]): Promise<CliRun> {
  return underShell(`ulimit -f ${kib}; exec "$0" "$@"`, args);
}

/** The real CLI run by a /bin/sh `script` (`"$0" "$@"` in it), what it writes to its standard output kept as bytes (a bundle is binary). */
function underShell(script: string, args: string[]): Promise<CliRun & { bytes: Buffer }> {
  return new Promise((resolve, reject) => {
    const child = spawn('/bin/sh', ['-c', script, process.execPath, BIN, ...args], {
      env: { ...process.env, LANG: 'en_US.UTF-8', LC_ALL: '', LC_MESSAGES: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    const out: Buffer[] = [];
    child.stderr.setEncoding('utf8').on('data', (d) => (stderr += d));
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout: '', stderr, bytes: Buffer.concat(out) }));
  });
}

async function writeV2(): Promise<string> {
  const path = join(dir, 'v2.json');
  await writeFile(path, JSON.stringify(nextCatalog(builtin(), V2)));
  return path;
}

describe('hall10086 catalog (maintainer tools)', () => {
  it('keygen prints the public key and key id, never the private key, and will not overwrite', async () => {
    const run = await hall(['catalog', 'keygen', '--out', dir]);
    expect(run.code).toBe(0);
    const keyFile = JSON.parse(await readFile(join(dir, 'catalog.key'), 'utf8'));
    const publicKey = (await readFile(join(dir, 'catalog.pub'), 'utf8')).trim();
    expect(publicKey).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    expect(keyFile).toMatchObject({ format: 'hall10086-catalog-key/1', publicKey, keyId: expect.stringMatching(/^[0-9a-f]{16}$/) });
    expect(run.stdout).toContain(publicKey);
    expect(run.stdout).toContain(keyFile.keyId);
    expect(run.stdout + run.stderr).not.toContain(keyFile.privateKey);
    expect((await stat(join(dir, 'catalog.key'))).mode & 0o777).toBe(0o600);
    const again = await hall(['catalog', 'keygen', '--out', dir]);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/exists; .*--force/);
    expect(JSON.parse(await readFile(join(dir, 'catalog.key'), 'utf8'))).toEqual(keyFile);
  });

  it('keygen --force over a key file that others could read leaves the new private key readable by its owner only', async () => {
    // A key file copied in with a loose mode (an old backup, a checkout): the new key must not inherit it.
    await writeFile(join(dir, 'catalog.key'), 'old\n');
    await chmod(join(dir, 'catalog.key'), 0o644);
    const run = await hall(['catalog', 'keygen', '--out', dir, '--force']);
    expect(run.code).toBe(0);
    expect(JSON.parse(await readFile(join(dir, 'catalog.key'), 'utf8'))).toMatchObject({ format: 'hall10086-catalog-key/1' });
    expect((await stat(join(dir, 'catalog.key'))).mode & 0o777).toBe(0o600);
  });

  it('sign then verify a full bundle, with the public key inline or as a file', async () => {
    const { key, pub, publicKey } = await keygen();
    const bundle = join(dir, 'full.json.gz');
    expect((await hall(['catalog', 'sign', CATALOG, '--key', key, '--out', bundle])).code).toBe(0);
    const json = await hall(['catalog', 'verify', bundle, '--pub', publicKey, '--json']);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({ kind: 'full', version: builtin().version, date: builtin().date, instructions: builtin().instructions.length });
    const text = await hall(['catalog', 'verify', bundle, '--pub', pub]);
    expect(text.stdout).toMatch(/Signature\s+valid/);
  });

  it('verify refuses a tampered bundle, a foreign key and a downgrade, without a stack trace', async () => {
    const { key, pub } = await keygen();
    const bundle = join(dir, 'full.json.gz');
    await hall(['catalog', 'sign', CATALOG, '--key', key, '--out', bundle]);
    const tampered = join(dir, 'tampered.json.gz');
    await writeFile(tampered, await tamper(new Uint8Array(await readFile(bundle)), (j) => (j.trusted.version = '2099.01.01-1')));
    const cases: [string[], RegExp][] = [
      [['catalog', 'verify', tampered, '--pub', pub], /signature does not match/],
      [['catalog', 'verify', bundle, '--pub', 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA='], /key that is not trusted/],
      [['catalog', 'verify', bundle, '--pub', pub, '--base', CATALOG], /not newer than the current/],
    ];
    for (const [args, message] of cases) {
      const run = await hall(args);
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(message);
      expect(run.stderr).toContain('stays in use');
      expect(run.stderr).not.toMatch(STACK_TRACE);
    }
  });

  it('diff prints a JSON Patch, and with a key writes a signed delta that verify accepts against the base', async () => {
    const { key, pub } = await keygen();
    const v2 = await writeV2();
    const printed = await hall(['catalog', 'diff', CATALOG, v2]);
    expect(printed.code).toBe(0);
    const patch = JSON.parse(printed.stdout);
    expect(patch).toEqual([
      { op: 'replace', path: '/version', value: V2 },
      { op: 'replace', path: '/date', value: '2026-12-01' },
      { op: 'replace', path: '/instructions/1/summary/en', value: `Changed for ${V2}` },
    ]);
    expect(applyPatch(builtin(), patch)).toStrictEqual(nextCatalog(builtin(), V2));
    const delta = join(dir, 'delta.json.gz');
    expect((await hall(['catalog', 'diff', CATALOG, v2, '--key', key, '--out', delta])).code).toBe(0);
    const run = await hall(['catalog', 'verify', delta, '--pub', pub, '--base', CATALOG, '--json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ kind: 'delta', version: V2, base: { version: builtin().version } });
    const withoutBase = await hall(['catalog', 'verify', delta, '--pub', pub]);
    expect(withoutBase.stderr).toMatch(/delta update is for version/);
  });

  it('bundle writes the static files an update source serves', async () => {
    const { key } = await keygen();
    const out = join(dir, 'site');
    const run = await hall(['catalog', 'bundle', await writeV2(), CATALOG, '--key', key, '--out', out]);
    expect(run.code).toBe(0);
    const full = `catalog-${V2}.full.json.gz`;
    const delta = `catalog-${builtin().version}-to-${V2}.delta.json.gz`;
    expect((await readdir(out)).sort()).toEqual([delta, full, 'index.json'].sort());
    expect(JSON.parse(await readFile(join(out, 'index.json'), 'utf8'))).toEqual({
      format: 'hall10086-catalog-index/1', latest: V2, full, deltas: { [builtin().version]: delta },
    });
    expect(run.stdout).toContain(full);
    expect(run.stderr).toBe('');
  });

  it('update source takes the maintainer\'s key as keygen prints it or as its .pub file, and then updates from that folder', async () => {
    const { key, pub, publicKey } = await keygen();
    const site = join(dir, 'site');
    expect((await hall(['catalog', 'bundle', await writeV2(), CATALOG, '--key', key, '--out', site])).code).toBe(0);
    for (const given of [pub, publicKey]) {
      const data = await mkdtemp(join(dir, 'data-'));
      const source = await hall(['update', 'source', site, '--pub', given, '--data-dir', data]);
      expect(source.stderr).toBe('');
      expect(source.code).toBe(0);
      const check = await hall(['update', 'check', '--data-dir', data]);
      expect(check.code).toBe(0);
      expect(check.stdout).toMatch(new RegExp(`Version\\s+${V2.replaceAll('.', '\\.')} \\(updated\\)`));
    }
    const wrong = await hall(['update', 'source', site, '--pub', 'not-a-key', '--data-dir', join(dir, 'data-wrong')]);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/public key is not valid/);
  });

  it('sign and bundle over files already published leave them whole when the write fails part-way (review40)', async () => {
    // A file-size limit (ulimit -f) makes the write fail after its first KiB: a real short write, as a full disk or a
    // crash mid-write gives. Before, the file was written in place: the bundle a source already served was cut to 4 KiB.
    const { key, pub } = await keygen();
    const v2 = await writeV2();
    const site = join(dir, 'site');
    const signed = join(dir, 'signed.json.gz');
    expect((await hall(['catalog', 'sign', v2, '--key', key, '--out', signed])).code).toBe(0);
    expect((await hall(['catalog', 'bundle', v2, CATALOG, '--key', key, '--out', site])).code).toBe(0);
    const before = { signed: await readFile(signed), site: await readdir(site) };
    for (const args of [['catalog', 'sign', v2, '--key', key, '--out', signed], ['catalog', 'bundle', v2, CATALOG, '--key', key, '--out', site]]) {
      const run = await underFileSizeLimit(4, args);
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/the file is larger than the system allows/);
      expect(run.stderr).not.toMatch(STACK_TRACE);
    }
    expect(await readFile(signed)).toEqual(before.signed);
    expect(await readdir(dir)).not.toContainEqual(expect.stringMatching(/\.tmp$/));
    expect((await readdir(site)).sort()).toEqual([...before.site].sort());
    for (const file of [signed, join(site, `catalog-${V2}.full.json.gz`)]) {
      const verify = await hall(['catalog', 'verify', file, '--pub', pub]);
      expect(verify.stderr).toBe('');
      expect(verify.code).toBe(0);
    }
  }, 240_000);

  it('sign --out /dev/fd/1 (/dev/stdout) writes the bundle down the pipe; a temp a killed write left is removed by the next run (review41)', async () => {
    const { key, pub } = await keygen();
    const v2 = await writeV2();
    // /dev/fd/1 is /dev/stdout's pipe by another path: code that replaced the path instead would fail in /proc here, where
    // as root it replaced the machine's /dev/stdout link with a file (it did, on this test's first run on the old code).
    // Through `| cat`, as a script pipes it (the test's own standard output is a socket, which /dev/fd/1 cannot open).
    const piped = await underShell('"$0" "$@" | cat', ['catalog', 'sign', v2, '--key', key, '--out', '/dev/fd/1']);
    expect(piped.stderr).toBe('');
    await writeFile(join(dir, 'piped.json.gz'), piped.bytes);
    expect((await hall(['catalog', 'verify', join(dir, 'piped.json.gz'), '--pub', pub])).code).toBe(0);

    // What a kill -9 between the temp's open and its rename leaves in the served folder, an hour ago.
    const site = join(dir, 'site');
    expect((await hall(['catalog', 'bundle', v2, CATALOG, '--key', key, '--out', site])).code).toBe(0);
    const served = (await readdir(site)).sort();
    const left = join(site, `catalog-${V2}.full.json.gz.${randomUUID()}.tmp`);
    await writeFile(left, 'half a bundle');
    await utimes(left, new Date(Date.now() - 3_600_000), new Date(Date.now() - 3_600_000));
    expect((await hall(['catalog', 'bundle', v2, CATALOG, '--key', key, '--out', site])).code).toBe(0);
    expect((await readdir(site)).sort()).toEqual(served);
  });

  it('update source refuses an address holding a user name or password, keeps nothing of it and never prints it (review40)', async () => {
    // fetch (Node's and the browser's) refuses such an address, so it could never work; before, it was kept in clear in
    // catalog-settings.json, printed by `update status` and every failed check, and shown on every page.
    const { pub } = await keygen();
    const data = join(dir, 'data');
    for (const [lang, words] of [['en', /user name or password/], ['zh-Hans', /用户名或密码/]] as const) {
      for (const source of ['https://maint:S3cretPw99@updates.example.invalid/hall/', 'http://S3cretPw99@updates.example.invalid/']) {
        const run = await hall(['--lang', lang, 'update', 'source', source, '--pub', pub, '--data-dir', data]);
        expect(run.stderr).toMatch(words);
        expect(run.code).toBe(2);
        expect(run.stdout + run.stderr).not.toContain('S3cretPw99');
        expect(run.stderr).not.toMatch(STACK_TRACE);
      }
    }
    const kept = await readdir(data).catch(() => []);
    for (const name of kept) expect(await readFile(join(data, name), 'utf8').catch(() => '')).not.toContain('S3cretPw99');
    const status = await hall(['update', 'status', '--data-dir', data]);
    expect(status.stdout).not.toContain('S3cretPw99');
  });

  it('bundle warns when the full bundle is over 8 KB or a search word finds another instruction, and still publishes', async () => {
    const { key } = await keygen();
    const heavy = nextCatalog(builtin(), V2);
    const ye = heavy.instructions.find((e) => e.id === 'YE')!;
    // Made-up words a compressor cannot shorten, and one that belongs to another instruction.
    ye.synonyms.en.push(...Array.from({ length: 400 }, (_, i) => `balance word ${(i * 7919).toString(36)}`), 'turn off mobile data');
    const path = join(dir, 'heavy.json');
    await writeFile(path, JSON.stringify(heavy));
    const run = await hall(['catalog', 'bundle', path, '--key', key, '--out', join(dir, 'site')]);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(new RegExp(`catalog-${V2}\\.full\\.json\\.gz is \\d+ B, over the 8192 B update budget`));
    expect(run.stderr).toContain(`YE's search word "turn off mobile data" finds QXGPRS first`);
    expect(run.stderr).not.toMatch(STACK_TRACE);
    expect(await readdir(join(dir, 'site'))).toContain(`catalog-${V2}.full.json.gz`);
  });

  it.each([
    [['catalog'], /catalog keygen/],
    [['catalog', 'sign', CATALOG], /--key is missing/],
    [['catalog', 'verify'], /Usage: hall10086 catalog verify/],
    [['catalog', 'sign', '/nonexistent/catalog.json', '--key', '/nonexistent/k', '--out', '/tmp/x'], /Cannot read the file/],
  ])('explains bad input: %j', async (args, message) => {
    const run = await hall(args);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toMatch(STACK_TRACE);
  });
});
