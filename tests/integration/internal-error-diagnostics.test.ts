import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { Journal } from '../../src-main/services/journal';
import { DIAGNOSTICS_FILE, internalErrorHandler, recordInternalError } from '../../src-main/services/diagnostics';
import type { Bilingual } from '../../src-shared/errors';
import { STACK_TRACE } from './cli-helpers';

let dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
  dirs = [];
});

/**
 * `serve`'s handler of a bug (a failure that is not a HallError; the page is only told "internal"): it printed the
 * error with console.error, stack and all, on the user's terminal. Now the terminal gets one zh/en line with an id,
 * and the stack goes to diagnostics.log in the data folder (mode 0600), with the journal's mask over it.
 */
it("a bug's stack goes to the data folder's diagnostics log, masked, under the id the terminal line gives", async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'hall-diagnostics-'));
  dirs.push(dataDir);
  const journal = await Journal.open(dataDir);
  const bug = new TypeError('cannot read the reply to CXYEH 135790');
  const line = await recordInternalError(dataDir, bug, (text) => journal.maskText(text));
  await journal.close();

  for (const text of [line.zh, line.en]) {
    expect(text).not.toMatch(STACK_TRACE);
    expect(text).not.toContain('TypeError');
    expect(text).not.toContain('135790');
  }
  const id = /\(id ([0-9a-f]{8})\)/.exec(line.en)?.[1];
  expect(id, line.en).toBeDefined();
  expect(line.zh).toContain(`编号 ${id}`);
  const path = join(dataDir, DIAGNOSTICS_FILE);
  expect(line.en).toContain(path);

  const log = await readFile(path, 'utf8');
  expect(log).toContain(` ${id}\nTypeError: cannot read the reply to CXYEH ******`);
  expect(log).toMatch(STACK_TRACE);
  expect(log).not.toContain('135790');
  expect((await stat(path)).mode & 0o777).toBe(0o600);
});

/**
 * The Electron main printed a bug with console.error, stack and text, to its own stderr (a desktop session may keep it).
 * Electron cannot run here, so the handler it now calls, `internalErrorHandler` with its default (standard error), runs
 * in a Node process of its own as the Electron main would: its output is read whole, and the log. The Electron shell
 * printing again is caught by tests/unit/architecture/electron-errors.test.ts.
 */
it("the Electron main's handler: masked into diagnostics.log, only the id on the process's own output", async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'hall-diagnostics-'));
  dirs.push(dataDir);
  const handler = new URL('../../src-main/services/diagnostics.ts', import.meta.url).href;
  const catalog = new URL('../../src-shared/catalog/builtin.ts', import.meta.url).href;
  const script = `
    import { internalErrorHandler } from ${JSON.stringify(handler)};
    import { builtinCatalog } from ${JSON.stringify(catalog)};
    internalErrorHandler(process.argv[1], (text) => builtinCatalog().maskSecrets(text))(new TypeError('cannot read the reply to CXYEH 135790'));
  `;
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script, dataDir], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const code = await new Promise<number | null>((done) => child.on('close', done));
  expect(code, stderr).toBe(0);

  expect(stdout).toBe('');
  expect(stderr).not.toContain('135790');
  expect(stderr).not.toContain('TypeError');
  expect(stderr).not.toMatch(STACK_TRACE);
  const id = /\(id ([0-9a-f]{8})\)/.exec(stderr)?.[1];
  expect(id, stderr).toBeDefined();
  expect(stderr).toContain(`编号 ${id}`);

  const log = await readFile(join(dataDir, DIAGNOSTICS_FILE), 'utf8');
  expect(log).toContain(` ${id}\nTypeError: cannot read the reply to CXYEH ******`);
  expect(log).not.toContain('135790');
});

/*
 * mend41 (review37 item 8): a phone number or an ID number in a bug's message or stack, outside an instruction shape the
 * catalog knows, went to diagnostics.log clear; and two bugs at once past the rotation size both moved the log aside,
 * the second rename failed (ENOENT), and its id was said "could not be written" though its record went in.
 */
it('masks a PRC ID number and a mobile number in a bug\'s message and stack', async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'hall-diagnostics-'));
  dirs.push(dataDir);
  const journal = await Journal.open(dataDir);
  const bug = new Error('no SIM answers for 13812345678 (owner 11010519491231002X)');
  bug.stack = `${bug.stack}\n    at lookup (owner 44030619900101123x, 8613987654321)`;
  await recordInternalError(dataDir, bug, (text) => journal.maskText(text));
  await journal.close();
  const log = await readFile(join(dataDir, DIAGNOSTICS_FILE), 'utf8');
  for (const number of ['12345678', '1231002X', '0101123x', '987654321', '110105', '440306']) expect(log).not.toContain(number);
  expect(log).toContain('no SIM answers for 138****');
});

it('two bugs at once past the rotation size: both written, both said so', async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'hall-diagnostics-'));
  dirs.push(dataDir);
  const path = join(dataDir, DIAGNOSTICS_FILE);
  await writeFile(path, Buffer.alloc(1024 * 1024 + 1, 0x2e), { mode: 0o600 });
  const lines = await Promise.all([1, 2].map((n) => recordInternalError(dataDir, new Error(`bug ${n}`), (text) => text)));
  expect(lines.map((l) => l.en)).toEqual([expect.stringContaining('the details are in'), expect.stringContaining('the details are in')]);
  const ids = lines.map((l) => /\(id ([0-9a-f]{8})\)/.exec(l.en)![1]!);
  const both = (await readFile(path, 'utf8')) + (await readFile(`${path}.1`, 'utf8'));
  for (const id of ids) expect(both).toContain(` ${id}\n`);
});

/**
 * review39 item 5: the handler fired its record and returned nothing, so the Electron main's shutdown
 * (`core.close().catch(internalError)`, then app.exit) went on at once and exited before the record was written: a bug
 * at close left no trace. The handler now returns the record's promise, and shutdown waits for it. The Electron binary
 * cannot run here: this is the handler main.ts awaits, with the line it tells.
 */
it('the handler resolves once the record is written and its line told, so a shutdown that waits for it loses nothing', async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'hall-diagnostics-'));
  dirs.push(dataDir);
  const told: Bilingual[] = [];
  const handled = internalErrorHandler(dataDir, (text) => text, (line) => told.push(line))(new Error('the journal refused a write at close'));
  expect(handled).toBeInstanceOf(Promise);
  await handled;
  const id = /\(id ([0-9a-f]{8})\)/.exec(told[0]?.en ?? '')?.[1];
  expect(id, told[0]?.en).toBeDefined();
  expect(await readFile(join(dataDir, DIAGNOSTICS_FILE), 'utf8')).toContain(` ${id}\nError: the journal refused a write at close`);
});
